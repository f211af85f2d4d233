// GitHub-flavoured Markdown export. Aims to read like a person wrote it: a title, a short metadata list, then the
// sections in the document's order. Every piece of user text is escaped so it cannot change the structure: no
// headings, lists, quotes, tables, code, emphasis, raw HTML or links appear unless this exporter writes them.
#include <algorithm>
#include <set>

#include "../metrics.h"
#include "exporters.h"
#include "../timeline.h"

namespace hs {

namespace {

bool is_alnum(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "&amp;", "&#123;", "&#x1F;" would be decoded by a Markdown renderer; a bare "&" is left alone for readability.
bool looks_like_entity(const std::string& s, size_t i) {
    size_t j = i + 1;
    if (j < s.size() && s[j] == '#') {
        ++j;
        bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
        if (hex) ++j;
        size_t k = j;
        while (k < s.size() && (hex ? is_alnum(static_cast<unsigned char>(s[k])) : is_digit(s[k]))) ++k;
        return k > j && k < s.size() && s[k] == ';';
    }
    size_t k = j;
    while (k < s.size() && is_alnum(static_cast<unsigned char>(s[k]))) ++k;
    return k > j && k < s.size() && s[k] == ';';
}

// Escapes one line of user text for inline Markdown. `block_start`: the line starts a block (paragraph line or list
// item line), so leading characters that would open a heading, quote, list or thematic break are escaped too.
std::string md_line(std::string line, bool block_start, bool escape_hash = false, bool trim_leading = false) {
    if (block_start || trim_leading) {
        // Leading indentation would turn the line into a code block; it carries no meaning in prose.
        size_t b = line.find_first_not_of(" \t");
        line = b == std::string::npos ? std::string() : line.substr(b);
    }
    size_t e = line.find_last_not_of(" \t");  // trailing spaces would make a hard line break
    line = e == std::string::npos ? std::string() : line.substr(0, e + 1);

    std::string out;
    out.reserve(line.size() + 8);
    size_t i = 0;
    if (block_start && !line.empty()) {
        char c = line[0];
        if (c == '#' || c == '>' || c == '+' || c == '-' || c == '=') {
            out += '\\';
            out += c;
            i = 1;
        } else if (is_digit(c)) {
            size_t k = 0;
            while (k < line.size() && is_digit(line[k])) ++k;
            if (k < line.size() && (line[k] == '.' || line[k] == ')')) {  // "1." or "1)" would start a list
                out.append(line, 0, k);
                out += '\\';
                out += line[k];
                i = k + 1;
            }
        }
    }
    for (; i < line.size(); ++i) {
        char c = line[i];
        switch (c) {
            case '\\': case '`': case '*': case '[': case ']': case '~': case '|':
                out += '\\';
                out += c;
                break;
            case '#':
                if (escape_hash) out += '\\';
                out += c;
                break;
            case '_': {
                // Intraword underscores (snake_case) never emphasise in GFM; keep them readable.
                bool in_word = i > 0 && i + 1 < line.size() && is_alnum(static_cast<unsigned char>(line[i - 1])) &&
                               is_alnum(static_cast<unsigned char>(line[i + 1]));
                if (!in_word) out += '\\';
                out += c;
                break;
            }
            case '<': out += "&lt;"; break;
            case '&': out += looks_like_entity(line, i) ? "&amp;" : "&"; break;
            default: out += c;
        }
    }
    return out;
}

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> lines;
    size_t start = 0;
    for (;;) {
        size_t nl = s.find('\n', start);
        lines.push_back(s.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return lines;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// Paragraphs of user text: blank lines separate paragraphs, single newlines become hard breaks ("\" at line end).
// Continuation lines are indented by `indent` spaces so they stay inside a list item.
std::string md_prose(const std::string& text, size_t indent = 0) {
    std::string pad(indent, ' ');
    std::vector<std::vector<std::string>> paras(1);
    for (const std::string& l : split_lines(sanitize_text(text))) {
        if (blank(l)) {
            if (!paras.back().empty()) paras.emplace_back();
        } else {
            paras.back().push_back(md_line(l, true));
        }
    }
    if (paras.back().empty()) paras.pop_back();
    std::string out;
    for (size_t p = 0; p < paras.size(); ++p) {
        if (p) out += "\n\n" + pad;
        for (size_t k = 0; k < paras[p].size(); ++k) {
            if (k) out += "\\\n" + pad;
            out += paras[p][k];
        }
    }
    return out;
}

// A single-line value (names, ids, labels): newlines become spaces.
std::string md_inline(const std::string& text, bool block_start = false) {
    std::string s = sanitize_text(text);
    for (char& c : s)
        if (c == '\n' || c == '\t') c = ' ';
    return md_line(s, block_start);
}

// A table cell: inline escaping, lines joined with <br> (GFM cells cannot hold newlines).
std::string md_cell(const std::string& text) {
    std::string out;
    bool first = true;
    for (const std::string& l : split_lines(sanitize_text(text))) {
        if (blank(l)) continue;
        if (!first) out += "<br>";
        std::string t = l;
        for (char& c : t)
            if (c == '\t') c = ' ';
        out += md_line(t, false, false, true);  // block syntax (lists, headings) has no effect inside a cell
        first = false;
    }
    return out.empty() ? "—" : out;
}

// Link destination: already known to be http(s) without spaces; encode what would end or confuse it.
std::string md_dest(const std::string& url) {
    std::string out;
    for (char c : url) {
        switch (c) {
            case '(': out += "%28"; break;
            case ')': out += "%29"; break;
            case '<': out += "%3C"; break;
            case '>': out += "%3E"; break;
            case '\\': out += "%5C"; break;
            case '"': out += "%22"; break;
            case '`': out += "%60"; break;
            case '|': out += "%7C"; break;  // would end a GFM table cell, even inside a link's destination
            default: out += c;
        }
    }
    return out;
}

// A link when the URL is http(s); otherwise the text and the URL as plain escaped text (never clickable).
std::string md_link(const std::string& title, const std::string& url) {
    std::string label = md_inline(blank(title) ? url : title);
    if (is_http_url(url)) return "[" + label + "](" + md_dest(url) + ")";
    if (blank(title) || blank(url)) return label;
    return label + " (" + md_inline(url) + ")";
}

std::string join_inline(const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& s : v) {
        if (blank(s)) continue;
        if (!out.empty()) out += ", ";
        out += md_inline(s);
    }
    return out;
}

void item_list(std::string& out, const std::vector<Item>& items, bool numbered) {
    size_t n = 0;
    for (const Item& it : items) {
        if (blank(it.text)) continue;
        ++n;
        std::string marker = numbered ? std::to_string(n) + ". " : "- ";
        out += marker + md_prose(it.text, marker.size()) + "\n";
    }
}

std::string time_cell(const Instant& t) {
    if (!t.set) return "—";
    std::string s = display_utc(t);
    if (t.offset_min != 0) s += " (" + display_local(t) + ")";
    return s;
}

void metrics_block(std::string& out, const Document& d) {
    Metrics m = compute_metrics(d);
    out += "\n**Key durations** (derived from the timeline):\n\n";
    for (const MetricRow& r : metric_rows(m)) {
        const std::string value =
            r.seconds ? format_duration(*r.seconds) + " (" + basis_words(r.basis) + ")" : std::string("not defined");
        out += std::string("- ") + r.label + ": " + value + "\n";
    }
    if (!m.notes.empty()) {
        out += "\n";
        std::string notes;
        for (const std::string& n : m.notes) notes += (notes.empty() ? "" : " ") + n;
        out += md_prose(notes) + "\n";
    }
}

void section_body(std::string& out, const Document& d, const std::string& key) {
    if (const std::string* p = export_detail::prose_field(d, key)) {
        out += md_prose(*p) + "\n";
        return;
    }
    if (key == "impact") {
        const Impact& im = d.impact;
        if (!blank(im.description)) out += md_prose(im.description) + "\n";
        std::vector<std::pair<std::string, std::string>> rows;
        if (im.users_affected) rows.emplace_back("Users affected", display_number(*im.users_affected));
        if (im.requests_failed) rows.emplace_back("Requests failed", display_number(*im.requests_failed));
        if (im.revenue_lost) {
            std::string v = display_number(*im.revenue_lost, true);
            if (!blank(im.currency)) v += " " + md_inline(im.currency);
            rows.emplace_back("Revenue lost", v);
        }
        if (im.support_tickets) rows.emplace_back("Support tickets", display_number(*im.support_tickets));
        if (!blank(im.slo)) rows.emplace_back("SLO affected", md_cell(im.slo));
        if (im.error_budget_consumed_pct)
            rows.emplace_back("Error budget consumed", display_number(*im.error_budget_consumed_pct) + "%");
        if (!im.regions.empty()) {  // escaped once, as a cell (join_inline escapes too: "eu-west\\|1")
            std::string joined;
            for (const std::string& r : im.regions)
                if (!blank(r)) joined += (joined.empty() ? "" : ", ") + r;
            rows.emplace_back("Regions", md_cell(joined));
        }
        if (!rows.empty()) {
            if (!blank(im.description)) out += "\n";
            out += "| Measure | Value |\n| --- | --- |\n";
            for (auto& r : rows) out += "| " + r.first + " | " + r.second + " |\n";
        }
        return;
    }
    if (key == "timeline") {
        out += "| Time (UTC) | Type | Event | Author |\n| --- | --- | --- | --- |\n";
        for (const Event* ep : events_in_time_order(d)) {  // a document from elsewhere may list them out of order
            const Event& e = *ep;
            std::string what = md_cell(e.description);
            std::string tags = join_inline(e.tags);
            if (!tags.empty()) what += (what == "—" ? "" : "<br>") + std::string("Tags: ") + tags;
            out += "| " + time_cell(e.time) + " | " + md_cell(event_type_label(e.type)) + " | " + what + " | " +
                   md_cell(e.author) + " |\n";
        }
        metrics_block(out, d);
        return;
    }
    if (key == "root_causes") return item_list(out, d.root_causes, false);
    if (key == "contributing_factors") return item_list(out, d.contributing_factors, false);
    if (key == "five_whys") return item_list(out, d.five_whys, true);
    if (key == "lessons") {
        const std::pair<const char*, const std::vector<Item>*> parts[] = {{"What went well", &d.lessons.went_well},
                                                                          {"What went wrong", &d.lessons.went_wrong},
                                                                          {"Where we got lucky", &d.lessons.got_lucky}};
        bool first = true;
        for (auto& p : parts) {
            if (std::all_of(p.second->begin(), p.second->end(), [](const Item& it) { return blank(it.text); }))
                continue;
            out += std::string(first ? "" : "\n") + "### " + p.first + "\n\n";
            item_list(out, *p.second, false);
            first = false;
        }
        return;
    }
    if (key == "action_items") {
        out += "| Priority | Action | Type | Owner | Due | Status | Ticket |\n"
               "| --- | --- | --- | --- | --- | --- | --- |\n";
        for (const ActionItem& a : d.action_items) {
            std::string action = md_cell(a.title);
            if (!blank(a.description)) {
                if (action == "—") action = md_cell(a.description);
                else action = "**" + action + "**<br>" + md_cell(a.description);
            }
            std::string ticket = blank(a.ticket_url) ? "—"
                                 : is_http_url(a.ticket_url) ? md_link(ticket_label(a.ticket_url), a.ticket_url)
                                                             : md_cell(a.ticket_url);
            out += "| " + md_cell(a.priority) + " | " + action + " | " + md_cell(action_type_label(a.type)) + " | " +
                   md_cell(a.owner) + " | " + md_cell(a.due) + " | " + md_cell(action_status_label(a.status)) +
                   " | " + ticket + " |\n";
        }
        return;
    }
    if (key == "open_questions") {
        for (const Item& q : d.open_questions) {
            if (blank(q.text)) continue;
            out += std::string(q.resolved ? "- [x] " : "- [ ] ") + md_prose(q.text, 6) + "\n";
        }
        return;
    }
    if (key == "links") {
        for (const LinkRef& l : d.links) {
            if (blank(l.title) && blank(l.url)) continue;
            out += "- " + md_link(l.title, l.url) + "\n";
        }
        return;
    }
}

}  // namespace

std::string export_markdown(const Document& d) {
    std::string out;
    std::string title = blank(d.title) ? std::string("Untitled postmortem") : d.title;
    {
        std::string s = sanitize_text(title);
        for (char& c : s)
            if (c == '\n' || c == '\t') c = ' ';
        out += "# " + md_line(s, false, true) + "\n\n";
    }

    std::vector<std::pair<std::string, std::string>> meta;
    if (!blank(d.incident_id)) meta.emplace_back("Incident", md_inline(d.incident_id));
    std::string sev = severity_label(d);
    if (!sev.empty()) meta.emplace_back("Severity", md_inline(sev));
    if (!blank(d.status)) meta.emplace_back("Status", md_inline(status_label(d.status)));
    if (!join_inline(d.authors).empty()) meta.emplace_back("Authors", join_inline(d.authors));
    if (!blank(d.owner)) meta.emplace_back("Owner", md_inline(d.owner));
    if (!join_inline(d.reviewers).empty()) meta.emplace_back("Reviewers", join_inline(d.reviewers));
    if (!d.approvals.empty()) {
        std::string v;
        for (const Approval& a : d.approvals) {
            if (!v.empty()) v += "; ";
            v += md_inline(blank(a.reviewer) ? std::string("Unknown reviewer") : a.reviewer) + " (" +
                 md_inline(status_label(a.decision));
            if (a.at.set) v += ", " + display_utc(a.at) + " UTC";
            v += ")";
            if (!blank(a.comment)) v += ": " + md_inline(a.comment);
        }
        meta.emplace_back("Approvals", v);
    }
    if (d.created.set) meta.emplace_back("Created", display_utc(d.created) + " UTC");
    if (d.updated.set) meta.emplace_back("Updated", display_utc(d.updated) + " UTC");
    if (!join_inline(d.services).empty()) meta.emplace_back("Services", join_inline(d.services));
    if (!join_inline(d.tags).empty()) meta.emplace_back("Tags", join_inline(d.tags));
    if (!join_inline(d.related_incidents).empty())
        meta.emplace_back("Related incidents", join_inline(d.related_incidents));
    for (auto& m : meta) out += "- **" + m.first + ":** " + m.second + "\n";

    std::set<std::string> seen;
    for (const std::string& key : export_detail::section_order(d)) {
        if (!seen.insert(key).second || export_detail::section_is_empty(d, key)) continue;
        out += "\n## " + md_inline(export_detail::heading(key)) + "\n\n";
        section_body(out, d, key);
    }
    return out;
}

}  // namespace hs
