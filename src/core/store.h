// The drafts library: one file per draft, written atomically, with trash, history snapshots, quarantine of damaged
// files, export/import of everything, and an overview across drafts. Pure C++17 over the Filesystem interface.
// Layout and policies: docs/storage.md. No function throws; failures come back as Status.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fs.h"
#include "model.h"
#include "time_units.h"
#include "overview.h"

namespace hs {

inline constexpr const char* kDraftFormatName = "hindsight.draft";
inline constexpr const char* kExportFormatName = "hindsight.drafts";
inline constexpr int64_t kTrashKeepMs = 30 * kDayMs;

// A draft: the document plus the library's metadata. `id` names the file (drafts/<id>.json) and is distinct from
// doc.id (the postmortem's id, shared by its links and copies), so that two drafts of one postmortem can coexist.
struct Draft {
    std::string id;              // "dr-7f3a9c21"; [A-Za-z0-9_-], 1..64 chars
    int64_t created_ms = 0;
    int64_t updated_ms = 0;      // last successful save
    std::optional<std::string> base;  // canonical JSON of the last shared/received version (merge base), or none
    Document doc;
    Json extra = Json::object();  // unknown keys of the "draft" envelope object, kept
};

struct QuarantineEntry {
    std::string name;           // file name under quarantine/
    std::string original_path;  // where it was found, relative to the store root ("drafts/dr-1.json")
    std::string reason;         // "<pointer>: <message>" lines
    size_t size = 0;
};

struct LoadReport {
    std::vector<std::string> loaded;            // draft ids, sorted
    std::vector<QuarantineEntry> quarantined;   // everything in quarantine/, including this load's new entries
    std::vector<std::string> newly_quarantined; // names moved there by this load
    std::vector<std::string> cleaned_temp;      // leftover *.tmp files removed (crashed writes)
    std::vector<std::string> errors;            // storage errors met while loading (the rest still loaded)
};

struct DraftSummary {
    std::string id;
    std::string title;
    std::string incident_id;
    int severity = 0;
    std::string status;
    int64_t updated_ms = 0;
    int open_actions = 0;     // status open or in_progress
    int overdue_actions = 0;  // open/in_progress with a due date before today
};

enum class SortBy { Updated, Title, Severity };

struct TrashEntry {
    std::string id;
    std::string title;
    int64_t deleted_ms = 0;
    int64_t updated_ms = 0;
};

// History snapshot reasons.
namespace snapshot_reason {
inline constexpr const char* kShare = "share";
inline constexpr const char* kMerge = "merge";
inline constexpr const char* kStatus = "status";
inline constexpr const char* kAutosave = "autosave-10min";
inline constexpr const char* kManual = "manual";
inline constexpr const char* kRestore = "restore";
}  // namespace snapshot_reason
bool is_snapshot_reason(const std::string& r);

struct SnapshotInfo {
    std::string name;  // file name "<unix_ms>-<reason>.json"
    int64_t unix_ms = 0;
    std::string reason;
};

// Pruning policy (docs/storage.md): of the snapshots younger than 24 h keep the newest 50; of those from 24 h to
// 30 days keep the newest of each UTC day; older ones keep the newest of each week (Monday-based, UTC); never more
// than 200 in all (the oldest go first). Pure function for tests: returns the names to delete.
struct PrunePolicy {
    size_t recent_max = 50;
    int64_t recent_ms = kDayMs;
    int64_t daily_ms = 30 * kDayMs;
    size_t total_max = 200;
};
std::vector<std::string> snapshots_to_prune(const std::vector<SnapshotInfo>& snaps, int64_t now_ms,
                                            const PrunePolicy& policy = {});

struct ImportReport {
    std::vector<std::string> imported;               // new draft ids
    std::map<std::string, std::string> renamed;      // id in the file -> new id (conflicts)
    std::vector<std::string> trash_imported;
    std::vector<Problem> problems;                   // entries skipped, with a pointer into the file
};

// "2026-03-15" for a UTC millisecond time: the "today" used for overdue checks.
std::string utc_date(int64_t unix_ms);
bool is_valid_draft_id(const std::string& id);

class DraftStore {
public:
    // `root` is a folder of `fs` ("/drafts"); it and its sub-folders are created when missing.
    explicit DraftStore(Filesystem& fs, std::string root = "/drafts");

