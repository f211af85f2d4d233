// Saving the JSON form: to_json (a Json tree) and the fast canonical writer that gives the same bytes directly,
// both driven by the field tables (schema.cpp): sorted keys, defaults omitted, unknown fields kept.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "format.h"
#include "format_detail.h"

namespace hs {
namespace schema {

// Number in canonical form: integral values as integers so that 1200 stays 1200 rather than 1200.0.
Json num(double v) {
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9007199254740992.0)
        return Json(static_cast<int64_t>(v));
    return Json(v);
}

template <class T>
Json struct_json(const T& x) {
    const Schema<T>& s = of<T>();
    Json o = Json::object();
    if (x.extra.is_object() && !x.extra.empty()) {
        o = x.extra;  // a known key placed in extra does not override the typed field
        for (const char* k : s.keys) o.erase(k);
    }
    for (const Field<T>& f : s.sorted) {
        if (f.kind == Kind::Object || f.kind == Kind::List) {
            Json j = f.nested->json(x);
            if (!j.is_null()) o[f.key] = std::move(j);
            continue;
        }
        if (is_default(f, x)) continue;
        Json& v = o[f.key];
        switch (f.kind) {
            case Kind::Text: v = x.*f.text; break;
            case Kind::Texts: v = x.*f.texts; break;
            case Kind::Number: v = num(*(x.*f.number)); break;
            case Kind::Flag: v = true; break;
            case Kind::Severity: v = x.*f.integer; break;
            case Kind::Time:
            case Kind::LocalTime: v = format_utc(x.*f.time); break;
            case Kind::OffsetOf: v = format_offset((x.*f.time).offset_min); break;
            case Kind::Const: v = f.dflt ? Json(f.dflt) : Json(f.const_int); break;
            case Kind::Object:
            case Kind::List: break;
        }
    }
    return o;
}

// ---- fast canonical writer -------------------------------------------------------------------------------------
// save_document's minified output written directly, without building a Json tree (which costs a map node and a
// string copy per member). It must produce exactly to_json(d).dump(): keys are merged in byte order from the sorted
// table of known fields and the (already sorted) unknown fields; strings are escaped like nlohmann. Strings that are
// not valid UTF-8 make it give up, and the caller falls back to to_json().dump() with replacement characters.
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

namespace {

// Writes one known field unless it holds its default.
template <class T>
void emit(Out& w, const Field<T>& f, const T& x) {
    switch (f.kind) {
        case Kind::Text: {
            const std::string& v = x.*f.text;
            if (f.dflt[0] ? v == f.dflt : v.empty()) return;
            w.member(f.key);
            return w.str(v);
        }
        case Kind::Texts:
            if ((x.*f.texts).empty()) return;
            w.member(f.key);
            return w.strs(x.*f.texts);
        case Kind::Number:
            if (!(x.*f.number)) return;
            w.member(f.key);
            return w.raw(num(*(x.*f.number)));
        case Kind::Flag:
            if (!(x.*f.flag)) return;
            w.member(f.key);
            w.s += "true";
            return;
        case Kind::Severity:
            if (x.*f.integer == 0) return;
            w.member(f.key);
            w.s += std::to_string(x.*f.integer);
            return;
        case Kind::Time:
        case Kind::LocalTime:
            if (!(x.*f.time).set) return;
            w.member(f.key);
            return w.str(format_utc(x.*f.time));
        case Kind::OffsetOf:
            if (!(x.*f.time).set || (x.*f.time).offset_min == 0) return;
            w.member(f.key);
            return w.str(format_offset((x.*f.time).offset_min));
        case Kind::Const:
            w.member(f.key);
            if (f.dflt) return w.str(f.dflt);
            w.s += std::to_string(f.const_int);
            return;
        case Kind::Object:
        case Kind::List: return f.nested->write(w, f.key, x);
    }
}

}  // namespace

// Writes {known fields and unknown fields, merged in key order}. An unknown key equal to a known one is dropped, as
// in to_json().
template <class T>
void write_struct(Out& w, const T& x) {
    const bool saved = w.first;
    w.first = true;
    w.s += '{';
    const Json& extra = x.extra;
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
    for (const Field<T>& f : of<T>().sorted) {
        if (has_extra) {
            while (e != e_end) {
                const int c = e.key().compare(f.key);
                if (c > 0) break;
                if (c < 0) emit_extra(e.key(), *e);
                ++e;  // c == 0: the known field wins
            }
        }
        emit(w, f, x);
    }
    if (has_extra)
        for (; e != e_end; ++e) emit_extra(e.key(), *e);
    w.s += '}';
    w.first = saved;
}

template <class T>
void write_object(Out& w, const char* key, const T& x) {
    w.member(key);
    write_struct(w, x);
}

template <class T>
void write_list(Out& w, const char* key, const std::vector<T>& v) {
    w.member(key);
    w.s += '[';
    if constexpr (std::is_same_v<T, Event>) {
        if (w.events) {  // the timeline, already serialised a slice at a time
            for (size_t i = 0; i < w.events->size(); ++i) {
                if (i) w.s += ',';
                w.s += (*w.events)[i];
            }
            w.s += ']';
            return;
        }
    }
    for (size_t i = 0; i < v.size(); ++i) {
        if (i) w.s += ',';
        write_struct(w, v[i]);
    }
    w.s += ']';
}

#define HS_INSTANTIATE(T)                                                        \
    template Json struct_json<T>(const T&);                                     \
    template void write_object<T>(Out&, const char*, const T&);                 \
    template void write_list<T>(Out&, const char*, const std::vector<T>&);
HS_SCHEMA_STRUCTS(HS_INSTANTIATE)
#undef HS_INSTANTIATE

}  // namespace schema

Json to_json(const Document& d) { return schema::struct_json(d); }

std::string save_document(const Document& d, bool pretty) {
    if (!pretty) {
        try {
            schema::Out w;
            w.s.reserve(4096);
            schema::write_struct(w, d);
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
        schema::Out w;
        schema::write_struct(w, e);
        if (!w.invalid) return std::move(w.s);
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

std::optional<std::string> save_document_with_events(const Document& d, const std::vector<std::string>& events,
                                                     std::string buffer) {
    if (events.size() != d.timeline.size()) return std::nullopt;
    try {
        schema::Out w;
        w.s = std::move(buffer);
        w.s.clear();
        size_t n = 4096;
        for (const std::string& e : events) n += e.size() + 1;
        if (w.s.capacity() < n) w.s.reserve(n);
        w.events = &events;
        schema::write_struct(w, d);
        if (!w.invalid) return std::move(w.s);
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

}  // namespace hs
