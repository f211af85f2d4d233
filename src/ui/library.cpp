// The library panel: search across every draft as you type, with filters whose values come from the drafts, ranked
// results with their snippets and highlighted words, and a click that opens the draft at the matching field.
// The index lives with the platform's library jobs (src/platform/library_job.h; the page's worker), never in the
// editor's wasm: this file sends each draft's JSON once, and again when it is saved or deleted, and asks questions.
#include <algorithm>
#include <chrono>

#include "a11y.h"
#include "app.h"
#include "core/exporters/exporters.h"  // status_label
#include "core/format.h"
#include "fonts.h"
#include "icons.h"
#include "imgui.h"
#include "library_json.h"
#include "locate.h"
#include "theme.h"
#include "timeline.h"
#include "widgets.h"

namespace hs::ui {
namespace {

// A frame spends at most this long turning drafts into JSON for the index; the rest go in the next frames, so
// opening the library over a thousand drafts never holds up a frame (the frame also draws the panel and its results,
// and sends the batch: about as long again).
// The clock is a steady one with sub-millisecond steps (the wall clock's whole milliseconds let a frame overshoot),
// and a draft is not begun when a long one would not fit in what is left (the longest of the recent ones: one large
// draft alone took a frame from 3 ms to 7 ms; the estimate fades, so that one very large draft does not slow the rest).
constexpr double kSyncBudgetMs = 3.0;  // drafts turned into JSON for the index in a frame
// ... and in a work task of its own (App::library_work), which adds nothing to a frame: more at a time, for where
// timers wait for frames (headless Chromium composites each frame in ~70 ms of the main thread, and a task waited a
// frame or two: at 3 ms a task the index of 1,000 drafts took 4 s to fill, twice as long as fed by frames).
constexpr double kWorkBudgetMs = 6.0;
constexpr size_t kResultsShown = 30;
constexpr double kAnswerWaitMs = 20;  // library_typed
// While the index is fed in work tasks, a frame (and with it a search, the count growing) at most this often: a frame
// after every batch spaced the batches by frames (in headless Chromium ~100 ms each: the index took twice as long).
constexpr double kFeedFrameMs = 250;
constexpr float kFilterLabelW = 70;  // the label after a filter's combo ("Severity")
const char* const kDialog = "Library: search all postmortems";

// A snippet drawn wrapped at `w`, its highlighted words (byte pairs in `hl`) on a tinted ground; the whole block is
// one selectable. True when clicked.
bool snippet_button(const std::string& text, const Json& hl, float w) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const ImVec2 sz = ImGui::CalcTextSize(text.c_str(), nullptr, false, w);
    const bool clicked = ImGui::Selectable("##snippet", false, 0, ImVec2(w, sz.y));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& p = palette();
    if (hl.is_array())
        for (size_t i = 0; i + 1 < hl.size(); i += 2) {
            if (!hl[i].is_number_unsigned() || !hl[i + 1].is_number_unsigned()) continue;
            const size_t a = hl[i].get<size_t>(), b = std::min(hl[i + 1].get<size_t>(), text.size());
            if (a >= b) continue;
            for (const ImRect& r : text_range_rects(font, size, at, text, w, a, b))
                dl->AddRectFilled(r.Min, r.Max, col(p.warning, 0.35f), 2.0f);
        }
    dl->AddText(font, size, at, col(p.text), text.c_str(), text.c_str() + text.size(), w);
    return clicked;
}

std::string same(const std::string& s) { return s; }
std::string severity_label(const std::string& s) { return "SEV" + s; }

// A filter over one kind of value: a combo listing the drafts' values (the facet `key` of the last answer), several
// may be ticked (library_ask sees the change).
void filter_combo(const char* name, std::vector<std::string>& chosen, const Json& answer, const char* key,
                  std::string (*label)(const std::string&), float w) {
    const std::string preview =
        chosen.empty()       ? std::string("any")
        : chosen.size() == 1 ? label(chosen[0])
                             : std::to_string(chosen.size()) + " chosen";
    ImGui::SetNextItemWidth(w);
    const std::string id = std::string(name) + "##filter." + name;
    if (a11y_begin_combo(id.c_str(), name, preview.c_str())) {
        const Json& offered = json_member(json_member(answer, "facets"), key);
        if (!offered.is_array() || offered.empty()) muted_text("No draft names any yet.");
        for (size_t i = 0; offered.is_array() && i < offered.size(); ++i) {
            if (!offered[i].is_string()) continue;
            const std::string v = offered[i].get<std::string>();
            const auto it = std::find(chosen.begin(), chosen.end(), v);
            const bool on = it != chosen.end();
            if (ImGui::Selectable(label(v).c_str(), on, ImGuiSelectableFlags_DontClosePopups)) {
                if (on) chosen.erase(it); else chosen.push_back(v);
            }
            mark(std::string("library.filter.") + name + "." + label(v));
        }
        ImGui::EndCombo();
    }
    mark(std::string("library.filter.") + name);
}

}  // namespace

