// Suggestions: a reviewer's proposed wording for a passage, accepted (the text changes) or rejected by the author;
// and the groups of open suggestions that want to change the same text.
#include <algorithm>

#include "review.h"
#include "schema.h"
#include "sort.h"
#include "text.h"

namespace hs {

namespace {

// The passage as people read it in a message: in quotes, cut to about 40 bytes on a character boundary.
std::string shown(const std::string& s) {
    constexpr size_t kShownBytes = 40;
    if (s.size() <= kShownBytes) return "\"" + s + "\"";
    size_t cut = kShownBytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return "\"" + s.substr(0, cut) + "\xE2\x80\xA6\"";
}

// Whether `p` is a place a word edit may start or end: a grapheme cluster boundary not inside a word.
bool word_boundary(const std::string& s, size_t p) {
    if (p == 0 || p >= s.size()) return true;
    if (grapheme_floor(s, p) != p) return false;
    size_t len = 0;
    const uint32_t before = utf8_decode(s, utf8_prev(s, p), len);
    const uint32_t at = utf8_decode(s, p, len);
    return !(joins_word(before, at) && joins_word(at, before));
}

bool word_at(const std::string& s, size_t p) {
    size_t len = 0;
    return p < s.size() && is_word_char(utf8_decode(s, p, len));
}

// The start of the word before `p`: back over what is not a word (spaces, punctuation), then over the word.
size_t word_start_before(const std::string& s, size_t p) {
    while (p > 0 && !word_at(s, utf8_prev(s, p))) p = utf8_prev(s, p);
    do p = p > 0 ? utf8_prev(s, p) : 0;
    while (p > 0 && !word_boundary(s, p));
    return p;
}

// The end of the first word from `p`: over what is not a word, then over the word.
size_t word_end_after(const std::string& s, size_t p) {
    size_t len = 0;
    while (p < s.size() && !word_at(s, p)) p += (utf8_decode(s, p, len), len);
    do p = p < s.size() ? p + (utf8_decode(s, p, len), len) : p;
    while (p < s.size() && !word_boundary(s, p));
    return p;
}

ReviewOutcome refuse(std::string why) {
    ReviewOutcome o;
    o.message = std::move(why);
    return o;
}

ReviewOutcome decide(Document& d, const std::string& id, const std::string& by, Instant at, bool accept) {
    Suggestion* s = find_suggestion(d, id);
    if (!s) return refuse("There is no suggestion " + id + " in this postmortem; it may have been removed.");
    if (s->state != defaults::kSuggestionState)
        return refuse("This suggestion was already " + s->state + (s->by.empty() ? "" : " by " + s->by) + ".");
    if (accept) {
        const AnchorRange r = resolve_anchor(d, s->anchor);
        std::string* field = text_field(d, s->anchor.path);
        if (!field || r.status == AnchorStatus::Orphaned || r.status == AnchorStatus::Whole)
            return refuse("The passage this suggestion replaces (" + shown(s->anchor.exact) +
                          ") is no longer in the text: it was deleted or rewritten. Reject the suggestion, or make the "
                          "change by hand.");
        if (r.status == AnchorStatus::Fuzzy)
            return refuse("The passage this suggestion replaces (" + shown(s->anchor.exact) +
                          ") was edited since it was suggested; compare the two and make the change by hand, or "
                          "reject the suggestion.");
        field->replace(r.begin, r.end - r.begin, s->replacement);
    }
    s->state = accept ? "accepted" : "rejected";
    s->by = by;
    s->at = whole_seconds(at);
    ReviewOutcome o;
    o.ok = true;
    o.count = 1;
    o.message = std::string(accept ? "Accepted" : "Rejected") + " the suggestion to replace " + shown(s->anchor.exact) +
                " with " + shown(s->replacement) + ".";
    return o;
}

ReviewOutcome decide_all(Document& d, const std::string& by, Instant at, bool accept) {
    std::vector<std::string> ids;
    for (const Suggestion& s : d.suggestions)
        if (s.state == defaults::kSuggestionState) ids.push_back(s.id);
    ReviewOutcome all;
    all.ok = true;
    std::string skipped;
    for (const std::string& id : ids) {
        const ReviewOutcome o = decide(d, id, by, at, accept);
        if (o.ok) ++all.count;
        else skipped += (skipped.empty() ? "" : "; ") + o.message;
    }
    all.message = std::string(accept ? "Accepted " : "Rejected ") + std::to_string(all.count) + " of " +
                  std::to_string(ids.size()) + " open suggestions.";
    if (!skipped.empty()) all.message += " Left open: " + skipped;
    return all;
}

}  // namespace

std::string add_suggestion(Document& d, const Anchor& anchor, const std::string& author,
                           const std::string& replacement, Instant at) {
    Suggestion s = new_review_element<Suggestion>("sg", author, at);
    s.anchor = anchor;
    s.replacement = replacement;
    d.suggestions.push_back(s);
    return s.id;
}

WordEdit word_edit(const std::string& before, const std::string& after) {
    WordEdit e;
    if (before.empty() || before == after) return e;
    size_t pre = 0;
    while (pre < before.size() && pre < after.size() && before[pre] == after[pre]) ++pre;
    while (pre > 0 && !(word_boundary(before, pre) && word_boundary(after, pre))) pre = utf8_prev(before, pre);
    size_t suf = 0;
    const size_t room = std::min(before.size(), after.size()) - pre;
    while (suf < room && before[before.size() - 1 - suf] == after[after.size() - 1 - suf]) ++suf;
    while (suf > 0 && !(word_boundary(before, before.size() - suf) && word_boundary(after, after.size() - suf))) --suf;
    e.begin = pre;
    e.before_end = before.size() - suf;
    e.after_end = after.size() - suf;
    if (e.begin == e.before_end) {  // an insertion: quote a word next to it, in both texts alike
        if (e.begin > 0) {
            e.begin = word_start_before(before, e.begin);
        } else {
            const size_t end = word_end_after(before, e.before_end);
            e.after_end += end - e.before_end;
            e.before_end = end;
        }
    }
    return e;
}

std::string suggest_edit(Document& d, const std::string& path, const std::string& after, const std::string& author,
                         Instant at, std::string& why) {
    const std::string* before = text_field(d, path);
    if (!before) return why = "That field is no longer in the postmortem; the suggestion was not kept.", "";
    if (*before == after) return why = "Nothing was changed.", "";
    if (before->empty())
        return why = "An empty field has no words to suggest a change to: turn Suggesting off to write it.", "";
    const WordEdit e = word_edit(*before, after);
    if (e.before_end - e.begin > kMaxAnchorExactBytes)
        return why = "That change spans more than " + std::to_string(kMaxAnchorExactBytes) +
                     " bytes of text, too long to quote in a suggestion: suggest it in smaller parts, or turn "
                     "Suggesting off to edit directly.",
               "";
    return add_suggestion(d, make_anchor(d, path, e.begin, e.before_end), author,
                          after.substr(e.begin, e.after_end - e.begin), at);
}

Suggestion* find_suggestion(Document& d, const std::string& id) {
    for (Suggestion& s : d.suggestions)
        if (s.id == id) return &s;
    return nullptr;
}

ReviewOutcome accept_suggestion(Document& d, const std::string& id, const std::string& by, Instant at) {
    return decide(d, id, by, at, true);
}
ReviewOutcome reject_suggestion(Document& d, const std::string& id, const std::string& by, Instant at) {
    return decide(d, id, by, at, false);
}
ReviewOutcome accept_all_suggestions(Document& d, const std::string& by, Instant at) {
    return decide_all(d, by, at, true);
}
ReviewOutcome reject_all_suggestions(Document& d, const std::string& by, Instant at) {
    return decide_all(d, by, at, false);
}

std::vector<std::vector<std::string>> suggestion_conflicts(const Document& d) {
    struct Placed {
        std::string path;
        size_t begin, end, order;
        std::string id;
    };
    std::vector<Placed> placed;
    for (const Suggestion& s : d.suggestions) {
        if (s.state != defaults::kSuggestionState) continue;
        const AnchorRange r = resolve_anchor(d, s.anchor);
        if (r.status == AnchorStatus::Orphaned || r.status == AnchorStatus::Whole) continue;
        placed.push_back({s.anchor.path, r.begin, r.end, placed.size(), s.id});
    }
    sort_stable(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
        return a.path != b.path ? a.path < b.path : a.begin != b.begin ? a.begin < b.begin : a.order < b.order;
    });
    // Sweep each field's ranges in order: a range that starts before the group's end joins the group.
    std::vector<std::vector<const Placed*>> groups;
    size_t group_end = 0;
    for (size_t i = 0; i < placed.size(); ++i) {
        const Placed& p = placed[i];
        const bool joins = i > 0 && placed[i - 1].path == p.path && p.begin < group_end;
        if (!joins) groups.emplace_back();
        groups.back().push_back(&p);
        group_end = joins ? std::max(group_end, p.end) : p.end;
    }
    std::vector<std::vector<std::string>> out;
    for (auto& g : groups) {
        if (g.size() < 2) continue;
        sort_stable(g.begin(), g.end(), [](const Placed* a, const Placed* b) { return a->order < b->order; });
        std::vector<std::string> ids;
        for (const Placed* p : g) ids.push_back(p->id);
        out.push_back(std::move(ids));
    }
    return out;
}

}  // namespace hs
