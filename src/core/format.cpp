// The JSON form of a postmortem: load (depth guard, parse, migrate, typed read with JSON Pointer problems), canonical
// save (sorted keys, defaults omitted, unknown fields kept) and semantic validation. See docs/format.md.
#include "format.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace hs {

namespace {

constexpr int kMaxDepth = 64;

// ---- paths: built only when a problem is reported, so loading a valid document allocates no pointer strings ----
struct Path {
    const Path* parent = nullptr;
    const char* key = nullptr;  // object member, or nullptr for an array index
    size_t index = 0;
    std::string str() const {
        if (!parent) return "";
        std::string p = parent->str() + "/";
        if (key) {
            for (const char* c = key; *c; ++c) {
                if (*c == '~') p += "~0";
                else if (*c == '/') p += "~1";
                else p += *c;
            }
        } else {
            p += std::to_string(index);
        }
        return p;
    }
};
const Path kRoot{};

std::string quote(const std::string& s) {
    // Show at most ~60 bytes of the offending text; keep it valid UTF-8 by cutting on a character boundary.
    std::string t = s;
    if (t.size() > 60) {
        size_t cut = 57;
        while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
        t = t.substr(0, cut) + "...";
    }
    return Json(t).dump(-1, ' ', false, Json::error_handler_t::replace);
}

// "got ..." part of a type error.
std::string describe(const Json& v) {
    switch (v.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::boolean: return v.get<bool>() ? "true" : "false";
        case Json::value_t::string: return quote(v.get_ref<const std::string&>());
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "a list";
        case Json::value_t::binary: return "binary data";
        case Json::value_t::discarded: return "nothing";
        default: return v.dump();  // numbers
    }
}

const char* kind_name(const Json& v) {
    switch (v.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::boolean: return "a boolean";
        case Json::value_t::string: return "a string";
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "a list";
        default: return "a number";
    }
}

// Reads JSON into the typed model, moving strings out of the (owned) JSON value. Collects every problem instead of
// stopping at the first, so that one `hindsight validate` run lists everything to fix.
struct Reader {
    std::vector<Problem>& problems;
    bool failed = false;

    void bad(const Path& p, std::string msg) {
        failed = true;
        if (problems.size() < 1000) problems.push_back({p.str(), std::move(msg)});
    }

    void str(Json& v, const Path& p, std::string& out) {
        if (v.is_null()) return;
        if (!v.is_string()) return bad(p, "expected text (a JSON string), got " + describe(v) + ".");
        out = std::move(v.get_ref<std::string&>());
    }
    // Ids, names and dates are typed on one line: a control character (a NUL, a line break, an escape) cannot come
    // from a person, and downstream it could cut a file name or split a line. Refused, with where it is.
    void line(Json& v, const Path& p, std::string& out) {
        str(v, p, out);
        for (size_t i = 0; i < out.size(); ++i) {
            const unsigned char ch = static_cast<unsigned char>(out[i]);
            if (ch < 0x20 || ch == 0x7F) {
                char code[8];
                std::snprintf(code, sizeof code, "U+%04X", ch);
                bad(p, std::string("contains a control character (") + code + ") at byte " + std::to_string(i) +
                           ": ids, names and dates are one line of text. Remove it and open the file again.");
                out.clear();
                return;
            }
        }
    }
    void strs(Json& v, const Path& p, std::vector<std::string>& out) {
        if (v.is_null()) return;
        if (!v.is_array())
            return bad(p, "expected a list of text values such as [\"a\", \"b\"], got " + describe(v) + ".");
        out.reserve(v.size());
        for (size_t i = 0; i < v.size(); ++i) {
            Json& e = v[i];
            if (!e.is_string()) {
                bad(Path{&p, nullptr, i}, "expected text (a JSON string), got " + describe(e) + ".");
                continue;
            }
            out.push_back(std::move(e.get_ref<std::string&>()));
        }
    }
    void number(Json& v, const Path& p, std::optional<double>& out) {
        if (v.is_null()) return;
        if (!v.is_number()) return bad(p, "expected a number such as 1200 (no quotes or thousands separators), got " +
                                              describe(v) + ".");
        out = v.get<double>();
    }
    void boolean(Json& v, const Path& p, bool& out) {
        if (v.is_null()) return;
        if (!v.is_boolean()) return bad(p, "expected true or false, got " + describe(v) + ".");
        out = v.get<bool>();
    }
    // A time: any ISO 8601 offset is accepted and normalised to UTC; the written offset is kept in offset_min.
    void instant(Json& v, const Path& p, Instant& out) {
        if (v.is_null()) return;
        std::optional<Instant> t;
        if (v.is_string()) t = parse_iso8601(v.get_ref<const std::string&>());
        if (!t) return bad(p, "expected an ISO 8601 time such as 2026-03-01T14:02:00Z, got " + describe(v) + ".");
        out = *t;
    }
    void offset(Json& v, const Path& p, int& out) {
        if (v.is_null()) return;
        std::optional<Instant> t;
        if (v.is_string()) t = parse_iso8601("2000-01-01T00:00" + v.get_ref<const std::string&>());
        const std::string& s = v.is_string() ? v.get_ref<const std::string&>() : std::string();
        if (!t || s.empty()) return bad(p, "expected a UTC offset such as +01:00 or -05:30, got " + describe(v) + ".");
        out = t->offset_min;
    }
    bool object(Json& v, const Path& p) {
        if (v.is_object()) return true;
        bad(p, std::string("expected an object ({...}), got ") + kind_name(v) + ".");
        return false;
    }
    bool array(Json& v, const Path& p) {
        if (v.is_array()) return true;
        bad(p, std::string("expected a list ([...]), got ") + kind_name(v) + ".");
        return false;
    }

    void item(Json& v, const Path& p, Item& out) {
        if (!object(v, p)) return;
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::string& k = it.key();
            Path c{&p, k.c_str()};
            if (k == "id") line(*it, c, out.id);
            else if (k == "text") str(*it, c, out.text);
            else if (k == "resolved") boolean(*it, c, out.resolved);
            else out.extra[k] = std::move(*it);
        }
    }
    void items(Json& v, const Path& p, std::vector<Item>& out) {
        if (v.is_null() || !array(v, p)) return;
        out.resize(v.size());
        for (size_t i = 0; i < v.size(); ++i) item(v[i], Path{&p, nullptr, i}, out[i]);
    }

