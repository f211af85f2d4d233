// The trends jobs (core/trends.h) over every draft, which the editor's own wasm does not carry: the web app runs them
// in its worker (src/platform/web/worker/worker.cpp), native runs in the same thread (src/platform/native/
// headless.cpp). Header-only, as review_job.h, so that both builds share it without a library of its own.
//   "figures"   -> trends_json, compact, with "tables": each chart's table as text (table_texts)
//   "markdown"  -> the trends report as Markdown
//   "html"      -> the same report as a standalone HTML page
// `docs_json` is a JSON array of documents (canonical JSON objects); `today` is "YYYY-MM-DD" (what is overdue).
// Each gives a Platform::LinkStatus (0 refused, 1 done) and its text: the answer, or a sentence saying what is wrong.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "core/format.h"
#include "core/trends.h"

namespace hs::trends_job {

enum Status { kRefused = 0, kDone = 1 };

inline std::string html_escape(const std::string& s) {
    std::string o;
    o.reserve(s.size());
    for (char c : s) {
        if (c == '<') o += "&lt;";
        else if (c == '>') o += "&gt;";
        else if (c == '&') o += "&amp;";
        else if (c == '"') o += "&quot;";
        else o += c;
    }
    return o;
}

// The cells of a Markdown table row "| a | b |".
inline std::vector<std::string> row_cells(const std::string& line) {
    std::vector<std::string> cells;
    size_t at = 1;
    while (at < line.size()) {
        const size_t bar = line.find('|', at);
        if (bar == std::string::npos) break;
        std::string c = line.substr(at, bar - at);
        const size_t b = c.find_first_not_of(' '), e = c.find_last_not_of(' ');
        cells.push_back(b == std::string::npos ? std::string() : c.substr(b, e - b + 1));
        at = bar + 1;
    }
    return cells;
}

// The report's Markdown (headings, paragraphs and tables only, as trends_markdown writes it) as an HTML page.
inline std::string report_html(const std::string& md) {
    std::string h = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Postmortem trends</title>"
                    "<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;"
                    "color:#1f2328}table{border-collapse:collapse;margin:0 0 1.5em}th,td{border:1px solid #d0d7de;"
                    "padding:.25em .6em}td:not(:first-child){text-align:right}th{background:#f6f8fa}</style>"
                    "</head><body>\n";
    bool in_table = false, header = false;
    size_t start = 0;
    while (start <= md.size()) {
        size_t end = md.find('\n', start);
        if (end == std::string::npos) end = md.size();
        const std::string line = md.substr(start, end - start);
        start = end + 1;
        const bool row = !line.empty() && line[0] == '|';
        if (!row && in_table) h += "</table>\n", in_table = false;
        if (row) {
            if (line.compare(0, 4, "|---") == 0) continue;
            if (!in_table) h += "<table>\n", in_table = true, header = true;
            h += "<tr>";
            for (const std::string& c : row_cells(line))
                h += (header ? "<th>" : "<td>") + html_escape(c) + (header ? "</th>" : "</td>");
            h += "</tr>\n";
            header = false;
        } else if (line.compare(0, 3, "## ") == 0) {
            h += "<h2>" + html_escape(line.substr(3)) + "</h2>\n";
        } else if (line.compare(0, 2, "# ") == 0) {
            h += "<h1>" + html_escape(line.substr(2)) + "</h1>\n";
        } else if (!line.empty()) {
            h += "<p>" + html_escape(line) + "</p>\n";
        }
    }
    if (in_table) h += "</table>\n";
    return h + "</body></html>\n";
}

// The six charts' tables as the trends view shows them (src/ui/trends_charts.cpp), each as text: one line per row,
// cells separated by tabs, the column heads first. Made here so that the editor carries no formatting of its own.
inline std::vector<std::string> table_texts(const Trends& t) {
    auto line = [](std::initializer_list<std::string> cells) {
        std::string l;
        for (const std::string& c : cells) l += (l.empty() ? "" : "\t") + c;
        return l + "\n";
    };
    auto dur = [](const std::optional<int64_t>& s) { return s ? format_duration(*s) : std::string("\xe2\x80\x94"); };
    auto num = [](int n) { return std::to_string(n); };
    std::vector<std::string> out(6);
    out[0] = line({"Month", "Incidents", "SEV1", "SEV2", "SEV3", "SEV4", "SEV5", "Not set"});
    out[1] = line({"Month", "Detect", "Acknowledge", "Resolve"});
    out[2] = line({"Category", "Postmortems"});
    out[3] = line({"Service", "Postmortems"});
    out[4] = line({"Month", "Opened", "Closed now"});
    out[5] = line({"Past due", "Items"});
    for (const TrendMonth& m : t.months) {
        auto sev = [&](int k) {
            auto it = m.by_severity.find(k);
            return num(it == m.by_severity.end() ? 0 : it->second);
        };
        out[0] += line({m.month, num(m.incidents), sev(1), sev(2), sev(3), sev(4), sev(5), sev(0)});
        out[1] += line({m.month, dur(m.median_detect_s), dur(m.median_acknowledge_s), dur(m.median_resolve_s)});
        out[4] += line({m.month, num(m.actions_opened), num(m.actions_closed)});
    }
    for (const TrendCount& c : t.factor_categories) out[2] += line({c.name, num(c.count)});
    for (const TrendCount& c : t.services) out[3] += line({c.name, num(c.count)});
    for (const AgeBucket& b : t.overdue_ageing) out[5] += line({b.label, num(b.count)});
    return out;
}

inline int run(const std::string& job, const std::string& docs_json, const std::string& today, std::string& out) {
    const Json list = Json::parse(docs_json, nullptr, false);
    if (!list.is_array()) return out = "the drafts could not be read for the trends", kRefused;
    std::vector<Document> docs;
    docs.reserve(list.size());
    for (const Json& j : list) {
        LoadResult l = load_document_json(j);
        if (l.ok) docs.push_back(std::move(l.doc));  // a draft the store could not read is left out of the counts
    }
    std::vector<const Document*> ptrs;
    for (const Document& d : docs) ptrs.push_back(&d);
    const Trends t = compute_trends(ptrs, today);
    if (job == "figures") {
        Json j = trends_json(t);
        j["tables"] = table_texts(t);
        out = j.dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    else if (job == "markdown") out = trends_markdown(t);
    else if (job == "html") out = report_html(trends_markdown(t));
    else return out = "this version of Hindsight does not know the trends job \"" + job + "\"", kRefused;
    return kDone;
}

}  // namespace hs::trends_job
