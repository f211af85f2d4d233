// Anchors of comments and suggestions: a passage quoted with its context (a W3C Web Annotation text-quote
// selector), found again after the text around it, or inside it, was edited.
#include <algorithm>
#include <cstring>

#include "review.h"
#include "schema.h"
#include "text.h"
#include "sort.h"

namespace hs {

namespace {

// How many places a quote or a piece of it may be tried at: bounds the work on a field that repeats a word.
constexpr size_t kMaxCandidates = 32;
// The piece of a quote or its context looked for when the quote itself is not found.
constexpr size_t kProbeBytes = 16;
// An edited passage may have grown to this many times the quote (plus kSlackBytes) and still be "the same".
constexpr size_t kGrowthFactor = 2;
constexpr size_t kSlackBytes = 64;

// Where `needle` occurs in `hay`, at most kMaxCandidates places, the nearest to `near` first when there are more.
std::vector<size_t> occurrences(const std::string& hay, const std::string& needle, size_t near) {
    std::vector<size_t> all;
    if (needle.empty()) return all;
    for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) {
        all.push_back(p);
        if (all.size() >= 16 * kMaxCandidates) break;
    }
    if (all.size() > kMaxCandidates) {
        auto dist = [near](size_t p) { return p > near ? p - near : near - p; };
        sort_stable(all.begin(), all.end(), [&](size_t a, size_t b) { return dist(a) < dist(b); });
        all.resize(kMaxCandidates);
    }
    return all;
}

// Bytes in common at the end of `a[from, a_end)` and the end of `b`.
size_t common_tail(const std::string& a, size_t from, size_t a_end, const std::string& b) {
    size_t n = 0;
    while (a_end - n > from && n < b.size() && a[a_end - 1 - n] == b[b.size() - 1 - n]) ++n;
    return n;
}
// Bytes in common at the start of `a[from, a_end)` and the start of `b`.
size_t common_head(const std::string& a, size_t from, size_t a_end, const std::string& b) {
    size_t n = 0;
    while (from + n < a_end && n < b.size() && a[from + n] == b[n]) ++n;
    return n;
}

size_t distance(size_t a, size_t b) { return a > b ? a - b : b - a; }

// The first (or last) up to kProbeBytes of `s`, cut on a code point boundary.
std::string head_of(const std::string& s) { return s.substr(0, utf8_floor(s, std::min(s.size(), kProbeBytes))); }
std::string tail_of(const std::string& s) {
    if (s.size() <= kProbeBytes) return s;
    size_t from = utf8_floor(s, s.size() - kProbeBytes);
    if (from < s.size() - kProbeBytes) from += 1;  // keep within the probe: step to the next boundary
    while (from < s.size() && (static_cast<unsigned char>(s[from]) & 0xC0) == 0x80) ++from;
    return s.substr(from);
}

// The occurrence of the quote whose context matches best (the hint breaks ties).
bool find_quoted(const std::string& t, const Anchor& a, size_t hint, AnchorRange& r) {
    size_t best = std::string::npos, best_score = 0;
    for (size_t p : occurrences(t, a.exact, hint)) {
        const size_t score = common_tail(t, 0, p, a.prefix) + common_head(t, p + a.exact.size(), t.size(), a.suffix);
        if (best == std::string::npos || score > best_score ||
            (score == best_score && distance(p, hint) < distance(best, hint))) {
            best = p;
            best_score = score;
        }
    }
    if (best == std::string::npos) return false;
    r.begin = best;
    r.end = best + a.exact.size();
    r.status = best == hint ? AnchorStatus::Exact : AnchorStatus::Moved;
    return true;
}

// The quote was edited: the best window between a start (after the prefix, or where the quote's head is) and an end
// (before the suffix, or after the quote's tail) that still shares at least half the quote at its two ends.
bool find_edited(const std::string& t, const Anchor& a, size_t hint, AnchorRange& r) {
    const size_t n = a.exact.size();
    std::vector<size_t> starts, ends;
    if (a.prefix.empty()) starts.push_back(0);
    const std::string before = tail_of(a.prefix), after = head_of(a.suffix);
    for (size_t p : occurrences(t, before, hint)) starts.push_back(p + before.size());
    for (size_t p : occurrences(t, head_of(a.exact), hint)) starts.push_back(p);
    if (a.suffix.empty()) ends.push_back(t.size());
    for (size_t p : occurrences(t, after, hint + n)) ends.push_back(p);
    const std::string tail = tail_of(a.exact);
    for (size_t p : occurrences(t, tail, hint + n)) ends.push_back(p + tail.size());

    bool found = false;
    size_t best_sim = 0, best_b = 0, best_e = 0;
    for (size_t b : starts) {
        for (size_t e : ends) {
            if (e <= b || e - b > kGrowthFactor * n + kSlackBytes) continue;
            const size_t w = e - b;
            const size_t sim = std::min(std::min(w, n), common_head(t, b, e, a.exact) + common_tail(t, b, e, a.exact));
            if (2 * sim < n) continue;
            const bool better = !found || sim > best_sim ||
                                (sim == best_sim && (distance(w, n) < distance(best_e - best_b, n) ||
                                                     (distance(w, n) == distance(best_e - best_b, n) &&
                                                      distance(b, hint) < distance(best_b, hint))));
            if (better) {
                found = true;
                best_sim = sim;
                best_b = b;
                best_e = e;
            }
        }
    }
    if (!found) return false;
    r.begin = utf8_floor(t, best_b);
    r.end = utf8_floor(t, best_e);
    r.status = AnchorStatus::Fuzzy;
    return r.end > r.begin;
}

// "timeline/ev-1", "lessons.went_well/ll-2": the list part and the id, when the path names an item.
bool item_exists(const Document& d, const std::string& path) {
    const size_t slash = path.find('/');
    if (slash == std::string::npos) return false;
    const std::string list = path.substr(0, slash), id = path.substr(slash + 1);
    auto has = [&id](const auto& v) {
        return std::any_of(v.begin(), v.end(), [&id](const auto& x) { return x.id == id; });
    };
    if (list == "timeline") return has(d.timeline);
    if (list == "action_items") return has(d.action_items);
    if (list == "links") return has(d.links);
    if (list == "comments") return has(d.comments);
    const std::vector<Item>* items = item_list(const_cast<Document&>(d), list);
    return items && has(*items);
}

bool path_exists(const Document& d, const std::string& path) {
    if (path.empty()) return false;
    if (anchor_field(d, Anchor{path, "", "", "", {}, Json::object()})) return true;
    if (std::find(vocab::kSections.begin(), vocab::kSections.end(), path) != vocab::kSections.end()) return true;
    return item_exists(d, path);
}

}  // namespace