const Json& json_member(const Json& j, const char* key) {
    static const Json none;
    if (!j.is_object()) return none;
    auto it = j.find(key);
    return it != j.end() ? *it : none;
}

std::string json_text(const Json& j, const char* key) {
    const Json& v = json_member(j, key);
    return v.is_string() ? v.get<std::string>() : std::string();
}

void App::open_library() {
    library_.open = true;
    library_.focus = true;
    library_.problem.clear();
    library_.dirty = true;
    platform_.request_frame();
}

// Sends the index the drafts it lacks or holds an older save of, and forgets the deleted ones. True when it sent any.
bool App::library_sync(double budget_ms) {
    if (!store_ || !library_.problem.empty()) return false;
    LibraryState& L = library_;
    const uint64_t revision = store_->revision();
    if (L.synced_revision == revision && !L.sent.empty()) return false;
    // A new pass when the store has changed since the last one began (or the index was lost); else this frame goes
    // on where the last one stopped.
    const bool fresh = L.pass_revision != revision || L.pass_from == 0 || L.sent.empty();
    if (fresh) {
        L.pass_revision = revision;
        L.pass_from = 0;
    }
    std::vector<std::string> gone;
    if (fresh)
        for (const auto& kv : L.sent)
            if (!store_->find(kv.first)) gone.push_back(kv.first);
    for (const std::string& id : gone) L.sent.erase(id);
    auto failed = [this](int status, const std::string& text) {
        if (status == Platform::kLinkOk) return;
        library_.problem = "The library could not be indexed: " + text + ". Close it and open it again to retry.";
        library_.sent.clear();
        platform_.request_frame();
    };
    if (!gone.empty()) platform_.library_job("drop", Json(gone).dump(), failed);
    // [[draft id, document], ...]: the documents' JSON as it is (draft ids need no escaping, is_valid_draft_id).
    std::string batch;
    using Clock = std::chrono::steady_clock;
    const Clock::time_point start = Clock::now();
    auto elapsed_ms = [](Clock::time_point from) {
        return std::chrono::duration<double, std::milli>(Clock::now() - from).count();
    };
    bool more = false;
    const std::vector<std::string>& ids = store_->ids();
    for (size_t k = L.pass_from; k < ids.size(); ++k) {
        const std::string& id = ids[k];
        const Draft* d = store_->find(id);
        if (!d) continue;
        auto it = L.sent.find(id);
        if (it != L.sent.end() && it->second == d->updated_ms) continue;
        if (!batch.empty() && elapsed_ms(start) + L.longest_draft_ms > budget_ms) {
            more = true;
            L.pass_from = k;
            break;
        }
        const Clock::time_point one = Clock::now();
        batch += (batch.empty() ? "[[\"" : ",[\"") + id + "\"," + save_document(d->doc) + "]";
        L.longest_draft_ms = std::max(elapsed_ms(one), L.longest_draft_ms * 0.9);
        L.sent[id] = d->updated_ms;
    }
    if (!batch.empty()) platform_.library_job("put", batch + "]", failed);
    if (more) {
        if (platform_.background_work()) library_feed();
        else platform_.request_frame();
    } else {
        L.synced_revision = revision;
        L.pass_from = 0;
    }
    const bool sent = !gone.empty() || !batch.empty();
    if (sent) {
        library_.dirty = true;
        library_.similar_stale = true;
        library_.similar_changed_ms = platform_.now_ms();
    }
    return sent;
}

