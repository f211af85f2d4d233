// The search index (search.h): postings per term, BM25 ranking with field weights, filters and snippets.
//
// Index of this file: the data; adding and removing documents; compaction; the query; ranking; results.
#include "search.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "search_detail.h"
#include "strings.h"
#include "text.h"
#include "sort.h"

namespace hs {

namespace {

constexpr double kK1 = 1.2;   // BM25 term-frequency saturation
constexpr double kB = 0.75;   // BM25 length normalisation
constexpr size_t kMinDeadForCompaction = 4096;  // below this, skipping dead postings costs less than compacting

struct Posting {
    uint32_t slot;
    uint32_t field;
    uint32_t count;
};

// One indexed document. A removed or replaced document's slot stays (dead, its texts freed) until compaction, so
// that the postings pointing at it need not be found and erased one by one.
struct Slot {
    bool alive = false;
    std::string id, title, status, created;
    int severity = 0;
    std::vector<std::string> services, tags, owners;  // folded, for the filters
    std::vector<SearchField> fields;
    std::vector<std::pair<uint32_t, float>> terms;   // term -> weighted count, by term number
    std::vector<std::pair<uint32_t, float>> causes;  // the same over the cause fields only
    double length = 0;                               // weighted word count
    size_t postings = 0;
};

std::string created_date(const Document& d) { return d.created.set ? format_utc(d.created).substr(0, 10) : ""; }

bool any_folded(const std::vector<std::string>& have, const std::vector<std::string>& want) {
    for (const std::string& w : want)
        if (std::find(have.begin(), have.end(), w) != have.end()) return true;
    return false;
}

std::vector<std::string> folded(const std::vector<std::string>& v) {
    std::vector<std::string> out;
    for (const std::string& s : v)
        if (!s.empty()) out.push_back(casefold(s));
    return out;
}

// A part of the query that a result must hold: one term, the terms a prefix stands for, or a phrase's terms.
struct Group {
    std::vector<uint32_t> terms;     // any of these
    std::string prefix;              // when the group is a prefix: highlight words that start with it
    int phrase = -1;                 // the phrase this word belongs to, or -1
    size_t phrase_pos = 0;           // its place in that phrase
    double idf = 0;
};

struct Hit {
    uint32_t slot, field, group, count;
};

}  // namespace

struct SearchIndex::Impl {
    std::map<std::string, uint32_t> dict;  // ordered, for prefixes
    std::vector<std::string> term_texts;
    std::vector<std::vector<Posting>> postings;
    std::vector<uint32_t> df;
    std::vector<Slot> slots;
    std::unordered_map<std::string, uint32_t> by_id;
    double total_length = 0;
    size_t live_postings = 0, dead_postings = 0;

