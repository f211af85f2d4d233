// What the UI needs from the place it runs. The web build implements it in src/platform/web, the native headless
// runner in src/platform/native. The UI never includes emscripten.h.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/exporters/jobs.h"

namespace hs {
class Filesystem;
}

namespace hs::ui {

class Platform {
public:
    virtual ~Platform() = default;
    virtual int64_t now_ms() = 0;                 // wall clock, UTC
    virtual void request_frame() = 0;             // draw another frame soon (rendering is on demand)
    // Draw another frame at the next request_frame() or after `ms` at the latest: an answer expected within `ms` (the
    // library's search as one types) is drawn in the same frame as the keystroke that asked for it, not one later.
    virtual void request_frame_within(double ms) { (void)ms; request_frame(); }
    virtual void download(const std::string& filename, const std::string& mime, const std::string& data) = 0;
    virtual void set_window_title(const std::string& title) = 0;
    virtual bool prefers_dark() = 0;              // the system colour scheme
    // The theme chosen in the app, for what the page draws itself (the read view, dialogs in the DOM).
    virtual void page_theme(bool dark) { (void)dark; }
    virtual void open_url(const std::string& url) = 0;   // a new tab, noopener; callers pass only http(s)
    virtual void copy_text(const std::string& text) = 0; // to the system clipboard
    // Reads the system clipboard (web: the async Clipboard API, which may ask the user); the text comes back through
    // App::clipboard_read. Returns false where there is no such reading (ImGui's own clipboard is used then).
    virtual bool read_clipboard() { return false; }
    // Read view: the core's HTML export shown as real DOM (accessible, findable with Ctrl+F, printable).
    virtual void show_read_view(const std::string& html_fragment, const std::string& section) = 0;
    virtual void print_read_view() = 0;
    // More timeline rows for the read view, in place of its "more" row for index `from` (App::read_view_more).
    virtual void read_view_rows(const std::string& html_rows, size_t from) {
        (void)html_rows;
        (void)from;
    }
    virtual std::string page_url() { return "https://hindsight.invalid/"; }  // this app's URL without the fragment

    // DOM text overlay (web): prose and text fields are edited in a real <textarea>/<input> laid exactly over the
    // ImGui field, for IME, dead keys, spell check and mobile keyboards. Native builds keep ImGui's own widgets.
    struct Overlay {
        std::string path;        // the field being edited, e.g. "summary", "action_items/ai-1/title"
        float x = 0, y = 0, w = 0, h = 0;  // CSS pixels
        float clip_top = 0, clip_bottom = 0;  // visible band of the scrolling area
        bool multiline = true;
        bool set_text = false;   // replace the DOM text with `text` (first show, undo, merge)
        std::string text;
        std::string hint;
        float font_px = 15;
        bool dark = false;
        unsigned flags = 0;      // text_input.h: kInputPassword, kInputEnter, kInputMono, kInputAutoSelect
    };
    // Persistent storage for drafts: null until loaded (web: after the first IDBFS syncfs(true)) or where there is
    // none (native headless runs). storage_persist() makes what was written durable (async; the answer comes back
    // through App::storage_saved). lock_draft() asks for the right to edit a draft in this tab (Web Locks); the
    // answer comes through App::draft_lock_result.
    virtual Filesystem* storage() { return nullptr; }
    virtual void storage_persist() {}
    virtual void lock_draft(const std::string& draft_id) { (void)draft_id; }
    // Draw a frame after `ms`. The platform keeps one timer, the soonest asked for: each frame asks again for what
    // it still waits for (the autosave, the edit journal, a lint or a search after a pause).
    virtual void set_timer(int ms) { (void)ms; }
    // The review lint (blameless language) of a document taking longer than this waits for a pause in typing
    // instead of running after every keystroke; 0: it never waits (native runs, so that tests do not depend on
    // the machine's speed).
    virtual double lint_wait_above_ms() const { return 0; }
    // Background work (the steps of a large autosave) in tasks of its own, between frames, so that a step and a
    // frame's drawing never add up in one task. When supported, the platform calls App::work() soon after
    // request_work(); otherwise App::frame() runs the steps itself.
    virtual bool background_work() const { return false; }
    virtual void request_work() {}
    // Static files shipped beside the app (web: dist/samples/*.json, fetched on demand so the wasm stays small).
    // The answer comes back through App::asset_loaded. Native builds embed the samples and never call this.
    virtual void fetch_asset(const std::string& path) { (void)path; }
    // Opens the system file picker (web: <input type=file>); each chosen file comes back through App::open_file.
    virtual void pick_files() {}
    // The Slack export dialog's Import where the platform holds the .zip (web: the page, whose worker imports it):
    // the choices as hs::slack_options_json; the document comes back through App::open_converted.
    virtual void import_slack_zip(const std::string& options_json) { (void)options_json; }
    // Share links are made and read by the platform. The web app does both in its worker, which holds the link codec,
    // its compression dictionaries and the cryptography (the editor's own wasm carries none of them), so a key
    // derivation that takes seconds never holds up a frame. `answer(status, text)`: kLinkOk with the link (make) or
    // the document as canonical JSON (read), kLinkFailed with what went wrong, or kLinkNeedsPassphrase (read). It may
    // come before the call returns (native). After cancel_read_link, no read under way answers.
    enum LinkStatus { kLinkFailed = 0, kLinkOk = 1, kLinkNeedsPassphrase = 2 };
    using LinkAnswer = std::function<void(int status, const std::string& text)>;
    virtual void make_link(const std::string& doc_json, const std::string& base_url, const std::string& passphrase,
                           LinkAnswer answer) = 0;
    virtual void read_link(const std::string& fragment, const std::string& passphrase, LinkAnswer answer) = 0;
    // The QR code of a link, as core/qr.h's qr_to_text (kLinkOk) or why there is none (kLinkFailed). The web app
    // makes it in its worker, which holds libqrencode, so the editor's first load does not carry it.
    virtual void make_qr(const std::string& text, LinkAnswer answer) = 0;
    // Exports (core/exporters/jobs.h) of a document given as canonical JSON: answer(kLinkOk, the export) or
    // (kLinkFailed, why). The web app makes them in its worker, which holds the exporters, so the editor's first load
    // does not carry them; the answer comes in a later frame there, at once natively.
    virtual void export_document(ExportJob job, const std::string& doc_json, const std::string& arg,
                                 LinkAnswer answer) = 0;
    virtual void cancel_read_link() {}