    void event(Json& v, const Path& p, Event& out) {
        if (!object(v, p)) return;
        Json* off = nullptr;
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::string& k = it.key();
            Path c{&p, k.c_str()};
            if (k == "id") line(*it, c, out.id);
            else if (k == "time") instant(*it, c, out.time);
            else if (k == "utc_offset") off = &*it;
            else if (k == "type") { if (!it->is_null()) str(*it, c, out.type); }
            else if (k == "description") str(*it, c, out.description);
            else if (k == "author") line(*it, c, out.author);
            else if (k == "tags") strs(*it, c, out.tags);
            else out.extra[k] = std::move(*it);
        }
        // An explicit utc_offset wins over the offset the time happened to be written with.
        if (off) {
            Path c{&p, "utc_offset"};
            int o = out.time.offset_min;
            offset(*off, c, o);
            out.time.offset_min = o;
        }
    }

    void action(Json& v, const Path& p, ActionItem& out) {
        if (!object(v, p)) return;
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::string& k = it.key();
            Path c{&p, k.c_str()};
            if (k == "id") line(*it, c, out.id);
            else if (k == "title") str(*it, c, out.title);
            else if (k == "description") str(*it, c, out.description);
            else if (k == "type") str(*it, c, out.type);
            else if (k == "priority") str(*it, c, out.priority);
            else if (k == "owner") line(*it, c, out.owner);
            else if (k == "due") line(*it, c, out.due);
            else if (k == "status") str(*it, c, out.status);
            else if (k == "ticket_url") str(*it, c, out.ticket_url);
            else out.extra[k] = std::move(*it);
        }
    }

    void link(Json& v, const Path& p, LinkRef& out) {
        if (!object(v, p)) return;
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::string& k = it.key();
            Path c{&p, k.c_str()};
            if (k == "id") line(*it, c, out.id);
            else if (k == "title") str(*it, c, out.title);
            else if (k == "url") str(*it, c, out.url);
            else out.extra[k] = std::move(*it);
        }
    }

    void approval(Json& v, const Path& p, Approval& out) {
        if (!object(v, p)) return;
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::string& k = it.key();
            Path c{&p, k.c_str()};
            if (k == "reviewer") line(*it, c, out.reviewer);
            else if (k == "decision") str(*it, c, out.decision);
            else if (k == "at") { instant(*it, c, out.at); out.at.offset_min = 0; }
            else if (k == "comment") str(*it, c, out.comment);
            else out.extra[k] = std::move(*it);
        }
    }

    void impact(Json& v, const Path& p, Impact& out) {
        if (v.is_null() || !object(v, p)) return;
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::string& k = it.key();
            Path c{&p, k.c_str()};
            if (k == "description") str(*it, c, out.description);
            else if (k == "users_affected") number(*it, c, out.users_affected);
            else if (k == "requests_failed") number(*it, c, out.requests_failed);
            else if (k == "revenue_lost") number(*it, c, out.revenue_lost);
            else if (k == "currency") str(*it, c, out.currency);
            else if (k == "support_tickets") number(*it, c, out.support_tickets);
            else if (k == "slo") str(*it, c, out.slo);
            else if (k == "error_budget_consumed_pct") number(*it, c, out.error_budget_consumed_pct);
            else if (k == "regions") strs(*it, c, out.regions);
            else out.extra[k] = std::move(*it);
        }
    }

    void lessons(Json& v, const Path& p, Lessons& out) {
        if (v.is_null() || !object(v, p)) return;
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::string& k = it.key();
            Path c{&p, k.c_str()};
            if (k == "went_well") items(*it, c, out.went_well);
            else if (k == "went_wrong") items(*it, c, out.went_wrong);
            else if (k == "got_lucky") items(*it, c, out.got_lucky);
            else out.extra[k] = std::move(*it);
        }
    }

    template <class T, class F>
    void list(Json& v, const Path& p, std::vector<T>& out, F read) {
        if (v.is_null() || !array(v, p)) return;
        out.resize(v.size());
        for (size_t i = 0; i < v.size(); ++i) (this->*read)(v[i], Path{&p, nullptr, i}, out[i]);
    }

    void severity(Json& v, const Path& p, int& out) {
        if (v.is_null()) return;
        if (v.is_number_integer()) {
            const int64_t s = v.get<int64_t>();
            if (s >= 0 && s <= 5) {
                out = static_cast<int>(s);
                return;
            }
        }
        bad(p, "expected a severity from 1 (most severe) to 5, got " + describe(v) + ".");
    }

    void document(Json& j, Document& d) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            const std::string& k = it.key();
            Json& v = *it;
            Path c{&kRoot, k.c_str()};
            // Most frequent keys first would not matter: objects have ~40 keys and comparisons stop at the first byte.
            if (k == "format" || k == "version") continue;  // checked before
            else if (k == "id") line(v, c, d.id);
            else if (k == "title") str(v, c, d.title);
            else if (k == "incident_id") line(v, c, d.incident_id);
            else if (k == "severity") severity(v, c, d.severity);
            else if (k == "severity_labels") strs(v, c, d.severity_labels);
            else if (k == "status") { if (!v.is_null()) str(v, c, d.status); }
            else if (k == "authors") strs(v, c, d.authors);
            else if (k == "owner") line(v, c, d.owner);
            else if (k == "tags") strs(v, c, d.tags);
            else if (k == "services") strs(v, c, d.services);
            else if (k == "related_incidents") strs(v, c, d.related_incidents);
            else if (k == "reviewers") strs(v, c, d.reviewers);
            else if (k == "approvals") list(v, c, d.approvals, &Reader::approval);
            else if (k == "created") { instant(v, c, d.created); d.created.offset_min = 0; }
            else if (k == "updated") { instant(v, c, d.updated); d.updated.offset_min = 0; }
            else if (k == "template") str(v, c, d.template_name);
            else if (k == "sections") strs(v, c, d.sections);
            else if (k == "summary") str(v, c, d.summary);
            else if (k == "leadup") str(v, c, d.leadup);
            else if (k == "trigger") str(v, c, d.trigger);
            else if (k == "fault") str(v, c, d.fault);
            else if (k == "detection") str(v, c, d.detection);
            else if (k == "response") str(v, c, d.response);
            else if (k == "recovery") str(v, c, d.recovery);
            else if (k == "resolution") str(v, c, d.resolution);
            else if (k == "impact") impact(v, c, d.impact);
            else if (k == "timeline") list(v, c, d.timeline, &Reader::event);
            else if (k == "root_causes") items(v, c, d.root_causes);
            else if (k == "contributing_factors") items(v, c, d.contributing_factors);
            else if (k == "five_whys") items(v, c, d.five_whys);
            else if (k == "lessons") lessons(v, c, d.lessons);
            else if (k == "action_items") list(v, c, d.action_items, &Reader::action);
            else if (k == "open_questions") items(v, c, d.open_questions);
            else if (k == "links") list(v, c, d.links, &Reader::link);
            else d.extra[k] = std::move(v);
        }
    }
};

