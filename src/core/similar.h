// Similar past incidents: the earlier postmortems of a library ranked for one document (a draft being written) by
// shared services, shared contributing-factor categories and shared wording (TF-IDF cosine over the search index's
// terms), each with the reasons it matched, its lessons and its open action items, and a flag when it looks like
// the same failure again within the repeat window (90 days by default).
#pragma once

#include <string>
#include <vector>

#include "model.h"
#include "search.h"

namespace hs {

struct SimilarOptions {
    size_t limit = 5;
    int repeat_window_days = 90;
    // A repeat shares a service and a factor category with the earlier incident and its wording is at least this
    // close (0..1). On generated libraries (tests/unit/test_similar.cpp) every true repeat scored 0.7 or more; a
    // repeat written by another hand shares fewer exact words ("timeouts" for "timeout"), hence the margin.
    double repeat_min_wording = 0.6;
    double min_score = 0.05;  // weaker matches are left out
};

struct SimilarText {
    std::string path;  // the editor's path in the earlier postmortem ("lessons.went_wrong/<id>/text")
    std::string text;
};

struct SimilarIncident {
    std::string id, title;
    std::string created;  // "YYYY-MM-DD" or ""
    int days_before = -1;  // days from the earlier incident to this one; -1 when a date is unknown
    double score = 0;      // 0..1.05 (a small bonus inside the repeat window)
    double wording = 0;    // TF-IDF cosine, 0..1
    std::vector<std::string> services;    // shared services, as the earlier postmortem writes them
    std::vector<std::string> categories;  // shared factor categories
    std::vector<std::string> words;       // the shared words that weigh most
    std::string reasons;                  // "same service payments-api; factor: configuration; words: pool, timeout"
    bool repeat = false;                  // looks like the same failure within the repeat window
    std::vector<SimilarText> lessons;     // what the earlier postmortem learned (went wrong first)
    std::vector<ActionItem> open_actions; // its action items still open (overview.h is_open_action)
};

// The earlier postmortems of `library` most like `d`, best first. "Earlier": created before `d` (all of them when
// `d` has no created time); `d` itself (same id) is never listed. `index` must hold the library's documents (the
// wording is compared over its terms); `library` gives the lessons and action items shown.
std::vector<SimilarIncident> find_similar(const Document& d, const SearchIndex& index,
                                          const std::vector<const Document*>& library,
                                          const SimilarOptions& options = {});

// "Looks like a repeat of “Checkout outage” (34 days ago)." for a repeat; "" otherwise.
std::string repeat_note(const SimilarIncident& s);

// The list as JSON (for the CLI and the UI's export): [{"id", "title", "created", "days_before", "score",
// "wording", "services", "categories", "words", "reasons", "repeat", "lessons": [{"path", "text"}],
// "open_actions": [{"id", "title", "owner", "due", "status"}]}].
Json similar_json(const std::vector<SimilarIncident>& list);

}  // namespace hs