// Turning drafts into JSON for the index takes up to kSyncBudgetMs at a time: where the platform runs background work
// (the web), that is a task of its own between frames (App::work), so that a frame only draws; elsewhere this frame.
void App::library_feed() {
    if (!platform_.background_work()) {
        library_sync(kSyncBudgetMs);
        return;
    }
    // Nothing changed since the index last had every draft (each frame of the open panel comes here): no task.
    if (library_.feed_wanted || (store_ && library_.synced_revision == store_->revision() && !library_.sent.empty()))
        return;
    library_.feed_wanted = true;
    platform_.request_work();
}

void App::library_work() {
    LibraryState& L = library_;
    if (!L.feed_wanted) return;
    L.feed_wanted = false;
    const bool sent = library_sync(kWorkBudgetMs);  // asks for the next task itself when there is more (feed_wanted again)
    const double now = platform_.now_ms();
    if (sent && (!L.feed_wanted || now - L.feed_frame_ms >= kFeedFrameMs)) {
        L.feed_frame_ms = now;
        platform_.request_frame();
    }
}

bool App::library_ask() {
    LibraryState& L = library_;
    if (!L.problem.empty()) return false;
    const LibraryFilters& f = L.filters;
    const Json q = {{"q", L.query},        {"severities", f.severities}, {"statuses", f.statuses},
                    {"services", f.services}, {"tags", f.tags},          {"owners", f.owners},
                    {"since", f.since},    {"until", f.until},          {"limit", kResultsShown}};
    std::string question = q.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (!L.dirty && question == L.asked) return false;
    L.dirty = false;
    L.asked = question;
    const int seq = ++L.seq;
    L.expected = L.sent.size();
    platform_.library_job("search", question, [this, seq](int status, const std::string& text) {
        LibraryState& S = library_;
        if (seq != S.seq) return;  // a later search was asked: this answer is stale
        platform_.request_frame();
        if (status != Platform::kLinkOk) {
            S.problem = "The library could not be searched: " + text + ". Close it and open it again to retry.";
            return;
        }
        Json a = Json::parse(text, nullptr, false);
        if (!a.is_object()) return;
        // Fewer drafts than were sent: the index was lost (its worker stopped and started again). Send them all.
        if (a.value("size", size_t{0}) < S.expected) {
            S.sent.clear();
            S.dirty = true;
        }
        S.answered = seq;
        S.answer = std::move(a);
    });
    return true;
}

// A keystroke in the search box asks the index at once, before the frame that draws the keystroke, and the next frame
// (one already due included) waits for the answer up to kAnswerWaitMs: the query and its results are drawn together,
// one frame instead of two (with 1,000 drafts the worker answers 2-14 ms after the keystroke). Where a frame is slow to
// reach the screen (headless Chromium reads each WebGL frame back for its software compositor, ~60 ms), the frame
// drawn for the keystroke delayed the answer's by that much: results were drawn 70-150 ms after the last keystroke,
// now 10-23 ms (bench/library/browser.js). The typed text is in the page's text box, which does not wait. An answer
// slower than the wait is drawn in a frame of its own.
void App::library_typed() {
    if (library_.open && store_ && library_ask()) platform_.request_frame_within(kAnswerWaitMs);
    else platform_.request_frame();
}