// Cheap pre-scan: nesting depth outside strings. nlohmann's DOM and dump() recurse per level, and no postmortem
// needs more than a handful of levels, so anything deeper is refused before parsing.
bool depth_ok(const std::string& s, size_t& where) {
    int depth = 0;
    bool in_str = false;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (in_str) {
            if (c == '\\') ++i;
            else if (c == '"') in_str = false;
        } else if (c == '"') {
            in_str = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxDepth) {
                where = i;
                return false;
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return true;
}

// SAX handler that only records the first parse error; used to explain why a text is not JSON.
struct ErrorSax {
    size_t position = 0;
    std::string message;
    using number_integer_t = Json::number_integer_t;
    using number_unsigned_t = Json::number_unsigned_t;
    using number_float_t = Json::number_float_t;
    using string_t = Json::string_t;
    using binary_t = Json::binary_t;
    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(number_integer_t) { return true; }
    bool number_unsigned(number_unsigned_t) { return true; }
    bool number_float(number_float_t, const string_t&) { return true; }
    bool string(string_t&) { return true; }
    bool binary(binary_t&) { return true; }
    bool start_object(std::size_t) { return true; }
    bool key(string_t&) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& ex) {
        position = pos;
        message = ex.what();
        return false;
    }
};

std::string explain_parse_error(const std::string& text) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        return "The text is empty; a Hindsight postmortem is a JSON object starting with {.";
    if (text.size() >= 2 && ((text[0] == '\xff' && text[1] == '\xfe') || (text[0] == '\xfe' && text[1] == '\xff')))
        return "This is not valid JSON: the text is UTF-16 encoded; save it as UTF-8 and try again.";
    ErrorSax sax;
    Json::sax_parse(text, &sax, Json::input_format_t::json, true);
    std::string m = sax.message;
    // nlohmann's text: "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while ..."
    const size_t at = m.find("parse error at ");
    if (at != std::string::npos) m = m.substr(at + 15);
    else if (m.rfind("[json.exception.", 0) == 0 && m.find("] ") != std::string::npos) m = m.substr(m.find("] ") + 2);
    // The message quotes the offending input: keep it short, printable and valid UTF-8.
    std::string clean;
    for (unsigned char c : m) {
        if (clean.size() >= 200) {
            clean += "...";
            break;
        }
        if (c < 0x20 || c >= 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            clean += buf;
        } else {
            clean += static_cast<char>(c);
        }
    }
    if (clean.empty()) clean = "unexpected input";
    const size_t byte = sax.position > 0 ? sax.position - 1 : 0;
    return "This is not valid JSON (error at byte " + std::to_string(byte) + "): " + clean +
           "; check that the file is complete and was saved as JSON.";
}

// Number in canonical form: integral values as integers so that 1200 stays 1200 rather than 1200.0.
Json num(double v) {
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9007199254740992.0)
        return Json(static_cast<int64_t>(v));
    return Json(v);
}

Json base(const Json& extra, std::initializer_list<const char*> known) {
    if (!extra.is_object() || extra.empty()) return Json::object();
    Json o = extra;
    for (const char* k : known) o.erase(k);
    return o;
}

void put(Json& o, const char* k, const std::string& v) {
    if (!v.empty()) o[k] = v;
}
void put(Json& o, const char* k, const std::vector<std::string>& v) {
    if (!v.empty()) o[k] = v;
}
void put(Json& o, const char* k, const std::optional<double>& v) {
    if (v) o[k] = num(*v);
}
void put_time(Json& o, const char* k, const Instant& t) {
    if (t.set) o[k] = format_utc(t);
}

Json item_json(const Item& it) {
    Json o = base(it.extra, {"id", "text", "resolved"});
    put(o, "id", it.id);
    put(o, "text", it.text);
    if (it.resolved) o["resolved"] = true;
    return o;
}
void put_items(Json& o, const char* k, const std::vector<Item>& v) {
    if (v.empty()) return;
    Json a = Json::array();
    for (const Item& it : v) a.push_back(item_json(it));
    o[k] = std::move(a);
}

Json event_json(const Event& e) {
    Json o = base(e.extra, {"id", "time", "utc_offset", "type", "description", "author", "tags"});
    put(o, "id", e.id);
    put_time(o, "time", e.time);
    if (e.time.set && e.time.offset_min != 0) o["utc_offset"] = format_offset(e.time.offset_min);
    if (e.type != "note") o["type"] = e.type;
    put(o, "description", e.description);
    put(o, "author", e.author);
    put(o, "tags", e.tags);
    return o;
}

Json action_json(const ActionItem& a) {
    Json o = base(a.extra, {"id", "title", "description", "type", "priority", "owner", "due", "status", "ticket_url"});
    put(o, "id", a.id);
    put(o, "title", a.title);
    put(o, "description", a.description);
    if (a.type != "prevent") o["type"] = a.type;
    if (a.priority != "P2") o["priority"] = a.priority;
    put(o, "owner", a.owner);
    put(o, "due", a.due);
    if (a.status != "open") o["status"] = a.status;
    put(o, "ticket_url", a.ticket_url);
    return o;
}

Json link_json(const LinkRef& l) {
    Json o = base(l.extra, {"id", "title", "url"});
    put(o, "id", l.id);
    put(o, "title", l.title);
    put(o, "url", l.url);
    return o;
}

Json approval_json(const Approval& a) {
    Json o = base(a.extra, {"reviewer", "decision", "at", "comment"});
    put(o, "reviewer", a.reviewer);
    if (a.decision != "approved") o["decision"] = a.decision;
    put_time(o, "at", a.at);
    put(o, "comment", a.comment);
    return o;
}