    // Reads every draft. Damaged files go to quarantine/ with a reason; leftover temporary files are removed.
    // Replaces the in-memory cache.
    LoadReport load_all();

    // ---- drafts (the cache holds the last successfully saved/loaded version of each) -------------------------
    const std::vector<std::string>& ids() const { return order_; }
    // Grows with every change to the drafts held (saved, added, removed, reloaded): views built from them (the
    // sidebar's list) are rebuilt when it moves, not every frame.
    uint64_t revision() const { return revision_; }
    const Draft* find(const std::string& id) const;
    size_t size() const { return drafts_.size(); }

    // Writes drafts/<id>.json.tmp, then renames it over drafts/<id>.json. On success the stored copy (with
    // updated_ms = now_ms) becomes the cached version and is returned in `saved` if given. On failure (NoSpace,
    // IoError) nothing stored or cached changes and the caller still has its draft.
    Status save(const Draft& d, int64_t now_ms, Draft* saved = nullptr);
    // The same, without copying the document. `doc_json`, when given, must be save_document(d.doc) (serialised ahead,
    // a slice at a time: App's autosave of a large document).
    Status save(Draft&& d, int64_t now_ms, Draft* saved = nullptr, const std::string* doc_json = nullptr);
    // save() in two steps, so that a large document's save can be spread over frames: prepare_save makes the file's
    // text (no I/O; the cache is untouched), store_prepared writes it and caches the draft. The two together store
    // the same bytes as save().
    struct PreparedSave {
        Draft draft;
        std::string text;
    };
    // prepare_save writes the text into out.text, reusing its buffer; store_prepared takes p.draft and leaves p.text
    // as it was, so that the caller can reuse that buffer for the next save.
    Status prepare_save(Draft&& d, int64_t now_ms, const std::string* doc_json, PreparedSave& out);
    Status store_prepared(PreparedSave& p, Draft* saved = nullptr);
    // A new draft around `doc` with a fresh draft id (doc is kept as given). Saved at once.
    Status create(const Document& doc, int64_t now_ms, Draft* out = nullptr);
    // A copy with a fresh document id and draft id, titled "Copy of <title>", no merge base.
    Status duplicate(const std::string& id, int64_t now_ms, Draft* out = nullptr);
    Status rename(const std::string& id, const std::string& title, int64_t now_ms);

    // ---- trash -------------------------------------------------------------------------------------------------
    // Moves the draft to trash/<id>.json with its deletion time. History is kept until the trash entry is purged.
    Status remove(const std::string& id, int64_t now_ms);
    std::vector<TrashEntry> list_trash();  // newest deletion first
    // Back into the library; a draft id now in use gets a new id (returned in `restored_id`).
    Status restore(const std::string& id, int64_t now_ms, std::string* restored_id = nullptr);
    // Deletes trash entries deleted at least 30 days before now_ms (and their history). Returns how many.
    int purge_trash(int64_t now_ms);

    // ---- history -----------------------------------------------------------------------------------------------
    // Stores history/<id>/<now_ms>-<reason>.json (the canonical document) and prunes. `reason` must be one of
    // snapshot_reason. The overload without a document snapshots the saved version.
    Status snapshot(const std::string& id, const Document& doc, const std::string& reason, int64_t now_ms,
                    const std::string* doc_json = nullptr);  // doc_json: save_document(doc), when already made
    Status snapshot(const std::string& id, const std::string& reason, int64_t now_ms);
    // True when no snapshot of this draft is younger than 10 minutes (the autosave-10min rule).
    bool snapshot_due(const std::string& id, int64_t now_ms, int64_t every_ms = 10 * 60 * 1000);
    std::vector<SnapshotInfo> list_history(const std::string& id);  // newest first
    Status read_snapshot(const std::string& id, const std::string& name, Document& out, std::string* raw = nullptr);
    // Reads the snapshot to restore and first snapshots the current saved version (reason "restore") so the
    // restore itself can be found again. The caller applies `out` as one undoable change and saves.
    Status restore_snapshot(const std::string& id, const std::string& name, int64_t now_ms, Document& out);
    int prune_history(const std::string& id, int64_t now_ms, const PrunePolicy& policy = {});

