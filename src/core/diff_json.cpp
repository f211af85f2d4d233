#include "core/diff_json.h"

#include "core/format.h"

namespace hs {
namespace {

const char* op_mark(TextSpan::Op op) { return op == TextSpan::Op::Insert ? "+" : op == TextSpan::Op::Delete ? "-" : "="; }

std::string str(const Json& o, const char* key) {
    auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Json changes_to_json(const std::vector<Change>& changes) {
    Json a = Json::array();
    for (const Change& c : changes) {
        Json o = {{"path", c.path}, {"label", c.label}, {"kind", change_kind_name(c.kind)}};
        if (!c.before.empty()) o["before"] = c.before;
        if (!c.after.empty()) o["after"] = c.after;
        if (!c.spans.empty()) {
            Json s = Json::array();
            for (const TextSpan& t : c.spans) s.push_back(Json::array({op_mark(t.op), t.text}));
            o["spans"] = std::move(s);
        }
        if (c.capped) o["capped"] = true;
        a.push_back(std::move(o));
    }
    return a;
}

std::vector<Change> changes_from_json(const Json& j) {
    std::vector<Change> out;
    if (!j.is_array()) return out;
    for (const Json& o : j) {
        if (!o.is_object()) continue;
        Change c;
        c.path = str(o, "path");
        c.label = str(o, "label");
        const std::string k = str(o, "kind");
        c.kind = k == "added" ? Change::Kind::Added : k == "removed" ? Change::Kind::Removed
                 : k == "moved" ? Change::Kind::Moved : Change::Kind::Changed;
        c.before = str(o, "before");
        c.after = str(o, "after");
        auto spans = o.find("spans");
        if (spans != o.end() && spans->is_array())
            for (const Json& s : *spans) {
                if (!s.is_array() || s.size() != 2 || !s[0].is_string() || !s[1].is_string()) continue;
                const std::string m = s[0].get<std::string>();
                c.spans.push_back({m == "+" ? TextSpan::Op::Insert : m == "-" ? TextSpan::Op::Delete : TextSpan::Op::Equal,
                                   s[1].get<std::string>()});
            }
        c.capped = o.value("capped", false);
        out.push_back(std::move(c));
    }
    return out;
}

bool diff_job(const Document& before, const std::string& after_json, std::string& out) {
    const LoadResult after = load_document(after_json);
    if (!after.ok) {
        out = "the draft could not be read for the comparison";
        return false;
    }
    out = changes_to_json(diff_documents(before, after.doc)).dump(-1, ' ', false, Json::error_handler_t::replace);
    return true;
}

}  // namespace hs
