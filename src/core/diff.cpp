// Readable document diff: canonical JSON walked key by key, item lists matched by id, prose diffed word by word.
#include "diff.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

#include "exporters/exporters.h"
#include "format.h"
#include "templates.h"
#include "text.h"

namespace hs {

namespace {

// ---- tokenising and LCS ----------------------------------------------------------------------------------------

bool space_byte(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Words of any script (with apostrophes, "don't"), runs of spaces, and single grapheme clusters otherwise. A wide
// East Asian letter is a token of its own (those scripts have no spaces between words), and a token never splits a
// grapheme cluster (a letter and its marks, an emoji sequence).
std::vector<std::string> word_tokens(const std::string& s) {
    auto wordish = [](uint32_t cp) { return is_word_char(cp) || cp == '\'' || cp == 0x2019; };
    std::vector<std::string> t;
    size_t i = 0, len;
    while (i < s.size()) {
        const uint32_t first = utf8_decode(s, i, len);
        size_t j = next_grapheme(s, i);
        if (wordish(first)) {
            uint32_t last = first;  // the first code point of the token's last cluster
            while (j < s.size()) {
                const uint32_t next = utf8_decode(s, j, len);
                if (!wordish(next) || codepoint_width(next) == 2 || codepoint_width(last) == 2) break;
                last = next;
                j = next_grapheme(s, j);
            }
        } else if (space_byte(static_cast<unsigned char>(s[i]))) {
            while (j < s.size() && space_byte(static_cast<unsigned char>(s[j]))) ++j;
        }
        t.push_back(s.substr(i, j - i));
        i = j;
    }
    return t;
}

std::vector<std::string> line_tokens(const std::string& s) {
    std::vector<std::string> t;
    size_t i = 0;
    while (i < s.size()) {
        size_t nl = s.find('\n', i);
        size_t j = nl == std::string::npos ? s.size() : nl + 1;
        t.push_back(s.substr(i, j - i));
        i = j;
    }
    return t;
}

void push_span(std::vector<TextSpan>& out, TextSpan::Op op, const std::string& text) {
    if (text.empty()) return;
    if (!out.empty() && out.back().op == op) out.back().text += text;
    else out.push_back({op, text});
}

// Whitespace-only equal runs between two edits make a choppy diff ("[-the-]{+a+} [-quick-]{+slow+}"); fold them
// into the edit, then order each edit region as one Delete followed by one Insert.
std::vector<TextSpan> tidy(const std::vector<TextSpan>& in) {
    std::vector<TextSpan> v = in;
    for (size_t i = 1; i + 1 < v.size(); ++i) {
        if (v[i].op != TextSpan::Op::Equal || v[i - 1].op == TextSpan::Op::Equal ||
            v[i + 1].op == TextSpan::Op::Equal)
            continue;
        bool blank = true;
        for (char c : v[i].text) blank = blank && space_byte(static_cast<unsigned char>(c));
        if (blank) v[i].op = TextSpan::Op::Delete, v.insert(v.begin() + i + 1, {TextSpan::Op::Insert, v[i].text}), ++i;
    }
    std::vector<TextSpan> out;
    size_t i = 0;
    while (i < v.size()) {
        if (v[i].op == TextSpan::Op::Equal) {
            push_span(out, TextSpan::Op::Equal, v[i].text);
            ++i;
            continue;
        }
        std::string del, ins;
        while (i < v.size() && v[i].op != TextSpan::Op::Equal) {
            (v[i].op == TextSpan::Op::Delete ? del : ins) += v[i].text;
            ++i;
        }
        push_span(out, TextSpan::Op::Delete, del);
        push_span(out, TextSpan::Op::Insert, ins);
    }
    return out;
}

std::vector<TextSpan> lcs_diff(const std::vector<std::string>& a, const std::vector<std::string>& b, size_t max_cells,
                               bool* capped) {
    if (capped) *capped = false;
    std::vector<TextSpan> out;
    size_t pre = 0;
    while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
    size_t suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
    std::string head, tail;
    for (size_t i = 0; i < pre; ++i) head += a[i];
    for (size_t i = a.size() - suf; i < a.size(); ++i) tail += a[i];
    const size_t n = a.size() - pre - suf, m = b.size() - pre - suf;
    push_span(out, TextSpan::Op::Equal, head);
    const bool too_big = n > 0 && m > 0 && ((n + 1) * (m + 1) > max_cells || std::min(n, m) >= 65535);
    if (too_big) {
        if (capped) *capped = true;
        std::string del, ins;
        for (size_t i = 0; i < n; ++i) del += a[pre + i];
        for (size_t j = 0; j < m; ++j) ins += b[pre + j];
        push_span(out, TextSpan::Op::Delete, del);
        push_span(out, TextSpan::Op::Insert, ins);
    } else {
        // L[i][j]: LCS length of a[pre+i..] and b[pre+j..]; lengths fit 16 bits because min(n, m) < 65535.
        const size_t w = m + 1;
        std::vector<uint16_t> L((n + 1) * w, 0);
        for (size_t i = n; i-- > 0;)
            for (size_t j = m; j-- > 0;)
                L[i * w + j] = a[pre + i] == b[pre + j] ? static_cast<uint16_t>(L[(i + 1) * w + j + 1] + 1)
                                                        : std::max(L[(i + 1) * w + j], L[i * w + j + 1]);
        std::vector<TextSpan> mid;
        size_t i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[pre + i] == b[pre + j]) {
                push_span(mid, TextSpan::Op::Equal, a[pre + i]);
                ++i, ++j;
            } else if (j >= m || (i < n && L[(i + 1) * w + j] >= L[i * w + j + 1])) {
                push_span(mid, TextSpan::Op::Delete, a[pre + i]);
                ++i;
            } else {
                push_span(mid, TextSpan::Op::Insert, b[pre + j]);
                ++j;
            }
        }
        for (auto& s : tidy(mid)) push_span(out, s.op, s.text);
    }
    push_span(out, TextSpan::Op::Equal, tail);
    return out;
}

// ---- JSON walk -------------------------------------------------------------------------------------------------

// At most n bytes and an ellipsis, cut at a grapheme cluster boundary.
std::string clip(const std::string& s, size_t n) { return s.size() <= n ? s : truncate_to_bytes(s, n + 3, "…"); }

std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return s;
}

