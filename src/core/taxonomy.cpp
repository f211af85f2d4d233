#include "taxonomy.h"

#include <algorithm>

#include "format.h"
#include "strings.h"

namespace hs {

namespace {

constexpr int kMaxTaxonomyDepth = 8;  // an object of lists of strings nests three deep; leave room, refuse the rest

struct ListKey {
    const char* key;
    std::vector<std::string> Taxonomy::*list;
    const char* noun;  // one value, in messages
};
const ListKey kLists[] = {
    {"services", &Taxonomy::services, "service"},
    {"factor_categories", &Taxonomy::factor_categories, "factor category"},
    {"detection_methods", &Taxonomy::detection_methods, "detection method"},
    {"tags", &Taxonomy::tags, "tag"},
};

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}
void add_once(std::vector<std::string>& v, const std::string& s) {
    if (!s.empty() && !contains(v, s)) v.push_back(s);
}

// "a, b, c" (at most `max` values, then "..."), for messages.
std::string listed(const std::vector<std::string>& v, size_t max = 9) {
    std::string s;
    for (size_t i = 0; i < v.size() && i < max; ++i) s += (i ? ", " : "") + v[i];
    if (v.size() > max) s += ", ...";
    return s.empty() ? "none yet" : s;
}

// One list of the file into `out`; false (with a problem) when it is not a list of strings.
bool read_list(const Json& j, const ListKey& k, std::vector<std::string>& out, std::vector<Problem>& problems) {
    const std::string ptr = std::string("/") + k.key;
    if (!j.is_array()) {
        problems.push_back({ptr, std::string("\"") + k.key + "\" must be a list of texts, such as [\"" +
                                     (k.list == &Taxonomy::factor_categories ? "configuration" : "payments-api") +
                                     "\"]."});
        return false;
    }
    out.clear();
    for (size_t i = 0; i < j.size(); ++i) {
        if (!j[i].is_string()) {
            problems.push_back({ptr + "/" + std::to_string(i),
                                std::string("Each ") + k.noun + " must be a text in quotes; this one is not."});
            return false;
        }
        const std::string v = trim(j[i].get<std::string>());
        if (v.empty() || contains(out, v)) {
            problems.push_back({ptr + "/" + std::to_string(i),
                                std::string("An empty or repeated ") + k.noun + " was left out."});
            continue;
        }
        out.push_back(v);
    }
    return true;
}

}  // namespace

const Taxonomy& default_taxonomy() {
    static const Taxonomy t = [] {
        Taxonomy d;
        d.factor_categories = {"change/deploy", "configuration", "capacity",  "dependency", "monitoring gap",
                               "runbook gap",   "process",       "hardware", "other"};
        d.detection_methods = {"alert", "customer report", "internal report", "automated test", "other"};
        return d;
    }();
    return t;
}

TaxonomyResult load_taxonomy(const std::string& text) {
    TaxonomyResult r;
    size_t where = 0;
    if (!json_depth_ok(text, where, kMaxTaxonomyDepth)) {
        r.problems.push_back({"", "This taxonomy nests deeper than a taxonomy can (at byte " + std::to_string(where) +
                                      "); it should be one object of lists of texts."});
        return r;
    }
    Json j = Json::parse(text, nullptr, false);
    if (j.is_discarded()) {
        r.problems.push_back({"", "This is not JSON; a taxonomy file is a JSON object such as "
                                  "{\"format\": \"hindsight.taxonomy\", \"version\": 1, \"services\": [...]}."});
        return r;
    }
    if (!j.is_object()) {
        r.problems.push_back({"", "A taxonomy file must hold one JSON object, with lists such as \"services\"."});
        return r;
    }
    if (j.value("format", Json()) != kTaxonomyFormat) {
        r.problems.push_back({"/format", "This is not a Hindsight taxonomy: \"format\" must be \"hindsight.taxonomy\"."});
        return r;
    }
    const Json version = j.value("version", Json());
    if (!version.is_number_integer() || version.get<int64_t>() < 1) {
        r.problems.push_back({"/version", "\"version\" must be a whole number (1)."});
        return r;
    }
    if (version.get<int64_t>() > kTaxonomyVersion) {
        r.problems.push_back({"/version", "This taxonomy was written by a newer Hindsight (version " +
                                              std::to_string(version.get<int64_t>()) + "); update Hindsight to read it."});
        return r;
    }
    r.taxonomy = default_taxonomy();
    for (const ListKey& k : kLists) {
        auto it = j.find(k.key);
        if (it == j.end()) continue;
        if (!read_list(*it, k, r.taxonomy.*(k.list), r.problems)) return r;
    }
    r.ok = true;
    return r;
}

Json taxonomy_to_json(const Taxonomy& t) {
    Json j = {{"format", kTaxonomyFormat}, {"version", kTaxonomyVersion}};
    for (const ListKey& k : kLists) j[k.key] = t.*(k.list);
    return j;
}

std::string save_taxonomy(const Taxonomy& t) { return taxonomy_to_json(t).dump(2) + "\n"; }

std::vector<Problem> check_taxonomy(const Document& d, const Taxonomy& t) {
    std::vector<Problem> out;
    auto check = [&](const std::string& ptr, const std::string& v, const ListKey& k) {
        const std::vector<std::string>& known = t.*(k.list);
        if (v.empty() || contains(known, v)) return;
        out.push_back({ptr, "\"" + v + "\" is not a " + k.noun + " of the taxonomy (" + listed(known) +
                                "); pick one of those or add it to the taxonomy."});
    };
    for (size_t i = 0; i < d.services.size(); ++i) check("/services/" + std::to_string(i), d.services[i], kLists[0]);
    for (size_t i = 0; i < d.contributing_factors.size(); ++i)
        check("/contributing_factors/" + std::to_string(i) + "/category", d.contributing_factors[i].category,
              kLists[1]);
    check("/detection_method", d.detection_method, kLists[2]);
    for (size_t i = 0; i < d.tags.size(); ++i) check("/tags/" + std::to_string(i), d.tags[i], kLists[3]);
    return out;
}

void extend_taxonomy(Taxonomy& t, const std::vector<const Document*>& docs) {
    for (const Document* d : docs) {
        if (!d) continue;
        for (const std::string& s : d->services) add_once(t.services, trim(s));
        for (const Item& f : d->contributing_factors) add_once(t.factor_categories, trim(f.category));
        add_once(t.detection_methods, trim(d->detection_method));
        for (const std::string& s : d->tags) add_once(t.tags, trim(s));
    }
}

}  // namespace hs
