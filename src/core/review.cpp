// Comments, suggestions, the review workflow, content hashes and the join of review data (see review.h).
#include "review.h"

#include <sodium.h>

#include <algorithm>
#include <map>

#include "format.h"
#include "format_detail.h"
#include "link.h"
#include "sort.h"

namespace hs {

namespace {

constexpr int64_t kMsPerSecond = 1000;
// The top-level keys that are review data, left out of the content hash.
const char* const kReviewKeys[] = {"comments", "suggestions", "review", "approvals", "reviewers", "status", "updated"};

}  // namespace

Instant whole_seconds(Instant t) {
    int64_t r = t.unix_ms % kMsPerSecond;
    if (r < 0) r += kMsPerSecond;
    t.unix_ms -= r;
    return t;
}

namespace {

std::string dump(const Json& j) { return j.dump(); }

// A total order on marks: unset < set; then time, name, and the rest of the JSON.
bool mark_less(const Mark& a, const Mark& b) {
    if (a.at.set != b.at.set) return !a.at.set;
    if (a.at.unix_ms != b.at.unix_ms) return a.at.unix_ms < b.at.unix_ms;
    if (a.by != b.by) return a.by < b.by;
    return dump(schema::struct_json(a)) < dump(schema::struct_json(b));
}
Mark mark_max(const Mark& a, const Mark& b) { return mark_less(a, b) ? b : a; }

template <class T>
bool by_time_then_id(const T& a, const T& b) {
    if (a.created.unix_ms != b.created.unix_ms) return a.created.unix_ms < b.created.unix_ms;
    return a.id < b.id;
}

// The larger of two versions of the same element by their canonical JSON: an arbitrary but fixed choice, so that
// the join does not depend on which side came first.
template <class T>
const T& larger(const T& a, const T& b) {
    return dump(schema::struct_json(a)) < dump(schema::struct_json(b)) ? b : a;
}

Comment without_state(Comment c) {
    c.replies.clear();
    c.resolved = Mark{};
    c.reopened = Mark{};
    return c;
}

Comment join_comment(const Comment& a, const Comment& b) {
    Comment out;
    if (comment_is_placeholder(a) != comment_is_placeholder(b)) out = comment_is_placeholder(a) ? b : a;
    else out = larger(without_state(a), without_state(b));
    out = without_state(out);
    std::map<std::string, CommentReply> replies;
    for (const Comment* c : {&a, &b})
        for (const CommentReply& r : c->replies) {
            auto it = replies.find(r.id);
            if (it == replies.end()) replies.emplace(r.id, r);
            else it->second = larger(it->second, r);
        }
    for (auto& kv : replies) out.replies.push_back(std::move(kv.second));
    out.resolved = mark_max(a.resolved, b.resolved);
    out.reopened = mark_max(a.reopened, b.reopened);
    return out;
}

// The decision part of a suggestion: open < decided; then time, state and name.
bool decision_less(const Suggestion& a, const Suggestion& b) {
    const bool da = a.state != defaults::kSuggestionState, db = b.state != defaults::kSuggestionState;
    if (da != db) return !da;
    if (a.at.unix_ms != b.at.unix_ms) return a.at.unix_ms < b.at.unix_ms;
    if (a.state != b.state) return a.state < b.state;
    return a.by < b.by;
}

Suggestion join_suggestion(const Suggestion& a, const Suggestion& b) {
    auto undecided = [](Suggestion s) {
        s.state = defaults::kSuggestionState;
        s.by.clear();
        s.at = Instant{};
        return s;
    };
    Suggestion out = larger(undecided(a), undecided(b));
    const Suggestion& d = decision_less(a, b) ? b : a;
    out.state = d.state;
    out.by = d.by;
    out.at = d.at;
    return out;
}

template <class T, class Join>
void join_by_id(std::vector<T>& into, const std::vector<T>& other, Join join) {
    std::map<std::string, size_t> at;
    for (size_t i = 0; i < into.size(); ++i) at.emplace(into[i].id, i);
    for (const T& x : other) {
        auto it = at.find(x.id);
        if (it == at.end()) {
            at.emplace(x.id, into.size());
            into.push_back(x);
        } else {
            into[it->second] = join(into[it->second], x);
        }
    }
}

bool approval_less(const Approval& a, const Approval& b) {
    if (a.at.unix_ms != b.at.unix_ms || a.at.set != b.at.set)
        return a.at.set != b.at.set ? !a.at.set : a.at.unix_ms < b.at.unix_ms;
    return dump(schema::struct_json(a)) < dump(schema::struct_json(b));
}

}  // namespace

// ---- comments --------------------------------------------------------------------------------------------------

std::string add_comment(Document& d, const Anchor& anchor, const std::string& author, const std::string& text,
                        Instant at) {
    Comment c = new_review_element<Comment>("cm", author, at);
    c.anchor = anchor;
    c.text = text;
    d.comments.push_back(c);
    return c.id;
}

std::string add_comment_reply(Document& d, const std::string& comment_id, const std::string& author,
                              const std::string& text, Instant at) {
    Comment* c = find_comment(d, comment_id);
    if (!c) return "";
    CommentReply r = new_review_element<CommentReply>("re", author, at);
    r.text = text;
    c->replies.push_back(r);
    return r.id;
}

bool resolve_comment(Document& d, const std::string& comment_id, const std::string& by, Instant at) {
    Comment* c = find_comment(d, comment_id);
    if (!c) return false;
    c->resolved = Mark{by, whole_seconds(at), Json::object()};
    return true;
}

bool reopen_comment(Document& d, const std::string& comment_id, const std::string& by, Instant at) {
    Comment* c = find_comment(d, comment_id);
    if (!c) return false;
    c->reopened = Mark{by, whole_seconds(at), Json::object()};
    return true;
}

bool comment_resolved(const Comment& c) {
    if (!c.resolved.at.set) return false;
    return !c.reopened.at.set || c.reopened.at.unix_ms <= c.resolved.at.unix_ms;
}

bool comment_is_placeholder(const Comment& c) { return c.author.empty() && c.text.empty(); }

Comment* find_comment(Document& d, const std::string& id) {
    for (Comment& c : d.comments)
        if (c.id == id) return &c;
    return nullptr;
}
const Comment* find_comment(const Document& d, const std::string& id) {
    return find_comment(const_cast<Document&>(d), id);
}

std::vector<const Comment*> open_comments(const Document& d) {
    std::vector<const Comment*> out;
    for (const Comment& c : d.comments)
        if (!comment_resolved(c)) out.push_back(&c);
    return out;
}

// ---- workflow --------------------------------------------------------------------------------------------------

std::vector<const Approval*> latest_decisions(const Document& d) {
    std::map<std::string, const Approval*> latest;
    for (const Approval& a : d.approvals) {
        const Approval*& slot = latest[a.reviewer];
        if (!slot || approval_less(*slot, a)) slot = &a;
    }
    std::vector<const Approval*> out;
    for (const auto& kv : latest) out.push_back(kv.second);
    return out;
}

bool has_open_change_request(const Document& d) {
    for (const Approval* a : latest_decisions(d))
        if (a->decision == "changes_requested") return true;
    return false;
}

std::string review_state(const Document& d) {
    if (d.status != "in_review") return d.status;
    if (has_open_change_request(d)) return "changes_requested";
    const std::vector<const Approval*> latest = latest_decisions(d);
    auto approved_by = [&](const std::string& who) {
        return std::any_of(latest.begin(), latest.end(),
                           [&](const Approval* a) { return a->reviewer == who && a->decision == "approved"; });
    };
    if (d.reviewers.empty()) {
        const bool any = std::any_of(latest.begin(), latest.end(),
                                     [](const Approval* a) { return a->decision == "approved"; });
        return any ? "approved" : "in_review";
    }
    return std::all_of(d.reviewers.begin(), d.reviewers.end(), approved_by) ? "approved" : "in_review";
}

void record_decision(Document& d, const std::string& reviewer, const std::string& decision, Instant at,
                     const std::string& comment) {
    Document one;
    Approval a;
    a.reviewer = reviewer;
    a.decision = decision;
    a.at = whole_seconds(at);
    a.comment = comment;
    one.approvals.push_back(a);
    join_review_data(d, one);
}

// ---- versions --------------------------------------------------------------------------------------------------

std::string content_hash(const Document& d) {
    if (sodium_init() < 0) return "";
    Json j = to_json(d);
    for (const char* k : kReviewKeys) j.erase(k);
    const std::string text = j.dump();
    unsigned char h[kContentHashBytes];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr, 0);
    return base64url_encode(h, sizeof h);
}