std::string scalar_text(const Json& j) {
    if (j.is_string()) return j.get<std::string>();
    if (j.is_boolean()) return j.get<bool>() ? "yes" : "no";
    if (j.is_null()) return "";
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool all_scalars(const Json& a) {
    for (const auto& x : a)
        if (x.is_object() || x.is_array()) return false;
    return true;
}

// One line describing an item: "13:02 Paging fired", an action item's title, a lesson's text.
std::string summary(const Json& j) {
    if (!j.is_object()) {
        if (j.is_array()) {
            if (all_scalars(j)) {
                std::string s;
                for (const auto& x : j) s += (s.empty() ? "" : ", ") + scalar_text(x);
                return s;
            }
            return std::to_string(j.size()) + (j.size() == 1 ? " item" : " items");
        }
        return scalar_text(j);
    }
    std::string s;
    auto t = j.find("time");
    if (t != j.end() && t->is_string()) {
        std::string ts = t->get<std::string>();
        if (ts.size() >= 16) ts = ts.substr(0, 10) + " " + ts.substr(11, 5);
        s = ts;
    }
    for (const char* k : {"title", "text", "description", "reviewer", "url"}) {
        auto it = j.find(k);
        if (it != j.end() && it->is_string() && !it->get<std::string>().empty()) {
            s += (s.empty() ? "" : " ") + it->get<std::string>();
            break;
        }
    }
    if (s.empty()) s = j.dump(-1, ' ', false, Json::error_handler_t::replace);
    return one_line(s);
}

bool id_list(const Json& a) {
    std::set<std::string> seen;
    for (const auto& x : a) {
        if (!x.is_object()) return false;
        auto id = x.find("id");
        if (id == x.end() || !id->is_string() || !seen.insert(id->get<std::string>()).second) return false;
    }
    return true;
}

struct Walker {
    const DiffOptions& opt;
    std::vector<Change> out;

    bool full() const { return out.size() >= opt.max_changes; }

    void add(Change::Kind k, const std::string& path, const std::string& label, std::string before, std::string after) {
        if (full()) return;
        Change c;
        c.kind = k;
        c.path = path;
        c.label = label;
        c.before = std::move(before);
        c.after = std::move(after);
        out.push_back(std::move(c));
    }

    static std::string sub(const std::string& label, const std::string& part) {
        return label.empty() ? part : label + " › " + part;
    }
    static std::string item_label(const Json& item) { return clip(summary(item), 60); }

    void value(const Json& a, const Json& b, const std::string& path, const std::string& label) {
        if (a == b || full()) return;
        if (a.is_object() && b.is_object()) return object(a, b, path, label, nullptr);
        if (a.is_array() && b.is_array()) {
            if (id_list(a) && id_list(b)) return ids(a, b, path, label);
            if (all_scalars(a) && all_scalars(b)) {
                const std::string sa = summary(a), sb = summary(b);
                if (a.empty()) return add(Change::Kind::Added, path, label, "", sb);
                if (b.empty()) return add(Change::Kind::Removed, path, label, sa, "");
                return add(Change::Kind::Changed, path, label, sa, sb);
            }
            // Lists of objects without ids (approvals): by position.
            const size_t n = std::max(a.size(), b.size());
            for (size_t i = 0; i < n; ++i) {
                const std::string p = path + "/" + std::to_string(i);
                if (i >= a.size()) add(Change::Kind::Added, p, label, "", summary(b[i]));
                else if (i >= b.size()) add(Change::Kind::Removed, p, label, summary(a[i]), "");
                else value(a[i], b[i], p, sub(label, item_label(b[i])));
            }
            return;
        }
        if (a.is_string() && b.is_string()) return text(a.get<std::string>(), b.get<std::string>(), path, label);
        add(Change::Kind::Changed, path, label, summary(a), summary(b));
    }

    // Values from a fixed vocabulary are shown as people read them ("In review", not "in_review").
    static std::string vocabulary_label(const std::string& path, const std::string& v) {
        if (v.empty()) return v;
        auto ends = [&](const char* suffix) {
            const size_t n = std::char_traits<char>::length(suffix);
            return path.size() >= n && path.compare(path.size() - n, n, suffix) == 0;
        };
        const bool action = path.rfind("/action_items/", 0) == 0, event = path.rfind("/timeline/", 0) == 0;
        if (path == "/status") return status_label(v);
        if (action && ends("/status")) return action_status_label(v);
        if (action && ends("/type")) return action_type_label(v);
        if (event && ends("/type")) return event_type_label(v);
        return v;
    }

    void text(const std::string& a, const std::string& b, const std::string& path, const std::string& label) {
        if (full()) return;
        Change c;
        c.kind = Change::Kind::Changed;
        c.path = path;
        c.label = label;
        c.before = vocabulary_label(path, a);
        c.after = vocabulary_label(path, b);
        auto multi_word = [](const std::string& s) { return s.find_first_of(" \n\t") != std::string::npos; };
        if (!a.empty() && !b.empty() && (multi_word(a) || multi_word(b))) {
            bool capped = false;
            c.spans = diff_text(a, b, opt.max_cells, &capped);
            if (capped && a.find('\n') != std::string::npos && b.find('\n') != std::string::npos)
                c.spans = diff_lines(a, b, opt.max_cells, &capped);
            c.capped = capped;
            if (capped) c.spans.clear();
        }
        out.push_back(std::move(c));
    }

    void ids(const Json& a, const Json& b, const std::string& path, const std::string& label) {
        std::map<std::string, size_t> ia, ib;
        for (size_t i = 0; i < a.size(); ++i) ia[a[i]["id"].get<std::string>()] = i;
        for (size_t i = 0; i < b.size(); ++i) ib[b[i]["id"].get<std::string>()] = i;
        for (size_t i = 0; i < a.size(); ++i) {
            const std::string id = a[i]["id"].get<std::string>();
            if (!ib.count(id)) add(Change::Kind::Removed, path + "/" + id, label, summary(a[i]), "");
        }
        std::vector<std::string> order_a, order_b;  // common ids in each order
        for (const auto& x : a)
            if (ib.count(x["id"].get<std::string>())) order_a.push_back(x["id"].get<std::string>());
        for (size_t i = 0; i < b.size(); ++i) {
            const std::string id = b[i]["id"].get<std::string>();
            auto it = ia.find(id);
            if (it == ia.end()) {
                add(Change::Kind::Added, path + "/" + id, label, "", summary(b[i]));
                continue;
            }
            order_b.push_back(id);
            value(a[it->second], b[i], path + "/" + id, sub(label, item_label(b[i])));
        }
        if (order_a == order_b || full()) return;
        // Items outside the longest common order are the ones that moved. Ids are unique, so that order is the
        // longest increasing run of old positions taken in the new order (O(n log n), no cap needed).
        std::map<std::string, size_t> pos_a;
        for (size_t i = 0; i < order_a.size(); ++i) pos_a[order_a[i]] = i;
        std::vector<size_t> seq;
        for (const auto& id : order_b) seq.push_back(pos_a[id]);
        std::vector<size_t> tails, tails_at, prev(seq.size(), SIZE_MAX);
        for (size_t i = 0; i < seq.size(); ++i) {
            auto it = std::lower_bound(tails.begin(), tails.end(), seq[i]);
            const size_t k = static_cast<size_t>(it - tails.begin());
            if (it == tails.end()) {
                tails.push_back(seq[i]);
                tails_at.push_back(i);
            } else {
                *it = seq[i];
                tails_at[k] = i;
            }
            prev[i] = k > 0 ? tails_at[k - 1] : SIZE_MAX;
        }
        std::set<std::string> moved(order_b.begin(), order_b.end());
        for (size_t i = tails_at.empty() ? SIZE_MAX : tails_at.back(); i != SIZE_MAX; i = prev[i])
            moved.erase(order_b[i]);
        for (const auto& id : order_b) {
            if (!moved.count(id)) continue;
            add(Change::Kind::Moved, path + "/" + id, sub(label, item_label(b[ib[id]])),
                "position " + std::to_string(ia[id] + 1), "position " + std::to_string(ib[id] + 1));
        }
    }

    void object(const Json& a, const Json& b, const std::string& path, const std::string& label,
                const std::vector<std::string>* order) {
        std::vector<std::string> keys;
        std::set<std::string> seen;
        if (order)
            for (const auto& k : *order)
                if ((a.contains(k) || b.contains(k)) && seen.insert(k).second) keys.push_back(k);
        for (const Json* o : {&a, &b})
            for (auto it = o->begin(); it != o->end(); ++it)
                if (seen.insert(it.key()).second) keys.push_back(it.key());
        for (const auto& k : keys) {
            const std::string p = path + "/" + k, l = sub(label, section_title(k));
            auto x = a.find(k), y = b.find(k);
            // A whole new or removed object or item list is shown field by field / item by item.
            if (x == a.end()) {
                if (y->is_array() && id_list(*y)) value(Json::array(), *y, p, l);
                else if (y->is_object()) value(Json::object(), *y, p, l);
                else add(Change::Kind::Added, p, l, "", summary(*y));
            } else if (y == b.end()) {
                if (x->is_array() && id_list(*x)) value(*x, Json::array(), p, l);
                else if (x->is_object()) value(*x, Json::object(), p, l);
                else add(Change::Kind::Removed, p, l, summary(*x), "");
            } else {
                value(*x, *y, p, l);
            }
        }
    }
};

// Fields equal to their default are omitted from the canonical JSON; put the defaults back so that "done" -> "open"
// reads as a change of status rather than a removed field.
void fill_defaults(Json& d) {
    if (!d.contains("status")) d["status"] = "draft";
    auto fill = [](Json& list, std::initializer_list<std::pair<const char*, const char*>> kv) {
        if (!list.is_array()) return;
        for (Json& x : list) {
            if (!x.is_object()) continue;
            for (const auto& p : kv)
                if (!x.contains(p.first)) x[p.first] = p.second;
        }
    };
    if (d.contains("timeline")) fill(d["timeline"], {{"type", "note"}});
    if (d.contains("action_items"))
        fill(d["action_items"], {{"type", "prevent"}, {"priority", "P2"}, {"status", "open"}});
}

// Long unchanged text around an edit is cut to its ends so that the edit is visible in one line.
std::string elide(const std::string& s, bool keep_head, bool keep_tail) {
    const size_t n = 40;
    if (s.size() <= 2 * n + 10) return s;
    std::string head = keep_head ? clip(s, n) : "…";
    std::string tail;
    if (keep_tail) {
        tail = s.substr(grapheme_ceil(s, s.size() - n));  // from a grapheme cluster boundary
    }
    if (keep_head && keep_tail) return head + tail;  // clip() already ends with "…"
    return keep_head ? head : head + tail;
}

}  // namespace

