// The structured sections of a Markdown postmortem: the timeline (a table, or lines that start with a time),
// action items (a table, or a list), the impact's measures, and lists of items. Whatever a reader cannot place goes
// back to the caller as prose, so nothing the person wrote is dropped.
#include <cmath>
#include <cstdlib>

#include "../strings.h"
#include "markdown_detail.h"

namespace hs {
namespace md_import {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_date(const std::string& s) {
    return s.size() == 10 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) && s[4] == '-' &&
           is_digit(s[5]) && is_digit(s[6]) && s[7] == '-' && is_digit(s[8]) && is_digit(s[9]);
}

// "13:02" or "13:02:05" at the start of `s`: its length, else 0.
size_t clock_len(const std::string& s, size_t at = 0) {
    auto two = [&](size_t i) { return i + 1 < s.size() && is_digit(s[i]) && is_digit(s[i + 1]); };
    size_t i = at;
    if (two(i)) i += 2;
    else if (i < s.size() && is_digit(s[i])) i += 1;
    else return 0;
    if (i >= s.size() || s[i] != ':' || !two(i + 1)) return 0;
    i += 3;
    if (i < s.size() && s[i] == ':' && two(i + 1)) i += 3;
    return i - at;
}

// Which column of a header names one of `names` (folded), or -1.
int column(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
    for (size_t c = 0; c < header.size(); ++c) {
        const std::string h = fold_heading(cell_text(header[c]));
        for (const char* n : names)
            if (h == n || (h.rfind(n, 0) == 0 && std::string(n).size() >= 4)) return static_cast<int>(c);
    }
    return -1;
}

std::string cell(const std::vector<std::string>& row, int c) {
    return c >= 0 && static_cast<size_t>(c) < row.size() ? cell_text(row[size_t(c)]) : std::string();
}

// A closed vocabulary value from a label ("In progress", "Won't do", "Impact start"): the key whose folded form
// matches, or "".
std::string vocab_key(const std::string& label, const std::vector<std::string>& keys) {
    const std::string f = fold_heading(label);
    for (const std::string& k : keys)
        if (fold_heading(k) == f) return k;
    return "";
}

std::string action_status(const std::string& label) {
    const std::string f = fold_heading(label);
    if (f == "wontdo" || f == "wontfix" || f == "cancelled" || f == "canceled" || f == "dropped") return "wont_do";
    if (f == "complete" || f == "completed" || f == "closed" || f == "fixed" || f == "resolved") return "done";
    if (f == "todo" || f == "notstarted" || f == "new" || f == "planned") return "open";
    if (f == "started" || f == "doing" || f == "wip") return "in_progress";
    return vocab_key(label, vocab::kActionStatuses);
}

}  // namespace

std::optional<Instant> parse_event_time(const std::string& raw, const std::string& day) {
    std::string s = trim(raw);
    // Hindsight's export: "2026-03-01 13:02 (14:02 +01:00)": UTC first, the kept offset in brackets.
    int offset = 0;
    const size_t open = s.find(" (");
    if (open != std::string::npos && s.back() == ')') {
        const std::string local = s.substr(open + 2, s.size() - open - 3);
        const size_t sign = local.find_last_of("+-");
        if (sign != std::string::npos && sign > 0 && local[sign - 1] == ' ') {
            auto off = parse_iso8601("2000-01-01T00:00:00" + local.substr(sign));
            if (off) offset = off->offset_min;
        }
        s = trim(s.substr(0, open));
    }
    for (const char* tail : {" UTC", " utc", "Z"})
        if (s.size() > 5 && s.compare(s.size() - std::string(tail).size(), std::string::npos, tail) == 0)
            s = trim(s.substr(0, s.size() - std::string(tail).size()));
    if (auto t = parse_iso8601(s)) {
        if (!t->offset_min) t->offset_min = offset;
        return t;
    }
    std::string date = day, clock = s;
    if (s.size() > 11 && is_date(s.substr(0, 10)) && (s[10] == ' ' || s[10] == 'T')) {
        date = s.substr(0, 10);
        clock = s.substr(11);
    }
    const size_t n = clock_len(clock);
    if (date.empty() || !n || n != clock.size()) return std::nullopt;
    if (clock.size() < 5) clock = "0" + clock;
    auto t = parse_iso8601(date + "T" + clock + (clock.size() == 5 ? ":00" : "") + "Z");
    if (t) t->offset_min = offset;
    return t;
}