std::string note_shared(Document& d, Instant at) {
    Document one;
    SharedVersion v;
    v.hash = content_hash(d);
    v.at = whole_seconds(at);
    if (v.hash.empty()) return "";
    one.review.shared.push_back(v);
    join_review_data(d, one);
    return v.hash;
}

bool knows_version(const Document& d, const std::string& hash) {
    if (hash.empty()) return false;
    return hash == content_hash(d) || shared_version(d, hash);
}

bool shared_version(const Document& d, const std::string& hash) {
    return std::any_of(d.review.shared.begin(), d.review.shared.end(),
                       [&](const SharedVersion& v) { return v.hash == hash; });
}

// ---- join ------------------------------------------------------------------------------------------------------

void normalize_review_data(Document& d) {
    for (Comment& c : d.comments)
        sort_stable(c.replies.begin(), c.replies.end(), by_time_then_id<CommentReply>);
    sort_stable(d.comments.begin(), d.comments.end(), by_time_then_id<Comment>);
    sort_stable(d.suggestions.begin(), d.suggestions.end(), by_time_then_id<Suggestion>);
    // Decisions: a set (history is kept; latest_decisions picks each reviewer's latest), in time order.
    std::vector<std::pair<std::string, Approval>> keyed;
    for (const Approval& a : d.approvals) keyed.emplace_back(dump(schema::struct_json(a)), a);
    sort_stable(keyed.begin(), keyed.end(), [](const auto& x, const auto& y) {
        if (x.second.at.set != y.second.at.set) return !x.second.at.set;
        if (x.second.at.unix_ms != y.second.at.unix_ms) return x.second.at.unix_ms < y.second.at.unix_ms;
        return x.first < y.first;
    });
    const auto same = [](const auto& x, const auto& y) { return x.first == y.first; };
    keyed.erase(std::unique(keyed.begin(), keyed.end(), same), keyed.end());
    d.approvals.clear();
    for (auto& k : keyed) d.approvals.push_back(std::move(k.second));
    // Shared versions: one per hash (its latest time), the newest kMaxSharedVersions, oldest first.
    std::map<std::string, SharedVersion> by_hash;
    for (const SharedVersion& v : d.review.shared) {
        auto it = by_hash.find(v.hash);
        if (it == by_hash.end() || it->second.at.unix_ms < v.at.unix_ms) by_hash[v.hash] = v;
    }
    std::vector<SharedVersion> shared;
    for (auto& kv : by_hash) shared.push_back(std::move(kv.second));
    sort_stable(shared.begin(), shared.end(), [](const SharedVersion& a, const SharedVersion& b) {
        return a.at.unix_ms != b.at.unix_ms ? a.at.unix_ms < b.at.unix_ms : a.hash < b.hash;
    });
    if (shared.size() > kMaxSharedVersions) shared.erase(shared.begin(), shared.end() - kMaxSharedVersions);
    d.review.shared = std::move(shared);
}

void join_review_data(Document& into, const Document& other) {
    join_by_id(into.comments, other.comments, join_comment);
    join_by_id(into.suggestions, other.suggestions, join_suggestion);
    into.approvals.insert(into.approvals.end(), other.approvals.begin(), other.approvals.end());
    into.review.shared.insert(into.review.shared.end(), other.review.shared.begin(), other.review.shared.end());
    normalize_review_data(into);
}

}  // namespace hs
