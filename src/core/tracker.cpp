// Updating action items from a tracker's CSV export (tracker.h). Stages: read the CSV into rows, find the columns
// that matter in the header, match each row to an item by its "hindsight-<id>" label, then turn the row's status,
// due date and ticket into changes.
#include "tracker.h"

#include <cstdio>  // snprintf
#include <map>
#include <set>

#include "exporters/exporters.h"
#include "importers/importers.h"
#include "strings.h"

namespace hs {

namespace {

// Jira's "all fields" export has a column per custom field (hundreds in a large site), so the cap is wide; it still
// refuses a line of millions of commas before holding it.
constexpr size_t kMaxTrackerColumns = 4096;
constexpr const char* kLabelPrefix = "hindsight-";

struct Row {
    size_t line = 0;
    std::vector<std::string> cells;
};

struct Csv {
    std::vector<Row> rows;
    std::string error;
};

bool row_blank(const Row& r) {
    for (const auto& c : r.cells)
        if (!trim(c).empty()) return false;
    return true;
}

// RFC 4180 with what spreadsheets write besides: a UTF-8 byte order mark, LF or CRLF line ends, line breaks inside
// quoted cells. Blank rows are skipped.
Csv read_csv(const std::string& text) {
    Csv out;
    if (text.size() > kMaxImportBytes) {
        out.error = "the file is larger than " + std::to_string(kMaxImportBytes / (1024 * 1024)) +
                    " MB; export fewer issues at a time.";
        return out;
    }
    size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0, line = 1;
    Row row;
    row.line = 1;
    std::string cell;
    auto end_cell = [&]() -> bool {
        row.cells.push_back(std::move(cell));
        cell.clear();
        if (row.cells.size() <= kMaxTrackerColumns) return true;
        out.error = "line " + std::to_string(row.line) + ": more than " + std::to_string(kMaxTrackerColumns) +
                    " columns; this is not a tracker's issue export.";
        return false;
    };
    auto end_row = [&]() -> bool {
        if (!end_cell()) return false;
        if (!row_blank(row)) out.rows.push_back(std::move(row));
        if (out.rows.size() > kMaxCsvRows + 1) {
            out.error = "more than " + std::to_string(kMaxCsvRows) + " rows; export fewer issues at a time.";
            return false;
        }
        row = Row();
        row.line = line;
        return true;
    };
    const size_t n = text.size();
    while (i < n) {
        char c = text[i];
        if (c == '"' && cell.empty()) {
            size_t start = line;
            bool closed = false;
            for (++i; i < n; ++i) {
                if (text[i] == '"' && i + 1 < n && text[i + 1] == '"') {
                    cell += '"';
                    ++i;
                } else if (text[i] == '"') {
                    closed = true;
                    ++i;
                    break;
                } else {
                    if (text[i] == '\n') ++line;
                    cell += text[i];
                }
            }
            if (!closed) {
                out.error = "line " + std::to_string(start) +
                            ": a quoted cell that starts here is never closed (a missing \"); the file may be cut "
                            "short: export it again.";
                return out;
            }
            continue;  // what follows the closing quote (a separator, a line end) is read below
        }
        if (c == ',') {
            if (!end_cell()) return out;
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
            ++line;
            if (!end_row()) return out;
        } else {
            cell += c;
        }
        ++i;
    }
    if (!cell.empty() || !row.cells.empty()) end_row();
    return out;
}

// The columns that matter, by header name (any case, surrounding spaces ignored); -1 when absent.
struct Columns {
    int key = -1, url = -1, title = -1, status = -1, resolution = -1, due = -1, description = -1;
    std::vector<int> labels;  // Jira repeats "Labels" once per label
    std::string tracker;
};

Columns find_columns(const Row& header) {
    Columns c;
    for (size_t i = 0; i < header.cells.size(); ++i) {
        const std::string h = lower(trim(header.cells[i]));
        const int at = static_cast<int>(i);
        auto take = [&](int& slot) {
            if (slot < 0) slot = at;
        };
        if (h == "issue key" || h == "key" || h == "issue id" || h == "iid") take(c.key);
        else if (h == "url" || h == "web url" || h == "web_url") take(c.url);
        else if (h == "summary" || h == "title") take(c.title);
        else if (h == "status" || h == "state") take(c.status);
        else if (h == "resolution") take(c.resolution);
        else if (h == "due date" || h == "due_date" || h == "duedate" || h == "due") take(c.due);
        else if (h == "description") take(c.description);
        else if (h == "labels" || h == "label") c.labels.push_back(at);
    }
    bool jira_key = false;
    for (const auto& cell : header.cells) jira_key = jira_key || lower(trim(cell)) == "issue key";
    c.tracker = jira_key ? "jira" : (c.url >= 0 && c.key >= 0 ? "gitlab" : "csv");
    return c;
}

std::string cell_at(const Row& r, int col) {
    return col >= 0 && static_cast<size_t>(col) < r.cells.size() ? trim(r.cells[col]) : std::string();
}

// Every "hindsight-<id>" token in `text`: the id runs to white space, a comma, a semicolon, a quote or a bracket.
void collect_labels(const std::string& text, std::vector<std::string>& out) {
    const std::string prefix = kLabelPrefix;
    for (size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at + 1)) {
        size_t end = at + prefix.size();
        while (end < text.size() && std::string_view(" \t\r\n,;\"'()[]<>|").find(text[end]) == std::string::npos)
            ++end;
        std::string token = text.substr(at, end - at);
        while (!token.empty() && (token.back() == '.' || token.back() == ':')) token.pop_back();  // end of a sentence
        if (token.size() > prefix.size()) out.push_back(token);
    }
}

bool one_of(const std::string& v, std::initializer_list<const char*> list) {
    for (const char* w : list)
        if (v == w) return true;
    return false;
}

// A tracker's status (and resolution) as an action-item status; "" when it says nothing Hindsight can use.
std::string map_status(const std::string& tracker, const std::string& status_raw, const std::string& resolution_raw,
                       const std::string& current) {
    const std::string s = lower(status_raw), r = lower(resolution_raw);
    if (one_of(s, {"done", "closed", "resolved", "complete", "completed", "fixed", "released", "cancelled",
                   "canceled", "won't do", "won't fix"})) {
        bool wont = one_of(r, {"won't do", "won't fix", "wont do", "wont fix", "won\xe2\x80\x99t do",
                               "won\xe2\x80\x99t fix", "declined", "duplicate", "cannot reproduce", "obsolete"}) ||
                    one_of(s, {"cancelled", "canceled", "won't do", "won't fix"});
        return wont ? "wont_do" : "done";
    }
    if (one_of(s, {"in progress", "in review", "in development", "in testing", "doing", "review", "in_progress",
                   "started", "under review"}))
        return "in_progress";
    if (one_of(s, {"to do", "todo", "open", "opened", "backlog", "selected for development", "new", "reopened"})) {
        // GitLab has only opened and closed: an open issue does not undo an item's "in progress".
        if (tracker != "jira" && current == "in_progress") return current;
        return "open";
    }
    return "";
}

int month_number(std::string m) {
    static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                    "jul", "aug", "sep", "oct", "nov", "dec"};
    m = lower(m);
    for (int i = 0; i < 12; ++i)
        if (m == kMonths[i]) return i + 1;
    return 0;
}

