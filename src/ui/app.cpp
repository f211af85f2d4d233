#include "app.h"

#include <algorithm>
#include <cstdio>

#include "core/embedded.h"
#include "core/format.h"
#include "core/templates.h"
#include "fonts.h"
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "misc/cpp/imgui_stdlib.h"
#include "theme.h"

namespace hs::ui {
namespace {

std::string severity_label(const Document& d) {
    if (d.severity < 1 || d.severity > 5) return "No severity";
    if (d.severity_labels.size() == 5) return d.severity_labels[static_cast<size_t>(d.severity - 1)];
    return "SEV" + std::to_string(d.severity);
}

std::string status_label(const std::string& s) {
    if (s == "in_review") return "In review";
    if (s == "final") return "Final";
    return "Draft";
}

// A rounded pill with text, used for severity and status.
void badge(const std::string& text, const ImVec4& colour) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    ImVec2 pad(8, 3);
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetFrameHeight();
    p.y += (h - ts.y - pad.y * 2) * 0.5f;
    ImVec2 q(p.x + ts.x + pad.x * 2, p.y + ts.y + pad.y * 2);
    dl->AddRectFilled(p, q, col(colour, palette().dark ? 0.25f : 0.14f), 999.0f);
    dl->AddText(ImVec2(p.x + pad.x, p.y + pad.y), col(colour), text.c_str());
    ImGui::Dummy(ImVec2(q.x - p.x, h));
}

bool primary_button(const char* label, const ImVec2& size = ImVec2(0, 0)) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.88f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.75f));
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
    ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0, 0, 0, 0));
    bool r = ImGui::Button(label, size);
    ImGui::PopStyleColor(5);
    return r;
}

bool prose_field(const char* id, std::string& text, const char* hint) {
    float w = ImGui::GetContentRegionAvail().x;
    // Grow with the content: one line of height per line of text, at least four.
    int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    float h = ImGui::GetTextLineHeight() * static_cast<float>(std::max(4, lines + 1)) +
              ImGui::GetStyle().FramePadding.y * 2;
    bool changed = ImGui::InputTextMultiline(id, &text, ImVec2(w, h));
    if (text.empty() && !ImGui::IsItemActive() && hint && *hint) {
        ImVec2 r = ImGui::GetItemRectMin();
        ImVec2 pad = ImGui::GetStyle().FramePadding;
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(r.x + pad.x, r.y + pad.y),
                                            col(palette().text_muted, 0.8f), hint, nullptr, w - pad.x * 2);
    }
    return changed;
}

// Sample titles, parsed once (the largest sample is too big to parse every frame).
const std::string& sample_title(const EmbeddedFile* f) {
    static std::vector<std::pair<const EmbeddedFile*, std::string>> cache;
    for (const auto& e : cache)
        if (e.first == f) return e.second;
    LoadResult r = load_document(std::string(f->data, f->size));
    std::string p = f->path;
    cache.emplace_back(f, r.ok && !r.doc.title.empty() ? r.doc.title : p.substr(p.find('/') + 1));
    return cache.back().second;
}

}  // namespace

App::App(Platform& platform) : platform_(platform) { dark_ = platform_.prefers_dark(); }
App::~App() = default;

void App::set_dark(bool dark) {
    dark_ = dark;
    apply_theme(dark_);
    platform_.request_frame();
}

void App::open_document(Document doc) {
    doc_ = std::make_unique<Document>(std::move(doc));
    platform_.set_window_title((doc_->title.empty() ? std::string("Untitled postmortem") : doc_->title) +
                               " \xe2\x80\x94 Hindsight");
    platform_.request_frame();
}

bool App::open_json(const std::string& text, const std::string& source_name) {
    LoadResult r = load_document(text);
    if (!r.ok) {
        std::string msg = source_name + " could not be opened:";
        for (size_t i = 0; i < r.problems.size() && i < 5; ++i)
            msg += "\n  " + (r.problems[i].pointer.empty() ? std::string("") : r.problems[i].pointer + ": ") +
                   r.problems[i].message;
        messages_.push_back(msg);
        platform_.request_frame();
        return false;
    }
    open_document(std::move(r.doc));
    return true;
}

std::string App::document_json() const { return doc_ ? save_document(*doc_) : std::string(); }

void App::mark_changed() {
    if (!doc_) return;
    Instant now;
    now.unix_ms = platform_.now_ms() / 1000 * 1000;
    now.set = true;
    doc_->updated = now;
    platform_.request_frame();
}