// Opens the draft and brings the field at `path` into view, flashed and ready to edit.
void App::open_at_field(const std::string& draft_id, const std::string& path) {
    open_draft(draft_id);
    if (draft_id_ != draft_id || !doc_) return;
    library_.open = false;
    highlight_path_ = path;
    highlight_until_ = ImGui::GetTime() + 2.0;
    const std::string prefix = "timeline/";
    if (path.compare(0, prefix.size(), prefix) == 0) {  // an event: the timeline opens its description
        const std::string ev = path.substr(prefix.size(), path.find('/', prefix.size()) - prefix.size());
        for (const Event& e : doc_->timeline)
            if (e.id == ev) {
                scroll_to_section_ = "timeline";
                ensure_timeline();
                timeline_->edit_description(e.id, e.time.unix_ms);
            }
        return;
    }
    for (const auto& [p, section] : text_fields())
        if (p == path) scroll_to_section_ = section;
    if (field(path)) {
        scroll_to_path_ = path;
        activate_field(path);
    }
    platform_.request_frame();
}

void App::draw_library() {
    if (library_.open || ImGui::IsPopupOpen(kDialog)) draw_library_open();
}

void App::draw_library_filters(float w) {
    LibraryState& L = library_;
    LibraryFilters& f = L.filters;
    const float cw = std::max(120.0f, std::min(180.0f, (w - 40) / 3));
    const float right = ImGui::GetCursorScreenPos().x + w;
    filter_combo("Severity", f.severities, L.answer, "severities", severity_label, cw);
    same_line_if_fits(cw + kFilterLabelW, right);
    filter_combo("Status", f.statuses, L.answer, "statuses", status_label, cw);
    same_line_if_fits(cw + kFilterLabelW, right);
    filter_combo("Service", f.services, L.answer, "services", same, cw);
    same_line_if_fits(cw + kFilterLabelW, right);
    filter_combo("Tag", f.tags, L.answer, "tags", same, cw);
    same_line_if_fits(cw + kFilterLabelW, right);
    filter_combo("Owner", f.owners, L.answer, "owners", same, cw);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(palette().text_muted, "Written from");
    ImGui::SameLine();
    date_picker("library.since", f.since, platform_.now_ms());
    ImGui::SameLine();
    ImGui::TextUnformatted(f.since.empty() ? "any date" : f.since.c_str());
    ImGui::SameLine();
    ImGui::TextColored(palette().text_muted, "to");
    ImGui::SameLine();
    date_picker("library.until", f.until, platform_.now_ms());
    ImGui::SameLine();
    ImGui::TextUnformatted(f.until.empty() ? "any date" : f.until.c_str());
    if (f.any()) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Clear filters")) f = LibraryFilters{};
        mark("library.clear_filters");
    }
}

void App::draw_library_open() {
    LibraryState& L = library_;
    if (!begin_dialog(kDialog, L.open, 900, 760)) return;
    if (!store_) {
        muted_text(storage_failed_ ? "Your drafts could not be loaded, so there is nothing to search."
                                   : "Your drafts are still loading\xe2\x80\xa6");
    } else {
        // The frame that opens the panel shows and focuses its text field (the page lays it out): the drafts go to
        // the index from the next frame on.
        if (L.focus) platform_.request_frame();
        else library_feed();
        const float w = ImGui::GetContentRegionAvail().x;
        if (L.focus) {
            text_input_focus("ui:library");
            L.focus = false;
        }
        text_input("ui:library", L.query, "Search titles, timelines, causes, lessons, action items\xe2\x80\xa6",
                   std::max(120.0f, w - 110));
        mark("library.input");
        ImGui::SameLine();
        const std::string toggle = std::string(ICON_LIST "  Filters") + (L.filters.any() ? " \xe2\x80\xa2" : "");
        if (ImGui::Button(toggle.c_str())) L.show_filters = !L.show_filters;
        mark("library.filters");
        if (L.show_filters) draw_library_filters(w);
        library_ask();  // when the query, the filters or the drafts changed
        ImGui::Spacing();
        const float footer = ImGui::GetFrameHeightWithSpacing() + 6;
        ImGui::BeginChild("library.results", ImVec2(0, std::max(120.0f, ImGui::GetContentRegionAvail().y - footer)));
        draw_library_results();
        ImGui::EndChild();
    }
    end_dialog(L.open, "library.close", true);
}

