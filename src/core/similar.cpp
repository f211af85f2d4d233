#include "similar.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "overview.h"
#include "text.h"
#include "sort.h"

namespace hs {

namespace {

constexpr double kWordingWeight = 0.6, kServiceWeight = 0.25, kCategoryWeight = 0.15;
// What failed and why says more about a repeat than how the response went, which reads alike in every incident.
constexpr double kCauseWordingShare = 0.75;
// Of two equally close incidents, the one inside the repeat window is the likelier repeat (and the one to warn about).
constexpr double kRecentBonus = 0.05;
constexpr size_t kReasonWords = 4;
constexpr size_t kMinWordBytes = 3;  // "a", "of", "to": too short to explain a match

using TermVector = std::vector<std::pair<uint32_t, float>>;

// TF-IDF with a damped count (1 + ln tf), normalised to unit length.
std::vector<std::pair<uint32_t, double>> tfidf(const TermVector& v, const SearchIndex& index) {
    const double n = static_cast<double>(std::max<size_t>(1, index.size()));
    std::vector<std::pair<uint32_t, double>> out;
    double norm = 0;
    for (const auto& t : v) {
        const double df = std::max<uint32_t>(1, index.document_frequency(t.first));
        const double w = (1.0 + std::log(std::max(1.0f, t.second))) * std::log(1.0 + n / df);
        out.push_back({t.first, w});
        norm += w * w;
    }
    norm = std::sqrt(norm);
    if (norm > 0)
        for (auto& t : out) t.second /= norm;
    return out;
}

// The cosine of two unit vectors sorted by term, and the terms that add most to it.
double cosine(const std::vector<std::pair<uint32_t, double>>& a, const std::vector<std::pair<uint32_t, double>>& b,
              std::vector<std::pair<double, uint32_t>>* shared) {
    double dot = 0;
    for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i].first < b[j].first) ++i;
        else if (b[j].first < a[i].first) ++j;
        else {
            const double p = a[i].second * b[j].second;
            dot += p;
            if (shared) shared->push_back({p, a[i].first});
            ++i, ++j;
        }
    }
    return dot;
}

std::vector<std::string> shared_values(const std::vector<std::string>& mine, const std::vector<std::string>& theirs) {
    std::vector<std::string> out;
    for (const std::string& t : theirs) {
        const bool in_mine = std::any_of(mine.begin(), mine.end(),
                                         [&](const std::string& m) { return compare_text(m, t) == 0; });
        const bool listed = std::any_of(out.begin(), out.end(),
                                        [&](const std::string& o) { return compare_text(o, t) == 0; });
        if (!t.empty() && in_mine && !listed) out.push_back(t);
    }
    return out;
}

std::vector<std::string> categories_of(const Document& d) {
    std::vector<std::string> out;
    for (const Item& f : d.contributing_factors)
        if (!f.category.empty()) out.push_back(f.category);
    return out;
}

double overlap(size_t shared, size_t a, size_t b) {
    const size_t most = std::max(a, b);
    return most ? static_cast<double>(shared) / static_cast<double>(most) : 0.0;
}

std::string join(const std::vector<std::string>& v, const char* sep = ", ") {
    std::string s;
    for (size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
    return s;
}

std::string reasons_of(const SimilarIncident& s) {
    std::vector<std::string> parts;
    if (!s.services.empty()) parts.push_back((s.services.size() > 1 ? "same services " : "same service ") +
                                             join(s.services));
    if (!s.categories.empty()) parts.push_back((s.categories.size() > 1 ? "factors: " : "factor: ") +
                                               join(s.categories));
    if (!s.words.empty()) parts.push_back("words: " + join(s.words));
    return join(parts, "; ");
}

int64_t day_of(const Instant& t) { return t.set ? (t.unix_ms / 1000 - (t.unix_ms < 0 ? 86399 : 0)) / 86400 : 0; }

void add_context(SimilarIncident& s, const Document& e) {
    const std::pair<const char*, const std::vector<Item>*> lists[] = {
        {"lessons.went_wrong", &e.lessons.went_wrong},
        {"lessons.got_lucky", &e.lessons.got_lucky},
        {"lessons.went_well", &e.lessons.went_well}};
    for (const auto& l : lists)
        for (const Item& i : *l.second)
            if (!i.text.empty()) s.lessons.push_back({std::string(l.first) + "/" + i.id + "/text", i.text});
    for (const ActionItem& a : e.action_items)
        if (is_open_action(a)) s.open_actions.push_back(a);
}

}  // namespace