Json impact_json(const Impact& m) {
    Json o = base(m.extra, {"description", "users_affected", "requests_failed", "revenue_lost", "currency",
                            "support_tickets", "slo", "error_budget_consumed_pct", "regions"});
    put(o, "description", m.description);
    put(o, "users_affected", m.users_affected);
    put(o, "requests_failed", m.requests_failed);
    put(o, "revenue_lost", m.revenue_lost);
    put(o, "currency", m.currency);
    put(o, "support_tickets", m.support_tickets);
    put(o, "slo", m.slo);
    put(o, "error_budget_consumed_pct", m.error_budget_consumed_pct);
    put(o, "regions", m.regions);
    return o;
}

Json lessons_json(const Lessons& l) {
    Json o = base(l.extra, {"went_well", "went_wrong", "got_lucky"});
    put_items(o, "went_well", l.went_well);
    put_items(o, "went_wrong", l.went_wrong);
    put_items(o, "got_lucky", l.got_lucky);
    return o;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    for (const auto& x : v)
        if (x == s) return true;
    return false;
}

std::string join_quoted(const std::vector<std::string>& v) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + ("\"" + v[i] + "\"");
    return out;
}

bool is_web_url(const std::string& u) {
    size_t n = 0;
    auto starts = [&](const char* p) {
        size_t i = 0;
        for (; p[i]; ++i)
            if (i >= u.size() || std::tolower(static_cast<unsigned char>(u[i])) != p[i]) return false;
        n = i;
        return true;
    };
    if (!starts("https://") && !starts("http://")) return false;
    if (u.size() <= n || u[n] == '/' || u[n] == '?' || u[n] == '#') return false;  // needs a host
    for (unsigned char c : u)
        if (c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\') return false;
    return true;
}

// Normalises a time string to UTC "Z" form; returns the offset it was written with (v0 migration).
bool normalise_time(Json& v, int* offset_out) {
    if (!v.is_string()) return false;
    auto t = parse_iso8601(v.get_ref<const std::string&>());
    if (!t) return false;
    if (offset_out) *offset_out = t->offset_min;
    t->offset_min = 0;
    v = format_utc(*t);
    return true;
}

// Version 0 (pre-release builds) differed from version 1 in four ways; see docs/format.md "Version 0".
void migrate_v0_to_v1(Json& j) {
    auto rename = [&](const char* from, const char* to) {
        auto it = j.find(from);
        if (it != j.end() && !j.contains(to)) {
            Json v = std::move(*it);
            j.erase(from);
            j[to] = std::move(v);
        }
    };
    rename("events", "timeline");
    rename("actions", "action_items");
    // Severity was a label such as "SEV2".
    auto sev = j.find("severity");
    if (sev != j.end() && sev->is_string()) {
        std::string s = sev->get<std::string>();
        std::string digits;
        for (char c : s)
            if (c >= '0' && c <= '9') digits += c;
        if (digits.size() == 1 && digits[0] >= '1' && digits[0] <= '5') *sev = digits[0] - '0';
    }
    // Times were stored as written ("14:02+01:00"); version 1 stores UTC and keeps the offset in utc_offset.
    for (const char* k : {"created", "updated"}) {
        auto it = j.find(k);
        if (it != j.end()) normalise_time(*it, nullptr);
    }
    auto tl = j.find("timeline");
    if (tl != j.end() && tl->is_array()) {
        for (Json& e : *tl) {
            if (!e.is_object()) continue;
            auto t = e.find("time");
            int off = 0;
            if (t != e.end() && normalise_time(*t, &off) && off != 0 && !e.contains("utc_offset"))
                e["utc_offset"] = format_offset(off);
        }
    }
    auto ap = j.find("approvals");
    if (ap != j.end() && ap->is_array()) {
        for (Json& a : *ap) {
            if (!a.is_object()) continue;
            auto t = a.find("at");
            if (t != a.end()) normalise_time(*t, nullptr);
        }
    }
    j["version"] = 1;
}

LoadResult load_owned(Json& j) {
    LoadResult r;
    if (!j.is_object()) {
        r.problems.push_back({"", std::string("This is valid JSON but not a Hindsight postmortem: expected an object "
                                              "with \"format\": \"hindsight.postmortem\", got ") +
                                      kind_name(j) + "."});
        return r;
    }
    auto f = j.find("format");
    if (f == j.end()) {
        r.problems.push_back({"", "This is not a Hindsight postmortem: it has no \"format\": "
                                  "\"hindsight.postmortem\" field. Create one with `hindsight new` or import the "
                                  "incident with `hindsight import`."});
        return r;
    }
    if (!f->is_string() || f->get_ref<const std::string&>() != kFormatName) {
        r.problems.push_back({"/format", "This is not a Hindsight postmortem: expected \"hindsight.postmortem\", got " +
                                             describe(*f) + "."});
        return r;
    }
    if (!migrate(j, r.problems)) return r;
    Reader rd{r.problems};
    rd.document(j, r.doc);
    if (rd.failed) return r;
    r.ok = true;
    r.problems = validate(r.doc);
    return r;
}

}  // namespace

bool migrate(Json& j, std::vector<Problem>& problems) {
    if (!j.is_object()) {
        problems.push_back({"", "expected a JSON object."});
        return false;
    }
    auto it = j.find("version");
    if (it == j.end()) {
        problems.push_back({"", "The \"version\" field is missing; add \"version\": 1 (the current format version)."});
        return false;
    }
    if (!it->is_number_integer()) {
        problems.push_back({"/version", "expected a whole number such as 1, got " + describe(*it) + "."});
        return false;
    }
    if (it->is_number_unsigned() && it->get<uint64_t>() > static_cast<uint64_t>(kFormatVersion)) {
        problems.push_back({"/version", "This postmortem uses format version " + it->dump() +
                                            ", which is newer than this build of Hindsight understands (up to " +
                                            std::to_string(kFormatVersion) + "). Update Hindsight to open it."});
        return false;
    }
    const int64_t v = it->get<int64_t>();
    if (v < 0) {
        problems.push_back({"/version", "Unknown format version " + std::to_string(v) +
                                            "; versions start at 0 (pre-release) and the current one is " +
                                            std::to_string(kFormatVersion) + "."});
        return false;
    }
    if (v == 0) migrate_v0_to_v1(j);
    // Future: if (version == 1) migrate_v1_to_v2(j); ... each step bumps "version".
    return true;
}

bool json_nesting_ok(const std::string& text, size_t& where) { return depth_ok(text, where); }

