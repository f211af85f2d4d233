// Lint: completeness and blameless-language findings, each with a location and a suggestion.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "model.h"

namespace hs {

struct Finding {
    std::string rule;        // "empty-section", "action-no-owner", "blame-language", ...
    std::string severity;    // "warning" | "info"
    std::string section;     // section key, e.g. "summary", "timeline", "action_items"
    std::string item_id;     // item id when the finding is about one item, else empty
    std::string field;       // field within the section or item ("description", "owner"), may be empty
    size_t start = 0, end = 0;  // byte range of the offending phrase in that field's text (blame-language)
    std::string message;     // what is wrong
    std::string suggestion;  // what to do
};

struct BlamePhrase {
    std::string phrase;      // matched case-insensitively on word boundaries
    std::string hint;        // neutral rewording hint
    bool person_follows = false;  // counts only when a person follows ("caused by db-oncall", "caused by the engineer")
    // "subject": "person" in the file: counts unless the subject of its clause is a system, a process, a document or
    // "we", and not in the passive ("Ana should have checked", not "the cache should have expired").
    bool person_subject = false;
};
// From assets/lint/blame-phrases.json (embedded). Empty if the embedded file is missing or malformed.
const std::vector<BlamePhrase>& default_blame_phrases();
// Words that refer to a person ("the engineer", "him") for person_follows phrases (from the same file), and the
// failure verbs that make a person the cause of a failure ("broke", "took down"), from lint/blame-grammar.json.
const std::vector<std::string>& blame_person_words();
const std::vector<std::string>& blame_cause_words();
// Parses text in the blame-phrases.json format. Never throws; false (and `error` set) when malformed.
bool parse_blame_phrases(const std::string& json_text, std::vector<BlamePhrase>& phrases, std::string* error = nullptr);
// Byte ranges [start, end) where `phrase` occurs in `text`: case-insensitive (ASCII), on word boundaries; a space in
// the phrase matches any run of whitespace, an apostrophe matches ' or U+2019. Non-overlapping, left to right.
std::vector<std::pair<size_t, size_t>> find_phrase(const std::string& text, const std::string& phrase);

std::vector<Finding> lint(const Document& d, const std::vector<BlamePhrase>& phrases = default_blame_phrases());

// What lint found in each text field last time: an edit changes one field, and the blameless-language scan of every
// other field is taken from here instead of scanning a large document again. Only the last run's fields are kept.
// The scans depend on the phrases and on the people the document names, so a change to either empties it.
struct LintCache {
    struct Scan {
        std::string section, item_id, field;  // the field
        std::string text;                     // its text when it was scanned
        std::vector<Finding> findings;        // what the scan found in it
    };
    // The last run's scans in the order the fields were visited: a run that visits the same fields finds each one at
    // its place (a few comparisons, no key built or hashed); a field added or removed is found by a lookup.
    std::vector<Scan> scans;
    std::string context;  // the phrases and the people the scans were made with
};
// The same findings as lint(d, phrases), in the same order.
std::vector<Finding> lint(const Document& d, const std::vector<BlamePhrase>& phrases, LintCache& cache);

}  // namespace hs
