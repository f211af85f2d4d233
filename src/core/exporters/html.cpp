// HTML export: a standalone, semantic, accessible and print-ready page, or (standalone = false) the <article>
// fragment the app's read view embeds. Every piece of user text goes through html_escape; only http(s) URLs become
// links. No scripts and no external resources: the page carries its own CSS and a CSP that forbids everything else.
#include <algorithm>
#include <set>

#include "../metrics.h"
#include "../strings.h"
#include "exporters.h"
#include "../timeline.h"

namespace hs {

namespace {

const char* kCss = R"css(:root{color-scheme:light dark;--fg:#1b1f24;--muted:#57606a;--bg:#fff;--line:#d0d7de;--head:#f6f8fa;--link:#0550ae}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--line:#30363d;--head:#161b22;--link:#4493f8}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:62rem;margin:0 auto;padding:2rem 1.25rem 4rem}
h1{font-size:2rem;line-height:1.2;margin:0 0 1rem}
h2{font-size:1.4rem;margin:2.2rem 0 .8rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}
h3{font-size:1.1rem;margin:1.4rem 0 .5rem}
a{color:var(--link)}
.pm-meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}
.pm-meta div{display:contents}
.pm-meta dt{color:var(--muted);font-weight:600}
.pm-meta dd{margin:0}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}
caption{text-align:left;color:var(--muted);font-size:.9rem;padding:.25rem 0}
th,td{border:1px solid var(--line);padding:.4rem .6rem;text-align:left;vertical-align:top}
thead th,tbody th{background:var(--head)}
td.time{white-space:nowrap;font-variant-numeric:tabular-nums}
.local,.muted{color:var(--muted);font-size:.88em}
.url{word-break:break-all}
.metrics{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
.metrics div{display:contents}
.metrics dd{margin:0;font-variant-numeric:tabular-nums}
@media print{
:root{--fg:#000;--muted:#333;--line:#888;--link:#000;--head:transparent}
*{background:transparent!important;box-shadow:none!important}
body{color:#000;font-size:11pt}
main{max-width:none;padding:0}
.table-wrap{overflow:visible}
h1,h2,h3{break-after:avoid;page-break-after:avoid}
tr,li,.pm-meta div,.metrics div{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
a[href]::after{content:" (" attr(href) ")";font-size:.85em;word-break:break-all}
}
)css";

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string esc(const std::string& s) { return html_escape(sanitize_text(s)); }

// Single-line text: newlines become spaces.
std::string esc_line(const std::string& s) {
    std::string t = sanitize_text(s);
    for (char& c : t)
        if (c == '\n' || c == '\t') c = ' ';
    return html_escape(t);
}

// A token safe to use inside a class name or id: [a-z0-9_-] only.
std::string token(const std::string& s) {
    std::string out;
    for (char c : s) {
        c = lower(c);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') out += c;
    }
    return out.empty() ? "x" : out;
}

std::string item_attr(const std::string& id) {
    return blank(id) ? std::string() : " data-item-id=\"" + esc_line(id) + "\"";
}

// Paragraphs: blank lines separate paragraphs, single newlines become <br>. `wrap`: always emit <p> elements;
// otherwise a single paragraph is returned bare (for list items and table cells).
std::string prose(const std::string& text, bool wrap) {
    std::string s = sanitize_text(text);
    std::vector<std::vector<std::string>> paras(1);
    size_t start = 0;
    for (;;) {
        size_t nl = s.find('\n', start);
        std::string line = s.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        if (blank(line)) {
            if (!paras.back().empty()) paras.emplace_back();
        } else {
            paras.back().push_back(html_escape(line));
        }
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    if (paras.back().empty()) paras.pop_back();
    if (!wrap && paras.size() == 1) {
        std::string out;
        for (size_t k = 0; k < paras[0].size(); ++k) out += (k ? "<br>\n" : "") + paras[0][k];
        return out;
    }
    std::string out;
    for (auto& p : paras) {
        out += "<p>";
        for (size_t k = 0; k < p.size(); ++k) out += (k ? "<br>\n" : "") + p[k];
        out += "</p>\n";
    }
    if (!wrap && !out.empty()) out.pop_back();
    return out;
}

std::string link(const std::string& title, const std::string& url) {
    std::string label = blank(title) ? url : title;
    if (is_http_url(url))
        return "<a href=\"" + esc_line(url) + "\" rel=\"noopener noreferrer\" target=\"_blank\">" + esc_line(label) +
               "</a>";
    if (blank(title) || blank(url)) return "<span class=\"url\">" + esc_line(label) + "</span>";
    return esc_line(title) + " <span class=\"url muted\">(" + esc_line(url) + ")</span>";
}

std::string time_el(const Instant& t) {
    if (!t.set) return "<span class=\"muted\">no time</span>";
    return "<time datetime=\"" + iso_utc(t) + "\">" + display_utc(t) + "</time>";
}

std::string join_esc(const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& s : v) {
        if (blank(s)) continue;
        if (!out.empty()) out += ", ";
        out += esc_line(s);
    }
    return out;
}

void item_list(std::string& out, const std::vector<Item>& items, const char* tag) {
    out += std::string("<") + tag + ">\n";
    for (const Item& it : items) {
        if (blank(it.text)) continue;
        out += "<li" + item_attr(it.id) + ">" + prose(it.text, false) + "</li>\n";
    }
    out += std::string("</") + tag + ">\n";
}

std::string cell(const std::string& s) { return blank(s) ? "<span class=\"muted\">—</span>" : prose(s, false); }

void metrics_block(std::string& out, const std::string& key, const Document& d) {
    Metrics m = compute_metrics(d);
    out += "<h3 id=\"sec-" + key + "-metrics\">Key durations</h3>\n<dl class=\"metrics\">\n";
    for (const MetricRow& r : metric_rows(m)) {
        const std::string value = r.seconds ? esc(format_duration(*r.seconds)) + " <span class=\"muted\">" +
                                                  basis_words(r.basis) + "</span>"
                                            : std::string("not defined");
        out += std::string("<div><dt>") + r.label + "</dt><dd>" + value + "</dd></div>\n";
    }
    out += "</dl>\n";
    for (const std::string& n : m.notes) out += "<p class=\"muted\">" + esc_line(n) + "</p>\n";
}


// 95000 -> "95,000".
std::string group_digits(size_t n) {
    std::string s = std::to_string(n);
    for (size_t i = s.size(); i > 3; i -= 3) s.insert(i - 3, ",");
    return s;
}

// One timeline row; events come from elsewhere too, so every string is escaped.
std::string timeline_row(const Event& e) {
    std::string t = time_el(e.time);
    if (e.time.set && e.time.offset_min != 0) t += "<br><span class=\"local\">" + esc(display_local(e.time)) + "</span>";
    std::string what = cell(e.description);
    std::string tags = join_esc(e.tags);
    if (!tags.empty()) what += "<br><span class=\"muted\">Tags: " + tags + "</span>";
    return "<tr class=\"ev ev-" + token(e.type) + "\"" + item_attr(e.id) + "><td class=\"time\">" + t + "</td><td>" +
           esc_line(event_type_label(e.type)) + "</td><td>" + what + "</td><td>" + cell(e.author) + "</td></tr>\n";
}

// Rows [from, from + count) in time order (a document from elsewhere may list them out of order), then, when events
// remain, a row that says how many are shown and offers the next ones.
std::string timeline_rows(const Document& d, size_t from, size_t count) {
    const std::vector<const Event*> order = events_in_time_order(d);
    std::string out;
    const size_t end = order.size() - std::min(order.size(), from) < count ? order.size() : from + count;
    for (size_t i = from; i < end; ++i) out += timeline_row(*order[i]);
    if (end < order.size()) {
        const size_t next = std::min(count, order.size() - end);
        out += "<tr class=\"more\"><td colspan=\"4\">Showing " + group_digits(end) + " of " +
               group_digits(order.size()) + " events. <button type=\"button\" data-hs-more=\"" + std::to_string(end) +
               "\">Show " + (next == order.size() - end ? std::string("the other ") : std::string("the next ")) +
               group_digits(next) + "</button></td></tr>\n";
    }
    return out;
}

void section_body(std::string& out, const Document& d, const std::string& key, size_t timeline_limit) {
    if (const std::string* p = export_detail::prose_field(d, key)) {
        out += prose(*p, true);
        return;
    }
    if (key == "impact") {
        const Impact& im = d.impact;
        out += prose(im.description, true);
        std::vector<std::pair<std::string, std::string>> rows;
        if (im.users_affected) rows.emplace_back("Users affected", display_number(*im.users_affected));
        if (im.requests_failed) rows.emplace_back("Requests failed", display_number(*im.requests_failed));
        if (im.revenue_lost) {
            std::string v = display_number(*im.revenue_lost, true);
            if (!blank(im.currency)) v += " " + esc_line(im.currency);
            rows.emplace_back("Revenue lost", v);
        }
        if (im.support_tickets) rows.emplace_back("Support tickets", display_number(*im.support_tickets));
        if (!blank(im.slo)) rows.emplace_back("SLO affected", prose(im.slo, false));
        if (im.error_budget_consumed_pct)
            rows.emplace_back("Error budget consumed", display_number(*im.error_budget_consumed_pct) + "%");
        if (!im.regions.empty()) rows.emplace_back("Regions", join_esc(im.regions));
        if (!rows.empty()) {
            out += "<div class=\"table-wrap\"><table class=\"impact\">\n<caption>Impact in figures</caption>\n<tbody>\n";
            for (auto& r : rows) out += "<tr><th scope=\"row\">" + r.first + "</th><td>" + r.second + "</td></tr>\n";
            out += "</tbody>\n</table></div>\n";
        }
        return;
    }
    if (key == "timeline") {
        out += "<div class=\"table-wrap\"><table class=\"timeline\">\n<caption>Timeline of events (times in UTC, with "
               "the local time they were recorded in)</caption>\n<thead><tr><th scope=\"col\">Time (UTC)</th>"
               "<th scope=\"col\">Type</th><th scope=\"col\">Event</th><th scope=\"col\">Author</th></tr></thead>\n"
               "<tbody>\n";
        out += timeline_rows(d, 0, timeline_limit);
        out += "</tbody>\n</table></div>\n";
        metrics_block(out, key, d);
        return;
    }
    if (key == "root_causes") return item_list(out, d.root_causes, "ul");
    if (key == "contributing_factors") return item_list(out, d.contributing_factors, "ul");
    if (key == "five_whys") return item_list(out, d.five_whys, "ol");
    if (key == "lessons") {
        const struct {
            const char* id;
            const char* label;
            const std::vector<Item>* items;
        } parts[] = {{"went_well", "What went well", &d.lessons.went_well},
                     {"went_wrong", "What went wrong", &d.lessons.went_wrong},
                     {"got_lucky", "Where we got lucky", &d.lessons.got_lucky}};
        for (auto& p : parts) {
            if (std::all_of(p.items->begin(), p.items->end(), [](const Item& it) { return blank(it.text); }))
                continue;
            out += std::string("<h3 id=\"sec-lessons-") + p.id + "\">" + p.label + "</h3>\n";
            item_list(out, *p.items, "ul");
        }
        return;
    }
    if (key == "action_items") {
        out += "<div class=\"table-wrap\"><table class=\"actions\">\n<caption>Action items</caption>\n<thead><tr>"
               "<th scope=\"col\">Priority</th><th scope=\"col\">Action</th><th scope=\"col\">Type</th>"
               "<th scope=\"col\">Owner</th><th scope=\"col\">Due</th><th scope=\"col\">Status</th>"
               "<th scope=\"col\">Ticket</th></tr></thead>\n<tbody>\n";
        for (const ActionItem& a : d.action_items) {
            std::string action = blank(a.title) ? std::string("<span class=\"muted\">Untitled</span>")
                                                : "<strong>" + esc_line(a.title) + "</strong>";
            if (!blank(a.description)) action += "<br>" + prose(a.description, false);
            std::string due = blank(a.due) ? cell(a.due)
                              : is_calendar_date(a.due)
                                  ? "<time datetime=\"" + esc_line(a.due) + "\">" + esc_line(a.due) + "</time>"
                                  : esc_line(a.due);
            std::string ticket = blank(a.ticket_url)              ? cell("")
                                 : is_http_url(a.ticket_url) ? link(ticket_label(a.ticket_url), a.ticket_url)
                                                             : link("", a.ticket_url);  // shown as text
            out += "<tr class=\"ai ai-" + token(a.status) + "\"" + item_attr(a.id) + "><td>" + esc_line(a.priority) +
                   "</td><td>" + action + "</td><td>" + esc_line(action_type_label(a.type)) + "</td><td>" +
                   cell(a.owner) + "</td><td>" + due + "</td><td>" + esc_line(action_status_label(a.status)) +
                   "</td><td>" + ticket + "</td></tr>\n";
        }
        out += "</tbody>\n</table></div>\n";
        return;
    }
    if (key == "open_questions") {
        out += "<ul class=\"questions\">\n";
        for (const Item& q : d.open_questions) {
            if (blank(q.text)) continue;
            out += "<li" + item_attr(q.id) + " data-resolved=\"" + (q.resolved ? "true" : "false") +
                   "\"><span class=\"muted\">" + (q.resolved ? "Resolved:" : "Open:") + "</span> " +
                   prose(q.text, false) + "</li>\n";
        }
        out += "</ul>\n";
        return;
    }
    if (key == "links") {
        out += "<ul class=\"links\">\n";
        for (const LinkRef& l : d.links) {
            if (blank(l.title) && blank(l.url)) continue;
            out += "<li" + item_attr(l.id) + ">" + link(l.title, l.url) + "</li>\n";
        }
        out += "</ul>\n";
        return;
    }
}

std::string article(const Document& d, size_t timeline_limit) {
    std::string out = "<article class=\"pm\"" + item_attr(d.id) + ">\n<header>\n<h1>" +
                      (blank(d.title) ? std::string("Untitled postmortem") : esc_line(d.title)) + "</h1>\n";
    std::vector<std::pair<std::string, std::string>> meta;
    if (!blank(d.incident_id)) meta.emplace_back("Incident", esc_line(d.incident_id));
    std::string sev = severity_label(d);
    if (!sev.empty()) meta.emplace_back("Severity", esc_line(sev));
    if (!blank(d.status)) meta.emplace_back("Status", esc_line(status_label(d.status)));
    if (!join_esc(d.authors).empty()) meta.emplace_back("Authors", join_esc(d.authors));
    if (!blank(d.owner)) meta.emplace_back("Owner", esc_line(d.owner));
    if (!join_esc(d.reviewers).empty()) meta.emplace_back("Reviewers", join_esc(d.reviewers));
    if (!d.approvals.empty()) {
        std::string v;
        for (const Approval& a : d.approvals) {
            if (!v.empty()) v += "<br>";
            v += (blank(a.reviewer) ? std::string("Unknown reviewer") : esc_line(a.reviewer)) + " (" +
                 esc_line(status_label(a.decision));
            if (a.at.set) v += ", " + time_el(a.at) + " UTC";
            v += ")";
            if (!blank(a.comment)) v += ": " + esc_line(a.comment);
        }
        meta.emplace_back("Approvals", v);
    }
    if (d.created.set) meta.emplace_back("Created", time_el(d.created) + " UTC");
    if (d.updated.set) meta.emplace_back("Updated", time_el(d.updated) + " UTC");
    if (!join_esc(d.services).empty()) meta.emplace_back("Services", join_esc(d.services));
    if (!join_esc(d.tags).empty()) meta.emplace_back("Tags", join_esc(d.tags));
    if (!join_esc(d.related_incidents).empty()) meta.emplace_back("Related incidents", join_esc(d.related_incidents));
    if (!meta.empty()) {
        out += "<dl class=\"pm-meta\">\n";
        for (auto& m : meta) out += "<div><dt>" + m.first + "</dt><dd>" + m.second + "</dd></div>\n";
        out += "</dl>\n";
    }
    out += "</header>\n";

    std::set<std::string> seen;
    for (const std::string& key : export_detail::section_order(d)) {
        if (!seen.insert(key).second || export_detail::section_is_empty(d, key)) continue;
        std::string k = token(key);  // known keys are already tokens; this only guards the attribute
        out += "<section id=\"sec-" + k + "\" aria-labelledby=\"sec-" + k + "-h\">\n<h2 id=\"sec-" + k + "-h\">" +
               esc_line(export_detail::heading(key)) + "</h2>\n";
        section_body(out, d, key, timeline_limit);
        out += "</section>\n";
    }
    out += "</article>\n";
    return out;
}

}  // namespace

std::string export_html(const Document& d, const HtmlOptions& opts) {
    if (!opts.standalone) return article(d, opts.timeline_rows);
    std::string title = blank(d.title) ? std::string("Untitled postmortem") : esc_line(d.title);
    std::string out =
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        "<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"generator\" content=\"Hindsight\">\n"
        "<title>" + title + "</title>\n<style>\n" + kCss + "</style>\n</head>\n<body>\n<main>\n";
    out += article(d, opts.timeline_rows);
    out += "</main>\n</body>\n</html>\n";
    return out;
}

std::string export_html_timeline_rows(const Document& d, size_t from, size_t count) { return timeline_rows(d, from, count); }

}  // namespace hs