LoadResult load_document(const std::string& text) {
    try {
        size_t where = 0;
        if (!depth_ok(text, where)) {
            LoadResult r;
            r.problems.push_back({"", "The JSON is nested more than " + std::to_string(kMaxDepth) +
                                          " levels deep (at byte " + std::to_string(where) +
                                          "); a postmortem never needs that, so the file was not read."});
            return r;
        }
        Json j = Json::parse(text, nullptr, false);
        if (j.is_discarded()) {
            LoadResult r;
            r.problems.push_back({"", explain_parse_error(text)});
            return r;
        }
        return load_owned(j);
    } catch (const std::bad_alloc&) {
        LoadResult r;
        r.problems.push_back({"", "The document is too large to load in the available memory."});
        return r;
    } catch (const std::exception& e) {
        LoadResult r;
        r.problems.push_back({"", std::string("The document could not be read: ") + e.what()});
        return r;
    }
}

LoadResult load_document_json(const Json& j) {
    try {
        Json copy = j;
        return load_owned(copy);
    } catch (const std::exception& e) {
        LoadResult r;
        r.problems.push_back({"", std::string("The document could not be read: ") + e.what()});
        return r;
    }
}

Json to_json(const Document& d) {
    Json o = base(d.extra, {"format", "version", "id", "title", "incident_id", "severity", "severity_labels", "status",
                            "authors", "owner", "tags", "services", "related_incidents", "reviewers", "approvals",
                            "created", "updated", "template", "sections", "summary", "leadup", "trigger", "fault",
                            "detection", "response", "recovery", "resolution", "impact", "timeline", "root_causes",
                            "contributing_factors", "five_whys", "lessons", "action_items", "open_questions", "links"});
    o["format"] = kFormatName;
    o["version"] = kFormatVersion;
    put(o, "id", d.id);
    put(o, "title", d.title);
    put(o, "incident_id", d.incident_id);
    if (d.severity != 0) o["severity"] = d.severity;
    put(o, "severity_labels", d.severity_labels);
    if (d.status != "draft") o["status"] = d.status;
    put(o, "authors", d.authors);
    put(o, "owner", d.owner);
    put(o, "tags", d.tags);
    put(o, "services", d.services);
    put(o, "related_incidents", d.related_incidents);
    put(o, "reviewers", d.reviewers);
    if (!d.approvals.empty()) {
        Json a = Json::array();
        for (const auto& x : d.approvals) a.push_back(approval_json(x));
        o["approvals"] = std::move(a);
    }
    put_time(o, "created", d.created);
    put_time(o, "updated", d.updated);
    put(o, "template", d.template_name);
    put(o, "sections", d.sections);
    put(o, "summary", d.summary);
    put(o, "leadup", d.leadup);
    put(o, "trigger", d.trigger);
    put(o, "fault", d.fault);
    put(o, "detection", d.detection);
    put(o, "response", d.response);
    put(o, "recovery", d.recovery);
    put(o, "resolution", d.resolution);
    Json im = impact_json(d.impact);
    if (!im.empty()) o["impact"] = std::move(im);
    if (!d.timeline.empty()) {
        Json a = Json::array();
        for (const auto& e : d.timeline) a.push_back(event_json(e));
        o["timeline"] = std::move(a);
    }
    put_items(o, "root_causes", d.root_causes);
    put_items(o, "contributing_factors", d.contributing_factors);
    put_items(o, "five_whys", d.five_whys);
    Json ls = lessons_json(d.lessons);
    if (!ls.empty()) o["lessons"] = std::move(ls);
    if (!d.action_items.empty()) {
        Json a = Json::array();
        for (const auto& x : d.action_items) a.push_back(action_json(x));
        o["action_items"] = std::move(a);
    }
    put_items(o, "open_questions", d.open_questions);
    if (!d.links.empty()) {
        Json a = Json::array();
        for (const auto& x : d.links) a.push_back(link_json(x));
        o["links"] = std::move(a);
    }
    return o;
}

// ---- fast canonical writer -------------------------------------------------------------------------------------
// save_document's minified output written directly, without building a Json tree (which costs a map node and a
// string copy per member). It must produce exactly to_json(d).dump(): keys are merged in byte order from a sorted
// table of known fields and the (already sorted) unknown fields; strings are escaped like nlohmann. Strings that are
// not valid UTF-8 make it give up, and the caller falls back to to_json().dump() with replacement characters.
namespace {

struct Out {
    std::string s;
    bool first = true;  // no member written yet in the current object / array
    bool invalid = false;
    const std::vector<std::string>* events = nullptr;  // the timeline's events, already serialised

    void member(const char* k) {
        if (!first) s += ',';
        first = false;
        s += '"';
        s += k;
        s += "\":";
    }
    void str(const std::string& v) {
        static const char* const kHex = "0123456789abcdef";
        s += '"';
        const unsigned char* p = reinterpret_cast<const unsigned char*>(v.data());
        const size_t n = v.size();
        size_t run = 0;  // start of the pending run of bytes copied as is
        for (size_t i = 0; i < n;) {
            const unsigned char c = p[i];
            if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
                ++i;
                continue;
            }
            if (c >= 0x80) {
                const size_t len = utf8_len(p + i, n - i);
                if (!len) {
                    invalid = true;
                    return;
                }
                i += len;
                continue;
            }
            s.append(v, run, i - run);
            switch (c) {
                case '"': s += "\\\""; break;
                case '\\': s += "\\\\"; break;
                case '\b': s += "\\b"; break;
                case '\f': s += "\\f"; break;
                case '\n': s += "\\n"; break;
                case '\r': s += "\\r"; break;
                case '\t': s += "\\t"; break;
                default:
                    s += "\\u00";
                    s += kHex[c >> 4];
                    s += kHex[c & 15];
            }
            run = ++i;
        }
        s.append(v, run, n - run);
        s += '"';
    }
    // Length of the well-formed UTF-8 sequence at p (Unicode table 3-7), or 0.
    static size_t utf8_len(const unsigned char* p, size_t n) {
        const unsigned char c = p[0];
        auto cont = [&](size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
            return i < n && p[i] >= lo && p[i] <= hi;
        };
        if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
        if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
        if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
        if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
        if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
        if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
        if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
        return 0;
    }
    void raw(const Json& v) { s += v.dump(-1, ' ', false, Json::error_handler_t::strict); }
    void strs(const std::vector<std::string>& v) {
        s += '[';
        for (size_t i = 0; i < v.size(); ++i) {
            if (i) s += ',';
            str(v[i]);
        }
        s += ']';
    }
};

