// Internals of the Markdown importer: the block structure of a Markdown text (markdown_blocks.cpp) that the
// mapping onto a postmortem (markdown.cpp, markdown_fields.cpp) reads. Not a stable API.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "importers.h"

namespace hs {
namespace md_import {

struct ListItem {
    std::vector<std::vector<std::string>> paragraphs;  // raw lines (still escaped), marker and indent removed
    int checked = -1;                                  // -1: no task box; 0: "[ ]"; 1: "[x]"
};

struct Block {
    enum Kind { kParagraph, kList, kTable, kHeading, kCode } kind = kParagraph;
    std::vector<std::string> lines;                // the source lines as written (paragraph, code, fallback)
    std::vector<ListItem> items;                   // kList
    bool ordered = false;                          // kList: "1." markers
    std::vector<std::vector<std::string>> rows;    // kTable: raw cells, the header row first (delimiter left out)
    int level = 0;                                 // kHeading: 1..6
    std::string text;                              // kHeading: its text, unescaped
};

// The blocks of a Markdown text (already sanitized: LF line ends, valid UTF-8): ATX headings, paragraphs, bullet and
// numbered lists (with task boxes), GFM tables, fenced code. HTML comments and thematic breaks are left out.
std::vector<Block> parse_blocks(const std::string& text);

// Inline text back to what a person wrote: backslash escapes, the entities &lt; &gt; &amp; &quot; &#39;.
std::string unescape_inline(const std::string& s);
// A table cell: "<br>" is a line break, "—" (the exporter's empty cell) is empty.
std::string cell_text(const std::string& raw);
// A paragraph's lines as one text: a line ending in a backslash (or two spaces) is a hard break ("\n"), other line
// ends are soft (a space).
std::string paragraph_text(const std::vector<std::string>& lines);
// A list item's text: its paragraphs joined by blank lines.
std::string item_text(const ListItem& item);
// A block as prose: paragraphs and list items as text; tables and code as their source lines.
std::string block_text(const Block& b);
// "[label](url)" when `s` is exactly one link (after trimming); false otherwise.
bool parse_link(const std::string& s, std::string& label, std::string& url);
// "**Label:** value", "Label: value" (a short label without sentence punctuation): the label and the rest.
bool split_label(const std::string& s, std::string& label, std::string& value);
// Lower case ASCII, punctuation and spaces dropped: "Root Cause(s)" -> "rootcauses".
std::string fold_heading(const std::string& s);

// What one section's readers placed (markdown_fields.cpp), for the report, and what they could not.
struct Mapped {
    size_t count = 0;                 // events, items, measures placed
    size_t unplaced = 0;              // rows or lines that looked like entries but could not be read
    std::string day;                  // YYYY-MM-DD that clock-only times in a timeline belong to
    std::vector<std::string> prose;   // text kept as prose because it fits no field
    std::vector<std::string> notes;   // values read loosely ("action type \"repair\" read as \"other\"")
};
// "2026-03-01 13:02 (14:02 +01:00)" (Hindsight's export), ISO 8601, "YYYY-MM-DD HH:MM[:SS] [UTC]", or a clock time
// "HH:MM[:SS]" on `day`. UTC unless the text says otherwise.
std::optional<Instant> parse_event_time(const std::string& raw, const std::string& day);
// A table with a time and an event column; false (nothing read) when the header has neither.
bool timeline_from_table(const Block& b, Document& d, Mapped& m);
// Lines or list items that start with a time ("14:51 News reports..."); a date alone sets the day.
void timeline_from_lines(const Block& b, Document& d, Mapped& m);
// A table with an action column; false when the header has none.
bool actions_from_table(const Block& b, Document& d, Mapped& m);
void actions_from_list(const Block& b, Document& d, Mapped& m);
// The exporter's "Measure | Value" table of the impact; false when no row names a measure.
bool impact_from_table(const Block& b, Impact& im, Mapped& m);
void items_from_block(const Block& b, std::vector<Item>& out, const char* prefix, Mapped& m);
void links_from_block(const Block& b, std::vector<LinkRef>& out, Mapped& m);

}  // namespace md_import
}  // namespace hs
