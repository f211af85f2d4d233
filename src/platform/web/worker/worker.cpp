// The page's worker (web/worker.js): files are opened or imported and long or encrypted share links decoded here, away
// from the editor's thread. A file of tens of megabytes, or a link asking for the slowest allowed key derivation,
// takes seconds; here it never stops the editor from drawing, and if it runs the worker out of memory (an abort), only
// the worker stops: the page reports it and the editor, with its drafts, carries on (docs/security.md).
//
// Each call returns 1 (done) or 0 (refused) and leaves its text in hsw_text(): the document as canonical JSON, which
// the editor loads (App::open_converted, App::link_decoded), or what a person reads about the refusal.
#include <emscripten.h>

#include <string>

#include "core/format.h"
#include "core/importers/importers.h"
#include "core/link.h"

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
        r = hs::open_any(file_name, text, &g_kind);
    }
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
        return 0;
    }
    g_text = hs::save_document(r.doc);
    return 1;
}

}  // extern "C"