void App::draw_library_results() {
    LibraryState& L = library_;
    const Palette& p = palette();
    const Json& a = L.answer;
    if (!L.problem.empty()) {
        ImGui::TextColored(p.danger, "%s", L.problem.c_str());
        mark("library.problem");
        return;
    }
    if (store_->size() == 0) {
        ImGui::TextWrapped("No postmortems yet: import a .zip of your team's postmortems (Open, or drop it on the "
                           "page), or start one with New postmortem. They all show here.");
        mark("library.empty");
        return;
    }
    if (!a.is_object()) {
        muted_text("Indexing your postmortems\xe2\x80\xa6");
        return;
    }
    // The worker words the line above the results: how many match, none (and what to do), or a query's problem.
    const Json& results = json_member(a, "results");
    const bool none = !results.is_array() || results.empty();
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(none ? p.text : p.text_muted, "%s", json_text(a, "line").c_str());
    ImGui::PopTextWrapPos();
    mark(none ? "library.none" : "library.count");
    if (none) return;
    std::string open_id, open_path;
    const float w = ImGui::GetContentRegionAvail().x;
    const size_t n = results.is_array() ? results.size() : 0;
    if (L.heights_for != L.answered || L.heights_w != w || L.heights.size() != n) {
        L.heights.assign(n, 0.0f);
        L.heights_for = L.answered;
        L.heights_w = w;
    }
    static const char* const kResultMark[] = {"library.result.{}"};
    // Results out of view are not laid out: those measured already stand in by their height, the others by a guess
    // until a few a frame are measured (a new answer's first frame lays out only what is in view).
    constexpr int kMeasureOffScreen = 4;
    const float guess = ImGui::GetTextLineHeightWithSpacing() * 5;
    int measured_off = 0;
    for (size_t i = 0; i < n; ++i) {
        const ImVec2 top = ImGui::GetCursorScreenPos();
        const float h = L.heights[i] > 0 ? L.heights[i] : guess;
        if (!ImGui::IsRectVisible(ImVec2(w, h)) && (L.heights[i] > 0 || measured_off++ >= kMeasureOffScreen)) {
            mark_group(kResultMark, 1, std::to_string(i), top.x, top.y, w, h);
            ImGui::Dummy(ImVec2(w, h - ImGui::GetStyle().ItemSpacing.y));
            if (L.heights[i] <= 0) platform_.request_frame();  // measured in a later frame
            continue;
        }
        const Json& r = results[i];
        const std::string id = json_text(r, "id"), title = json_text(r, "title");
        ImGui::PushID(static_cast<int>(i));
        ImGui::Separator();
        ImGui::PushFont(fonts().bold);
        const std::string shown = title.empty() ? std::string("Untitled postmortem") : title;
        if (ImGui::Selectable(shown.c_str())) open_id = id;
        ImGui::PopFont();
        mark("library.result." + std::to_string(i));
        muted_text(json_text(r, "meta").c_str());
        const Json& fields = json_member(r, "fields");
        for (size_t j = 0; fields.is_array() && j < fields.size(); ++j) {
            const std::string path = json_text(fields[j], "path");
            ImGui::PushID(static_cast<int>(j));
            ImGui::Indent(12);
            ImGui::TextColored(p.accent, "%s", json_text(fields[j], "label").c_str());
            if (snippet_button(json_text(fields[j], "snippet"), json_member(fields[j], "hl"), w - 12))
                open_id = id, open_path = path;
            mark("library.field." + std::to_string(i) + "." + std::to_string(j));
            ImGui::Unindent(12);
            ImGui::PopID();
        }
        ImGui::PopID();
        L.heights[i] = ImGui::GetCursorScreenPos().y - top.y;
    }
    if (!open_id.empty()) {
        if (open_path.empty()) {
            open_draft(open_id);
            if (draft_id_ == open_id) L.open = false;
        } else {
            open_at_field(open_id, open_path);
        }
    }
}

}  // namespace hs::ui
