// The page's worker (web/worker.js): files are opened or imported and long or encrypted share links decoded here, away
// from the editor's thread. A file of tens of megabytes, or a link asking for the slowest allowed key derivation,
// takes seconds; here it never stops the editor from drawing, and if it runs the worker out of memory (an abort), only
// the worker stops: the page reports it and the editor, with its drafts, carries on (docs/security.md).
//
// Each call returns 1 (done), 0 (refused), 2 (a link that needs a passphrase), 3 (a Slack export's .zip, or its
// files dropped at once: choose its channels and time window, then hsw_slack_import) or 4 (a tracker's CSV export of
// action items: its text, which the editor matches against the open postmortem, App::tracker_csv) or 5 (a .zip of
// postmortems: {"documents":[...],"report"}, which the page opens one by one, each becoming a draft) and leaves its text
// in hsw_text(): the document as canonical JSON, which the editor loads (App::open_converted, App::link_decoded), the
// link it asked for, or what a person reads about the refusal. The link codec, its dictionaries and the cryptography
// live only here.
#include <emscripten.h>

#include <string>

#include "core/exporters/jobs.h"
#include "core/format.h"
#include "core/importers/importers.h"
#include "core/library_import.h"
#include "core/link.h"
#include "core/qr.h"
#include "core/tracker.h"
#include "core/zip.h"
#include "platform/library_job.h"
#include "platform/review_job.h"
#include "platform/trends_job.h"

namespace {
std::string g_text;  // the last call's answer
std::string g_kind;  // the last file's kind, as open_any names it
}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* hsw_text() { return g_text.c_str(); }
EMSCRIPTEN_KEEPALIVE size_t hsw_text_size() { return g_text.size(); }
EMSCRIPTEN_KEEPALIVE const char* hsw_kind() { return g_kind.c_str(); }

// `data` is the file's bytes (malloc'd by the caller, who frees it); `name` its name, for detection and messages.
EMSCRIPTEN_KEEPALIVE int hsw_open(const char* name, const char* data, size_t len) {
    const std::string file_name = name ? name : "file";
    g_text.clear();
    g_text.shrink_to_fit();  // the last document's memory goes back before this one is read
    g_kind.clear();
    hs::ImportResult r;
    {
        const std::string text(data ? data : "", data ? len : 0);
        const bool files = hs::looks_like_slack_files(text);
        // A .zip of postmortems (a team's history): every one becomes a draft, with a report (status 5).
        if (!files && hs::looks_like_postmortem_zip(text)) {
            g_kind = "library";
            const hs::BulkImport b = hs::import_bulk_zip(text);
            if (!b.ok || b.documents.empty()) {
                g_text = file_name + " could not be imported. Nothing you had open was changed.\n" +
                         hs::bulk_report_text(b);
                return 0;
            }
            g_text = hs::bulk_import_json(b);
            return 5;
        }
        if (files || hs::looks_like_zip(text)) {
            // The page keeps the archive (or the files of an unzipped export, packed as one bundle) and sends it
            // again with the choices (the worker keeps no state).
            g_kind = files ? "slack-files" : "slack-zip";
            hs::SlackExportScan scan = files ? hs::scan_slack_files(text) : hs::scan_slack_zip(text);
            if (!scan.ok) {
                g_text = hs::refusal_message(file_name, scan.problems);
                return 0;
            }
            g_text = hs::slack_scan_json(scan);
            return 3;
        }
        r = hs::open_any(file_name, text, &g_kind);
        // Only the editor has the open postmortem to match the rows with; it gets the text as it is.
        if (g_kind == "tracker" && text.size() <= hs::kMaxTrackerCsvBytes) {
            g_text = text;
            return 4;
        }
        if (g_kind == "tracker") {
            g_text = file_name + " is a tracker export of " + std::to_string(text.size() >> 20) +
                     " MB; Hindsight reads up to " + std::to_string(hs::kMaxTrackerCsvBytes >> 20) +
                     " MB of one. Export only the postmortem's issues (filter on their hindsight- labels). Nothing "
                     "you had open was changed.";
            return 0;
        }
    }
    if (!r.ok) {
        g_text = hs::refusal_message(file_name, r.problems);
        return 0;
    }
    g_text = hs::save_document(r.doc);
    return 1;
}

// A Slack export's .zip (or its files' bundle) again, with the options chosen (hs::slack_options_json): the
// document, as hsw_open gives it.
EMSCRIPTEN_KEEPALIVE int hsw_slack_import(const char* name, const char* data, size_t len, const char* options,
                                          size_t options_len) {
    const std::string file_name = name ? name : "file";
    g_text.clear();
    g_text.shrink_to_fit();
    g_kind = "slack";
    hs::SlackExportOptions o;
    if (!hs::slack_options_from_json(std::string(options ? options : "", options ? options_len : 0), o)) {
        g_text = "the choices for " + file_name + " could not be read";
        return 0;
    }
    const std::string bytes(data ? data : "", data ? len : 0);
    hs::ImportResult r =
        hs::looks_like_slack_files(bytes) ? hs::import_slack_files(bytes, o) : hs::import_slack_zip(bytes, o);
    if (!r.ok) {
        g_text = hs::refusal_message(file_name, r.problems);
        return 0;
    }
    g_text = hs::save_document(r.doc);
    return 1;
}

