// libFuzzer target: decoding a reply link never crashes, never throws, always explains a refusal; whatever it
// accepts round-trips through a fresh reply link, and applies to a sample draft the same once as twice, leaving a
// document that saves and loads. The first byte picks the path:
//   0: the rest is reply link text as pasted (any prefix, whitespace, escapes)
//   1: the rest is the reply's JSON, packed here in a plain frame ("r1."): reaches the field-by-field reader
//   2: the rest is a plain frame (base64url-encoded here, "r1." prepended): reaches the inflater
//   3: the rest is an encrypted payload ("r1e." prepended)
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/format.h"
#include "core/link_detail.h"
#include "core/review.h"
#include "core/review_reply.h"

namespace {

hs::Document sample() {
    hs::Document d;
    d.id = "pm-fuzz";
    d.title = "決済エラー / Сбой оплаты";
    d.summary = "The cache was flushed on every node; キャッシュが全ノードで消去された。Кэш очищен.";
    hs::Item rc;
    rc.id = "rc-1";
    rc.text = "Η ανανέωση πιστοποιητικού έκλεισε όλες τις συνδέσεις 🔌";
    d.root_causes.push_back(rc);
    hs::Comment c;
    c.id = "cm-1";
    c.author = "Мария";
    c.text = "Откуда цифра?";
    c.anchor = hs::make_anchor(d, "summary", 4, 9);
    d.comments.push_back(c);
    return d;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1 || size > 200000) return 0;
    const uint8_t mode = data[0] % 4;
    const uint8_t* p = data + 1;
    const size_t n = size - 1;
    std::string link;
    switch (mode) {
        case 0: link.assign(reinterpret_cast<const char*>(p), n); break;
        case 1:
            link = hs::link_detail::pack(std::string(reinterpret_cast<const char*>(p), n), {},
                                         hs::kReplyPrefixPlain, hs::kReplyPrefixEncrypted, hs::reply_dictionary());
            break;
        case 2: link = hs::kReplyPrefixPlain + hs::base64url_encode(p, n); break;
        default: link = hs::kReplyPrefixEncrypted + hs::base64url_encode(p, n); break;
    }
    hs::DecodeOptions opts;
    opts.passphrase = "fuzz passphrase";
    opts.max_kdf = hs::KdfParams{2, 256};
    hs::ReplyDecodeResult r = hs::decode_reply(link, opts);
    if (!r.ok) {
        if (r.error.kind == hs::LinkError::None || r.error.message.empty()) std::abort();  // a refusal says why
        return 0;
    }
    // Accepted: the same reply through a fresh link.
    const hs::Json j = hs::reply_to_json(r.reply);
    hs::ReplyDecodeResult again = hs::decode_reply(hs::encode_reply(r.reply));
    if (!again.ok || hs::reply_to_json(again.reply) != j) std::abort();
    // Applied on the version it names (forced to the sample's), once and twice: the same document, still valid.
    hs::Document d = sample();
    r.reply.base = hs::content_hash(d);
    if (!hs::apply_reply(d, r.reply).ok) std::abort();
    const std::string once = hs::save_document(d);
    if (!hs::apply_reply(d, r.reply).ok || hs::save_document(d) != once) std::abort();
    if (!hs::load_document(once).ok) std::abort();
    for (const hs::Comment& c : d.comments) (void)hs::resolve_anchor(d, c.anchor);
    (void)hs::suggestion_conflicts(d);
    hs::accept_all_suggestions(d, "fuzz", hs::Instant{1, 0, true});
    return 0;
}
