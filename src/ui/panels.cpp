// The right panel (lint findings and metrics), the export menu and the read view.
#include <algorithm>

#include "app.h"
#include "timeline.h"
#include "core/filename.h"
#include "core/timeline.h"
#include "core/exporters/exporters.h"
#include "core/format.h"
#include "core/metrics.h"
#include "core/text.h"
#include "fonts.h"
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "theme.h"
#include "widgets.h"

namespace hs::ui {
namespace {


// The figure and, beside it, what it is measured from ("from detection" when the timeline has no impact start):
// the same duration means different things from the two origins.
void metric_row(const MetricRow& r) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    // The label wraps within its column, and the basis goes under the figure where the panel is too narrow for it
    // beside: nothing runs past the panel's edge or into the next column.
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
    ImGui::TextWrapped("%s", r.label);
    ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    if (r.seconds) {
        ImGui::PushFont(fonts().mono);
        ImGui::TextUnformatted(format_duration(*r.seconds).c_str());
        ImGui::PopFont();
        const char* words = basis_words(r.basis);
        same_line_if_fits(ImGui::CalcTextSize(words).x, ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x);
        ImGui::TextColored(palette().text_muted, "%s", words);
        mark(std::string("metrics.basis.") + r.key + "." + basis_key(r.basis));
    } else {
        ImGui::TextColored(palette().text_muted, "not defined");
    }
}

}  // namespace

void App::jump_to(const Finding& f) {
    scroll_to_section_ = f.section;
    const std::string path = finding_path(f);
    highlight_path_ = path;
    highlight_until_ = ImGui::GetTime() + 2.0;
    if (field(path)) activate_field(path);
    platform_.request_frame();
}

