// Semantic checks on a loaded document, driven by the field tables (schema.cpp): vocabularies, dates, web
// addresses, amounts, one-line names, and ids present and unique across the whole document.
#include <cctype>
#include <unordered_map>

#include "format.h"
#include "format_detail.h"

namespace hs {
namespace schema {

namespace {

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

}  // namespace

struct Checker {
    std::vector<Problem> out;
    // Ids and where each was first seen: merge and history follow items by id.
    std::unordered_map<std::string, std::string> ids;

    void add(std::string p, std::string m) {
        if (out.size() < 1000) out.push_back({std::move(p), std::move(m)});
    }

    void id(const std::string& v, const std::string& where, const char* what, const char* example) {
        if (v.empty()) {
            add(where + "/id", std::string("This ") + what + " has no id; give it a unique one such as \"" + example +
                                   "\" so that links, merges and history can follow it.");
            return;
        }
        auto ins = ids.emplace(v, where);
        if (!ins.second)
            add(where + "/id", "The id " + quote(v) + " is already used at " + ins.first->second +
                                   "; ids must be unique within a postmortem.");
    }

    void sections(const std::vector<std::string>& v, const std::string& p, const std::vector<std::string>& known,
                  const char* noun) {
        std::vector<std::string> seen;
        for (size_t i = 0; i < v.size(); ++i) {
            const std::string& s = v[i];
            const std::string at = p + "/" + std::to_string(i);
            if (!contains(known, s))
                add(at, std::string("Unknown ") + noun + " " + quote(s) + "; " + noun + "s are " + join_quoted(known) + ".");
            else if (contains(seen, s))
                add(at, std::string("The ") + noun + " " + quote(s) + " is listed twice; keep one.");
            seen.push_back(s);
        }
    }
};

namespace {

// Ids, names and dates are one line: the reader refuses a file with a control character in them.
void one_line(Checker& c, const std::string& v, const std::string& p) {
    const std::string problem = one_line_problem(v);
    if (!problem.empty()) c.add(p, problem + " Remove it.");
}

// The rule of a text field (Kind::Text).
template <class T>
void check_text(Checker& c, const Field<T>& f, const std::string& v, const std::string& p) {
    if (v.empty() && f.required) return c.add(p, f.required);
    if (f.one_line) one_line(c, v, p);
    switch (f.check) {
        case Check::OneOf:
            if (!contains(*f.vocab, v))
                c.add(p, std::string("Unknown ") + f.noun + " " + quote(v) + "; use one of " + join_quoted(*f.vocab) +
                             f.hint + ".");
            return;
        case Check::NotEmpty:
            if (v.empty())
                c.add(p, std::string("The ") + f.noun + " is empty; use one of " + join_quoted(*f.vocab) +
                             " (or leave it out for " + quote(f.dflt) + ").");
            return;
        case Check::Date:
            if (!v.empty() && !is_calendar_date(v))
                c.add(p, "expected a calendar date such as 2026-03-15, got " + quote(v) + ".");
            return;
        case Check::WebUrl:
            if (!v.empty() && !is_web_url(v))
                c.add(p, "expected a web address starting with https:// or http://, got " + quote(v) + ".");
            return;
        case Check::Currency: {
            bool ok = v.size() == 3;
            for (char ch : v) ok = ok && ch >= 'A' && ch <= 'Z';
            if (!v.empty() && !ok)
                c.add(p, "expected a three-letter ISO 4217 currency code such as \"USD\", got " + quote(v) + ".");
            return;
        }
        default: return;
    }
}

// One field's rule; `path` is the struct's pointer.
template <class T>
void check_field(Checker& c, const Field<T>& f, const T& x, const std::string& path, const char* noun,
                 const char* example) {
    const auto at = [&] { return path + "/" + f.key; };
    switch (f.kind) {
        case Kind::Text:
            if (f.check == Check::UniqueId) c.id(x.*f.text, path, noun, example);
            else if (f.check != Check::None || f.one_line || f.required) check_text(c, f, x.*f.text, at());
            if (f.check == Check::UniqueId && f.one_line) one_line(c, x.*f.text, at());
            return;
        case Kind::Texts:
            if (f.check == Check::SectionKeys) return c.sections(x.*f.texts, at(), *f.vocab, f.noun);
            if (f.check == Check::SeverityLabels && !(x.*f.texts).empty() && (x.*f.texts).size() != 5)
                c.add(at(), "There are " + std::to_string((x.*f.texts).size()) +
                                " severity labels; give exactly 5 (for severities 1 to 5) or remove the field.");
            return;
        case Kind::Number: {
            const std::optional<double>& v = x.*f.number;
            if (f.check == Check::NonNegative && v && !(*v >= 0))
                c.add(at(), "expected zero or a positive number, got " + num(*v).dump() + ".");
            return;
        }
        case Kind::Severity:
            if (x.*f.integer < 0 || x.*f.integer > 5)
                c.add(at(), "Severity " + std::to_string(x.*f.integer) + " is out of range; use 1 (most severe) to 5.");
            return;
        case Kind::OffsetOf: {
            const Instant& t = x.*f.time;
            if (t.set && (t.offset_min < -24 * 60 || t.offset_min > 24 * 60))
                c.add(at(), "The UTC offset is out of range; use -23:59 to +23:59.");
            return;
        }
        case Kind::Object:
        case Kind::List: return f.nested->check(c, x, path, f);
        default: return;
    }
}

}  // namespace

template <class T>
void check_struct(Checker& c, const T& x, const std::string& path, const char* noun, const char* example) {
    for (const Field<T>& f : of<T>().fields) check_field(c, f, x, path, noun, example);
}

#define HS_INSTANTIATE(T) template void check_struct<T>(Checker&, const T&, const std::string&, const char*, const char*);
HS_SCHEMA_STRUCTS(HS_INSTANTIATE)
#undef HS_INSTANTIATE

}  // namespace schema

std::vector<Problem> validate(const Document& d) {
    schema::Checker c;
    c.ids.reserve(d.timeline.size() + d.action_items.size() + 64);
    schema::check_struct(c, d, "", "", "");
    return std::move(c.out);
}

}  // namespace hs
