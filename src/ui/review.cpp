// Review in the editor: the Review section at the end of the document (status, reviewers, decisions, comments with
// their replies, suggestions with Accept / Reject), the comment markers in the fields' margins and the dialog that
// writes a comment or a suggestion. The operations are the core's (core/review.h); each change is one undo step.
// Reply links, and the reviewer's name, are in review_links.cpp.
#include <algorithm>

#include "a11y.h"
#include "app.h"
#include "core/review.h"
#include "core/schema.h"
#include "core/templates.h"
#include "fonts.h"
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "theme.h"
#include "widgets.h"

namespace hs::ui {
namespace {

constexpr const char* kReviewSection = "review";
constexpr float kAnswerButtonW = 90;

const char* state_label(const std::string& s) {
    if (s == "in_review") return "In review";
    if (s == "approved") return "Approved";
    if (s == "changes_requested") return "Changes requested";
    if (s == "final") return "Final";
    return "Draft";
}

const char* decision_label(const std::string& d) {
    if (d == "approved") return "approved";
    if (d == "changes_requested") return "requested changes";
    return "commented";
}

// "Summary", or the path of a field inside a list ("timeline/ev-1/description").
std::string field_label(const std::string& path) {
    const std::string t = section_title(path);
    return t.empty() ? path : t;
}

// Who accepts or rejects a suggestion: the name typed, else the postmortem's owner.
std::string decider(const std::string& reviewer, const Document& d) {
    if (!reviewer.empty()) return reviewer;
    return d.owner.empty() ? "author" : d.owner;
}

void quote(const std::string& exact, const ImVec4& colour) {
    if (exact.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextWrapped("\xe2\x80\x9c%s\xe2\x80\x9d", exact.c_str());
    ImGui::PopStyleColor();
}

}  // namespace

Instant App::review_now() const { return Instant{platform_.now_ms() / 1000 * 1000, 0, true}; }

void App::review_edited(const std::string& label) { edited("review#" + label, label); }

int App::open_comment_count() const {
    if (!doc_) return 0;
    int n = 0;
    for (const Comment& c : doc_->comments) n += !comment_resolved(c) && !comment_is_placeholder(c);
    return n;
}

// ---- in the fields ---------------------------------------------------------------------------------------------

// The number of open comments on the field just drawn, in its right margin.
void App::draw_comment_marker(const std::string& path) {
    if (!doc_ || doc_->comments.empty()) return;
    int n = 0;
    for (const Comment& c : doc_->comments) n += c.anchor.path == path && !comment_resolved(c);
    if (n == 0) return;
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const std::string label = std::string(ICON_COMMENT) + std::to_string(n);
    const ImVec2 at(b.x + 4, a.y + ImGui::GetStyle().FramePadding.y);
    ImGui::GetWindowDrawList()->AddText(at, col(palette().accent), label.c_str());
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    mark_rect("review.marker." + path, at.x, at.y, size.x, size.y);
}

// A comment button at the right end of a section's header line.
void App::draw_comment_button(const std::string& path) {
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::GetFrameHeight() - 4);
    if (icon_button(ICON_COMMENT, ("comment." + path).c_str(), "Comment or suggest a change (Ctrl+Alt+M)"))
        open_composer(path);
    mark("review.comment_on." + path);
}

void App::open_composer(const std::string& path) {
    if (!doc_ || !hs::text_field(*doc_, path)) return;
    review_.compose_open = true;
    review_.compose_path = path;
    review_.compose_passage.clear();
    review_.compose_text.clear();
    review_.compose_replacement.clear();
    review_.compose_error.clear();
    // Words selected in this field, with nothing changed since: they are what the comment is about.
    if (review_.selection_path == path && review_.selection_rev == doc_rev_) review_.compose_passage = review_.selection;
    review_.selection_path.clear();
    platform_.request_frame();
}

void App::overlay_selection(const std::string& path, const std::string& text) {
    review_.selection = text;
    review_.selection_path = path;
    review_.selection_rev = doc_rev_;
}

void App::comment_shortcut() {
    if (!review_.last_field.empty()) open_composer(review_.last_field);
}

// ---- the comment / suggestion dialog -----------------------------------------------------------------------------

void App::draw_composer() {
    if (review_.compose_open || ImGui::IsPopupOpen("Comment")) draw_composer_open();
}

void App::draw_composer_open() {
    if (!begin_dialog("Comment", review_.compose_open, 560, 470)) return;
    ImGui::Text("On %s", field_label(review_.compose_path).c_str());
    if (!reviewer_known()) draw_reviewer_name("ui:review.compose_name");
    if (a11y_radio("Comment", !review_.compose_suggest)) review_.compose_suggest = false;
    mark("review.mode.comment");
    ImGui::SameLine();
    if (a11y_radio("Suggest a change", review_.compose_suggest)) review_.compose_suggest = true;
    mark("review.mode.suggest");
    ImGui::TextUnformatted(review_.compose_suggest ? "The words to replace" : "The passage (optional)");
    text_input("ui:review.passage", review_.compose_passage,
               review_.compose_suggest ? "Copy them from the field" : "Empty: the whole field", -1);
    mark("review.passage");
    if (review_.compose_suggest) {
        ImGui::TextUnformatted("Replace them with");
        text_input("ui:review.replacement", review_.compose_replacement, "The wording you suggest", -1);
        mark("review.replacement");
    } else {
        ImGui::TextUnformatted("Comment");
        text_input("ui:review.text", review_.compose_text, "What should change, or a question", -1);
        mark("review.text");
    }
    if (!review_.compose_error.empty()) review_note(review_.compose_error, false, "review.compose_error");
    ImGui::Spacing();
    if (primary_button(review_.compose_suggest ? ICON_PENCIL "  Suggest" : ICON_COMMENT "  Add comment") &&
        add_composed()) {
        review_.compose_open = false;
        ImGui::CloseCurrentPopup();
    }
    mark("review.add");
    end_dialog(review_.compose_open, "review.compose_close", true);
}

// Adds what the dialog holds; false, with the reason shown, when something is missing.
bool App::add_composed() {
    Document& d = *doc_;
    ReviewState& r = review_;
    const std::string* text = hs::text_field(d, r.compose_path);
    if (!text) return r.compose_error = "That field is no longer in the postmortem.", false;
    if (r.reviewer.empty()) return r.compose_error = "Type your name first: comments say who wrote them.", false;
    size_t begin = 0, end = text->size();
    if (!r.compose_passage.empty()) {
        begin = text->find(r.compose_passage);
        if (begin == std::string::npos)
            return r.compose_error = "\xe2\x80\x9c" + r.compose_passage + "\xe2\x80\x9d is not in " +
                                     field_label(r.compose_path) + ": copy the words exactly as the field has them" +
                                     (r.compose_suggest ? "." : ", or leave it empty to comment on the whole field."),
                   false;
        end = begin + r.compose_passage.size();
    }
    if (r.compose_suggest) {
        if (begin == end) return r.compose_error = "Give the words to replace (the field is empty).", false;
        if (r.compose_replacement == text->substr(begin, end - begin))
            return r.compose_error = "The new wording is the same as the old one.", false;
        add_suggestion(d, make_anchor(d, r.compose_path, begin, end), r.reviewer, r.compose_replacement, review_now());
        review_edited("Suggest a change");
        return true;
    }
    if (r.compose_text.empty()) return r.compose_error = "Write the comment.", false;
    const Anchor a = r.compose_passage.empty() ? anchor_to(r.compose_path) : make_anchor(d, r.compose_path, begin, end);
    add_comment(d, a, r.reviewer, r.compose_text, review_now());
    review_edited("Add comment");
    return true;
}

// ---- the Review section ------------------------------------------------------------------------------------------

void App::draw_review_section(float w) {
    ImGui::PushID(kReviewSection);
    if (scroll_to_section_ == kReviewSection) {
        ImGui::SetScrollHereY(0.1f);
        ImGui::SetNextItemOpen(true);
        scroll_to_section_.clear();
        platform_.request_frame();
    } else {
        ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    }
    ImGui::PushFont(fonts().bold);
    const std::string title = "Review \xc2\xb7 " + std::string(state_label(review_state(*doc_))) + "###review";
    const bool open = ImGui::CollapsingHeader(title.c_str());
    ImGui::PopFont();
    mark("section.review");
    if (open) {
        ImGui::Indent(4);
        ImGui::PushItemWidth(w - 4);
        draw_review_workflow();
        // Suggest mode from here too (the top bar's pencil; on a phone, only here).
        bool on = suggesting();
        if (ImGui::Checkbox("Suggest changes instead of editing the text", &on)) toggle_suggesting();
        mark("review.suggest_mode");
        draw_review_suggestions();
        draw_review_comments();
        ImGui::PopItemWidth();
        ImGui::Unindent(4);
    }
    ImGui::PopID();
}

// Status, reviewers, Ask for review, the decisions and the buttons to record one.
void App::draw_review_workflow() {
    Document& d = *doc_;
    const Palette& p = palette();
    const std::string state = review_state(d);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("Status: %s", state_label(state));
    mark("review.state." + state);
    if (d.status != "in_review") {  // a draft, or a final postmortem opened again for review
        ImGui::SameLine();
        if (ImGui::Button(ICON_BELL "  Ask for review")) {
            d.status = "in_review";
            review_edited("Ask for review");
        }
        mark("review.ask");
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(p.text_muted, "Reviewers:");
    int remove = -1;
    for (size_t i = 0; i < d.reviewers.size(); ++i) {
        ImGui::SameLine();
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::SmallButton((d.reviewers[i] + "  " ICON_TIMES).c_str())) remove = static_cast<int>(i);
        ImGui::PopID();
    }
    if (remove >= 0) {
        d.reviewers.erase(d.reviewers.begin() + remove);
        review_edited("Remove reviewer");
    }
    const InputResult in = text_input("ui:review.new_reviewer", review_.new_reviewer, "Add a reviewer (a name)", 260,
                                      kInputEnter);
    mark("review.new_reviewer");
    ImGui::SameLine();
    if ((ImGui::Button(ICON_PLUS "  Add") || in.enter) && !review_.new_reviewer.empty()) {
        if (std::find(d.reviewers.begin(), d.reviewers.end(), review_.new_reviewer) == d.reviewers.end()) {
            d.reviewers.push_back(review_.new_reviewer);
            review_edited("Add reviewer");
        }
        review_.new_reviewer.clear();
    }
    mark("review.add_reviewer");
    for (const Approval* a : latest_decisions(d)) {
        const ImVec4 c = a->decision == "approved" ? p.success : a->decision == "changes_requested" ? p.danger : p.text_muted;
        ImGui::TextColored(c, "%s %s %s", a->reviewer.c_str(), decision_label(a->decision),
                           ago(platform_.now_ms(), a->at.unix_ms).c_str());
        mark("review.decision." + a->reviewer);
    }
    draw_reviewer_name("ui:review.name");
    const char* decisions[][2] = {{"approved", ICON_CHECK "  Approve"},
                                  {"changes_requested", ICON_FLAG "  Request changes"},
                                  {"commented", ICON_COMMENT "  Comment only"}};
    ImGui::BeginDisabled(review_.reviewer.empty());
    for (size_t i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine();
        if (ImGui::Button(decisions[i][1])) {
            record_decision(d, review_.reviewer, decisions[i][0], review_now());
            review_edited("Record decision");
        }
        mark(std::string("review.decide.") + decisions[i][0]);
    }
    ImGui::EndDisabled();
    ImGui::Spacing();
}

void App::draw_review_comments() {
    const Palette& p = palette();
    const int open = open_comment_count();
    ImGui::TextColored(p.text_muted, "%d open comment%s of %zu", open, open == 1 ? "" : "s", doc_->comments.size());
    mark("review.comments");
    for (Comment& c : doc_->comments) draw_review_comment(c);
}

void App::draw_review_comment(Comment& c) {
    const Palette& p = palette();
    ImGui::PushID(c.id.c_str());
    ImGui::Separator();
    const bool resolved = comment_resolved(c);
    if (comment_is_placeholder(c)) {
        muted_text("A reply to a comment this draft does not have yet (its author's reply link is not applied).");
    } else {
        ImGui::TextColored(resolved ? p.text_muted : p.accent, ICON_COMMENT "  %s on %s%s", c.author.c_str(),
                           field_label(c.anchor.path).c_str(), resolved ? " (resolved)" : "");
        mark("review.comment." + c.id);
        quote(c.anchor.exact, p.text_muted);
        if (resolve_anchor(*doc_, c.anchor).status == AnchorStatus::Orphaned) {
            ImGui::TextColored(p.warning, ICON_WARNING "  on deleted text");
            mark("review.orphaned." + c.id);
        }
        ImGui::TextWrapped("%s", c.text.c_str());
    }
    ImGui::Indent(16);
    for (const CommentReply& r : c.replies) ImGui::TextWrapped("%s: %s", r.author.c_str(), r.text.c_str());
    std::string& answer = review_.answers[c.id];
    const float w = ImGui::GetContentRegionAvail().x - kAnswerButtonW * 2 - 16;
    const bool enter = text_input("ui:review.answer." + c.id, answer, "Reply", std::max(120.0f, w), kInputEnter).enter;
    mark("review.answer." + c.id);
    ImGui::SameLine();
    if ((ImGui::Button("Reply", ImVec2(kAnswerButtonW, 0)) || enter) && !answer.empty() && reviewer_known()) {
        add_comment_reply(*doc_, c.id, review_.reviewer, answer, review_now());
        answer.clear();
        review_edited("Reply to comment");
    }
    mark("review.reply." + c.id);
    ImGui::SameLine();
    if (ImGui::Button(resolved ? "Reopen" : "Resolve", ImVec2(kAnswerButtonW, 0)) && reviewer_known()) {
        if (resolved) reopen_comment(*doc_, c.id, review_.reviewer, review_now());
        else resolve_comment(*doc_, c.id, review_.reviewer, review_now());
        review_edited(resolved ? "Reopen comment" : "Resolve comment");
    }
    mark((resolved ? "review.reopen." : "review.resolve.") + c.id);
    ImGui::Unindent(16);
    ImGui::PopID();
}

// Open suggestions: alone, or side by side with those changing the same words.
void App::draw_review_suggestions() {
    Document& d = *doc_;
    std::vector<const Suggestion*> open;
    for (const Suggestion& s : d.suggestions)
        if (s.state == "open") open.push_back(&s);
    if (open.empty()) return;
    ImGui::Text("%zu open suggestion%s", open.size(), open.size() == 1 ? "" : "s");
    mark("review.suggestions");
    const std::string by = decider(review_.reviewer, d);
    ImGui::SameLine();
    if (ImGui::SmallButton("Accept all")) {
        const ReviewOutcome o = accept_all_suggestions(d, by, review_now());
        if (o.count) review_edited("Accept all suggestions");
        if (!o.ok || o.count < open.size()) show_message(o.message);
        return;
    }
    mark("review.accept_all");
    ImGui::SameLine();
    if (ImGui::SmallButton("Reject all")) {
        if (reject_all_suggestions(d, by, review_now()).count) review_edited("Reject all suggestions");
        return;
    }
    mark("review.reject_all");
    std::vector<std::string> grouped;
    const std::vector<std::vector<std::string>> groups = suggestion_conflicts(d);
    for (size_t g = 0; g < groups.size(); ++g) {
        muted_text("These suggestions change the same words; accept one:");
        const std::string table = "conflict" + std::to_string(g);
        if (!ImGui::BeginTable(table.c_str(), static_cast<int>(groups[g].size()), ImGuiTableFlags_BordersInnerV))
            continue;
        mark("review.conflict." + std::to_string(g));
        for (const std::string& id : groups[g]) {
            grouped.push_back(id);
            ImGui::TableNextColumn();
            if (const Suggestion* s = find_suggestion(d, id)) draw_suggestion_row(*s, ImGui::GetContentRegionAvail().x);
        }
        ImGui::EndTable();
    }
    for (const Suggestion* s : open)
        if (std::find(grouped.begin(), grouped.end(), s->id) == grouped.end()) draw_suggestion_row(*s, ImGui::GetContentRegionAvail().x);
    ImGui::Spacing();
}

// One suggestion: who, where, old -> new, Accept and Reject (which act after the frame's drawing of it).
void App::draw_suggestion_row(const Suggestion& s, float width) {
    const Palette& p = palette();
    const std::string id = s.id;
    ImGui::PushID(id.c_str());
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextColored(p.accent, ICON_PENCIL "  %s on %s", s.author.c_str(), field_label(s.anchor.path).c_str());
    mark("review.suggestion." + id);
    quote(s.anchor.exact, p.danger);
    ImGui::TextColored(p.text_muted, ICON_ARROW_DOWN);
    quote(s.replacement, p.success);
    ImGui::PopTextWrapPos();
    const std::string by = decider(review_.reviewer, *doc_);
    bool changed = false;
    if (ImGui::SmallButton("Accept")) {
        const ReviewOutcome o = accept_suggestion(*doc_, id, by, review_now());
        if (o.ok) changed = true;
        else show_message(o.message);
    }
    mark("review.accept." + id);
    ImGui::SameLine();
    if (ImGui::SmallButton("Reject")) changed = reject_suggestion(*doc_, id, by, review_now()).ok;
    mark("review.reject." + id);
    ImGui::PopID();
    if (changed) review_edited("Decide on a suggestion");
}

}  // namespace hs::ui