    uint32_t term_id(const std::string& t) {
        auto it = dict.find(t);
        if (it != dict.end()) return it->second;
        const uint32_t id = static_cast<uint32_t>(term_texts.size());
        dict.emplace(t, id);
        term_texts.push_back(t);
        postings.emplace_back();
        df.push_back(0);
        return id;
    }
    void add(const Document& d);
    void drop(uint32_t slot);
    void compact();
    bool passes(const Slot& s, const SearchFilter& f, const std::vector<std::string> (&want)[3]) const;
    bool parse(const std::string& query, size_t max_prefix_terms, std::vector<Group>& groups,
               std::vector<size_t>& phrase_sizes) const;
    bool phrase_ok(const Slot& s, const std::vector<Hit>& hits, const std::vector<Group>& groups,
                   const std::vector<size_t>& phrase_sizes) const;
    std::vector<FieldMatch> fields_of(const Slot& s, const std::vector<Hit>& hits, const std::vector<Group>& groups,
                                      const SearchOptions& o) const;
};

// ---- adding and removing documents -----------------------------------------------------------------------------

void SearchIndex::Impl::add(const Document& d) {
    Slot s;
    s.alive = true;
    s.id = d.id;
    s.title = d.title;
    s.status = d.status;
    s.severity = d.severity;
    s.created = created_date(d);
    s.services = folded(d.services);
    s.tags = folded(d.tags);
    std::vector<std::string> owners = {d.owner};
    for (const ActionItem& a : d.action_items) owners.push_back(a.owner);
    s.owners = folded(owners);
    s.fields = searchable_fields(d);
    const uint32_t slot = static_cast<uint32_t>(slots.size());
    std::unordered_map<uint32_t, float> weights, causes;
    for (uint32_t f = 0; f < s.fields.size(); ++f) {
        std::unordered_map<uint32_t, uint32_t> counts;
        for (const SearchToken& t : search_tokens(s.fields[f].text)) ++counts[term_id(t.term)];
        for (const auto& c : counts) {
            postings[c.first].push_back({slot, f, c.second});
            weights[c.first] += s.fields[f].weight * static_cast<float>(c.second);
            if (s.fields[f].cause) causes[c.first] += s.fields[f].weight * static_cast<float>(c.second);
            s.length += s.fields[f].weight * c.second;
        }
        s.postings += counts.size();
    }
    s.terms.assign(weights.begin(), weights.end());
    sort_stable(s.terms.begin(), s.terms.end());
    s.causes.assign(causes.begin(), causes.end());
    sort_stable(s.causes.begin(), s.causes.end());
    for (const auto& t : s.terms) ++df[t.first];
    total_length += s.length;
    live_postings += s.postings;
    by_id[s.id] = slot;
    slots.push_back(std::move(s));
}

void SearchIndex::Impl::drop(uint32_t slot) {
    Slot& s = slots[slot];
    for (const auto& t : s.terms) --df[t.first];
    total_length -= s.length;
    live_postings -= s.postings;
    dead_postings += s.postings;
    by_id.erase(s.id);
    s = Slot();  // frees its texts; the postings that point here are skipped until compaction
    if (dead_postings >= kMinDeadForCompaction && dead_postings > live_postings) compact();
}

// Drops the postings of dead slots and renumbers the live ones. Runs once the dead postings outnumber the live
// ones, so its cost is at most that of the removals since the last compaction.
void SearchIndex::Impl::compact() {
    std::vector<uint32_t> renumber(slots.size(), UINT32_MAX);
    std::vector<Slot> kept;
    for (uint32_t i = 0; i < slots.size(); ++i) {
        if (!slots[i].alive) continue;
        renumber[i] = static_cast<uint32_t>(kept.size());
        by_id[slots[i].id] = renumber[i];
        kept.push_back(std::move(slots[i]));
    }
    slots = std::move(kept);
    for (auto& list : postings) {
        size_t out = 0;
        for (const Posting& p : list)
            if (renumber[p.slot] != UINT32_MAX) list[out++] = {renumber[p.slot], p.field, p.count};
        list.resize(out);
        list.shrink_to_fit();
    }
    dead_postings = 0;
}

SearchIndex::SearchIndex() : impl_(std::make_unique<Impl>()) {}
SearchIndex::~SearchIndex() = default;
SearchIndex::SearchIndex(SearchIndex&&) noexcept = default;
SearchIndex& SearchIndex::operator=(SearchIndex&&) noexcept = default;

bool SearchIndex::update(const Document& d) {
    if (d.id.empty()) return false;
    remove(d.id);
    impl_->add(d);
    return true;
}

bool SearchIndex::remove(const std::string& id) {
    auto it = impl_->by_id.find(id);
    if (it == impl_->by_id.end()) return false;
    impl_->drop(it->second);
    return true;
}

bool SearchIndex::contains(const std::string& id) const { return impl_->by_id.count(id) > 0; }
size_t SearchIndex::size() const { return impl_->by_id.size(); }

// ---- the query -------------------------------------------------------------------------------------------------

// Cuts the query into groups; false when a word cannot match anything (then nothing matches).
bool SearchIndex::Impl::parse(const std::string& query, size_t max_prefix_terms, std::vector<Group>& groups,
                              std::vector<size_t>& phrase_sizes) const {
    const bool open_end = !query.empty() && !is_space(query.back()) && query.back() != '"';
    size_t pos = 0;
    bool in_quotes = false;
    while (pos <= query.size()) {
        size_t q = query.find('"', pos);
        if (q == std::string::npos) q = query.size();
        const std::vector<SearchToken> tokens = search_tokens(std::string_view(query).substr(pos, q - pos));
        const int phrase = in_quotes && tokens.size() > 1 ? static_cast<int>(phrase_sizes.size()) : -1;
        if (phrase >= 0) phrase_sizes.push_back(tokens.size());
        for (size_t i = 0; i < tokens.size(); ++i) {
            Group g;
            g.phrase = phrase;
            g.phrase_pos = i;
            const bool last = q == query.size() && i + 1 == tokens.size();
            // A lone CJK character stands for the pairs that start with it; the last word typed, for its completions.
            size_t len = 0;
            const bool lone_cjk = search_detail::is_cjk(utf8_decode(tokens[i].term, 0, len)) &&
                                  len == tokens[i].term.size();
            // The last word typed stands for its completions; a lone Han or Kana character for the pairs it starts.
            const bool prefix = (last && open_end && !in_quotes) || lone_cjk;
            if (prefix) {
                g.prefix = tokens[i].term;
                std::vector<std::pair<uint32_t, uint32_t>> found;  // (df, term)
                for (auto it = dict.lower_bound(g.prefix);
                     it != dict.end() && it->first.compare(0, g.prefix.size(), g.prefix) == 0; ++it)
                    if (df[it->second]) found.push_back({df[it->second], it->second});
                sort_stable(found.rbegin(), found.rend());
                for (size_t k = 0; k < found.size() && k < max_prefix_terms; ++k)
                    g.terms.push_back(found[k].second);
            } else {
                auto it = dict.find(tokens[i].term);
                if (it != dict.end() && df[it->second]) g.terms.push_back(it->second);
            }
            if (g.terms.empty()) return false;
            groups.push_back(std::move(g));
        }
        pos = q + 1;
        in_quotes = !in_quotes;
    }
    return true;
}

bool SearchIndex::Impl::passes(const Slot& s, const SearchFilter& f,
                               const std::vector<std::string> (&want)[3]) const {
    if (!s.alive) return false;
    if (!f.severities.empty() &&
        std::find(f.severities.begin(), f.severities.end(), s.severity) == f.severities.end())
        return false;
    if (!f.statuses.empty() && std::find(f.statuses.begin(), f.statuses.end(), s.status) == f.statuses.end())
        return false;
    if (!want[0].empty() && !any_folded(s.services, want[0])) return false;
    if (!want[1].empty() && !any_folded(s.tags, want[1])) return false;
    if (!want[2].empty() && !any_folded(s.owners, want[2])) return false;
    if (!f.since.empty() && (s.created.empty() || s.created < f.since)) return false;
    if (!f.until.empty() && (s.created.empty() || s.created > f.until)) return false;
    return true;
}

// Whether some field holds each phrase's words side by side.
bool SearchIndex::Impl::phrase_ok(const Slot& s, const std::vector<Hit>& hits, const std::vector<Group>& groups,
                                  const std::vector<size_t>& phrase_sizes) const {
    for (size_t p = 0; p < phrase_sizes.size(); ++p) {
        bool found = false;
        for (const Hit& h : hits) {
            const Group& g = groups[h.group];
            if (found || g.phrase != static_cast<int>(p) || g.phrase_pos != 0) continue;
            const std::vector<SearchToken> words = search_tokens(s.fields[h.field].text);
            for (size_t i = 0; !found && i + phrase_sizes[p] <= words.size(); ++i) {
                size_t k = 0;
                for (; k < phrase_sizes[p]; ++k) {
                    const Group& gk = groups[h.group + k];
                    auto it = dict.find(words[i + k].term);
                    if (it == dict.end() || std::find(gk.terms.begin(), gk.terms.end(), it->second) == gk.terms.end())
                        break;
                }
                found = k == phrase_sizes[p];
            }
        }
        if (!found) return false;
    }
    return true;
}

// ---- results ---------------------------------------------------------------------------------------------------

// The best matching fields of a result, each with its snippet and highlights.
std::vector<FieldMatch> SearchIndex::Impl::fields_of(const Slot& s, const std::vector<Hit>& hits,
                                                     const std::vector<Group>& groups,
                                                     const SearchOptions& o) const {
    std::map<uint32_t, double> by_field;
    for (const Hit& h : hits) by_field[h.field] += groups[h.group].idf * h.count * s.fields[h.field].weight;
    std::vector<std::pair<double, uint32_t>> order;
    for (const auto& f : by_field) order.push_back({-f.second, f.first});
    sort_stable(order.begin(), order.end());  // best first; ties in the document's order
    std::unordered_set<uint32_t> wanted;
    for (const Group& g : groups) wanted.insert(g.terms.begin(), g.terms.end());
    std::vector<FieldMatch> out;
    for (size_t i = 0; i < order.size() && out.size() < o.fields_per_result; ++i) {
        const SearchField& f = s.fields[order[i].second];
        std::vector<ByteRange> ranges;
        for (const SearchToken& t : search_tokens(f.text)) {
            auto it = dict.find(t.term);
            if (it == dict.end() || !wanted.count(it->second)) continue;
            if (!ranges.empty() && t.start < ranges.back().end) ranges.back().end = std::max(ranges.back().end, t.end);
            else ranges.push_back({t.start, t.end});  // overlapping CJK pairs merge into one highlight
        }
        FieldMatch m = search_detail::make_snippet(f.path, f.text, ranges, o.snippet_bytes);
        m.score = -order[i].first;
        out.push_back(std::move(m));
    }
    return out;
}

SearchResponse SearchIndex::search(const std::string& query, const SearchFilter& filter,
                                   const SearchOptions& options) const {
    const Impl& x = *impl_;
    SearchResponse r;
    const std::vector<std::string> want[3] = {folded(filter.services), folded(filter.tags), folded(filter.owners)};
    std::vector<Group> groups;
    std::vector<size_t> phrase_sizes;
    const bool can_match = x.parse(query, options.max_prefix_terms, groups, phrase_sizes);
    if (can_match && groups.empty()) {
        if (!trim(query).empty()) {
            r.problem = "The query has no words to search for (letters or digits); type a word, or clear the query "
                        "to list the postmortems that the filters keep.";
            return r;
        }
        // No words: the filtered list, newest first.
        std::vector<const Slot*> all;
        for (const Slot& s : x.slots)
            if (x.passes(s, filter, want)) all.push_back(&s);
        sort_stable(all.begin(), all.end(), [](const Slot* a, const Slot* b) {
            return a->created != b->created ? a->created > b->created : a->id < b->id;
        });
        r.total = all.size();
        for (size_t i = 0; i < all.size() && i < options.limit; ++i)
            r.results.push_back({all[i]->id, all[i]->title, all[i]->severity, all[i]->status, all[i]->created, 0, {}});
        return r;
    }
    if (!can_match) return r;

    // Every posting of every group, for the documents the filters keep.
    const double n = static_cast<double>(x.by_id.size());
    std::vector<Hit> hits;
    std::vector<char> keep(x.slots.size(), -1);
    for (uint32_t gi = 0; gi < groups.size(); ++gi) {
        std::unordered_set<uint32_t> docs;
        for (uint32_t t : groups[gi].terms) {
            for (const Posting& p : x.postings[t]) {
                if (keep[p.slot] < 0) keep[p.slot] = x.passes(x.slots[p.slot], filter, want);
                if (!keep[p.slot]) continue;
                hits.push_back({p.slot, p.field, gi, p.count});
                docs.insert(p.slot);
            }
        }
        const double df = static_cast<double>(docs.size());
        groups[gi].idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
    }
    sort_stable(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        return a.slot != b.slot ? a.slot < b.slot : a.field != b.field ? a.field < b.field : a.group < b.group;
    });

