// Paste to add: turns pasted lines (chat logs, notes, terminal output) into timeline events for a preview the
// author confirms. Pure C++17. The accepted formats and the date rules are documented in docs/timeline.md.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model.h"
#include "timeline.h"

namespace hs {

struct PasteContext {
    std::string date;    // "YYYY-MM-DD": the incident's date, used for times written without a date
    int offset_min = 0;  // offset for times written without one (the document's offset)
    size_t max_lines = 10000;  // lines of input read; the rest are counted in PasteResult::lines_ignored
};

struct PasteLine {
    enum class Kind { Event, Date, Error };
    Kind kind = Kind::Error;
    int line_no = 0;     // 1-based line of the pasted text where the entry starts (blank lines count)
    int line_count = 1;  // lines consumed (a Slack header plus its message lines)
    std::string source;  // the text as pasted (for the preview)
    Event event;         // Kind::Event: id, time (offset kept), type, description, author
    std::string date;    // Kind::Date: the date this line sets for the lines after it
    std::string error;   // Kind::Error: "line 3: no time found at the start of the line"
    bool date_inferred = false;  // the date came from the context or an earlier line, not from this line
    bool rolled_over = false;    // moved to the next day (the log crossed midnight)
    bool type_inferred = false;  // the type came from keywords (always true today; for the review highlight)
    bool ok() const { return kind == Kind::Event; }
};

struct PasteResult {
    std::vector<PasteLine> lines;  // in input order; blank lines are skipped
    int events = 0, errors = 0;
    size_t lines_ignored = 0;  // beyond PasteContext::max_lines
};

// Never throws. Each event gets a new id (new_id("ev")).
PasteResult parse_paste(const std::string& text, const PasteContext& ctx);

// Event type from keywords in a description ("Rolled back config v42" -> "action"); "note" when nothing matches.
std::string infer_event_type(const std::string& description);

}  // namespace hs
