// The team's shared vocabulary for classifying postmortems: services, contributing-factor categories, detection
// methods and tags. It is a JSON file a team edits and shares ("hindsight.taxonomy"); the library's filters, the
// similar-incidents reasons and the trends report group by it. The lists are open: a document may hold a value the
// taxonomy does not list (an older taxonomy, another team's), which check_taxonomy reports as a suggestion, never an
// error.
//
// The file:
//   {"format": "hindsight.taxonomy", "version": 1,
//    "services": ["payments-api", ...], "factor_categories": ["change/deploy", ...],
//    "detection_methods": ["alert", ...], "tags": ["customer-facing", ...]}
// Every list is optional (a missing list means the default one, except services and tags, which default to empty);
// values are trimmed, empty values and repeats are dropped, the order is kept (it is the order menus show).
#pragma once

#include <string>
#include <vector>

#include "model.h"

namespace hs {

inline constexpr const char* kTaxonomyFormat = "hindsight.taxonomy";
inline constexpr int kTaxonomyVersion = 1;

struct Taxonomy {
    std::vector<std::string> services;
    std::vector<std::string> factor_categories;
    std::vector<std::string> detection_methods;
    std::vector<std::string> tags;
    bool operator==(const Taxonomy& o) const {
        return services == o.services && factor_categories == o.factor_categories &&
               detection_methods == o.detection_methods && tags == o.tags;
    }
};

// The default vocabulary: factor categories change/deploy, configuration, capacity, dependency, monitoring gap,
// runbook gap, process, hardware, other; detection methods alert, customer report, internal report, automated test,
// other; no services and no tags (those are each team's own).
const Taxonomy& default_taxonomy();

struct TaxonomyResult {
    bool ok = false;
    Taxonomy taxonomy;
    std::vector<Problem> problems;  // when !ok: why; when ok: warnings (dropped values)
};
// Reads a taxonomy file. Never throws. Rejects text that is not JSON, a wrong "format", a newer "version" and lists
// that are not lists of strings, each with a pointer and a sentence saying what to fix.
TaxonomyResult load_taxonomy(const std::string& text);
// The canonical JSON of a taxonomy (format and version included), which load_taxonomy reads back unchanged.
Json taxonomy_to_json(const Taxonomy& t);
std::string save_taxonomy(const Taxonomy& t);

// The values of `d` that the taxonomy does not list (services, factor categories, the detection method, tags), as
// warnings a reviewer may act on: "/contributing_factors/1/category": "\"config\" is not a factor category of the
// taxonomy (configuration, ...); pick one or add it to the taxonomy." Empty values are not reported.
std::vector<Problem> check_taxonomy(const Document& d, const Taxonomy& t);

// Adds to `t` every value that the documents use and it does not list yet (services, categories, detection methods
// and tags, each in first-seen order): a team's first taxonomy taken from its existing postmortems.
void extend_taxonomy(Taxonomy& t, const std::vector<const Document*>& docs);

}  // namespace hs
