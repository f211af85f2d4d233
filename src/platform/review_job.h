// The review jobs that need the link codec, the cryptography or content hashes, which the editor's own wasm does not
// carry: the web app runs them in its worker (src/platform/web/worker/worker.cpp), native runs in the same thread
// (src/platform/native/headless.cpp). Header-only, so that both builds share it without a library of its own.
//   "note_shared"  [doc]                                        -> the document with its version noted as shared
//   "reply"        [received, edited, reviewer, passphrase, url] -> a reply link of what `edited` adds
//   "apply_reply"  [doc, fragment, passphrase]                  -> lines: the reviewer, what was done, one line per
//                                                                  element added, then the document's JSON (whose
//                                                                  canonical form holds no line break), last
//   "reply_base"   [fragment, passphrase]                       -> lines: the content hash of the version the reply
//                                                                  answers, then the reviewer (which draft it is for)
// Each gives a Platform::LinkStatus (0 refused, 1 done, 2 needs a passphrase) and its text: the answer, or a sentence
// saying what is wrong and what to do.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/format.h"
#include "core/review.h"
#include "core/review_reply.h"

namespace hs::review_job {

enum Status { kRefused = 0, kDone = 1, kNeedsPassphrase = 2 };

// `s` as one line of an answer: its line breaks made spaces.
inline void put_line(std::string& out, const std::string& s) {
    for (char c : s) out += c == '\n' || c == '\r' ? ' ' : c;
    out += '\n';
}

inline int note_shared_job(const std::vector<std::string>& a, Instant now, std::string& out) {
    LoadResult d = load_document(a[0]);
    if (!d.ok) return out = "the document could not be read", kRefused;
    note_shared(d.doc, now);
    out = save_document(d.doc);
    return kDone;
}

inline int reply_job(const std::vector<std::string>& a, Instant now, std::string& out) {
    if (a.size() < 5) return out = "the reply was asked for without its parts", kRefused;
    LoadResult received = load_document(a[0]), edited = load_document(a[1]);
    if (!received.ok || !edited.ok) return out = "the document could not be read", kRefused;
    if (a[2].empty()) return out = "type your name first (Settings, or the Review section): a reply says who sent it", kRefused;
    const ReviewReply r = make_reply(received.doc, edited.doc, a[2], now);
    if (reply_is_empty(r))
        return out = "you have added nothing to the version you received yet: add a comment, a suggestion or a "
                     "decision, then send the reply",
               kRefused;
    EncodeOptions o;
    o.passphrase = a[3];
    o.base_url = a[4];
    out = encode_reply(r, o);
    if (out.empty()) return out = "the cryptography library did not start", kRefused;
    return kDone;
}

inline int apply_reply_job(const std::vector<std::string>& a, std::string& out) {
    if (a.size() < 3) return out = "the reply was given without its parts", kRefused;
    LoadResult d = load_document(a[0]);
    if (!d.ok) return out = "the open document could not be read", kRefused;
    DecodeOptions o;
    o.passphrase = a[2];
    const ReplyDecodeResult r = decode_reply(a[1], o);
    if (!r.ok) return out = r.error.message, r.error.kind == LinkError::NeedsPassphrase ? kNeedsPassphrase : kRefused;
    const ApplyReplyResult res = apply_reply(d.doc, r.reply);
    if (!res.ok) return out = res.message, kRefused;
    // Lines, not JSON, so that the editor reads the answer without a JSON reader of its own for it.
    auto line = [&out](const std::string& s) { put_line(out, s); };
    out.clear();
    line(r.reply.reviewer);
    line(res.message);
    for (const std::string& a : res.added) line(a);
    out += save_document(d.doc);
    return kDone;
}

inline int reply_base_job(const std::vector<std::string>& a, std::string& out) {
    if (a.size() < 2) return out = "the reply was given without its parts", kRefused;
    DecodeOptions o;
    o.passphrase = a[1];
    const ReplyDecodeResult r = decode_reply(a[0], o);
    if (!r.ok) return out = r.error.message, r.error.kind == LinkError::NeedsPassphrase ? kNeedsPassphrase : kRefused;
    out.clear();
    put_line(out, r.reply.base);
    put_line(out, r.reply.reviewer);
    return kDone;
}

// `args` as a JSON array of strings (how the page hands them to its worker).
inline int run(const std::string& job, const std::vector<std::string>& args, int64_t now_ms, std::string& out) {
    const Instant now{now_ms / 1000 * 1000, 0, true};
    if (args.empty()) return out = "the review job was asked for without its document", kRefused;
    if (job == "note_shared") return note_shared_job(args, now, out);
    if (job == "reply") return reply_job(args, now, out);
    if (job == "apply_reply") return apply_reply_job(args, out);
    if (job == "reply_base") return reply_base_job(args, out);
    out = "unknown review job \"" + job + "\"";
    return kRefused;
}

}  // namespace hs::review_job