template <class T>
struct Field {
    const char* key;
    void (*emit)(Out&, const char*, const T&);  // writes the member (w.member(key) + value) unless it is a default
};

template <class T>
std::vector<Field<T>> sorted(std::vector<Field<T>> v) {
    std::sort(v.begin(), v.end(), [](const Field<T>& a, const Field<T>& b) { return std::strcmp(a.key, b.key) < 0; });
    return v;
}

// Writes {known fields and unknown fields, merged in key order}. An unknown key equal to a known one is dropped, as
// in to_json().
template <class T>
void object(Out& w, const T& v, const Json& extra, const std::vector<Field<T>>& fields) {
    const bool saved = w.first;
    w.first = true;
    w.s += '{';
    const bool has_extra = extra.is_object() && !extra.empty();
    auto e = has_extra ? extra.begin() : Json::const_iterator();
    auto e_end = has_extra ? extra.end() : Json::const_iterator();
    auto emit_extra = [&](const std::string& k, const Json& val) {
        if (!w.first) w.s += ',';
        w.first = false;
        w.str(k);
        w.s += ':';
        w.raw(val);
    };
    for (const Field<T>& f : fields) {
        if (has_extra) {
            while (e != e_end) {
                const int c = e.key().compare(f.key);
                if (c > 0) break;
                if (c < 0) emit_extra(e.key(), *e);
                ++e;  // c == 0: the known field wins
            }
        }
        f.emit(w, f.key, v);
    }
    if (has_extra)
        for (; e != e_end; ++e) emit_extra(e.key(), *e);
    w.s += '}';
    w.first = saved;
}

template <class T, class F>
void array(Out& w, const std::vector<T>& v, F each) {
    w.s += '[';
    for (size_t i = 0; i < v.size(); ++i) {
        if (i) w.s += ',';
        each(w, v[i]);
    }
    w.s += ']';
}

#define HS_STR(T, name, fld)                                                  \
    Field<T> {                                                                   \
        name, [](Out& w, const char* k, const T& x) {                            \
            if (!x.fld.empty()) { w.member(k); w.str(x.fld); }             \
        }                                                                        \
    }
#define HS_STRS(T, name, fld)                                                 \
    Field<T> {                                                                   \
        name, [](Out& w, const char* k, const T& x) {                            \
            if (!x.fld.empty()) { w.member(k); w.strs(x.fld); }            \
        }                                                                        \
    }
#define HS_NUM(T, name, fld)                                                  \
    Field<T> {                                                                   \
        name, [](Out& w, const char* k, const T& x) {                            \
            if (x.fld) { w.member(k); w.raw(num(*x.fld)); }                \
        }                                                                        \
    }
#define HS_NOT(T, name, fld, dflt)                                            \
    Field<T> {                                                                   \
        name, [](Out& w, const char* k, const T& x) {                            \
            if (x.fld != dflt) { w.member(k); w.str(x.fld); }              \
        }                                                                        \
    }
#define HS_TIME(T, name, fld)                                                 \
    Field<T> {                                                                   \
        name, [](Out& w, const char* k, const T& x) {                            \
            if (x.fld.set) { w.member(k); w.str(format_utc(x.fld)); }      \
        }                                                                        \
    }

void write_item(Out& w, const Item& it) {
    static const auto kFields = sorted<Item>({
        HS_STR(Item, "id", id),
        HS_STR(Item, "text", text),
        {"resolved", [](Out& w, const char* k, const Item& x) { if (x.resolved) { w.member(k); w.s += "true"; } }},
    });
    object(w, it, it.extra, kFields);
}
void write_items(Out& w, const char* k, const std::vector<Item>& v) {
    if (v.empty()) return;
    w.member(k);
    array(w, v, write_item);
}

void write_event(Out& w, const Event& e) {
    static const auto kFields = sorted<Event>({
        HS_STR(Event, "id", id),
        HS_TIME(Event, "time", time),
        {"utc_offset", [](Out& w, const char* k, const Event& x) {
             if (x.time.set && x.time.offset_min != 0) { w.member(k); w.str(format_offset(x.time.offset_min)); }
         }},
        HS_NOT(Event, "type", type, "note"),
        HS_STR(Event, "description", description),
        HS_STR(Event, "author", author),
        HS_STRS(Event, "tags", tags),
    });
    object(w, e, e.extra, kFields);
}

void write_action(Out& w, const ActionItem& a) {
    static const auto kFields = sorted<ActionItem>({
        HS_STR(ActionItem, "id", id), HS_STR(ActionItem, "title", title),
        HS_STR(ActionItem, "description", description), HS_NOT(ActionItem, "type", type, "prevent"),
        HS_NOT(ActionItem, "priority", priority, "P2"), HS_STR(ActionItem, "owner", owner),
        HS_STR(ActionItem, "due", due), HS_NOT(ActionItem, "status", status, "open"),
        HS_STR(ActionItem, "ticket_url", ticket_url),
    });
    object(w, a, a.extra, kFields);
}

void write_link(Out& w, const LinkRef& l) {
    static const auto kFields = sorted<LinkRef>({
        HS_STR(LinkRef, "id", id), HS_STR(LinkRef, "title", title), HS_STR(LinkRef, "url", url)});
    object(w, l, l.extra, kFields);
}

void write_approval(Out& w, const Approval& a) {
    static const auto kFields = sorted<Approval>({
        HS_STR(Approval, "reviewer", reviewer), HS_NOT(Approval, "decision", decision, "approved"),
        HS_TIME(Approval, "at", at), HS_STR(Approval, "comment", comment)});
    object(w, a, a.extra, kFields);
}

bool impact_empty(const Impact& m) {
    return m.description.empty() && !m.users_affected && !m.requests_failed && !m.revenue_lost &&
           m.currency.empty() && !m.support_tickets && m.slo.empty() && !m.error_budget_consumed_pct &&
           m.regions.empty() && (!m.extra.is_object() || m.extra.empty());
}