    // BM25 over the weighted counts, for the documents that hold every group.
    const double avg = x.by_id.empty() ? 1.0 : std::max(1.0, x.total_length / n);
    struct Scored {
        double score;
        uint32_t slot;
        size_t from, to;  // its hits
    };
    std::vector<Scored> scored;
    std::vector<double> tf(groups.size());
    for (size_t i = 0; i < hits.size();) {
        size_t j = i;
        std::fill(tf.begin(), tf.end(), 0.0);
        const Slot& s = x.slots[hits[i].slot];
        for (; j < hits.size() && hits[j].slot == hits[i].slot; ++j)
            tf[hits[j].group] += hits[j].count * s.fields[hits[j].field].weight;
        const bool all_groups = std::all_of(tf.begin(), tf.end(), [](double v) { return v > 0; });
        if (all_groups && (phrase_sizes.empty() ||
                           x.phrase_ok(s, std::vector<Hit>(hits.begin() + i, hits.begin() + j), groups, phrase_sizes))) {
            double score = 0;
            const double norm = kK1 * (1 - kB + kB * s.length / avg);
            for (size_t g = 0; g < groups.size(); ++g) score += groups[g].idf * tf[g] * (kK1 + 1) / (tf[g] + norm);
            scored.push_back({score, hits[i].slot, i, j});
        }
        i = j;
    }
    sort_stable(scored.begin(), scored.end(), [&](const Scored& a, const Scored& b) {
        if (a.score != b.score) return a.score > b.score;
        const Slot &sa = x.slots[a.slot], &sb = x.slots[b.slot];
        return sa.created != sb.created ? sa.created > sb.created : sa.id < sb.id;
    });
    r.total = scored.size();
    for (size_t i = 0; i < scored.size() && i < options.limit; ++i) {
        const Slot& s = x.slots[scored[i].slot];
        SearchResult res{s.id, s.title, s.severity, s.status, s.created, scored[i].score, {}};
        res.fields = x.fields_of(s, std::vector<Hit>(hits.begin() + scored[i].from, hits.begin() + scored[i].to),
                                 groups, options);
        r.results.push_back(std::move(res));
    }
    return r;
}