    // The edit journal (core/edit_journal.h), a store apart from the drafts, written within a fraction of a second
    // of each edit. journal_write stores records, each replacing the one with its key; journal_read gives back the
    // encoded entries of a draft (answer(texts), possibly before it returns); journal_drop deletes a draft's records
    // whose base is older than `below_base` (a durable full save holds them). storage_push_running tells whether a
    // push (storage_persist) is under way now: a save written meanwhile goes out with the next push, not this one.
    struct JournalRecord {
        std::string key, draft_id;
        int64_t base = 0;
        std::string text;  // encode_journal_entry
    };
    using JournalAnswer = std::function<void(const std::vector<std::string>& texts)>;
    virtual void journal_write(const std::vector<JournalRecord>& records) { (void)records; }
    virtual void journal_read(const std::string& draft_id, JournalAnswer answer) {
        (void)draft_id;
        answer({});
    }
    virtual void journal_drop(const std::string& draft_id, int64_t below_base) {
        (void)draft_id;
        (void)below_base;
    }
    virtual bool storage_push_running() const { return false; }

    // Review by link: the jobs that need the link codec, the cryptography or content hashes (src/platform/
    // review_job.h: "note_shared", "reply", "apply_reply", "reply_base"), run where those live (web: the page's worker). The
    // answer as make_link's: kLinkOk with the result, kLinkFailed with why, kLinkNeedsPassphrase.
    virtual void review_job(const std::string& job, const std::vector<std::string>& args, LinkAnswer answer) {
        (void)job;
        (void)args;
        answer(kLinkFailed, "review links cannot be made or read here");
    }

    // Trends over every draft (src/platform/trends_job.h: "figures", "markdown", "html"), computed where core/trends
    // lives (web: the page's worker). `docs_json`: a JSON array of the drafts' documents; `today`: "YYYY-MM-DD". The
    // answer as make_link's: kLinkOk with the result, kLinkFailed with why.
    virtual void trends_job(const std::string& job, const std::string& docs_json, const std::string& today,
                            LinkAnswer answer) {
        (void)job;
        (void)docs_json;
        (void)today;
        answer(kLinkFailed, "trends cannot be computed here");
    }

    // The library (src/platform/library_job.h: "put", "drop", "search", "similar"): its search index and similar
    // incidents live where the editor's own wasm need not carry them (web: a worker of their own, which keeps the
    // index between calls). The answer as make_link's: kLinkOk with the JSON answer, kLinkFailed with why.
    virtual void library_job(const std::string& job, const std::string& arg, LinkAnswer answer) {
        (void)job;
        (void)arg;
        answer(kLinkFailed, "the library cannot be searched here");
    }

    virtual bool has_text_overlay() const { return false; }
    // A named moment in a performance trace (the page: console.timeStamp; bench/storage prints the ones inside the
    // longest task). For the steps of a save spread over frames.
    virtual void trace_mark(const char* label) { (void)label; }
    virtual void overlay_show(const Overlay&) {}
    virtual void overlay_hide() {}

    // Accessibility (ui/a11y.h, docs/accessibility.md). a11y_update: the mirror's changes as a11y_changes() gives
    // them (web: off-screen DOM elements a screen reader reads). announce: news a sighted user sees, to be spoken
    // (web: an aria-live region, assertive for errors).
    virtual void a11y_update(const std::string& changes_json) { (void)changes_json; }
    virtual void announce(const std::string& text, bool assertive) {
        (void)text;
        (void)assertive;
    }
    // The system's display preferences (web: the media queries prefers-reduced-motion and forced-colors, with the
    // forced palette's system colours read from the page). When they change, the platform calls App::media_changed.
    enum SystemColour { kCanvas, kCanvasText, kHighlight, kHighlightText, kButtonFace, kButtonText, kSystemColours };
    struct MediaPrefs {
        bool reduced_motion = false;
        bool forced_colors = false;
        int colours[kSystemColours] = {-1, -1, -1, -1, -1, -1};  // 0xRRGGBB by SystemColour; -1 where unknown
    };
    virtual MediaPrefs media_prefs() { return {}; }
};

}  // namespace hs::ui