void write_impact(Out& w, const Impact& m) {
    static const auto kFields = sorted<Impact>({
        HS_STR(Impact, "description", description), HS_NUM(Impact, "users_affected", users_affected),
        HS_NUM(Impact, "requests_failed", requests_failed), HS_NUM(Impact, "revenue_lost", revenue_lost),
        HS_STR(Impact, "currency", currency), HS_NUM(Impact, "support_tickets", support_tickets),
        HS_STR(Impact, "slo", slo), HS_NUM(Impact, "error_budget_consumed_pct", error_budget_consumed_pct),
        HS_STRS(Impact, "regions", regions)});
    object(w, m, m.extra, kFields);
}

void write_lessons(Out& w, const Lessons& l) {
    static const auto kFields = sorted<Lessons>({
        {"went_well", [](Out& w, const char* k, const Lessons& x) { write_items(w, k, x.went_well); }},
        {"went_wrong", [](Out& w, const char* k, const Lessons& x) { write_items(w, k, x.went_wrong); }},
        {"got_lucky", [](Out& w, const char* k, const Lessons& x) { write_items(w, k, x.got_lucky); }}});
    object(w, l, l.extra, kFields);
}

void write_document(Out& w, const Document& d) {
    using D = Document;
    static const auto kFields = sorted<D>({
        {"format", [](Out& w, const char* k, const D&) { w.member(k); w.str(kFormatName); }},
        {"version", [](Out& w, const char* k, const D&) { w.member(k); w.s += std::to_string(kFormatVersion); }},
        HS_STR(D, "id", id), HS_STR(D, "title", title), HS_STR(D, "incident_id", incident_id),
        {"severity", [](Out& w, const char* k, const D& x) {
             if (x.severity != 0) { w.member(k); w.s += std::to_string(x.severity); }
         }},
        HS_STRS(D, "severity_labels", severity_labels), HS_NOT(D, "status", status, "draft"),
        HS_STRS(D, "authors", authors), HS_STR(D, "owner", owner), HS_STRS(D, "tags", tags),
        HS_STRS(D, "services", services), HS_STRS(D, "related_incidents", related_incidents),
        HS_STRS(D, "reviewers", reviewers),
        {"approvals", [](Out& w, const char* k, const D& x) {
             if (!x.approvals.empty()) { w.member(k); array(w, x.approvals, write_approval); }
         }},
        HS_TIME(D, "created", created), HS_TIME(D, "updated", updated), HS_STR(D, "template", template_name),
        HS_STRS(D, "sections", sections), HS_STR(D, "summary", summary), HS_STR(D, "leadup", leadup),
        HS_STR(D, "trigger", trigger), HS_STR(D, "fault", fault), HS_STR(D, "detection", detection),
        HS_STR(D, "response", response), HS_STR(D, "recovery", recovery), HS_STR(D, "resolution", resolution),
        {"impact", [](Out& w, const char* k, const D& x) {
             if (!impact_empty(x.impact)) { w.member(k); write_impact(w, x.impact); }
         }},
        {"timeline", [](Out& w, const char* k, const D& x) {
             if (x.timeline.empty()) return;
             w.member(k);
             if (!w.events) return array(w, x.timeline, write_event);
             w.s += '[';
             for (size_t i = 0; i < w.events->size(); ++i) {
                 if (i) w.s += ',';
                 w.s += (*w.events)[i];
             }
             w.s += ']';
         }},
        {"root_causes", [](Out& w, const char* k, const D& x) { write_items(w, k, x.root_causes); }},
        {"contributing_factors", [](Out& w, const char* k, const D& x) { write_items(w, k, x.contributing_factors); }},
        {"five_whys", [](Out& w, const char* k, const D& x) { write_items(w, k, x.five_whys); }},
        {"lessons", [](Out& w, const char* k, const D& x) {
             const Lessons& l = x.lessons;
             if (l.went_well.empty() && l.went_wrong.empty() && l.got_lucky.empty() &&
                 (!l.extra.is_object() || l.extra.empty()))
                 return;
             w.member(k);
             write_lessons(w, l);
         }},
        {"action_items", [](Out& w, const char* k, const D& x) {
             if (!x.action_items.empty()) { w.member(k); array(w, x.action_items, write_action); }
         }},
        {"open_questions", [](Out& w, const char* k, const D& x) { write_items(w, k, x.open_questions); }},
        {"links", [](Out& w, const char* k, const D& x) {
             if (!x.links.empty()) { w.member(k); array(w, x.links, write_link); }
         }},
    });
    object(w, d, d.extra, kFields);
}

#undef HS_STR
#undef HS_STRS
#undef HS_NUM
#undef HS_NOT
#undef HS_TIME

}  // namespace