bool timeline_from_table(const Block& b, Document& d, Mapped& m) {
    const auto& h = b.rows.front();
    const int tc = column(h, {"timeutc", "time", "when", "date", "timestamp"});
    const int ec = column(h, {"event", "activity", "description", "whathappened", "details", "what"});
    if (tc < 0 || ec < 0) return false;
    const int yc = column(h, {"type", "kind"}), ac = column(h, {"author", "who", "by", "source", "owner"});
    for (size_t r = 1; r < b.rows.size(); ++r) {
        const auto& row = b.rows[r];
        auto t = parse_event_time(cell(row, tc), m.day);
        std::string what = cell(row, ec);
        if (!t) {
            m.prose.push_back(cell(row, tc) + " " + what);
            ++m.unplaced;
            continue;
        }
        Event e = import_detail::new_event(*t, "note", "", cell(row, ac));
        // The exporter appends the event's tags to its description: "…<br>Tags: a, b".
        const size_t tags = what.rfind("Tags: ");
        if (tags != std::string::npos && (tags == 0 || what[tags - 1] == '\n')) {
            std::string list = what.substr(tags + 6);
            what = tags ? what.substr(0, tags - 1) : std::string();
            for (size_t p = 0; p <= list.size();) {
                size_t q = list.find(", ", p);
                if (q == std::string::npos) q = list.size();
                if (q > p) e.tags.push_back(list.substr(p, q - p));
                p = q + 2;
            }
        }
        e.description = what;
        if (yc >= 0) {
            const std::string type = cell(row, yc);
            e.type = vocab_key(type, vocab::kEventTypes);
            if (e.type.empty()) {
                e.type = "note";
                if (!type.empty()) e.tags.push_back(type);
            }
        }
        d.timeline.push_back(std::move(e));
        ++m.count;
    }
    return true;
}

void timeline_from_lines(const Block& b, Document& d, Mapped& m) {
    std::vector<std::string> texts;
    if (b.kind == Block::kList)
        for (const ListItem& it : b.items) texts.push_back(item_text(it));
    else if (b.kind == Block::kParagraph)
        for (const std::string& l : b.lines) texts.push_back(unescape_inline(trim(l)));
    else
        texts.push_back(block_text(b));
    for (std::string t : texts) {
        // "2026-03-01 (all times UTC)" or a date alone sets the day for the clock times that follow.
        if (t.size() >= 10 && is_date(t.substr(0, 10)) && clock_len(trim(t.substr(10))) == 0) {
            m.day = t.substr(0, 10);
            continue;
        }
        size_t end = 0;
        if (t.size() > 11 && is_date(t.substr(0, 10))) end = 11 + clock_len(t, 11);
        else end = clock_len(t);
        if (end == 0 || (t.size() > 10 && end == 11)) {
            m.prose.push_back(t);
            continue;
        }
        std::string rest = trim(t.substr(end));
        for (const char* utc : {"UTC", "Z"})
            if (rest.rfind(utc, 0) == 0) rest = trim(rest.substr(std::string(utc).size()));
        if (!rest.empty() && (rest[0] == '-' || rest[0] == ':')) rest = trim(rest.substr(1));
        auto when = parse_event_time(t.substr(0, end), m.day);
        if (!when) {
            m.prose.push_back(t);
            ++m.unplaced;
            continue;
        }
        Event e = import_detail::new_event(*when, "note", rest, "");
        // The SRE book's shape marks the outage's edges in capitals.
        const std::string f = fold_heading(rest);
        if (f.find("outagebegins") != std::string::npos) e.type = "impact_start";
        else if (f.find("outagemitigated") != std::string::npos) e.type = "mitigated";
        else if (f.find("outageends") != std::string::npos) e.type = "resolved";
        d.timeline.push_back(std::move(e));
        ++m.count;
    }
}

bool actions_from_table(const Block& b, Document& d, Mapped& m) {
    const auto& h = b.rows.front();
    const int tc = column(h, {"action", "actionitem", "task", "correctiveaction", "item", "title", "followup"});
    if (tc < 0) return false;
    const int pc = column(h, {"priority"}), yc = column(h, {"type", "kind"});
    const int oc = column(h, {"owner", "assignee", "who", "responsible"});
    const int dc = column(h, {"due", "duedate", "deadline", "by"}), sc = column(h, {"status", "state"});
    const int kc = column(h, {"ticket", "bug", "issue", "jira", "link", "tracking"});
    for (size_t r = 1; r < b.rows.size(); ++r) {
        const auto& row = b.rows[r];
        ActionItem a;
        a.id = new_id("ai");
        std::string title = cell(row, tc);
        // The exporter writes "**title**<br>description" when an item has both.
        const std::string raw = tc < static_cast<int>(row.size()) ? trim(row[size_t(tc)]) : std::string();
        if (raw.rfind("**", 0) == 0) {
            const size_t close = raw.find("**<br>", 2);
            if (close != std::string::npos) {
                title = cell_text(raw.substr(2, close - 2));
                a.description = cell_text(raw.substr(close + 6));
            }
        }
        a.title = title;
        if (pc >= 0) {
            const std::string p = vocab_key(cell(row, pc), vocab::kPriorities);
            if (!p.empty()) a.priority = p;
        }
        if (yc >= 0) {
            const std::string type = cell(row, yc);
            a.type = vocab_key(type, vocab::kActionTypes);
            if (a.type.empty()) {
                a.type = type.empty() ? defaults::kActionType : "other";
                if (!type.empty()) m.notes.push_back("action type \"" + type + "\" read as \"other\"");
            }
        }
        a.owner = cell(row, oc);
        const std::string due = cell(row, dc);
        if (is_date(due)) a.due = due;
        else if (!due.empty()) a.description += (a.description.empty() ? "" : "\n") + std::string("Due: ") + due;
        if (sc >= 0) {
            const std::string st = action_status(cell(row, sc));
            if (!st.empty()) a.status = st;
        }
        const std::string ticket_raw = kc >= 0 && static_cast<size_t>(kc) < row.size() ? row[size_t(kc)] : "";
        std::string label, url;
        // A ticket is a web address (validation asks for one); a bare key ("OPS-12") goes to the description.
        const std::string ticket = parse_link(ticket_raw, label, url) ? url : cell(row, kc);
        if (ticket.rfind("https://", 0) == 0 || ticket.rfind("http://", 0) == 0) a.ticket_url = ticket;
        else if (!ticket.empty()) a.description += (a.description.empty() ? "" : "\n") + std::string("Ticket: ") + ticket;
        d.action_items.push_back(std::move(a));
        ++m.count;
    }
    return true;
}