std::vector<SimilarIncident> find_similar(const Document& d, const SearchIndex& index,
                                          const std::vector<const Document*>& library, const SimilarOptions& o) {
    const auto mine = tfidf(index.term_vector(d), index);
    const auto my_causes = tfidf(index.term_vector(d, true), index);
    const std::vector<std::string> my_categories = categories_of(d);
    std::vector<SimilarIncident> out;
    for (const Document* e : library) {
        if (!e || e->id == d.id || e->id.empty()) continue;
        if (d.created.set && (!e->created.set || e->created.unix_ms >= d.created.unix_ms)) continue;
        SimilarIncident s;
        std::vector<std::pair<double, uint32_t>> shared;
        const double causes = cosine(my_causes, tfidf(index.term_vector(e->id, true), index), &shared);
        const double all = cosine(mine, tfidf(index.term_vector(e->id), index), nullptr);
        s.wording = std::max(0.0, std::min(1.0, kCauseWordingShare * causes + (1 - kCauseWordingShare) * all));
        s.services = shared_values(d.services, e->services);
        const std::vector<std::string> theirs = categories_of(*e);
        s.categories = shared_values(my_categories, theirs);
        s.score = kWordingWeight * s.wording +
                  kServiceWeight * overlap(s.services.size(), d.services.size(), e->services.size()) +
                  kCategoryWeight * overlap(s.categories.size(), my_categories.size(), theirs.size());
        if (s.score < o.min_score) continue;
        sort_stable(shared.rbegin(), shared.rend());
        for (const auto& w : shared) {
            const std::string& t = index.term_text(w.second);
            const bool digits = std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (t.size() >= kMinWordBytes && !digits) s.words.push_back(t);
            if (s.words.size() == kReasonWords) break;
        }
        s.id = e->id;
        s.title = e->title;
        s.created = e->created.set ? format_utc(e->created).substr(0, 10) : "";
        if (d.created.set && e->created.set) s.days_before = static_cast<int>(day_of(d.created) - day_of(e->created));
        const bool recent = s.days_before >= 0 && s.days_before <= o.repeat_window_days;
        if (recent) s.score += kRecentBonus;
        s.repeat = s.days_before >= 0 && s.days_before <= o.repeat_window_days && !s.services.empty() &&
                   !s.categories.empty() && s.wording >= o.repeat_min_wording;
        out.push_back(std::move(s));
    }
    sort_stable(out.begin(), out.end(), [](const SimilarIncident& a, const SimilarIncident& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.created != b.created ? a.created > b.created : a.id < b.id;
    });
    if (out.size() > o.limit) out.resize(o.limit);
    std::unordered_map<std::string, const Document*> by_id;
    for (const Document* e : library)
        if (e) by_id[e->id] = e;
    for (SimilarIncident& s : out) {
        s.reasons = reasons_of(s);
        add_context(s, *by_id[s.id]);
    }
    return out;
}

std::string repeat_note(const SimilarIncident& s) {
    if (!s.repeat) return "";
    const std::string when = s.days_before == 0   ? "the same day"
                             : s.days_before == 1 ? "1 day ago"
                                                  : std::to_string(s.days_before) + " days ago";
    return "Looks like a repeat of \xE2\x80\x9C" + s.title + "\xE2\x80\x9D (" + when + ").";
}

Json similar_json(const std::vector<SimilarIncident>& list) {
    Json a = Json::array();
    for (const SimilarIncident& s : list) {
        Json lessons = Json::array(), actions = Json::array();
        for (const SimilarText& l : s.lessons) lessons.push_back({{"path", l.path}, {"text", l.text}});
        for (const ActionItem& x : s.open_actions)
            actions.push_back({{"id", x.id}, {"title", x.title}, {"owner", x.owner}, {"due", x.due},
                               {"status", x.status}});
        a.push_back({{"id", s.id}, {"title", s.title}, {"created", s.created}, {"days_before", s.days_before},
                     {"score", std::round(s.score * 1000) / 1000}, {"wording", std::round(s.wording * 1000) / 1000},
                     {"services", s.services}, {"categories", s.categories}, {"words", s.words},
                     {"reasons", s.reasons}, {"repeat", s.repeat}, {"lessons", lessons}, {"open_actions", actions}});
    }
    return a;
}

}  // namespace hs