void App::frame() {
    animating_ = false;
    locate_begin_frame();
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##root", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar();

    const float top_h = 52.0f;
    draw_top_bar(top_h);

    const bool narrow = io.DisplaySize.x < 720.0f;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 14));
    if (sidebar_open_ && !narrow) {
        ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0);
        ImGui::BeginChild("sidebar", ImVec2(260, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
        ImVec2 sp = ImGui::GetWindowPos();
        ImGui::GetWindowDrawList()->AddLine(ImVec2(sp.x + 259, sp.y), ImVec2(sp.x + 259, sp.y + ImGui::GetWindowHeight()),
                                            col(palette().border));
        draw_sidebar();
        ImGui::EndChild();
        ImGui::PopStyleVar();
        ImGui::SameLine(0, 0);
    }
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().bg);
    ImGui::BeginChild("centre", ImVec2(0, 0), false);
    if (narrow && sidebar_open_) {
        draw_sidebar();
        ImGui::Separator();
    }
    if (doc_)
        draw_editor();
    else
        draw_welcome();
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();

    draw_template_picker();
    draw_messages();
    ImGui::End();
}

void App::draw_top_bar(float height) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.panel);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 10));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0);
    ImGui::BeginChild("topbar", ImVec2(0, height), false, ImGuiWindowFlags_NoScrollbar);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 wp = ImGui::GetWindowPos();
    dl->AddLine(ImVec2(wp.x, wp.y + height - 1), ImVec2(wp.x + ImGui::GetWindowWidth(), wp.y + height - 1),
                col(p.border));
    ImGui::SetCursorPosY((height - ImGui::GetFrameHeight()) * 0.5f);
    if (ImGui::Button(ICON_BARS "##sidebar")) sidebar_open_ = !sidebar_open_;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show or hide the drafts sidebar");
    ImGui::SameLine();
    ImGui::PushFont(fonts().bold);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(p.accent, ICON_HISTORY);
    ImGui::SameLine(0, 6);
    ImGui::TextUnformatted("Hindsight");
    ImGui::PopFont();
    if (doc_) {
        ImGui::SameLine(0, 18);
        ImGui::AlignTextToFramePadding();
        std::string t = doc_->title.empty() ? std::string("Untitled postmortem") : doc_->title;
        if (t.size() > 60) t = t.substr(0, 57) + "...";
        ImGui::TextColored(p.text_muted, "%s", t.c_str());
        ImGui::SameLine(0, 12);
        badge(severity_label(*doc_), severity_colour(doc_->severity));
        ImGui::SameLine(0, 6);
        badge(status_label(doc_->status), status_colour(doc_->status.c_str()));
    }
    float right = ImGui::GetWindowWidth() - 12;
    float bw = ImGui::GetFrameHeight();
    ImGui::SameLine(right - bw);
    if (ImGui::Button(dark_ ? ICON_SUN "##theme" : ICON_MOON "##theme", ImVec2(bw, 0))) set_dark(!dark_);
    mark("topbar.theme");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(dark_ ? "Switch to the light theme" : "Switch to the dark theme");
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

void App::draw_sidebar() {
    const Palette& p = palette();
    ImGui::TextColored(p.text_muted, "OPEN");
    if (doc_) {
        std::string t = ICON_FILE_TEXT "  " + (doc_->title.empty() ? std::string("Untitled postmortem") : doc_->title);
        ImGui::Selectable(t.c_str(), true);
    } else {
        ImGui::TextColored(p.text_muted, "Nothing open yet");
    }
    ImGui::Spacing();
    if (ImGui::Button(ICON_PLUS "  New postmortem", ImVec2(-1, 0))) open_template_picker_ = true;
    mark("sidebar.new");
    ImGui::Spacing();
    ImGui::TextColored(p.text_muted, "SAMPLES");
    for (const std::string& path : list_embedded("samples/")) {
        const EmbeddedFile* f = find_embedded(path);
        if (!f) continue;
        ImGui::PushID(path.c_str());
        if (ImGui::Selectable((std::string(ICON_BOOK "  ") + sample_title(f)).c_str()))
            open_json(std::string(f->data, f->size), path);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", sample_title(f).c_str());
        mark("sidebar.sample." + path);
        ImGui::PopID();
    }
}