    // ---- quarantine --------------------------------------------------------------------------------------------
    std::vector<QuarantineEntry> list_quarantine();
    Status read_quarantined(const std::string& name, std::string& raw);  // for "download raw"
    Status delete_quarantined(const std::string& name);
    // Keeps a copy of a damaged file from elsewhere in storage (`origin`, e.g. a settings file about to be rewritten
    // with what could be read of it) in quarantine/ as `name` (or name-2...), listed and downloadable with the rest.
    Status set_aside(const std::string& origin, const std::string& name, const std::string& raw,
                     const std::string& reason, std::string* qname = nullptr);

    // ---- library views -----------------------------------------------------------------------------------------
    // `query`: case-insensitive substring over title, incident id, tags and services ("" = all).
    std::vector<DraftSummary> summaries(const std::string& today, SortBy sort = SortBy::Updated,
                                       const std::string& query = "") const;
    Overview overview(const std::string& today) const;

    // ---- export / import ---------------------------------------------------------------------------------------
    // {"format":"hindsight.drafts","version":1,"exported":"<iso>","drafts":[<envelope>...],"trash":[...]}
    std::string export_all(int64_t now_ms, bool include_trash = true);
    // Imports an export_all file. Ids are kept; an id already in use (library or trash) gets a new one.
    // Entries that do not load are skipped with a problem; the rest are saved.
    ImportReport import_all(const std::string& text, int64_t now_ms);

    // Envelope helpers (also used by the web layer for single-draft export).
    static Json envelope(const Draft& d, std::optional<int64_t> deleted_ms = std::nullopt);
    static std::string envelope_text(const Draft& d, std::optional<int64_t> deleted_ms = std::nullopt,
                                     const std::string* doc_json = nullptr);
    // The same text, written into `out` (cleared first; its buffer is reused).
    static void envelope_text_into(std::string& out, const Draft& d, std::optional<int64_t> deleted_ms,
                                   const std::string* doc_json);
    // Parses an envelope; on failure returns problems with pointers into the envelope ("/doc/timeline/3/time").
    static bool parse_envelope(const Json& j, Draft& out, std::optional<int64_t>* deleted_ms,
                               std::vector<Problem>& problems);
    static bool parse_envelope_text(const std::string& text, Draft& out, std::optional<int64_t>* deleted_ms,
                                    std::vector<Problem>& problems);

    const std::string& root() const { return root_; }

private:
    std::string dir(const char* sub) const;
    std::string draft_path(const std::string& id) const;
    std::string trash_path(const std::string& id) const;
    std::string history_dir(const std::string& id) const;
    Status ensure_dirs();
    Status write_atomic(const std::string& path, const std::string& data);
    Status quarantine_file(const std::string& sub, const std::string& name, const std::string& reason,
                           std::string* qname);
    Status remove_tree(const std::string& path);
    std::string free_quarantine_name(const std::string& name);
    std::string fresh_draft_id();
    bool id_in_use(const std::string& id);
    void cache_put(Draft d);

    Filesystem& fs_;
    std::string root_;
    std::map<std::string, Draft> drafts_;
    std::vector<std::string> order_;  // sorted ids
    std::map<std::string, int64_t> last_snapshot_ms_;
    uint64_t revision_ = 0;
};

// Guards the IDBFS rule: the first syncfs(true) (populate from IndexedDB) must finish before any syncfs(false)
// (persist to IndexedDB), because an early push replaces the stored database with the still-empty mount. Also keeps
// syncs from overlapping. The web layer asks the gate before each syncfs call; pure state machine, tested natively.
class SyncGate {
public:
    enum class State { Unloaded, Loading, Ready, Failed };
    // Returns true when the caller should start the initial syncfs(true) now (only once).
    bool begin_initial_load();
    // The initial syncfs(true) finished. On failure pushes stay blocked (saving would wipe what we could not read).
    void finish_initial_load(bool ok);
    // A save wants to persist. True: start syncfs(false) now. False: deferred (loading or a sync in flight); the
    // push is remembered and push_done() / finish_initial_load() report it through pending().
    bool request_push();
    // The running syncfs(false) finished. Returns true if another push was requested meanwhile (start it now).
    bool push_done();
    bool pending() const { return pending_; }
    bool in_flight() const { return in_flight_; }
    State state() const { return state_; }
    // After finish_initial_load(true): true when a push was requested during the load (start it now).
    bool take_pending();

private:
    State state_ = State::Unloaded;
    bool in_flight_ = false;
    bool pending_ = false;
};

}  // namespace hs