void actions_from_list(const Block& b, Document& d, Mapped& m) {
    for (const ListItem& it : b.items) {
        ActionItem a;
        a.id = new_id("ai");
        a.title = item_text(it);
        if (it.checked == 1) a.status = "done";
        d.action_items.push_back(std::move(a));
        ++m.count;
    }
}

bool impact_from_table(const Block& b, Impact& im, Mapped& m) {
    if (b.rows.front().size() != 2) return false;
    auto number = [](std::string s, std::optional<double>& out) {
        std::string digits;
        for (char c : s)
            if (c != ',' && c != '%') digits += c;
        digits = trim(digits);
        char* end = nullptr;
        const double v = std::strtod(digits.c_str(), &end);
        if (digits.empty() || !std::isfinite(v)) return std::string(s);
        out = v;
        return trim(std::string(end));
    };
    bool any = false;
    for (size_t r = 1; r < b.rows.size(); ++r) {
        const std::string key = fold_heading(cell(b.rows[r], 0)), value = cell(b.rows[r], 1);
        std::string rest;
        if (key == "usersaffected") rest = number(value, im.users_affected);
        else if (key == "requestsfailed") rest = number(value, im.requests_failed);
        else if (key == "supporttickets") rest = number(value, im.support_tickets);
        else if (key == "errorbudgetconsumed") rest = number(value, im.error_budget_consumed_pct);
        else if (key == "revenuelost") im.currency = number(value, im.revenue_lost);
        else if (key == "sloaffected" || key == "slo") im.slo = value;
        else if (key == "regions") {
            for (size_t p = 0; p <= value.size();) {
                size_t q = value.find(", ", p);
                if (q == std::string::npos) q = value.size();
                if (q > p) im.regions.push_back(value.substr(p, q - p));
                p = q + 2;
            }
        } else {
            m.prose.push_back(cell(b.rows[r], 0) + ": " + value);
            continue;
        }
        any = true;
        ++m.count;
    }
    return any;
}

void items_from_block(const Block& b, std::vector<Item>& out, const char* prefix, Mapped& m) {
    if (b.kind == Block::kList) {
        for (const ListItem& it : b.items) {
            Item item;
            item.id = new_id(prefix);
            item.text = item_text(it);
            item.resolved = it.checked == 1;
            out.push_back(std::move(item));
            ++m.count;
        }
        return;
    }
    Item item;
    item.id = new_id(prefix);
    item.text = block_text(b);
    out.push_back(std::move(item));
    ++m.count;
}

void links_from_block(const Block& b, std::vector<LinkRef>& out, Mapped& m) {
    std::vector<std::string> raws;
    if (b.kind == Block::kList)
        for (const ListItem& it : b.items) raws.push_back(it.paragraphs.empty() ? "" : it.paragraphs[0][0]);
    else
        raws.push_back(block_text(b));
    for (const std::string& raw : raws) {
        LinkRef l;
        l.id = new_id("ln");
        std::string label, url;
        if (parse_link(raw, label, url)) {
            l.url = url;
            if (label != url) l.title = label;
        } else {
            // The exporter writes "title (url)" for an address it will not make a link of.
            const std::string s = unescape_inline(trim(raw));
            const size_t open = s.rfind(" (");
            if (open != std::string::npos && s.back() == ')' && s.find(' ', open + 2) == std::string::npos) {
                l.title = s.substr(0, open);
                l.url = s.substr(open + 2, s.size() - open - 3);
            } else {
                l.title = s;
            }
        }
        out.push_back(std::move(l));
        ++m.count;
    }
}

}  // namespace md_import
}  // namespace hs