const char* change_kind_name(Change::Kind k) {
    switch (k) {
        case Change::Kind::Added: return "added";
        case Change::Kind::Removed: return "removed";
        case Change::Kind::Changed: return "changed";
        case Change::Kind::Moved: return "moved";
    }
    return "changed";
}

std::vector<TextSpan> diff_text(const std::string& a, const std::string& b, size_t max_cells, bool* capped) {
    return lcs_diff(word_tokens(a), word_tokens(b), max_cells, capped);
}

std::vector<TextSpan> diff_lines(const std::string& a, const std::string& b, size_t max_cells, bool* capped) {
    return lcs_diff(line_tokens(a), line_tokens(b), max_cells, capped);
}

std::vector<Change> diff_documents(const Document& before, const Document& after, const DiffOptions& opt) {
    Walker w{opt, {}};
    try {
        Json a = to_json(before), b = to_json(after);
        if (opt.ignore_updated) {
            a.erase("updated");
            b.erase("updated");
        }
        a.erase("format");
        b.erase("format");
        fill_defaults(a);
        fill_defaults(b);
        // Header fields first, then the sections in their usual order, then anything else.
        std::vector<std::string> order = {"title",    "incident_id", "severity", "severity_labels", "status",
                                          "authors",  "owner",       "reviewers", "approvals",      "tags",
                                          "services", "related_incidents", "created", "updated", "template",
                                          "sections"};
        order.insert(order.end(), vocab::kSections.begin(), vocab::kSections.end());
        w.object(a, b, "", "", &order);
    } catch (const std::exception&) {
        // A diff is a view; on an unexpected failure show what was gathered.
    }
    return std::move(w.out);
}