std::string as_date(int y, int m, int d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return is_calendar_date(buf) ? std::string(buf) : std::string();
}

struct Context {
    const Document& doc;
    const TrackerOptions& opts;
    const Columns& cols;
    std::map<std::string, size_t> by_label;  // tracker_label(item) -> item index
    std::string jira_base;
    TrackerUpdate& result;
    bool said_no_base = false;  // the note about a missing Jira address is given once
};

// The Jira site's address: given, else taken from an item's ticket URL that points at a Jira issue.
std::string jira_base(const Document& d, const TrackerOptions& opts) {
    std::string base = opts.jira_base_url;
    for (size_t i = 0; base.empty() && i < d.action_items.size(); ++i) {
        const std::string& u = d.action_items[i].ticket_url;
        size_t at = u.find("/browse/");
        if (is_http_url(u) && at != std::string::npos) base = u.substr(0, at);
    }
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base;
}

void propose(Context& cx, const ActionItem& a, const char* field, const std::string& old_value,
             const std::string& new_value) {
    if (new_value.empty() || new_value == old_value) return;
    cx.result.changes.push_back({a.id, field, old_value, new_value});
}

std::string row_ticket(Context& cx, const Row& row, const std::string& key) {
    std::string url = cell_at(row, cx.cols.url);
    if (is_http_url(url)) return url;
    if (cx.cols.tracker != "jira" || key.empty()) return "";
    if (cx.jira_base.empty() || !is_http_url(cx.jira_base + "/browse/" + key)) {
        if (!cx.said_no_base)
            cx.result.notes.push_back("The ticket links of Jira issues (" + key +
                                      ", ...) were not set: give the Jira site's address (the CLI's --jira-url).");
        cx.said_no_base = true;
        return "";
    }
    return cx.jira_base + "/browse/" + key;
}

