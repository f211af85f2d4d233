// Hindsight document model: the typed postmortem that every panel, link and draft rests on.
// Pure C++17. No ImGui, no Emscripten. See docs/format.md for the JSON form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hs {

// std::map-backed JSON: object keys are always sorted, which gives the canonical key order.
using Json = nlohmann::json;

inline constexpr const char* kFormatName = "hindsight.postmortem";
inline constexpr int kFormatVersion = 1;

// A point in time: stored as UTC milliseconds since the Unix epoch, plus the UTC offset (minutes) the time was
// written or imported with, kept for display. `set == false` means "no time".
struct Instant {
    int64_t unix_ms = 0;
    int offset_min = 0;
    bool set = false;
    bool operator==(const Instant& o) const {
        return set == o.set && (!set || (unix_ms == o.unix_ms && offset_min == o.offset_min));
    }
    bool operator!=(const Instant& o) const { return !(*this == o); }
};

// Known vocabularies. Fields holding these are plain strings so that newer builds can add values;
// validation warns about unknown values only where the format says the list is closed.
namespace vocab {
inline const std::vector<std::string> kStatuses = {"draft", "in_review", "final"};
inline const std::vector<std::string> kEventTypes = {"impact_start", "detected",      "acknowledged",
                                                     "escalated",    "action",        "communication",
                                                     "mitigated",    "resolved",      "note"};
inline const std::vector<std::string> kActionTypes = {"prevent", "mitigate", "detect", "process", "other"};
inline const std::vector<std::string> kPriorities = {"P0", "P1", "P2", "P3", "P4"};
inline const std::vector<std::string> kActionStatuses = {"open", "in_progress", "done", "wont_do"};
inline const std::vector<std::string> kReviewDecisions = {"approved", "changes_requested", "commented"};
inline const std::vector<std::string> kSuggestionStates = {"open", "accepted", "rejected"};
// Section keys, in the default (Google SRE style) order. Templates choose a subset and an order.
inline const std::vector<std::string> kSections = {
    "summary",   "impact",     "timeline", "leadup",      "trigger",              "fault",
    "detection", "response",   "recovery", "resolution",  "root_causes",          "contributing_factors",
    "five_whys", "lessons",    "action_items", "open_questions", "links"};
}  // namespace vocab

// The values a field takes when the file leaves it out. The field tables (schema.cpp) leave these out when saving.
namespace defaults {
inline constexpr const char* kStatus = "draft";
inline constexpr const char* kEventType = "note";
inline constexpr const char* kActionType = "prevent";
inline constexpr const char* kPriority = "P2";
inline constexpr const char* kActionStatus = "open";
inline constexpr const char* kDecision = "approved";
inline constexpr const char* kSuggestionState = "open";
}  // namespace defaults

// Every object keeps the keys it did not recognise in `extra`, so an older build never drops a newer build's data.
struct Item {  // a root cause, contributing factor, why, lesson or open question
    std::string id;
    std::string text;
    bool resolved = false;  // used by open questions only
    // Used by contributing factors only: a category of the team's taxonomy ("configuration"; see taxonomy.h).
    std::string category = {};
    Json extra = Json::object();
    bool operator==(const Item& o) const {
        return id == o.id && text == o.text && resolved == o.resolved && category == o.category && extra == o.extra;
    }
};

struct Event {
    std::string id;
    Instant time;
    std::string type = defaults::kEventType;
    std::string description;
    std::string author;  // person or source ("PagerDuty", "#inc-123")
    std::vector<std::string> tags;
    Json extra = Json::object();
};

struct ActionItem {
    std::string id;
    std::string title;
    std::string description;
    std::string type = defaults::kActionType;
    std::string priority = defaults::kPriority;
    std::string owner;
    std::string due;  // calendar date YYYY-MM-DD, or empty
    std::string status = defaults::kActionStatus;
    std::string ticket_url;
    Json extra = Json::object();
};

struct LinkRef {
    std::string id;
    std::string title;
    std::string url;
    Json extra = Json::object();
};

struct Approval {
    std::string reviewer;
    std::string decision = defaults::kDecision;
    Instant at;
    std::string comment;
    Json extra = Json::object();
};

// ---- review (review.h has the operations; docs/format.md the JSON) ----
struct Mark {  // who did something, and when: a comment resolved or reopened
    std::string by;
    Instant at;
    Json extra = Json::object();
};

// Where a comment or suggestion points. `path` is an editor path: a text field ("summary", "action_items/<id>/title"),
// an item ("timeline/<id>") or a section key ("timeline"). A text range adds a W3C Web Annotation text-quote
// selector: the passage (`exact`) and up to 32 bytes of text before and after it, plus its byte offset as a hint.
struct Anchor {
    std::string path;
    std::string exact, prefix, suffix;
    std::optional<double> offset;
    Json extra = Json::object();
};