const char* anchor_status_name(AnchorStatus s) {
    switch (s) {
        case AnchorStatus::Whole: return "whole";
        case AnchorStatus::Exact: return "exact";
        case AnchorStatus::Moved: return "moved";
        case AnchorStatus::Fuzzy: return "fuzzy";
        case AnchorStatus::Orphaned: return "orphaned";
    }
    return "orphaned";
}

Anchor anchor_to(const std::string& path) {
    Anchor a;
    a.path = path;
    return a;
}

const std::string* anchor_field(const Document& d, const Anchor& a) {
    // text_field only finds the field; nothing is written through the pointer.
    return text_field(const_cast<Document&>(d), a.path);
}

Anchor make_anchor(const Document& d, const std::string& path, size_t begin, size_t end) {
    Anchor a = anchor_to(path);
    const std::string* f = anchor_field(d, a);
    if (!f) return a;
    const std::string& t = *f;
    if (begin > end) std::swap(begin, end);
    begin = utf8_floor(t, std::min(begin, t.size()));
    end = utf8_floor(t, std::min(end, t.size()));
    if (end - begin > kMaxAnchorExactBytes) end = utf8_floor(t, begin + kMaxAnchorExactBytes);
    if (end == begin) return a;  // an empty selection anchors the field
    a.exact = t.substr(begin, end - begin);
    const size_t pre = begin > kAnchorContextBytes ? begin - kAnchorContextBytes : 0;
    size_t pre_from = utf8_floor(t, pre);
    while (pre_from < pre) pre_from += 1;  // within the budget: start at the next boundary
    while (pre_from < begin && (static_cast<unsigned char>(t[pre_from]) & 0xC0) == 0x80) ++pre_from;
    a.prefix = t.substr(pre_from, begin - pre_from);
    const size_t suf_end = utf8_floor(t, std::min(t.size(), end + kAnchorContextBytes));
    a.suffix = t.substr(end, suf_end - end);
    a.offset = static_cast<double>(begin);
    return a;
}

AnchorRange resolve_anchor(const Document& d, const Anchor& a) {
    AnchorRange r;
    if (a.exact.empty()) {
        r.status = path_exists(d, a.path) ? AnchorStatus::Whole : AnchorStatus::Orphaned;
        return r;
    }
    const std::string* f = anchor_field(d, a);
    if (!f) return r;
    const std::string& t = *f;
    size_t hint = 0;
    if (a.offset && *a.offset > 0) hint = *a.offset >= static_cast<double>(t.size()) ? t.size()
                                                                                    : static_cast<size_t>(*a.offset);
    if (find_quoted(t, a, hint, r) || find_edited(t, a, hint, r)) return r;
    r = AnchorRange{};
    return r;
}

}  // namespace hs