std::string format_changes(const std::vector<Change>& changes) {
    std::string s;
    for (const Change& c : changes) {
        switch (c.kind) {
            case Change::Kind::Added: s += "+ " + c.label + ": " + clip(one_line(c.after), 100); break;
            case Change::Kind::Removed: s += "- " + c.label + ": " + clip(one_line(c.before), 100); break;
            case Change::Kind::Moved: s += "> " + c.label + ": " + c.before + " -> " + c.after; break;
            case Change::Kind::Changed:
                s += "~ " + c.label + ": ";
                if (!c.spans.empty()) {
                    std::string body;
                    for (size_t i = 0; i < c.spans.size(); ++i) {
                        const TextSpan& t = c.spans[i];
                        if (t.op == TextSpan::Op::Equal) body += elide(t.text, i > 0, i + 1 < c.spans.size());
                        else if (t.op == TextSpan::Op::Delete) body += "[-" + t.text + "-]";
                        else body += "{+" + t.text + "+}";
                    }
                    s += clip(one_line(body), 300);
                } else {
                    s += "\"" + clip(one_line(c.before), 80) + "\" -> \"" + clip(one_line(c.after), 80) + "\"";
                    if (c.capped) s += " (too long to compare word by word)";
                }
                break;
        }
        s += "\n";
    }
    return s;
}

}  // namespace hs
