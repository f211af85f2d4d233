// Helpers shared by the importers: the pre-filled document, timeline order, pointers and small string tools.
#include <algorithm>

#include "../strings.h"
#include "importers.h"
#include "../sort.h"

namespace hs {
namespace import_detail {

Document new_import_document() {
    Document d;
    d.id = new_id("pm");
    d.template_name = "google-sre";
    d.sections = vocab::kSections;
    return d;
}

void sort_timeline(Document& d) {
    // Stable: two events at the same second keep the order the source listed them in.
    sort_stable(d.timeline.begin(), d.timeline.end(),
                [](const Event& a, const Event& b) { return a.time.unix_ms < b.time.unix_ms; });
}

std::optional<ImportResult> entry_time(const Json& entry, const char* key, const std::string& pointer, Instant& out) {
    const std::string ptr = pointer + "/" + key;
    auto it = entry.find(key);
    if (it == entry.end() || !it->is_string())
        return import_error(ptr, "The time is missing or not a string (write 2026-03-01T14:02:00Z).");
    const std::string ts = it->get<std::string>();
    auto t = parse_iso8601(ts, 0);
    if (!t) return import_error(ptr, "The time \"" + ts + "\" is not ISO 8601 (write 2026-03-01T14:02:00Z).");
    out = *t;
    return std::nullopt;
}

Event new_event(const Instant& time, std::string type, std::string description, std::string author) {
    Event ev;
    ev.id = new_id("ev");
    ev.time = time;
    ev.type = std::move(type);
    ev.description = std::move(description);
    ev.author = std::move(author);
    return ev;
}

int severity_from_priority(const std::string& raw) {
    std::string s;
    for (char c : raw) {
        if (c != ' ' && c != '-' && c != '_') s += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (s.rfind("SEV", 0) == 0) {
        s = s.substr(3);
    } else if (s.rfind("P", 0) == 0) {
        s = s.substr(1);
    } else {
        return 0;
    }
    if (s.size() == 1 && s[0] >= '1' && s[0] <= '5') return s[0] - '0';
    return 0;
}

std::string json_string(const Json& obj, const char* key) {
    if (!obj.is_object()) return "";
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_string()) return "";
    return it->get<std::string>();
}

ImportResult import_error(const std::string& pointer, const std::string& message) {
    ImportResult r;
    r.ok = false;
    r.problems.push_back({pointer, message});
    return r;
}

bool has_explicit_offset(const std::string& s) {
    // A time without an offset is read with the default offset we pass; if two different defaults give two
    // different instants, the text did not carry its own offset.
    auto a = parse_iso8601(s, 0);
    auto b = parse_iso8601(s, 60);
    if (!a || !b) return false;
    return a->unix_ms == b->unix_ms;
}

std::string fold_key(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == ' ' || c == '_' || c == '-') continue;
        out += lower(c);
    }
    return out;
}

// One past the end of the JSON object that starts at `i` (brackets matched outside strings); npos when the text ends
// first. Only finds where to cut: the parser then judges the piece.
size_t json_object_end(const std::string& t, size_t i) {
    size_t depth = 0;
    bool in_string = false;
    for (; i < t.size(); ++i) {
        const char c = t[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return i + 1;
        }
    }
    return std::string::npos;
}

}  // namespace import_detail
}  // namespace hs