void App::draw_welcome() {
    const Palette& p = palette();
    float w = std::min(640.0f, ImGui::GetContentRegionAvail().x - 32);
    float x = std::max(16.0f, (ImGui::GetContentRegionAvail().x - w) * 0.5f);
    ImGui::SetCursorPos(ImVec2(x, 48));
    ImGui::BeginGroup();
    ImGui::PushFont(fonts().title);
    ImGui::TextUnformatted("Write the postmortem while it is fresh.");
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    ImGui::TextColored(p.text_muted,
                       "Hindsight is a blameless postmortem editor that runs entirely in your browser: no account, "
                       "no server, your incident data stays on this machine.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::Spacing();
    if (primary_button(ICON_PLUS "  New postmortem", ImVec2(220, 40))) open_template_picker_ = true;
    mark("welcome.new");
    ImGui::Spacing();
    ImGui::Spacing();
    ImGui::TextColored(p.text_muted, "Or start from a sample postmortem:");
    for (const std::string& path : list_embedded("samples/")) {
        const EmbeddedFile* f = find_embedded(path);
        if (!f) continue;
        ImGui::PushID(path.c_str());
        if (ImGui::Button((std::string(ICON_BOOK "  ") + sample_title(f)).c_str()))
            open_json(std::string(f->data, f->size), path);
        mark("welcome.sample." + path);
        ImGui::PopID();
    }
    ImGui::EndGroup();
}

void App::draw_template_picker() {
    if (open_template_picker_) {
        ImGui::OpenPopup("New postmortem");
        open_template_picker_ = false;
    }
    ImVec2 c = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(c, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(520.0f, ImGui::GetIO().DisplaySize.x - 24), 0));
    if (!ImGui::BeginPopupModal("New postmortem", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    static std::string title;
    ImGui::TextUnformatted("Title");
    ImGui::SetNextItemWidth(-1);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextWithHint("##newtitle", "e.g. Checkout errors after config push", &title);
    mark("new.title");
    ImGui::Spacing();
    ImGui::TextUnformatted("Template");
    for (const TemplateInfo& t : list_templates()) {
        ImGui::PushID(t.name.c_str());
        std::string label = t.label + "##tpl";
        ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0));
        ImGui::PushFont(fonts().bold);
        bool chosen = ImGui::Selectable(label.c_str(), false, 0, ImVec2(0, 44));
        ImGui::PopFont();
        ImGui::PopStyleVar();
        if (chosen) {
            Document d;
            if (new_from_template(t.name, title, platform_.now_ms(), d)) {
                open_document(std::move(d));
                title.clear();
                ImGui::CloseCurrentPopup();
            }
        }
        mark("new.template." + t.name);
        ImVec2 r = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(r.x, r.y + 22),
                                            col(palette().text_muted), t.description.c_str(), nullptr,
                                            ImGui::GetContentRegionAvail().x);
        ImGui::PopID();
    }
    ImGui::Spacing();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    mark("new.cancel");
    ImGui::EndPopup();
}