void update_item(Context& cx, const Row& row, const ActionItem& a) {
    const std::string key = cell_at(row, cx.cols.key);
    const std::string status = cell_at(row, cx.cols.status);
    if (!status.empty()) {
        std::string to = map_status(cx.cols.tracker, status, cell_at(row, cx.cols.resolution), a.status);
        if (to.empty())
            cx.result.notes.push_back(a.id + ": the status \"" + shorten_utf8(status, 60) +
                                      "\" is not one Hindsight knows (To Do, In Progress, Done, Closed, ...); the "
                                      "item's status was left as it is.");
        propose(cx, a, "status", a.status, to);
    }
    const std::string due_text = cell_at(row, cx.cols.due);
    std::string due = tracker_date(due_text);
    if (!due_text.empty() && due.empty())
        cx.result.notes.push_back(a.id + ": the due date \"" + shorten_utf8(due_text, 40) +
                                  "\" is not a date Hindsight reads (2026-12-12 or 12/Dec/26); it was left as it is.");
    propose(cx, a, "due", a.due, due);
    propose(cx, a, "ticket_url", a.ticket_url, row_ticket(cx, row, key));
}

// The item a row names, by the labels in its Labels columns and description; nullptr when none.
const ActionItem* match_row(Context& cx, const Row& row) {
    std::vector<std::string> labels;
    for (int col : cx.cols.labels) collect_labels(cell_at(row, col), labels);
    collect_labels(cell_at(row, cx.cols.description), labels);
    for (const auto& l : labels) {
        auto it = cx.by_label.find(l);
        if (it != cx.by_label.end()) return &cx.doc.action_items[it->second];
    }
    return nullptr;
}

}  // namespace

std::string tracker_date(const std::string& raw) {
    const std::string s = trim(raw);
    if (s.size() >= 10 && is_calendar_date(s.substr(0, 10)) && (s.size() == 10 || s[10] == ' ' || s[10] == 'T'))
        return s.substr(0, 10);
    // Jira: d/MMM/yy or d/MMM/yyyy, then an optional time ("3:45 PM") that a due date does not need. Read by hand:
    // sscanf would bring the C library's whole scanf into the editor's wasm for this one date.
    const size_t a = s.find('/'), b = a == std::string::npos ? a : s.find('/', a + 1);
    if (b == std::string::npos) return "";
    size_t end = b + 1;
    while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
    if (end < s.size() && s[end] != ' ') return "";
    const std::string day = s.substr(0, a), year = s.substr(b + 1, end - b - 1);
    auto digits = [](const std::string& t) { return !t.empty() && t.find_first_not_of("0123456789") == t.npos; };
    if (!digits(day) || day.size() > 2 || (year.size() != 2 && year.size() != 4)) return "";
    auto number = [](const std::string& t) {
        int n = 0;
        for (char c : t) n = n * 10 + (c - '0');
        return n;
    };
    const int m = month_number(s.substr(a + 1, b - a - 1));
    const int y = number(year) + (year.size() == 2 ? 2000 : 0);
    return m ? as_date(y, m, number(day)) : "";
}

bool looks_like_tracker_csv(const std::string& text) {
    size_t head = text.find('\n');
    if (head == std::string::npos) return false;
    const std::string header = lower(text.substr(0, head));
    bool names = header.find("summary") != std::string::npos || header.find("title") != std::string::npos;
    return names && text.find(kLabelPrefix, head) != std::string::npos;
}