std::string save_document(const Document& d, bool pretty) {
    if (!pretty) {
        try {
            Out w;
            w.s.reserve(4096);
            write_document(w, d);
            if (!w.invalid) return std::move(w.s);
        } catch (const std::exception&) {
            // e.g. invalid UTF-8 inside an unknown field (strict dump): fall through to the replacing path
        }
    }
    // `replace` keeps dump() from throwing on invalid UTF-8 that a caller may have put into a string.
    return to_json(d).dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

std::optional<std::string> save_event(const Event& e) {
    try {
        Out w;
        write_event(w, e);
        if (!w.invalid) return std::move(w.s);
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

std::optional<std::string> save_document_with_events(const Document& d, const std::vector<std::string>& events,
                                                     std::string buffer) {
    if (events.size() != d.timeline.size()) return std::nullopt;
    try {
        Out w;
        w.s = std::move(buffer);
        w.s.clear();
        size_t n = 4096;
        for (const std::string& e : events) n += e.size() + 1;
        if (w.s.capacity() < n) w.s.reserve(n);
        w.events = &events;
        write_document(w, d);
        if (!w.invalid) return std::move(w.s);
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

std::vector<Problem> validate(const Document& d) {
    std::vector<Problem> out;
    auto add = [&](std::string p, std::string m) {
        if (out.size() < 1000) out.push_back({std::move(p), std::move(m)});
    };
    auto idx = [](const char* list, size_t i) { return std::string("/") + list + "/" + std::to_string(i); };

    if (d.id.empty())
        add("/id", "The postmortem has no id; add one such as \"pm-1a2b3c4d\" (hindsight new creates one).");
    if (d.severity < 0 || d.severity > 5)
        add("/severity", "Severity " + std::to_string(d.severity) + " is out of range; use 1 (most severe) to 5.");
    if (!d.severity_labels.empty() && d.severity_labels.size() != 5)
        add("/severity_labels", "There are " + std::to_string(d.severity_labels.size()) +
                                    " severity labels; give exactly 5 (for severities 1 to 5) or remove the field.");
    if (!contains(vocab::kStatuses, d.status))
        add("/status", "Unknown status " + quote(d.status) + "; use one of " + join_quoted(vocab::kStatuses) + ".");
    for (size_t i = 0; i < d.approvals.size(); ++i) {
        const Approval& a = d.approvals[i];
        if (!contains(vocab::kReviewDecisions, a.decision))
            add(idx("approvals", i) + "/decision", "Unknown review decision " + quote(a.decision) + "; use one of " +
                                                      join_quoted(vocab::kReviewDecisions) + ".");
        if (a.reviewer.empty())
            add(idx("approvals", i) + "/reviewer", "This approval does not say who reviewed; add the reviewer.");
    }
    {
        std::vector<std::string> seen;
        for (size_t i = 0; i < d.sections.size(); ++i) {
            const std::string& s = d.sections[i];
            if (!contains(vocab::kSections, s))
                add(idx("sections", i),
                    "Unknown section " + quote(s) + "; sections are " + join_quoted(vocab::kSections) + ".");
            else if (contains(seen, s))
                add(idx("sections", i), "The section " + quote(s) + " is listed twice; keep one.");
            seen.push_back(s);
        }
    }
    // Impact numbers are counts or amounts: never negative.
    const std::pair<const char*, const std::optional<double>*> nums[] = {
        {"users_affected", &d.impact.users_affected},   {"requests_failed", &d.impact.requests_failed},
        {"revenue_lost", &d.impact.revenue_lost},       {"support_tickets", &d.impact.support_tickets},
        {"error_budget_consumed_pct", &d.impact.error_budget_consumed_pct}};
    for (const auto& n : nums)
        if (*n.second && !(**n.second >= 0))
            add(std::string("/impact/") + n.first,
                "expected zero or a positive number, got " + num(**n.second).dump() + ".");
    if (!d.impact.currency.empty()) {
        const std::string& c = d.impact.currency;
        bool ok = c.size() == 3;
        for (char ch : c) ok = ok && ch >= 'A' && ch <= 'Z';
        if (!ok)
            add("/impact/currency",
                "expected a three-letter ISO 4217 currency code such as \"USD\", got " + quote(c) + ".");
    }

    // Ids: required on every item and unique across the whole document (merge and history follow items by id).
    std::unordered_map<std::string, std::string> ids;
    ids.reserve(d.timeline.size() + d.action_items.size() + 64);
    auto check_id = [&](const std::string& id, const std::string& where, const char* what, const char* example) {
        if (id.empty()) {
            add(where + "/id", std::string("This ") + what + " has no id; give it a unique one such as \"" + example +
                                   "\" so that links, merges and history can follow it.");
            return;
        }
        auto ins = ids.emplace(id, where);
        if (!ins.second)
            add(where + "/id", "The id " + quote(id) + " is already used at " + ins.first->second +
                                   "; ids must be unique within a postmortem.");
    };
    for (size_t i = 0; i < d.timeline.size(); ++i) {
        const Event& e = d.timeline[i];
        check_id(e.id, idx("timeline", i), "event", "ev-1a2b3c4d");
        if (e.type.empty())
            add(idx("timeline", i) + "/type", "The event type is empty; use one of " + join_quoted(vocab::kEventTypes) +
                                                  " (or leave it out for \"note\").");
        if (e.time.set && (e.time.offset_min < -24 * 60 || e.time.offset_min > 24 * 60))
            add(idx("timeline", i) + "/utc_offset", "The UTC offset is out of range; use -23:59 to +23:59.");
    }
    auto check_items = [&](const std::vector<Item>& v, const std::string& list, const char* what, const char* ex) {
        for (size_t i = 0; i < v.size(); ++i) check_id(v[i].id, list + "/" + std::to_string(i), what, ex);
    };
    check_items(d.root_causes, "/root_causes", "root cause", "rc-1a2b3c4d");
    check_items(d.contributing_factors, "/contributing_factors", "contributing factor", "cf-1a2b3c4d");
    check_items(d.five_whys, "/five_whys", "why", "why-1a2b3c4d");
    check_items(d.lessons.went_well, "/lessons/went_well", "lesson", "ll-1a2b3c4d");
    check_items(d.lessons.went_wrong, "/lessons/went_wrong", "lesson", "ll-1a2b3c4d");
    check_items(d.lessons.got_lucky, "/lessons/got_lucky", "lesson", "ll-1a2b3c4d");
    check_items(d.open_questions, "/open_questions", "open question", "oq-1a2b3c4d");
    for (size_t i = 0; i < d.action_items.size(); ++i) {
        const ActionItem& a = d.action_items[i];
        const std::string p = idx("action_items", i);
        check_id(a.id, p, "action item", "ai-1a2b3c4d");
        if (!contains(vocab::kActionTypes, a.type))
            add(p + "/type", "Unknown action item type " + quote(a.type) + "; use one of " +
                                 join_quoted(vocab::kActionTypes) + ".");
        if (!contains(vocab::kPriorities, a.priority))
            add(p + "/priority", "Unknown priority " + quote(a.priority) + "; use one of " +
                                     join_quoted(vocab::kPriorities) + " (P0 is the most urgent).");
        if (!contains(vocab::kActionStatuses, a.status))
            add(p + "/status", "Unknown action item status " + quote(a.status) + "; use one of " +
                                   join_quoted(vocab::kActionStatuses) + ".");
        if (!a.due.empty() && !is_calendar_date(a.due))
            add(p + "/due", "expected a calendar date such as 2026-03-15, got " + quote(a.due) + ".");
        if (!a.ticket_url.empty() && !is_web_url(a.ticket_url))
            add(p + "/ticket_url", "expected a web address starting with https:// or http://, got " +
                                       quote(a.ticket_url) + ".");
    }
    for (size_t i = 0; i < d.links.size(); ++i) {
        const LinkRef& l = d.links[i];
        const std::string p = idx("links", i);
        check_id(l.id, p, "link", "ln-1a2b3c4d");
        if (l.url.empty())
            add(p + "/url", "This link has no URL; add one starting with https:// or remove the link.");
        else if (!is_web_url(l.url))
            add(p + "/url", "expected a web address starting with https:// or http://, got " + quote(l.url) + ".");
    }
    return out;
}

}  // namespace hs