void App::draw_side_panel() {
    const Palette& p = palette();
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(ICON_CHECK_CIRCLE "  Lint");
    ImGui::PopFont();
    mark("panel.lint");
    if (findings_.empty()) {
        ImGui::TextColored(p.success, ICON_CHECK " Nothing to point out.");
    }
    for (size_t i = 0; i < findings_.size(); ++i) {
        const Finding& f = findings_[i];
        ImGui::PushID(static_cast<int>(i));
        const bool blame = f.rule == "blame-language" || f.rule.find("blame") != std::string::npos;
        ImVec4 c = blame ? p.warning : (f.severity == "info" ? p.info : p.warning);
        ImGui::PushStyleColor(ImGuiCol_Text, c);
        ImGui::TextUnformatted(blame ? ICON_COMMENT : ICON_WARNING);
        ImGui::PopStyleColor();
        ImGui::SameLine();
        // The message wraps at word boundaries within the panel, its lines hanging under the first (not under the
        // icon); the whole block is one selectable that jumps to the place.
        const ImVec2 tp = ImGui::GetCursorScreenPos();
        const float wrap = std::max(40.0f, ImGui::GetContentRegionAvail().x);
        const ImVec2 ts = ImGui::CalcTextSize(f.message.c_str(), nullptr, false, wrap);
        if (ImGui::Selectable("##f", false, 0, ImVec2(wrap, ts.y))) jump_to(f);
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), tp, ImGui::GetColorU32(ImGuiCol_Text),
                                            f.message.c_str(), nullptr, wrap);
        if (ImGui::IsItemHovered() && !f.suggestion.empty()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
            ImGui::TextUnformatted(f.suggestion.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        mark("finding." + std::to_string(i));
        if (f.rule == "timeline-order") {  // the suggestion has its command: one click, one undoable step
            if (ImGui::SmallButton(ICON_SORT "  Sort the timeline by time")) {
                ImGui::PopID();
                if (sort_events_by_time(doc_->timeline)) edited("timeline#sort", "Sort the timeline by time");
                break;  // the findings are rebuilt from the sorted timeline
            }
            mark("finding.fix." + std::to_string(i));
        }
        ImGui::PopID();
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(ICON_CLOCK "  Metrics");
    ImGui::PopFont();
    if (!metrics_valid_ || metrics_rev_ != timeline_rev()) {
        metrics_ = compute_metrics(*doc_);
        ++metrics_runs_;
        metrics_rev_ = timeline_rev();
        metrics_valid_ = true;
    }
    const Metrics& m = metrics_;
    if (ImGui::BeginTable("metrics", 2, ImGuiTableFlags_SizingStretchProp)) {
        for (const MetricRow& r : metric_rows(m)) metric_row(r);
        ImGui::EndTable();
    }
    // A paging tool's import knows the alert, not the impact: say so once, above the list of what is missing.
    const bool from_detection = m.resolve_basis == Basis::detected || m.impact_basis == Basis::detected ||
                                m.mitigate_basis == Basis::detected;
    if (from_detection) {
        muted_text("Impact start unknown: durations run from detection.");
        mark("metrics.impact_start_unknown");
    }
    // A missing event in one short line each (the notes name it once per metric), with the button that adds it.
    for (const std::string& t : m.missing) {
        ImGui::PushID(t.c_str());
        const std::string label = event_type_label(t);
        const bool vowel = std::string("AEIOUaeiou").find(label[0]) != std::string::npos;
        const std::string need = std::string("Needs ") + (vowel ? "an " : "a ") + label + " event";
        const std::string add = ICON_PLUS " Add " + label;
        ImGui::TextColored(p.text_muted, "%s", need.c_str());
        mark("metrics.missing." + t);
        const ImGuiStyle& st = ImGui::GetStyle();
        const float bw = ImGui::CalcTextSize(add.c_str()).x + 2 * st.FramePadding.x;
        if (ImGui::GetContentRegionAvail().x - ImGui::GetItemRectSize().x - st.ItemSpacing.x >= bw) ImGui::SameLine();
        if (ImGui::SmallButton(add.c_str())) add_missing_event(t);
        mark("metrics.add." + t);
        ImGui::PopID();
    }
    // The other notes: an event earlier than the impact start it is measured from.
    for (const std::string& n : m.notes)
        if (n.find("check the order") != std::string::npos) muted_text(n.c_str());
    draw_similar_section();  // similar.cpp
}

// Added where it is likely to be: an impact start at the earliest event, the others at the latest one (a timeline
// without times: now). The caret goes to its description in the timeline list.
void App::add_missing_event(const std::string& type) {
    Document& d = *doc_;
    Event ev;
    ev.id = new_id("ev");
    ev.type = type;
    ev.time.set = true;
    ev.time.unix_ms = snap_time(platform_.now_ms(), SnapUnit::Minute);
    bool any = false;
    for (const Event& e : d.timeline) {
        if (!e.time.set) continue;
        const bool better = type == "impact_start" ? e.time.unix_ms < ev.time.unix_ms : e.time.unix_ms > ev.time.unix_ms;
        if (!any || better) ev.time.unix_ms = e.time.unix_ms;
        any = true;
    }
    ev.time.offset_min = document_offset_min(d);
    d.timeline.push_back(ev);
    sort_events_by_time(d.timeline);  // the timeline is kept in time order
    edited("timeline#add", "Add " + event_type_label(type) + " event");
    scroll_to_section_ = "timeline";
    ensure_timeline();
    timeline_->edit_description(ev.id, ev.time.unix_ms);
}

App::WorkCounts App::work_counts() const { return {timeline_ ? timeline_->rebuilds() : 0, metrics_runs_}; }

void App::open_read_view() { show_read_view_of(*doc_); }

void App::export_then(ExportJob job, const Document& d, const std::string& arg, std::function<void(std::string)> done) {
    platform_.export_document(job, save_document(d), arg, [this, done](int status, const std::string& text) {
        if (status == Platform::kLinkOk) done(text);
        else show_message("The export could not be made: " + text + ". Your postmortem is unchanged; try again.");
        platform_.request_frame();
    });
}

// The read view lays out kReadViewRows timeline events at a time (core/exporters/jobs.h); the rest come a batch per
// click on the last row (read_view_more). Its document is kept as JSON for those batches.
void App::show_read_view_of(const Document& d, bool print) {
    const int gen = ++read_view_gen_;
    read_view_json_ = save_document(d);
    platform_.export_document(ExportJob::ReadView, read_view_json_, "", [this, gen, print](int status, const std::string& text) {
        if (gen != read_view_gen_) return;  // closed, or another document shown since
        if (status != Platform::kLinkOk) {
            read_view_json_.clear();
            show_message("The read view could not be made: " + text + ". Your postmortem is unchanged; try again.");
            return;
        }
        platform_.show_read_view(text, "");
        if (print) platform_.print_read_view();
    });
}

void App::read_view_more(size_t from) {
    if (read_view_json_.empty()) return;
    const int gen = read_view_gen_;
    platform_.export_document(ExportJob::ReadViewRows, read_view_json_, std::to_string(from),
                              [this, gen, from](int status, const std::string& text) {
                                  if (gen != read_view_gen_) return;
                                  if (status == Platform::kLinkOk) platform_.read_view_rows(text, from);
                                  else show_message("More of the timeline could not be shown: " + text + ".");
                              });
}

void App::read_view_closed(const std::string& section) {
    ++read_view_gen_;
    read_view_json_.clear();
    if (!section.empty()) scroll_to_section_ = section;
    platform_.request_frame();
}

void App::draw_export_menu() {
    if (!ImGui::BeginPopup("export")) return;
    const Document& d = *doc_;
    const std::string stem = document_file_stem(d);  // an allow-list of characters; the extension comes last
    if (ImGui::MenuItem(ICON_EYE "  Read view")) open_read_view();
    mark("export.read");
    ImGui::Separator();
    // Each download is made by the platform (web: in the worker) and saved when it comes back.
    auto download = [&](ExportJob job, const std::string& name, const char* mime, const std::string& arg = "") {
        export_then(job, d, arg, [this, name, mime](const std::string& text) { platform_.download(name, mime, text); });
    };
    if (ImGui::MenuItem(ICON_FILE_TEXT "  Markdown (.md)")) download(ExportJob::Markdown, stem + ".md", "text/markdown;charset=utf-8");
    mark("export.md");
    if (ImGui::MenuItem(ICON_COPY "  Copy as Markdown"))
        export_then(ExportJob::Markdown, d, "", [this](const std::string& text) {
            platform_.copy_text(text);
            confirm("Copied as Markdown");
        });
    mark("export.md_copy");
    if (ImGui::MenuItem(ICON_FILE "  HTML page (.html)")) download(ExportJob::Html, stem + ".html", "text/html;charset=utf-8");
    mark("export.html");
    if (ImGui::MenuItem(ICON_PRINT "  Print or save as PDF")) show_read_view_of(d, true);
    mark("export.print");
    ImGui::Separator();
    if (ImGui::MenuItem(ICON_TASKS "  Action items for trackers (.csv)"))
        download(ExportJob::ActionsCsv, stem + "-actions.csv", "text/csv;charset=utf-8");
    mark("export.csv");
    // Each row labelled hindsight-<item id>: the tracker's own CSV export of these tickets can be opened later to
    // bring statuses, due dates and ticket links back (core/tracker.h).
    if (ImGui::MenuItem(ICON_TASKS "  Jira issues (.csv)")) download(ExportJob::JiraCsv, stem + "-jira.csv", "text/csv;charset=utf-8");
    mark("export.jira_csv");
    if (ImGui::MenuItem(ICON_TASKS "  GitLab issues (.csv)"))
        download(ExportJob::GitlabCsv, stem + "-gitlab.csv", "text/csv;charset=utf-8");
    mark("export.gitlab_csv");
    const bool has_dates = ics_item_count(d) > 0;
    if (ImGui::MenuItem(ICON_CALENDAR "  Action item reminders (.ics)", nullptr, false, has_dates))
        download(ExportJob::Ics, stem + "-actions.ics", "text/calendar;charset=utf-8", std::to_string(platform_.now_ms()));
    if (!has_dates && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("No open action item has a due date yet: there is nothing to put in a calendar.");
    mark("export.ics");
    ImGui::Separator();
    if (ImGui::MenuItem(ICON_SAVE "  Hindsight file (.hindsight.json)"))
        platform_.download(stem + ".hindsight.json", "application/json", save_document(d, true));
    mark("export.json");
    ImGui::EndPopup();
}

}  // namespace hs::ui
