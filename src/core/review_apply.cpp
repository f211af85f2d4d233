// Reply links, the two ends: what a reviewer's copy adds to the version received (make_reply), and the author's
// draft taking it in (apply_reply).
#include <algorithm>
#include <map>
#include <set>

#include "review.h"
#include "review_reply.h"
#include "schema.h"
#include "text.h"

namespace hs {

namespace {

// The editor's paths of every text field a reviewer may change: prose sections, then item texts.
std::vector<std::string> text_paths(const Document& d) {
    std::vector<std::string> p = {"title",     "summary",  "leadup",   "trigger",           "fault",
                                  "detection", "response", "recovery", "resolution",        "impact.description",
                                  "impact.slo"};
    for (const Event& e : d.timeline) p.push_back("timeline/" + e.id + "/description");
    for (const ActionItem& a : d.action_items) {
        p.push_back("action_items/" + a.id + "/title");
        p.push_back("action_items/" + a.id + "/description");
    }
    const std::pair<const char*, const std::vector<Item>*> lists[] = {
        {"root_causes", &d.root_causes},         {"contributing_factors", &d.contributing_factors},
        {"five_whys", &d.five_whys},             {"open_questions", &d.open_questions},
        {"lessons.went_well", &d.lessons.went_well}, {"lessons.went_wrong", &d.lessons.went_wrong},
        {"lessons.got_lucky", &d.lessons.got_lucky}};
    for (const auto& l : lists)
        for (const Item& i : *l.second) p.push_back(std::string(l.first) + "/" + i.id + "/text");
    return p;
}

// The changed span of `before` -> `after`: [b, before_end) became [b, after_end). Never empty on the `before` side
// (an insertion takes the code point before it, or after it at the start), so that it can be quoted.
struct Change {
    size_t b = 0, before_end = 0, after_end = 0;
};
Change changed_span(const std::string& before, const std::string& after) {
    Change c;
    size_t pre = 0;
    while (pre < before.size() && pre < after.size() && before[pre] == after[pre]) ++pre;
    pre = std::min(utf8_floor(before, pre), utf8_floor(after, pre));
    size_t suf = 0;
    while (suf < before.size() - pre && suf < after.size() - pre &&
           before[before.size() - 1 - suf] == after[after.size() - 1 - suf])
        ++suf;
    // Move the end back onto a code point boundary in both texts.
    while (suf > 0 && ((static_cast<unsigned char>(before[before.size() - suf]) & 0xC0) == 0x80)) --suf;
    c.b = pre;
    c.before_end = before.size() - suf;
    c.after_end = after.size() - suf;
    if (c.before_end == c.b) {  // a pure insertion: quote a neighbouring code point
        if (c.b > 0) {
            c.b = utf8_prev(before, c.b);
        } else if (c.before_end < before.size()) {
            size_t len = 0;
            utf8_decode(before, c.before_end, len);
            c.before_end += len;
            c.after_end += len;
        }
    }
    return c;
}

// A reviewer's direct edit of a field, as a suggestion on the base text.
void edits_as_suggestions(const Document& base, const Document& edited, const std::string& reviewer, Instant now,
                          ReviewReply& r) {
    for (const std::string& path : text_paths(base)) {
        const std::string* before = anchor_field(base, anchor_to(path));
        const std::string* after = anchor_field(edited, anchor_to(path));
        if (!before || !after || *before == *after || before->empty()) continue;
        const Change c = changed_span(*before, *after);
        if (c.before_end <= c.b) continue;
        Suggestion s = new_review_element<Suggestion>("sg", reviewer, now);
        s.anchor = make_anchor(base, path, c.b, c.before_end);
        s.replacement = after->substr(c.b, c.after_end - c.b);
        r.suggestions.push_back(std::move(s));
    }
}

// A reply carries a quote's context only where the quote alone is ambiguous (it occurs more than once in the field
// of the version received): the quote and its offset find it otherwise, and the link stays short.
void trim_context(const Document& base, Anchor& a) {
    if (a.exact.empty()) return;
    const std::string* f = anchor_field(base, a);
    if (!f) return;
    const size_t first = f->find(a.exact);
    if (first == std::string::npos || f->find(a.exact, first + 1) != std::string::npos) return;
    a.prefix.clear();
    a.suffix.clear();
}

void comment_changes(const Document& base, const Document& edited, ReviewReply& r) {
    for (const Comment& c : edited.comments) {
        const Comment* was = find_comment(base, c.id);
        if (!was) {
            r.comments.push_back(c);
            continue;
        }
        std::set<std::string> known;
        for (const CommentReply& x : was->replies) known.insert(x.id);
        for (const CommentReply& x : c.replies)
            if (!known.count(x.id)) r.answers.push_back({c.id, x});
        if (c.resolved.at.set && c.resolved.at != was->resolved.at) r.marks.push_back({c.id, true, c.resolved});
        if (c.reopened.at.set && c.reopened.at != was->reopened.at) r.marks.push_back({c.id, false, c.reopened});
    }
}

std::string quoted(const std::string& s) {
    constexpr size_t kShownBytes = 60;
    if (s.size() <= kShownBytes) return "\"" + s + "\"";
    return "\"" + s.substr(0, utf8_floor(s, kShownBytes)) + "\xE2\x80\xA6\"";
}

std::string where(const Anchor& a) { return a.exact.empty() ? a.path : a.path + " at " + quoted(a.exact); }

// The lines that say what the reply adds to `d` (before it is applied): elements already there are not listed.
std::vector<std::string> news(const Document& d, const ReviewReply& r) {
    std::vector<std::string> out;
    std::set<std::string> replies;
    for (const Comment& c : d.comments)
        for (const CommentReply& x : c.replies) replies.insert(x.id);
    for (const Comment& c : r.comments)
        if (!find_comment(d, c.id) || comment_is_placeholder(*find_comment(d, c.id)))
            out.push_back("Comment by " + c.author + " on " + where(c.anchor) + ": " + quoted(c.text));
    for (const ReplyAnswer& a : r.answers)
        if (!replies.count(a.reply.id)) out.push_back("Reply by " + a.reply.author + ": " + quoted(a.reply.text));
    for (const ReplyMark& m : r.marks) {
        const Comment* c = find_comment(d, m.comment_id);
        const Mark* now = c ? (m.resolved ? &c->resolved : &c->reopened) : nullptr;
        if (!now || now->at.unix_ms < m.mark.at.unix_ms || !now->at.set)
            out.push_back(std::string(m.resolved ? "Resolved" : "Reopened") + " by " + m.mark.by + ": comment " +
                          m.comment_id);
    }
    for (const Suggestion& s : r.suggestions) {
        const bool known = std::any_of(d.suggestions.begin(), d.suggestions.end(),
                                       [&](const Suggestion& x) { return x.id == s.id; });
        if (!known)
            out.push_back("Suggestion by " + s.author + " on " + where(s.anchor) + ": " + quoted(s.replacement));
    }
    if (r.decision) {
        bool known = false;
        for (const Approval* a : latest_decisions(d))
            known = known || (a->reviewer == r.decision->reviewer && a->at.unix_ms >= r.decision->at.unix_ms);
        if (!known) out.push_back("Decision by " + r.decision->reviewer + ": " + r.decision->decision);
    }
    return out;
}

}  // namespace

ReviewReply make_reply(const Document& base, const Document& edited, const std::string& reviewer, Instant now) {
    ReviewReply r;
    r.base = content_hash(base);
    r.reviewer = reviewer;
    comment_changes(base, edited, r);
    for (const Suggestion& s : edited.suggestions) {
        const bool known = std::any_of(base.suggestions.begin(), base.suggestions.end(),
                                       [&](const Suggestion& x) { return x.id == s.id; });
        if (!known) r.suggestions.push_back(s);
    }
    edits_as_suggestions(base, edited, reviewer, now, r);
    for (Comment& c : r.comments) trim_context(base, c.anchor);
    for (Suggestion& s : r.suggestions) trim_context(base, s.anchor);
    const Approval* mine = nullptr;
    for (const Approval* a : latest_decisions(edited))
        if (a->reviewer == reviewer) mine = a;
    if (mine) {
        bool known = false;
        for (const Approval& a : base.approvals) known = known || (a.reviewer == reviewer && a.at == mine->at &&
                                                                   a.decision == mine->decision);
        if (!known) r.decision = *mine;
    }
    return r;
}

ApplyReplyResult apply_reply(Document& d, const ReviewReply& r) {
    ApplyReplyResult out;
    if (!knows_version(d, r.base)) {
        const std::string title = d.title.empty() ? "this postmortem" : "'" + d.title + "'";
        out.message = "This reply was written on a version of " + title + " this draft never shared (version " + r.base +
                      "). Open the draft you shared it from, or send the reviewer a new link.";
        return out;
    }
    out.known_base = true;
    out.added = news(d, r);
    Document incoming;
    incoming.comments = r.comments;
    std::map<std::string, Comment> touched;  // placeholders for the replies and marks on existing comments
    for (const ReplyAnswer& a : r.answers) {
        Comment& c = touched[a.comment_id];
        c.id = a.comment_id;
        c.replies.push_back(a.reply);
    }
    for (const ReplyMark& m : r.marks) {
        Comment& c = touched[m.comment_id];
        c.id = m.comment_id;
        Mark& slot = m.resolved ? c.resolved : c.reopened;
        if (!slot.at.set || slot.at.unix_ms < m.mark.at.unix_ms) slot = m.mark;
    }
    Document marks;
    for (auto& kv : touched) marks.comments.push_back(std::move(kv.second));
    incoming.suggestions = r.suggestions;
    if (r.decision) incoming.approvals.push_back(*r.decision);
    join_review_data(incoming, marks);
    join_review_data(d, incoming);
    out.ok = true;
    const std::string who = r.reviewer.empty() ? "the reviewer" : r.reviewer;
    out.message = out.added.empty() ? "This reply from " + who + " is already in the draft: nothing new."
                                    : "Added " + std::to_string(out.added.size()) + " item" +
                                          (out.added.size() == 1 ? "" : "s") + " from " + who + "'s reply.";
    return out;
}

}  // namespace hs