// ---- sizes and term vectors ------------------------------------------------------------------------------------

size_t SearchIndex::memory_bytes() const {
    const Impl& x = *impl_;
    size_t b = sizeof(Impl);
    for (const auto& t : x.term_texts) b += 2 * (sizeof(std::string) + t.capacity()) + 48;  // dictionary node too
    for (const auto& p : x.postings) b += sizeof(p) + p.capacity() * sizeof(Posting);
    b += x.df.capacity() * sizeof(uint32_t);
    for (const Slot& s : x.slots) {
        b += sizeof(Slot) + s.id.capacity() + s.title.capacity() +
             (s.terms.capacity() + s.causes.capacity()) * sizeof(s.terms[0]);
        for (const SearchField& f : s.fields) b += sizeof(f) + f.path.capacity() + f.text.capacity();
        for (const auto* v : {&s.services, &s.tags, &s.owners})
            for (const std::string& t : *v) b += sizeof(t) + t.capacity();
    }
    b += x.by_id.size() * (sizeof(std::string) + 32 + 16);
    return b;
}

std::vector<std::pair<uint32_t, float>> SearchIndex::term_vector(const std::string& id, bool causes_only) const {
    auto it = impl_->by_id.find(id);
    if (it == impl_->by_id.end()) return {};
    const Slot& s = impl_->slots[it->second];
    return causes_only ? s.causes : s.terms;
}

std::vector<std::pair<uint32_t, float>> SearchIndex::term_vector(const Document& d, bool causes_only) const {
    std::map<uint32_t, float> w;
    for (const SearchField& f : searchable_fields(d)) {
        if (causes_only && !f.cause) continue;
        for (const SearchToken& t : search_tokens(f.text)) {
            auto it = impl_->dict.find(t.term);
            if (it != impl_->dict.end()) w[it->second] += f.weight;
        }
    }
    return {w.begin(), w.end()};
}

uint32_t SearchIndex::document_frequency(uint32_t term) const {
    return term < impl_->df.size() ? impl_->df[term] : 0;
}

const std::string& SearchIndex::term_text(uint32_t term) const {
    static const std::string kNone;
    return term < impl_->term_texts.size() ? impl_->term_texts[term] : kNone;
}

std::vector<std::string> SearchIndex::ids() const {
    std::vector<std::string> out;
    for (const auto& e : impl_->by_id) out.push_back(e.first);
    return out;
}

}  // namespace hs
