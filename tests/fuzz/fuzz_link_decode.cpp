// libFuzzer target: decoding a share link never crashes, never throws, always explains a refusal, and whatever it
// accepts round-trips. The first byte picks the path (modes 1-3 with the current prefixes h2./h2e., 4-6 the same
// with v1's h1./h1e., which every build keeps reading):
//   0: the rest is link text as pasted (any prefix, whitespace, escapes)
//   1: the rest is a plain frame (base64url-encoded here, "h2." prepended): reaches the inflater (dict-v2)
//   2: the rest is an encrypted payload ("h2e." prepended)
//   3: the rest is an encrypted body; the outer length and CRC are computed here so that the key derivation and
//      the AEAD are reached with fuzzed parameters
//   4, 5, 6: as 1, 2, 3 with "h1." / "h1e." (dict-v1)
// Argon2id is kept cheap by the decode options' cap (the explicit-parameters API), so runs stay fast.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/format.h"
#include "core/link.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1 || size > 200000) return 0;
    const uint8_t mode = data[0] % 7;
    const uint8_t* p = data + 1;
    const size_t n = size - 1;
    const bool v1 = mode >= 4;
    const std::string plain = v1 ? hs::kLinkPrefixPlainV1 : hs::kLinkPrefixPlain;
    const std::string encrypted = v1 ? hs::kLinkPrefixEncryptedV1 : hs::kLinkPrefixEncrypted;
    std::string link;
    switch (mode) {
        case 0: link.assign(reinterpret_cast<const char*>(p), n); break;
        case 1:
        case 4: link = plain + hs::base64url_encode(p, n); break;
        case 2:
        case 5: link = encrypted + hs::base64url_encode(p, n); break;
        default: {
            std::vector<uint8_t> outer;
            uint32_t len = static_cast<uint32_t>(n);
            while (len >= 0x80) {
                outer.push_back(static_cast<uint8_t>(len | 0x80));
                len >>= 7;
            }
            outer.push_back(static_cast<uint8_t>(len));
            uint32_t crc = static_cast<uint32_t>(crc32(0, p, static_cast<uInt>(n)));
            for (int i = 0; i < 4; ++i) outer.push_back(static_cast<uint8_t>(crc >> (8 * i)));
            outer.insert(outer.end(), p, p + n);
            link = encrypted + hs::base64url_encode(outer.data(), outer.size());
        }
    }
    hs::DecodeOptions opts;
    opts.passphrase = "fuzz passphrase";
    opts.max_kdf = hs::KdfParams{2, 256};
    hs::DecodeResult r = hs::decode_link(link, opts);
    if (!r.ok) {
        if (r.error.kind == hs::LinkError::None || r.error.message.empty()) std::abort();  // a refusal says why
        return 0;
    }
    // Accepted: it must be a document that round-trips through a fresh link.
    std::string canonical = hs::save_document(r.doc);
    hs::DecodeResult again = hs::decode_link(hs::encode_link(r.doc));
    if (!again.ok || hs::save_document(again.doc) != canonical) std::abort();
    (void)hs::link_is_encrypted(link);
    return 0;
}
