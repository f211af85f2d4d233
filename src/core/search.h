// Full-text search over a library of postmortems: an inverted index of titles, prose, timeline events, root causes,
// contributing factors, five whys, lessons, open questions and action items, ranked by BM25 with field weights
// (a title counts most), with snippets whose highlights are byte ranges on UTF-8 boundaries, filters (severity,
// status, service, tag, owner, date range) and a result that names the field it matched by the editor's path
// (schema.h text_field: "summary", "action_items/<id>/title", "lessons.went_wrong/<id>/text"), so that a click opens
// the draft at that field.
//
// Words: letters, marks and digits of any script (text.h is_word_char), case-folded (text.h casefold: "Ошибка" and
// "ОШИБКА" are one term, "Straße" matches "STRASSE"). Han and Kana are written without spaces, so a run of them is
// indexed as overlapping character pairs ("障害対応" -> 障害, 害対, 対応) and a query is cut the same way; a lone
// character matches every pair that starts with it. Emoji and punctuation are not words.
//
// Queries: words are all required (a result holds every one, in any field); "double quotes" require the words
// side by side in one field; the last word of a query that does not end in a space also matches as a prefix
// ("conn" finds "connection"), so results follow each keystroke. An empty query with filters lists the filtered
// postmortems, newest first.
//
// Incremental: update(doc) and remove(id) cost time proportional to that document (the postings of a removed or
// replaced document are skipped until enough of them pile up to be worth a compaction, whose cost is amortised over
// the removals that caused it). Pure C++17; the index owns copies of the texts it shows, not the documents.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model.h"

namespace hs {

// ---- words ---------------------------------------------------------------------------------------------------------

struct SearchToken {
    std::string term;   // folded
    size_t start = 0;   // byte range in the text tokenised
    size_t end = 0;
};
// The terms of a text in order, with their byte ranges (a CJK pair covers its two characters).
std::vector<SearchToken> search_tokens(std::string_view text);

// ---- the fields of a document that are searched ------------------------------------------------------------------

struct SearchField {
    std::string path;  // the editor's path (text_field)
    std::string text;
    float weight = 1;  // how much a word here counts: title 3, root causes and factors 1.5, the rest 1
    // Whether the field says what failed and why (title, summary, impact, trigger, fault, root causes, factors,
    // five whys) rather than how the response went: similar incidents compare these first.
    bool cause = false;
};
// Every non-empty searched text of `d`, title first, then in the order of the document.
std::vector<SearchField> searchable_fields(const Document& d);

// ---- queries -------------------------------------------------------------------------------------------------------

struct SearchFilter {
    std::vector<int> severities;         // any of these (1..5); empty = any
    std::vector<std::string> statuses;   // any of these ("draft", "in_review", "final"); empty = any
    std::vector<std::string> services;   // the postmortem names one of these (case-insensitive)
    std::vector<std::string> tags;       // the postmortem has one of these tags (case-insensitive)
    std::vector<std::string> owners;     // the postmortem's owner or an action item's owner is one of these
    std::string since, until;            // "YYYY-MM-DD", inclusive, on the postmortem's created date (UTC); "" = open
    bool empty() const {
        return severities.empty() && statuses.empty() && services.empty() && tags.empty() && owners.empty() &&
               since.empty() && until.empty();
    }
};

struct ByteRange {
    size_t start = 0, end = 0;
    bool operator==(const ByteRange& o) const { return start == o.start && end == o.end; }
};

struct FieldMatch {
    std::string path;                     // open the draft here
    std::string snippet;                  // the matching part of the field's text, "…" where cut
    std::vector<ByteRange> highlights;    // the matched words in `snippet`, on UTF-8 boundaries, in order
    double score = 0;
};

struct SearchResult {
    std::string id;       // the document id
    std::string title;
    int severity = 0;
    std::string status;
    std::string created;  // "YYYY-MM-DD" or ""
    double score = 0;
    std::vector<FieldMatch> fields;  // the best fields first (at most SearchOptions::fields_per_result)
};

struct SearchOptions {
    size_t limit = 20;               // results returned
    size_t fields_per_result = 3;    // matching fields shown per result
    size_t snippet_bytes = 160;      // about how long a snippet is
    size_t max_prefix_terms = 64;    // how many terms a prefix may stand for (the most frequent are kept)
};

struct SearchResponse {
    std::vector<SearchResult> results;
    size_t total = 0;              // postmortems that matched (results holds the best `limit`)
    std::string problem;           // a query that cannot match, explained ("The query has no words ..."); else ""
};

// ---- the index -----------------------------------------------------------------------------------------------------

class SearchIndex {
public:
    SearchIndex();
    ~SearchIndex();
    SearchIndex(SearchIndex&&) noexcept;
    SearchIndex& operator=(SearchIndex&&) noexcept;

    // Adds `d`, or replaces the document with the same id. A document without an id is not indexed (returns false).
    bool update(const Document& d);
    // Forgets the document; false when it was not indexed.
    bool remove(const std::string& id);
    bool contains(const std::string& id) const;
    size_t size() const;  // documents indexed

    SearchResponse search(const std::string& query, const SearchFilter& filter = {},
                          const SearchOptions& options = {}) const;

    // Bytes held by the index (postings, dictionary, stored texts and per-document data), an estimate from the
    // containers' capacities.
    size_t memory_bytes() const;

    // ---- for similar incidents (similar.h) ----
    // A document's terms and their weighted frequencies (field weight x count), by term number; empty when unknown.
    // With `causes_only`, the terms of its cause fields only (SearchField::cause).
    std::vector<std::pair<uint32_t, float>> term_vector(const std::string& id, bool causes_only = false) const;
    // The same for a document that need not be indexed (a draft being written), over the index's known terms.
    std::vector<std::pair<uint32_t, float>> term_vector(const Document& d, bool causes_only = false) const;
    // In how many indexed documents a term occurs, and the term's text.
    uint32_t document_frequency(uint32_t term) const;
    const std::string& term_text(uint32_t term) const;
    // The ids of the indexed documents, in no particular order.
    std::vector<std::string> ids() const;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace hs
