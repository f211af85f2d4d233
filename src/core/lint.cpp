// Lint: completeness findings (what a reviewer would ask for) and blameless-language findings: phrases from
// assets/lint/blame-phrases.json, some counting only when the subject of their clause is a person, and a person as
// the cause of a failure, found by a small rule-based reading of each sentence (word classes from
// assets/lint/blame-grammar.json; docs/lint.md). Findings are ordered by the document's section order, the header
// first.
//
// The phrase matching and the phrase data are in lint_phrases.cpp.
//
// Index of this file:
//   findings
//   blameless language in one text (phrases, then a person as the cause)
//   people named in the document
//   the public functions
//   the rules, section by section
#include "lint.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <set>

#include "embedded.h"
#include "exporters/exporters.h"
#include "lint_detail.h"
#include "review.h"
#include "templates.h"
#include "strings.h"
#include "text.h"
#include "sort.h"

namespace hs {

namespace {

using namespace lint_detail;

// ---- findings ---------------------------------------------------------------------------------------------------

struct Ctx {
    const Document& d;
    const std::vector<BlamePhrase>& phrases;
    std::vector<std::string> people;  // names that may appear in text, longest first
    std::vector<std::string> normalised;  // phrases[i].phrase, normalised (once a run, not once a field)
    std::vector<Finding> out{};
    LintCache* cache = nullptr;  // earlier scans, by field and text
    std::vector<LintCache::Scan> next{};  // this run's scans: the cache's next contents
    size_t pos = 0;                       // where in the cache's scans the next field is expected
    // Built on the first field that is not at its expected place: the cache's scans by field, and which were taken.
    std::unordered_multimap<std::string, size_t> by_field{};
    std::vector<bool> taken{};
};

Finding make(const char* rule, const char* sev, const std::string& section, const std::string& item_id,
             const std::string& field, std::string message, std::string suggestion) {
    Finding f;
    f.rule = rule;
    f.severity = sev;
    f.section = section;
    f.item_id = item_id;
    f.field = field;
    f.message = std::move(message);
    f.suggestion = std::move(suggestion);
    return f;
}

std::string quote_excerpt(const std::string& text, size_t start, size_t end) {
    std::string s = sanitize_text(text.substr(start, end - start));
    for (char& c : s)
        if (c == '\n' || c == '\t') c = ' ';
    return "\"" + s + "\"";
}

// ---- blameless language in one text ---------------------------------------------------------------------------------
// The findings of blame_phrases for this text are c.out[before, end).
void blame_person(Ctx& c, const std::string& text, const std::vector<Sentence>& sentences, size_t before,
                  const std::string& section, const std::string& item_id, const std::string& field) {
    std::vector<PersonHit> hits;
    for (const Sentence& s : sentences) person_rules(s, hits);
    sort_stable(hits.begin(), hits.end(), [](const PersonHit& a, const PersonHit& b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    std::vector<PersonHit> kept;  // overlapping hits are one finding
    for (const PersonHit& h : hits) {
        if (!kept.empty() && h.start < kept.back().end) kept.back().end = std::max(kept.back().end, h.end);
        else kept.push_back(h);
    }
    // A phrase found in a hit ("the on-call should have") is the one finding: it has its own hint. The phrases'
    // findings are in text order and do not overlap, so one pass over both lists finds the overlaps.
    const size_t phrases_end = c.out.size();
    size_t p = before;
    for (const PersonHit& h : kept) {
        while (p < phrases_end && c.out[p].end <= h.start) ++p;
        if (p < phrases_end && c.out[p].start < h.end) continue;
        Finding f = make("blame-person", "warning", section, item_id, field,
                         quote_excerpt(text, h.start, h.end) + " names a person as the cause of a failure.",
                         "Describe what the system allowed, not who did it");
        f.start = h.start;
        f.end = h.end;
        c.out.push_back(std::move(f));
    }
}

void blame_phrases(Ctx& c, const std::string& text, const std::vector<Sentence>& sentences,
                   const std::string& section, const std::string& item_id, const std::string& field) {
    struct Hit {
        size_t start, end;
        const BlamePhrase* p;
    };
    std::vector<Hit> hits;
    for (size_t i = 0; i < c.phrases.size(); ++i) {
        const BlamePhrase& p = c.phrases[i];
        for (auto& r : find_normalised(text, c.normalised[i])) {
            size_t end = r.second;
            if (p.person_follows) {
                end = person_after(c.people, text, r.second, sentences);
                if (end == std::string::npos) continue;
            }
            if (p.person_subject && !person_subject_ok(sentences, r.first, r.second)) continue;
            hits.push_back({r.first, end, &p});
        }
    }
    // Overlapping phrases ("blame" inside "to blame", "should have" inside "should have known"): keep the longest.
    sort_stable(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    std::vector<Hit> kept;
    for (const Hit& h : hits) {
        bool overlaps = false;
        for (Hit& k : kept) {
            if (h.start < k.end && k.start < h.end) {
                if (h.end - h.start > k.end - k.start) k = h;
                overlaps = true;
                break;
            }
        }
        if (!overlaps) kept.push_back(h);
    }
    sort_stable(kept.begin(), kept.end(), [](const Hit& a, const Hit& b) { return a.start < b.start; });
    for (const Hit& h : kept) {
        Finding f = make("blame-language", "warning", section, item_id, field,
                         quote_excerpt(text, h.start, h.end) + " puts the focus on a person rather than the system.",
                         h.p->hint);
        f.start = h.start;
        f.end = h.end;
        c.out.push_back(std::move(f));
    }
}

std::string field_key(const std::string& section, const std::string& item_id, const std::string& field) {
    return section + '\x1f' + item_id + '\x1f' + field;
}

bool same_field(const LintCache::Scan& s, const std::string& section, const std::string& item_id,
                const std::string& field) {
    return s.item_id == item_id && s.field == field && s.section == section;
}

// The last run's scan of this field with this text, moved into this run's; false when there is none. Most fields
// are where they were in the last run's order; the field being typed into is too, with another text.
bool reuse_scan(Ctx& c, const std::string& text, const std::string& section, const std::string& item_id,
                const std::string& field) {
    std::vector<LintCache::Scan>& old = c.cache->scans;
    if (old.empty()) return false;
    if (c.pos < old.size() && (c.taken.empty() || !c.taken[c.pos]) && same_field(old[c.pos], section, item_id, field)) {
        const size_t at = c.pos++;
        if (old[at].text != text) return false;  // the edited field: its old scan is dropped
        c.next.push_back(std::move(old[at]));
        if (!c.taken.empty()) c.taken[at] = true;
        return true;
    }
    if (c.taken.empty()) {  // fields were added, removed or moved: look them up from here on
        c.taken.assign(old.size(), false);
        for (size_t i = 0; i < old.size(); ++i) c.by_field.emplace(field_key(old[i].section, old[i].item_id, old[i].field), i);
    }
    auto range = c.by_field.equal_range(field_key(section, item_id, field));
    for (auto it = range.first; it != range.second; ++it) {
        const size_t i = it->second;
        if (c.taken[i] || old[i].text != text) continue;
        c.taken[i] = true;
        c.pos = i + 1;  // the fields after it are likely to follow it again
        c.next.push_back(std::move(old[i]));
        return true;
    }
    return false;
}

void scan_text(Ctx& c, const std::string& text, const std::string& section, const std::string& item_id,
               const std::string& field) {
    if (blank(text)) return;
    if (c.cache && reuse_scan(c, text, section, item_id, field)) {
        const std::vector<Finding>& found = c.next.back().findings;
        c.out.insert(c.out.end(), found.begin(), found.end());
        return;
    }
    size_t before = c.out.size();
    const std::vector<Sentence> sentences = tokenise(text, c.people);
    blame_phrases(c, text, sentences, section, item_id, field);
    blame_person(c, text, sentences, before, section, item_id, field);
    sort_stable(c.out.begin() + long(before), c.out.end(),
                [](const Finding& a, const Finding& b) { return a.start < b.start; });
    if (c.cache)
        c.next.push_back({section, item_id, field, text, std::vector<Finding>(c.out.begin() + long(before), c.out.end())});
}

void scan_items(Ctx& c, const std::vector<Item>& items, const std::string& section) {
    for (const Item& it : items) scan_text(c, it.text, section, it.id, "text");
}

std::string item_name(const std::string& title) {
    std::string t = sanitize_text(title);
    for (char& ch : t)
        if (ch == '\n' || ch == '\t') ch = ' ';
    t = shorten_utf8(t, 60);
    return blank(t) ? std::string("(untitled)") : "\"" + t + "\"";
}

// ---- people named in the document -----------------------------------------------------------------------------------
void add_person(std::vector<std::string>& people, std::string name) {
    size_t b = name.find_first_not_of(" \t\r\n@");
    if (b == std::string::npos) return;
    size_t e = name.find_last_not_of(" \t\r\n");
    name = name.substr(b, e - b + 1);
    if (name.size() < 2 || name[0] == '#' || name.find('\n') != std::string::npos) return;
    bool letter = std::any_of(name.begin(), name.end(), [](char ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (static_cast<unsigned char>(ch) >= 0x80);
    });
    if (!letter) return;
    // Tools and channels appear as event authors; they are sources, not people.
    static const std::set<std::string> sources = {
        "pagerduty", "opsgenie", "slack", "datadog", "grafana", "prometheus", "alertmanager", "system", "bot",
        "automation", "jenkins", "github", "gitlab", "statuspage", "unknown", "monitoring", "sentry", "new relic",
        "cloudwatch", "on-call", "oncall"};
    std::string low;
    for (char ch : name) low += lower(ch);
    if (sources.count(low)) return;
    people.push_back(name);
    // The first name on its own, when it is one: not for a role made of system words ("DB On-call", "Search
    // on-call"), whose first word is the name of a system in other sentences ("Primary DB failed over").
    size_t sp = name.find(' ');
    if (sp == std::string::npos || sp < 2) return;
    const std::string first = name.substr(0, sp), folded = fold_word(name, 0, sp);
    const Grammar& g = grammar();
    if (name_shaped(first, 0, first.size()) && !g.system_words.count(folded) && !g.common_words.count(folded) &&
        !g.person_nouns.count(folded))
        people.push_back(first);
}

}  // namespace

// ---- the public functions -------------------------------------------------------------------------------------------
std::vector<std::pair<size_t, size_t>> find_phrase(const std::string& text, const std::string& phrase) {
    return find_normalised(text, normalise_phrase(phrase));
}

bool parse_blame_phrases(const std::string& json_text, std::vector<BlamePhrase>& phrases, std::string* error) {
    try {
        PhraseData pd;
        if (!parse_data(json_text, pd, error)) return false;
        phrases = std::move(pd.phrases);
        return true;
    } catch (...) {
        if (error) *error = "The phrase list could not be read.";
        return false;
    }
}

const std::vector<BlamePhrase>& default_blame_phrases() { return data().phrases; }
const std::vector<std::string>& blame_person_words() { return data().person_words; }
const std::vector<std::string>& blame_cause_words() { return grammar().cause_words; }

namespace {
std::vector<Finding> run_lint(Ctx& c);
}  // namespace

std::vector<Finding> lint(const Document& d, const std::vector<BlamePhrase>& phrases) {
    Ctx c{d, phrases, {}, {}};
    return run_lint(c);
}

std::vector<Finding> lint(const Document& d, const std::vector<BlamePhrase>& phrases, LintCache& cache) {
    Ctx c{d, phrases, {}, {}};
    c.cache = &cache;
    c.next.reserve(cache.scans.size() + 1);
    std::vector<Finding> out = run_lint(c);
    cache.scans = std::move(c.next);  // only this run's scans: the cache never outgrows the document
    return out;
}

namespace {

// ---- the rules, section by section ----------------------------------------------------------------------------------
// The names that count as people in this document, longest first, once each.
void gather_people(Ctx& c) {
    const Document& d = c.d;
    for (const std::string& a : d.authors) add_person(c.people, a);
    add_person(c.people, d.owner);
    for (const std::string& r : d.reviewers) add_person(c.people, r);
    for (const Approval& a : d.approvals) add_person(c.people, a.reviewer);
    // A large timeline names the same few authors thousands of times: each is looked at once.
    // (Runs of events by one author are common: the one before is compared first, without hashing.)
    std::unordered_set<std::string_view> seen;
    const std::string* last = nullptr;
    for (const Event& e : d.timeline) {
        if (last && *last == e.author) continue;
        last = &e.author;
        if (seen.insert(e.author).second) add_person(c.people, e.author);
    }
    for (const ActionItem& a : d.action_items)
        if (seen.insert(a.owner).second) add_person(c.people, a.owner);
    sort_stable(c.people.begin(), c.people.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    c.people.erase(std::unique(c.people.begin(), c.people.end()), c.people.end());
}

// Scans made with other phrases or other people's names do not count: the cache is emptied when they change.
void check_cache_context(Ctx& c) {
    if (!c.cache) return;
    std::string context;
    for (const BlamePhrase& p : c.phrases) {
        context.append(p.phrase).append(1, '\x1e').append(p.hint).append(p.person_follows ? "\x1d" : "\x1c");
        context.append(p.person_subject ? "\x1d" : "\x1c");
    }
    context.append(1, '\x1f');
    for (const std::string& person : c.people) context.append(person).append(1, '\x1e');
    if (context != c.cache->context) {
        c.cache->scans.clear();
        c.cache->context = std::move(context);
    }
}

void lint_header(Ctx& c) {
    const Document& d = c.d;
    scan_text(c, d.title, "header", "", "title");
    if (d.status != "final") return;
    // Each reviewer's latest decision counts: an approval later withdrawn by a request for changes does not.
    const std::vector<const Approval*> latest = latest_decisions(d);
    const bool approved =
        std::any_of(latest.begin(), latest.end(), [](const Approval* a) { return a->decision == "approved"; });
    if (!approved)
        c.out.push_back(make("final-no-approval", "warning", "header", "", "approvals",
                             "The postmortem is final but nobody has approved it.",
                             "Ask a reviewer to approve it, or move it back to in review."));
    else if (has_open_change_request(d))
        c.out.push_back(make("final-no-approval", "warning", "header", "", "approvals",
                             "The postmortem is final but a reviewer still asks for changes.",
                             "Address the requested changes and ask that reviewer to approve, or move it back to in "
                             "review."));
}

void lint_timeline(Ctx& c, const std::string& key) {
    const Document& d = c.d;
    if (!d.timeline.empty()) {
        auto has = [&](const char* type) {
            return std::any_of(d.timeline.begin(), d.timeline.end(), [&](const Event& e) { return e.type == type; });
        };
        if (!has("impact_start"))
            c.out.push_back(make("timeline-no-impact-start", "warning", key, "", "",
                                 "The timeline has no \"impact start\" event.",
                                 "Mark when the impact began, so time to detect and the impact duration "
                                 "can be computed."));
        if (!has("detected"))
            c.out.push_back(make("timeline-no-detected", "warning", key, "", "",
                                 "The timeline has no \"detected\" event.",
                                 "Mark the event when the problem was noticed, so time to detect can "
                                 "be computed."));
        if (!has("resolved"))
            c.out.push_back(make("timeline-no-resolved", "warning", key, "", "",
                                 "The timeline has no \"resolved\" event.",
                                 "Mark the event when the incident was resolved, so time to resolve can "
                                 "be computed."));
    }
    const Instant* prev = nullptr;
    for (const Event& e : d.timeline) {
        if (e.time.set) {
            if (prev && e.time.unix_ms < prev->unix_ms)
                c.out.push_back(make("timeline-order", "info", key, e.id, "time",
                                     "This event is earlier than the event before it.",
                                     "Sort the timeline by time, or check this event's time and offset."));
            prev = &e.time;
        }
        scan_text(c, e.description, key, e.id, "description");
    }
}

void lint_action_items(Ctx& c, const std::string& key) {
    for (const ActionItem& a : c.d.action_items) {
        bool closed = a.status == "done" || a.status == "wont_do";
        if (blank(a.owner) && a.status != "wont_do")
            c.out.push_back(make("action-no-owner", "warning", key, a.id, "owner",
                                 "Action item " + item_name(a.title) + " has no owner.",
                                 "Name one owner who will drive it to done."));
        if (blank(a.due) && !closed)
            c.out.push_back(make("action-no-due", "warning", key, a.id, "due",
                                 "Action item " + item_name(a.title) + " has no due date.",
                                 "Agree on a due date, so it can be tracked and reminded."));
        scan_text(c, a.title, key, a.id, "title");
        scan_text(c, a.description, key, a.id, "description");
    }
}

void lint_open_questions(Ctx& c, const std::string& key) {
    for (const Item& q : c.d.open_questions) {
        if (c.d.status == "final" && !q.resolved && !blank(q.text))
            c.out.push_back(make("final-open-question", "warning", key, q.id, "resolved",
                                 "The postmortem is final but this question is still open.",
                                 "Answer and resolve the question, or move the postmortem back to in "
                                 "review."));
        scan_text(c, q.text, key, q.id, "text");
    }
}

// The findings of one section's content (its emptiness is checked by the caller).
void lint_section(Ctx& c, const std::string& key) {
    const Document& d = c.d;
    if (const std::string* p = export_detail::prose_field(d, key)) {
        scan_text(c, *p, key, "", key);
    } else if (key == "impact") {
        scan_text(c, d.impact.description, key, "", "description");
    } else if (key == "timeline") {
        lint_timeline(c, key);
    } else if (key == "root_causes") {
        scan_items(c, d.root_causes, key);
    } else if (key == "contributing_factors") {
        scan_items(c, d.contributing_factors, key);
    } else if (key == "five_whys") {
        scan_items(c, d.five_whys, key);
    } else if (key == "lessons") {
        scan_items(c, d.lessons.went_well, key);
        scan_items(c, d.lessons.went_wrong, key);
        scan_items(c, d.lessons.got_lucky, key);
    } else if (key == "action_items") {
        lint_action_items(c, key);
    } else if (key == "open_questions") {
        lint_open_questions(c, key);
    }
}

std::vector<Finding> run_lint(Ctx& c) {
    const Document& d = c.d;
    try {
        for (const BlamePhrase& p : c.phrases) c.normalised.push_back(normalise_phrase(p.phrase));
        gather_people(c);
        check_cache_context(c);

        const std::vector<std::string> order = export_detail::section_order(d);
        auto visible = [&](const std::string& key) { return std::find(order.begin(), order.end(), key) != order.end(); };
        auto required = [&](const std::string& key) {
            static const std::set<std::string> base = {"summary", "impact", "timeline", "root_causes", "action_items"};
            if (!visible(key)) return false;
            if (base.count(key)) return true;
            // The template's prose sections count when the document names its sections (a template was chosen).
            return !d.sections.empty() && export_detail::prose_field(d, key) != nullptr;
        };
        auto empty_check = [&](const std::string& key) {
            if (!required(key) || !export_detail::section_is_empty(d, key)) return;
            std::string hint = section_hint(key);
            c.out.push_back(make("empty-section", "warning", key, "", "",
                                 "The " + export_detail::heading(key) + " section is empty.",
                                 hint.empty() ? "Fill in this section, or remove it from the document." : hint));
        };

        lint_header(c);
        std::vector<std::string> keys = order;
        for (const std::string& k : vocab::kSections)
            if (!visible(k)) keys.push_back(k);  // text in hidden sections is still checked for blame
        std::set<std::string> done;
        for (const std::string& key : keys) {
            if (!done.insert(key).second) continue;
            empty_check(key);
            lint_section(c, key);
        }
    } catch (...) {
        // Lint is advisory: never let an unexpected failure reach the UI. Return what was found so far.
    }
    return std::move(c.out);
}
}  // namespace

}  // namespace hs
