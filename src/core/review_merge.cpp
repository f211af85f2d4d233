// Whole-document merges of review data (merge.cpp): the three-way form of the join.
#include <algorithm>
#include <set>

#include "format.h"
#include "format_detail.h"
#include "review.h"

namespace hs {

namespace {

const char* const kReviewSetKeys[] = {"comments", "suggestions", "approvals", "review"};

// The review data of a document, as JSON, to tell whether a side changed it.
Json review_part(const Document& d) {
    const Json j = to_json(d);
    Json out = Json::object();
    for (const char* k : kReviewSetKeys)
        if (j.contains(k)) out[k] = j[k];
    return out;
}

}  // namespace

void join_review_three_way(const Document& base, const Document& ours, const Document& theirs, Document& out) {
    const Json b = review_part(base), o = review_part(ours), t = review_part(theirs);
    const Document& pick = o == b ? theirs : ours;
    if (o == b || t == b || o == t) {
        out.comments = pick.comments;
        out.suggestions = pick.suggestions;
        out.approvals = pick.approvals;
        out.review = pick.review;
        return;
    }
    Document joined = ours;
    join_review_data(joined, theirs);
    // Deleted: in the base and missing from a side. Elements are compared by id, or by value where there is none.
    auto keys = [](const Document& d, auto member, auto key) {
        std::set<std::string> k;
        for (const auto& x : d.*member) k.insert(key(x));
        return k;
    };
    auto keep = [&](auto member, auto key) {
        const auto kb = keys(base, member, key), ko = keys(ours, member, key), kt = keys(theirs, member, key);
        auto& v = joined.*member;
        v.erase(std::remove_if(v.begin(), v.end(),
                               [&](const auto& x) {
                                   const std::string k = key(x);
                                   return kb.count(k) && (!ko.count(k) || !kt.count(k));
                               }),
                v.end());
    };
    const auto by_id = [](const auto& x) { return x.id; };
    keep(&Document::comments, by_id);
    keep(&Document::suggestions, by_id);
    keep(&Document::approvals, [](const Approval& a) { return schema::struct_json(a).dump(); });
    out.comments = joined.comments;
    out.suggestions = joined.suggestions;
    out.approvals = joined.approvals;
    out.review = joined.review;
}

}  // namespace hs
