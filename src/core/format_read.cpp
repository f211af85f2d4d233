// Loading the JSON form: depth guard, parse, migrations, then a typed read driven by the field tables (schema.cpp)
// that reports every problem with a JSON Pointer. See docs/format.md.
#include <cstdio>

#include "format.h"
#include "format_detail.h"

namespace hs {
namespace schema {

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

std::string one_line_problem(const std::string& s) {
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char ch = static_cast<unsigned char>(s[i]);
        if (ch < 0x20 || ch == 0x7F) {
            char code[8];
            std::snprintf(code, sizeof code, "U+%04X", ch);
            return std::string("contains a control character (") + code + ") at byte " + std::to_string(i) +
                   ": ids, names and dates are one line of text.";
        }
    }
    return {};
}

namespace {

constexpr int kMaxDepth = 64;
const Path kRoot{};

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

}  // namespace

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
        std::string problem = one_line_problem(out);
        if (problem.empty()) return;
        bad(p, problem + " Remove it and open the file again.");
        out.clear();
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

    // One field of a struct, by the kind its table gives it.
    template <class T>
    void field(const Field<T>& f, Json& v, const Path& p, T& x) {
        switch (f.kind) {
            case Kind::Text: return f.one_line ? line(v, p, x.*f.text) : str(v, p, x.*f.text);
            case Kind::Texts: return strs(v, p, x.*f.texts);
            case Kind::Number: return number(v, p, x.*f.number);
            case Kind::Flag: return boolean(v, p, x.*f.flag);
            case Kind::Severity: return severity(v, p, x.*f.integer);
            case Kind::Time:
                instant(v, p, x.*f.time);
                (x.*f.time).offset_min = 0;
                return;
            case Kind::LocalTime: return instant(v, p, x.*f.time);
            // Keys are read in sorted order, so the time ("time" < "utc_offset") is in place: an explicit offset
            // wins over the one the time happened to be written with.
            case Kind::OffsetOf: return offset(v, p, (x.*f.time).offset_min);
            case Kind::Const: return;  // checked before
            case Kind::Object:
            case Kind::List: return f.nested->read(*this, v, p, x);
        }
    }
};

// Known keys from the table, unknown ones into `extra`. The JSON object and the table are both sorted by key, so one
// merged pass finds each key's field.
template <class T>
void read_struct(Reader& r, Json& v, const Path& p, T& out) {
    if (!r.object(v, p)) return;
    const Schema<T>& s = of<T>();
    size_t f = 0;
    for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string& k = it.key();
        int c = 1;
        while (f < s.keys.size() && (c = k.compare(s.keys[f])) > 0) ++f;
        if (c != 0) {
            out.extra[k] = std::move(*it);
            continue;
        }
        r.field(s.sorted[f], *it, Path{&p, k.c_str()}, out);
    }
}

template <class T>
void read_object(Reader& r, Json& v, const Path& p, T& out) {
    if (!v.is_null()) read_struct(r, v, p, out);
}

template <class T>
void read_list(Reader& r, Json& v, const Path& p, std::vector<T>& out) {
    if (v.is_null() || !r.array(v, p)) return;
    out.resize(v.size());
    for (size_t i = 0; i < v.size(); ++i) read_struct(r, v[i], Path{&p, nullptr, i}, out[i]);
}

#define HS_INSTANTIATE(T)                                                        \
    template void read_object<T>(Reader&, Json&, const Path&, T&);              \
    template void read_list<T>(Reader&, Json&, const Path&, std::vector<T>&);
HS_SCHEMA_STRUCTS(HS_INSTANTIATE)
#undef HS_INSTANTIATE

}  // namespace schema

namespace {
using schema::describe;
using schema::kind_name;
using schema::kMaxDepth;

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
    schema::Reader rd{r.problems};
    schema::read_struct(rd, j, schema::kRoot, r.doc);
    if (rd.failed) return r;
    r.ok = true;
    r.problems = validate(r.doc);
    return r;
}

}  // namespace

// Cheap pre-scan: nesting depth outside strings. nlohmann's DOM and dump() recurse per level, and no postmortem
// needs more than a handful of levels, so anything deeper is refused before parsing.
bool json_depth_ok(const std::string& s, size_t& where, int max_depth) {
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
            if (++depth > max_depth) {
                where = i;
                return false;
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return true;
}

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

bool json_nesting_ok(const std::string& text, size_t& where) { return json_depth_ok(text, where, kMaxDepth); }

LoadResult load_document(const std::string& text) {
    try {
        size_t where = 0;
        if (!json_depth_ok(text, where, kMaxDepth)) {
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

}  // namespace hs