TrackerUpdate tracker_update(const Document& d, const std::string& csv_text, const TrackerOptions& opts) {
    TrackerUpdate result;
    Csv csv = read_csv(csv_text);
    if (!csv.error.empty()) {
        result.error = csv.error;
        return result;
    }
    if (csv.rows.empty()) {
        result.error = "the file is empty; export the issues from the tracker as CSV (Jira: Export > Export Excel "
                       "CSV (all fields); GitLab: Export as CSV).";
        return result;
    }
    const Columns cols = find_columns(csv.rows[0]);
    if (cols.labels.empty() && cols.description < 0) {
        result.error = "the header row has neither a Labels nor a Description column, so no row can name an action "
                       "item; export the issues with all fields (Jira: Export Excel CSV (all fields)).";
        return result;
    }
    if (cols.status < 0 && cols.due < 0 && cols.url < 0 && cols.key < 0) {
        result.error = "the header row has no Status, State, Due Date, URL or Issue key column, so there is nothing "
                       "to update; export the issues with all fields.";
        return result;
    }
    result.ok = true;
    result.tracker = cols.tracker;
    Context cx{d, opts, cols, {}, jira_base(d, opts), result, false};
    for (size_t i = 0; i < d.action_items.size(); ++i) {
        std::string label = tracker_label(d.action_items[i]);
        if (!label.empty()) cx.by_label.emplace(label, i);
    }
    std::set<std::string> seen;
    result.rows = csv.rows.size() - 1;
    for (size_t r = 1; r < csv.rows.size(); ++r) {
        const Row& row = csv.rows[r];
        const ActionItem* a = match_row(cx, row);
        if (!a) {
            std::string key = cell_at(row, cols.key);
            // GitLab's Issue ID is the number people write as "#57".
            if (cols.tracker == "gitlab" && !key.empty() && key.find_first_not_of("0123456789") == std::string::npos)
                key = "#" + key;
            result.unmatched_rows.push_back({row.line, key, cell_at(row, cols.title)});
            continue;
        }
        if (!seen.insert(a->id).second) {
            result.notes.push_back("line " + std::to_string(row.line) + ": " + a->id +
                                   " is named by an earlier row too; only the first row was used.");
            continue;
        }
        update_item(cx, row, *a);
    }
    for (const ActionItem& a : d.action_items)
        if (!a.id.empty() && !seen.count(a.id)) result.unmatched_items.push_back(a.id);
    return result;
}

size_t tracker_matched_rows(const TrackerUpdate& u) {
    return u.rows >= u.unmatched_rows.size() ? u.rows - u.unmatched_rows.size() : 0;
}

std::string tracker_no_match_message(const Document& d, const TrackerUpdate& u) {
    if (u.rows == 0)
        return "The file has a header but no issues under it; export the issues from the tracker again (Jira: Export "
               "> Export Excel CSV (all fields); GitLab: Export as CSV).";
    std::string msg = u.rows == 1 ? std::string("Its one row names no action item of this postmortem")
                                  : "None of the " + std::to_string(u.rows) + " rows names an action item of this "
                                    "postmortem";
    if (d.action_items.empty())
        return msg + ", which has none. Open the postmortem whose action items went to the tracker, then this file "
                     "again.";
    const std::string example = tracker_label(d.action_items.front());
    if (!example.empty()) msg += " (its items carry labels such as " + example + ")";
    return msg + ". Export them from the tracker with the hindsight-\xe2\x80\xa6 labels that Hindsight's Jira or GitLab "
           "CSV export gave them (Export > Jira CSV), or open the postmortem they came from.";
}

size_t apply_tracker_changes(Document& d, const std::vector<TrackerChange>& changes) {
    size_t n = 0;
    for (const TrackerChange& c : changes) {
        for (ActionItem& a : d.action_items) {
            if (a.id != c.item_id) continue;
            std::string* field = c.field == "status" ? &a.status
                                 : c.field == "due"  ? &a.due
                                 : c.field == "ticket_url" ? &a.ticket_url
                                                           : nullptr;
            if (field && *field != c.new_value) {
                *field = c.new_value;
                ++n;
            }
            break;
        }
    }
    return n;
}

}  // namespace hs
