// Reply links: what one reviewer added to the version they received (new comments, replies, resolve/reopen,
// suggestions, a decision), named by that version's content hash, in a short link the author applies to the draft.
//   <app url>#r1.<base64url payload>    plain: short-key JSON -> the share links' frame (length, CRC-32, deflate
//                                       with reply_dictionary()), base64url
//   <app url>#r1e.<base64url payload>   encrypted as share links are (XChaCha20-Poly1305, Argon2id), "r1e." bound
// Decoding has the share links' error classes and caps (link.h); every failure is a sentence to act on. The JSON
// keys and the rules are in docs/format.md ("Reply links").
//
// The round trip, as the editor runs it:
//   author:   note_shared(doc, now) when making the share link (review.h), so that replies on this version apply;
//   reviewer: keep the document as received; add_comment / add_comment_reply / resolve_comment / add_suggestion /
//             record_decision on a copy (review.h); make_reply(received, copy, name, now); encode_reply(reply, opts);
//   author:   decode_reply(link, opts); apply_reply(draft, reply), which says what it added, or what it needs.
// Encoding and decoding need the link dictionaries and libsodium, which the web build has in its worker.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "link.h"
#include "model.h"

namespace hs {

inline constexpr const char* kReplyPrefixPlain = "r1.";
inline constexpr const char* kReplyPrefixEncrypted = "r1e.";
inline constexpr size_t kReplyMaxBytes = 1024u * 1024;  // cap on the unpacked reply
inline constexpr size_t kReplyMaxEntries = 2000;        // comments, replies, marks and suggestions together

struct ReplyAnswer {  // a reply to a comment the base version already had
    std::string comment_id;
    CommentReply reply;
};
struct ReplyMark {  // a comment the base version already had, resolved or reopened
    std::string comment_id;
    bool resolved = true;
    Mark mark;
};

struct ReviewReply {
    std::string base;      // content_hash of the version the reviewer received
    std::string reviewer;  // the name the reviewer typed: proves nothing (docs/security.md)
    std::vector<Comment> comments;
    std::vector<ReplyAnswer> answers;
    std::vector<ReplyMark> marks;
    std::vector<Suggestion> suggestions;
    std::optional<Approval> decision;
};
bool reply_is_empty(const ReviewReply& r);

// What `edited` (the reviewer's copy) adds to `base` (the version received): comments, replies, marks and
// suggestions that are new, the reviewer's latest decision if new, and each text field the reviewer changed as a
// suggestion (the changed span). Authors left empty are `reviewer`. A quote keeps its context only where it occurs
// more than once in its field of `base` (the quote and its offset find it otherwise), to keep the link short.
ReviewReply make_reply(const Document& base, const Document& edited, const std::string& reviewer, Instant now);

// The reply as its short-key JSON (for tests, the benchmark and the fuzzer) and back. reply_from_json returns false
// with a sentence in `why` when the JSON is not a reply.
Json reply_to_json(const ReviewReply& r);
bool reply_from_json(const Json& j, ReviewReply& out, std::string& why);

// The link: opts.base_url + "#" + "r1." (or "r1e." with opts.passphrase) + payload. "" if the crypto library cannot
// start.
std::string encode_reply(const ReviewReply& r, const EncodeOptions& opts = {});

struct ReplyDecodeResult {
    bool ok = false;
    ReviewReply reply;  // only meaningful when ok
    LinkError error;
};
// Accepts what decode_link accepts (a full URL, a fragment, whitespace and escapes added on the way).
ReplyDecodeResult decode_reply(const std::string& link_or_fragment, const DecodeOptions& opts = {});
bool is_reply_link(const std::string& link_or_fragment);
// The deflate dictionary of r1 replies: the last 32 KiB of dict-v2 followed by the skeleton of a reply's JSON.
const std::string& reply_dictionary();

struct ApplyReplyResult {
    bool ok = false;             // false: nothing was changed; `message` says what is needed
    bool known_base = false;
    std::string message;         // one sentence: what was added, or why nothing could be
    std::vector<std::string> added;  // one line per new element ("Comment by Мария on summary: ...")
};
// Applies the reply when its base is known (knows_version): joins its elements into the document's review data
// (review.h), so replies apply in any order, and twice, to the same result. Anchors are kept as written (quote and
// context); resolve_anchor finds them in the current text.
ApplyReplyResult apply_reply(Document& d, const ReviewReply& r);

}  // namespace hs
