// Suggestions: a reviewer's proposed wording for a passage, accepted (the text changes) or rejected by the author;
// and the groups of open suggestions that want to change the same text.
#include <algorithm>

#include "review.h"
#include "schema.h"
#include "sort.h"

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
