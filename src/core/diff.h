// A readable diff between two versions of a postmortem, for the history view ("what changed since this snapshot").
// Works on the canonical JSON: objects key by key, lists of items matched by their stable "id" (so a reorder or an
// edit of one event is reported as such, not as a shifted list), and prose compared word by word (LCS) with a cap on
// the work: past the cap, or for very long texts, the field is reported as "changed" without a word diff.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "model.h"

namespace hs {

struct TextSpan {
    enum class Op { Equal, Insert, Delete };
    Op op = Op::Equal;
    std::string text;
};

struct Change {
    enum class Kind { Added, Removed, Changed, Moved };
    std::string path;   // by id for list items: "/timeline/ev-1a2b/description", "/summary", "/lessons/went_well/ll-1"
    std::string label;  // for people: "Timeline › 13:02 Paging fired › Description"
    Kind kind = Kind::Changed;
    std::string before, after;  // display strings ("" when added / removed); whole items are summarised in one line
    std::vector<TextSpan> spans;  // word-level diff of before -> after, when both are multi-word text and within cap
    bool capped = false;          // the text was too large to diff word by word
};

struct DiffOptions {
    bool ignore_updated = true;     // "updated" changes on every save; not interesting in a history view
    size_t max_cells = 4'000'000;   // LCS table budget (tokens x tokens after trimming common ends) per field
    size_t max_changes = 2000;      // stop listing after this many
};

const char* change_kind_name(Change::Kind k);  // "added", "removed", "changed", "moved"

std::vector<Change> diff_documents(const Document& before, const Document& after, const DiffOptions& opt = {});

// Word-level diff of two texts (words, whitespace runs and punctuation are tokens). Falls back to one Delete and one
// Insert span (and sets `capped`) when the trimmed problem exceeds `max_cells`. Concatenating the Equal+Delete spans
// gives `a`; Equal+Insert gives `b`.
std::vector<TextSpan> diff_text(const std::string& a, const std::string& b, size_t max_cells = 4'000'000,
                                bool* capped = nullptr);
// Line-level variant for long multi-line prose.
std::vector<TextSpan> diff_lines(const std::string& a, const std::string& b, size_t max_cells = 4'000'000,
                                 bool* capped = nullptr);

// A plain-text rendering ("~ Summary: ...", "+ Action items › Add alert", "- ...") for the CLI and tests.
std::string format_changes(const std::vector<Change>& changes);

}  // namespace hs