struct CommentReply {
    std::string id;
    std::string author;
    Instant created;
    std::string text;
    Json extra = Json::object();
};

// Resolved when `resolved` is later than `reopened` (ties: resolved). Both kept, so that replies from several
// reviewers merge in any order to the same state (see review.h).
struct Comment {
    std::string id;
    std::string author;
    Instant created;
    Anchor anchor;
    std::string text;
    std::vector<CommentReply> replies;
    Mark resolved, reopened;
    Json extra = Json::object();
};

struct Suggestion {
    std::string id;
    std::string author;
    Instant created;
    Anchor anchor;            // a text range
    std::string replacement;  // the text proposed for anchor.exact
    std::string state = defaults::kSuggestionState;  // open | accepted | rejected
    std::string by;           // who accepted or rejected it
    Instant at;
    Json extra = Json::object();
};

struct SharedVersion {  // a version of this draft that was sent for review: its content hash (review.h)
    std::string hash;
    Instant at;
    Json extra = Json::object();
};

struct Review {
    std::vector<SharedVersion> shared;  // newest last, capped (kMaxSharedVersions)
    Json extra = Json::object();
};

struct Impact {
    std::string description;  // prose
    std::optional<double> users_affected;
    std::optional<double> requests_failed;
    std::optional<double> revenue_lost;
    std::string currency;  // ISO 4217, e.g. "USD"
    std::optional<double> support_tickets;
    std::string slo;  // e.g. "99.9% of checkout requests succeed over 28 days"
    std::optional<double> error_budget_consumed_pct;
    std::vector<std::string> regions;
    Json extra = Json::object();
};

struct Lessons {
    std::vector<Item> went_well, went_wrong, got_lucky;
    Json extra = Json::object();
};

struct Document {
    std::string id;  // stable document id: drafts and links of the same postmortem share it
    std::string title;
    std::string incident_id;
    int severity = 0;                          // 1..5, 0 = not set
    std::vector<std::string> severity_labels;  // optional, 5 entries; empty = "SEV1".."SEV5"
    std::string status = defaults::kStatus;
    std::vector<std::string> authors;
    std::string owner;
    std::vector<std::string> tags;
    std::vector<std::string> services;
    std::string detection_method;  // how the incident was found, from the taxonomy ("alert", "customer report")
    std::vector<std::string> related_incidents;
    std::vector<std::string> reviewers;
    std::vector<Approval> approvals;
    Instant created, updated;
    std::string template_name;          // "google-sre", "atlassian", "minimal", "security"
    std::vector<std::string> sections;  // section keys in display order; empty = vocab::kSections

    std::string summary, leadup, trigger, fault, detection, response, recovery, resolution;
    Impact impact;
    std::vector<Event> timeline;
    std::vector<Item> root_causes, contributing_factors, five_whys;
    Lessons lessons;
    std::vector<ActionItem> action_items;
    std::vector<Item> open_questions;
    std::vector<LinkRef> links;

    std::vector<Comment> comments;
    std::vector<Suggestion> suggestions;
    Review review;

    Json extra = Json::object();
};

// One problem found while loading or validating, located by JSON Pointer (RFC 6901), with a sentence a person can
// act on, e.g. {"/timeline/3/time", "The time \"14:02\" is not ISO 8601; write it as 2026-03-01T14:02:00Z."}
struct Problem {
    std::string pointer;
    std::string message;
};

struct LoadResult {
    bool ok = false;
    Document doc;
    std::vector<Problem> problems;  // when !ok: why; when ok: may hold warnings
};

// ---- ids -------------------------------------------------------------------------------------------------------
// New stable ids ("ev-7f3a9c21"). Random by default; tests call seed_ids() for determinism.
std::string new_id(const char* prefix);
void seed_ids(uint64_t seed);

// ---- time (time.cpp) -------------------------------------------------------------------------------------------
// Parses ISO 8601 / RFC 3339 date-times: "2026-03-01T14:02:00Z", "2026-03-01T14:02:00.123+01:00", "2026-03-01 14:02Z",
// "2026-03-01T14:02" (no offset: taken as `default_offset_min`). Returns nullopt when the text is not such a time.
std::optional<Instant> parse_iso8601(const std::string& s, int default_offset_min = 0);
std::string format_utc(const Instant& t);        // "2026-03-01T13:02:00Z" (".123" only when ms != 0)
std::string format_offset(int offset_min, bool z_for_zero = false);  // "+01:00", "-05:30"; "Z" for 0 if z_for_zero
std::string format_local(const Instant& t);      // in the kept offset: "2026-03-01 14:02:00 +01:00"
bool is_calendar_date(const std::string& s);     // YYYY-MM-DD, a real date
int64_t days_from_civil(int y, unsigned m, unsigned d);
std::string format_duration(int64_t seconds);    // "1h 04m", "3d 2h", "45s"

}  // namespace hs