void App::draw_editor() {
    Document& d = *doc_;
    const Palette& p = palette();
    float w = std::min(860.0f, ImGui::GetContentRegionAvail().x - 24);
    float x = std::max(12.0f, (ImGui::GetContentRegionAvail().x - w) * 0.5f);
    ImGui::SetCursorPos(ImVec2(x, 20));
    ImGui::BeginGroup();
    ImGui::PushItemWidth(w);
    ImGui::PushFont(fonts().title);
    if (ImGui::InputTextWithHint("##title", "Untitled postmortem", &d.title)) {
        platform_.set_window_title(d.title + " \xe2\x80\x94 Hindsight");
        mark_changed();
    }
    mark("editor.title");
    ImGui::PopFont();
    ImGui::PopItemWidth();

    // Header fields in two columns.
    if (ImGui::BeginTable("header", 4, ImGuiTableFlags_SizingStretchProp, ImVec2(w, 0))) {
        ImGui::TableSetupColumn("k1", ImGuiTableColumnFlags_WidthFixed, 90);
        ImGui::TableSetupColumn("v1", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("k2", ImGuiTableColumnFlags_WidthFixed, 90);
        ImGui::TableSetupColumn("v2", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(p.text_muted, "Incident");
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-1);
        if (ImGui::InputTextWithHint("##incident", "INC-1234", &d.incident_id)) mark_changed();
        mark("editor.incident_id");
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(p.text_muted, "Severity");
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-1);
        if (ImGui::BeginCombo("##severity", severity_label(d).c_str())) {
            for (int s = 1; s <= 5; ++s) {
                Document probe;
                probe.severity = s;
                probe.severity_labels = d.severity_labels;
                if (ImGui::Selectable(severity_label(probe).c_str(), d.severity == s)) {
                    d.severity = s;
                    mark_changed();
                }
            }
            ImGui::EndCombo();
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(p.text_muted, "Owner");
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-1);
        if (ImGui::InputTextWithHint("##owner", "Who drives this review", &d.owner)) mark_changed();
        mark("editor.owner");
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(p.text_muted, "Status");
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-1);
        if (ImGui::BeginCombo("##status", status_label(d.status).c_str())) {
            for (const std::string& s : vocab::kStatuses)
                if (ImGui::Selectable(status_label(s).c_str(), d.status == s)) {
                    d.status = s;
                    mark_changed();
                }
            ImGui::EndCombo();
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();

    const std::vector<std::string>& order = d.sections.empty() ? vocab::kSections : d.sections;
    for (const std::string& key : order) {
        std::string* prose = nullptr;
        if (key == "summary") prose = &d.summary;
        else if (key == "leadup") prose = &d.leadup;
        else if (key == "trigger") prose = &d.trigger;
        else if (key == "fault") prose = &d.fault;
        else if (key == "detection") prose = &d.detection;
        else if (key == "response") prose = &d.response;
        else if (key == "recovery") prose = &d.recovery;
        else if (key == "resolution") prose = &d.resolution;
        else if (key == "impact") prose = &d.impact.description;
        ImGui::PushID(key.c_str());
        ImGui::SetNextItemOpen(true, ImGuiCond_Once);
        ImGui::PushFont(fonts().bold);
        bool open = ImGui::CollapsingHeader(section_title(key).c_str());
        ImGui::PopFont();
        if (open) {
            if (prose) {
                if (prose_field("##prose", *prose, section_hint(key).c_str())) mark_changed();
                mark("editor.prose." + key);
            } else if (key == "timeline") {
                if (d.timeline.empty()) ImGui::TextColored(p.text_muted, "%s", section_hint(key).c_str());
                for (const Event& e : d.timeline) {
                    ImGui::PushFont(fonts().mono);
                    ImGui::TextColored(p.text_muted, "%s", format_local(e.time).c_str());
                    ImGui::PopFont();
                    ImGui::SameLine();
                    ImGui::TextColored(p.accent, "%s", e.type.c_str());
                    ImGui::SameLine();
                    ImGui::TextWrapped("%s", e.description.c_str());
                }
            } else if (key == "action_items") {
                if (d.action_items.empty()) ImGui::TextColored(p.text_muted, "%s", section_hint(key).c_str());
                for (const ActionItem& a : d.action_items)
                    ImGui::BulletText("[%s] %s  (%s, due %s)", a.priority.c_str(), a.title.c_str(),
                                      a.owner.empty() ? "no owner" : a.owner.c_str(),
                                      a.due.empty() ? "not set" : a.due.c_str());
            } else {
                const std::vector<Item>* items = nullptr;
                if (key == "root_causes") items = &d.root_causes;
                else if (key == "contributing_factors") items = &d.contributing_factors;
                else if (key == "five_whys") items = &d.five_whys;
                else if (key == "open_questions") items = &d.open_questions;
                if (items) {
                    if (items->empty()) ImGui::TextColored(p.text_muted, "%s", section_hint(key).c_str());
                    for (const Item& it : *items) ImGui::BulletText("%s", it.text.c_str());
                } else if (key == "lessons") {
                    const std::pair<const char*, const std::vector<Item>*> groups[] = {
                        {"Went well", &d.lessons.went_well},
                        {"Went wrong", &d.lessons.went_wrong},
                        {"Got lucky", &d.lessons.got_lucky}};
                    for (const auto& g : groups) {
                        ImGui::TextColored(p.text_muted, "%s", g.first);
                        for (const Item& it : *g.second) ImGui::BulletText("%s", it.text.c_str());
                    }
                } else if (key == "links") {
                    for (const LinkRef& l : d.links) ImGui::BulletText("%s  %s", l.title.c_str(), l.url.c_str());
                }
            }
        }
        ImGui::PopID();
        ImGui::Spacing();
    }
    ImGui::Dummy(ImVec2(w, 40));
    ImGui::EndGroup();
}

void App::draw_messages() {
    if (messages_.empty()) return;
    if (!ImGui::IsPopupOpen("Problem")) ImGui::OpenPopup("Problem");
    ImVec2 c = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(c, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(560.0f, ImGui::GetIO().DisplaySize.x - 24), 0));
    if (ImGui::BeginPopupModal("Problem", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextColored(palette().danger, ICON_EXCLAMATION_CIRCLE);
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(messages_.front().c_str());
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        if (ImGui::Button("OK", ImVec2(100, 0))) {
            messages_.erase(messages_.begin());
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

}  // namespace hs::ui