// A share link's fragment (after '#') and the passphrase (empty for a plain link).
EMSCRIPTEN_KEEPALIVE int hsw_decode(const char* fragment, size_t fragment_len, const char* passphrase,
                                    size_t passphrase_len) {
    g_text.clear();
    g_text.shrink_to_fit();
    hs::DecodeResult r = hs::decode_link(std::string(fragment ? fragment : "", fragment ? fragment_len : 0),
                                         std::string(passphrase ? passphrase : "", passphrase ? passphrase_len : 0));
    if (!r.ok) {
        g_text = r.error.message;
        return r.error.kind == hs::LinkError::NeedsPassphrase ? 2 : 0;
    }
    g_text = hs::save_document(r.doc);
    return 1;
}

// A link of the document `json` (canonical JSON from the editor), at `base` (the app's URL), sealed when a passphrase
// is given (its key derived with the app's default cost).
EMSCRIPTEN_KEEPALIVE int hsw_encode(const char* json, size_t json_len, const char* base, size_t base_len,
                                    const char* passphrase, size_t passphrase_len) {
    g_text.clear();
    hs::LoadResult d = hs::load_document(std::string(json ? json : "", json ? json_len : 0));
    if (!d.ok) {
        g_text = "the document could not be read";
        return 0;
    }
    hs::EncodeOptions o;
    o.base_url.assign(base ? base : "", base ? base_len : 0);
    o.passphrase.assign(passphrase ? passphrase : "", passphrase ? passphrase_len : 0);
    g_text = hs::encode_link(d.doc, o);
    if (g_text.empty()) {
        g_text = "the cryptography library did not start";
        return 0;
    }
    return 1;
}

// An export of a document (core/exporters/jobs.h). The read view asks for its timeline a batch at a time with the
// same document each time: the last one read is kept, so a 100,000-event document is not parsed again per batch.
EMSCRIPTEN_KEEPALIVE int hsw_export(int job, const char* json, size_t json_len, const char* arg, size_t arg_len) {
    static std::string last_json;
    static hs::Document last_doc;
    std::string text(json ? json : "", json ? json_len : 0);
    const std::string a(arg ? arg : "", arg ? arg_len : 0);
    if (text != last_json) {
        hs::LoadResult l = hs::load_document(text);
        last_json.clear();
        if (!l.ok) {
            g_text = "the document could not be read for the export";
            return 0;
        }
        last_doc = std::move(l.doc);
        last_json = std::move(text);
    }
    const hs::ExportJobResult r = job >= 0 && job < hs::kExportJobCount
                                      ? hs::run_export_job(static_cast<hs::ExportJob>(job), last_doc, a)
                                      : hs::ExportJobResult{false, "this version of Hindsight does not know that export"};
    g_text = r.text;
    return r.ok ? 1 : 0;
}

// The QR code of a share link (core/qr.h), as text for the editor, which does not carry libqrencode.
EMSCRIPTEN_KEEPALIVE int hsw_qr(const char* text, size_t len) {
    const hs::QrCode qr = hs::qr_encode(std::string(text ? text : "", text ? len : 0));
    g_text = hs::qr_to_text(qr);
    return qr.ok ? 1 : 0;
}

// A review job (src/platform/review_job.h): `args` a JSON array of strings, `now_ms` the page's clock.
EMSCRIPTEN_KEEPALIVE int hsw_review(const char* job, size_t job_len, const char* args, size_t args_len, double now_ms) {
    g_text.clear();
    const hs::Json a = hs::Json::parse(std::string(args ? args : "", args ? args_len : 0), nullptr, false);
    std::vector<std::string> list;
    if (a.is_array())
        for (const hs::Json& x : a)
            if (x.is_string()) list.push_back(x.get<std::string>());
    return hs::review_job::run(std::string(job ? job : "", job ? job_len : 0), list, static_cast<int64_t>(now_ms),
                               g_text);
}

// A trends job (src/platform/trends_job.h): `docs` the drafts' documents as a JSON array, `today` "YYYY-MM-DD".
EMSCRIPTEN_KEEPALIVE int hsw_trends(const char* job, size_t job_len, const char* docs, size_t docs_len,
                                    const char* today, size_t today_len) {
    g_text.clear();
    return hs::trends_job::run(std::string(job ? job : "", job ? job_len : 0),
                               std::string(docs ? docs : "", docs ? docs_len : 0),
                               std::string(today ? today : "", today ? today_len : 0), g_text);
}

// A library job (src/platform/library_job.h). The page sends these to a worker of their own, which keeps the index
// of every draft between calls: the only state a worker holds.
EMSCRIPTEN_KEEPALIVE int hsw_library(const char* job, size_t job_len, const char* arg, size_t arg_len) {
    static hs::library_job::Library library;
    g_text.clear();
    return library.run(std::string(job ? job : "", job ? job_len : 0), std::string(arg ? arg : "", arg ? arg_len : 0),
                       g_text);
}

}  // extern "C"
