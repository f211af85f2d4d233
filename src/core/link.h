// Share links: a whole postmortem in a URL fragment, which no server ever sees. See docs/links.md.
//   <app url>#h2.<base64url payload>    plain:     canonical JSON -> deflate with a preset dictionary, framed with
//                                                  the declared length and a CRC-32 of the JSON
//   <app url>#h2e.<base64url payload>   encrypted: the plain frame sealed with XChaCha20-Poly1305, key from
//                                                  Argon2id(passphrase, random salt), parameters carried
// This build writes h2 and reads h1, h1e, h2 and h2e. v1 and v2 differ only in the dictionary (dict-v1, and
// dict-v2 = dict-v2-extra + dict-v1) and in the prefix, which the encrypted variant's associated data carries.
// Decoding never returns a partial or different document: every failure has a class and a sentence to act on.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model.h"

namespace hs {

inline constexpr int kLinkVersion = 2;                         // the version this build writes
inline constexpr const char* kLinkPrefixPlain = "h2.";         // v2: deflate + dict-v2 + CRC-32
inline constexpr const char* kLinkPrefixEncrypted = "h2e.";    // v2 frame, sealed (XChaCha20-Poly1305 + Argon2id)
inline constexpr const char* kLinkPrefixPlainV1 = "h1.";       // v1: deflate + dict-v1 + CRC-32 (read only)
inline constexpr const char* kLinkPrefixEncryptedV1 = "h1e.";  // v1 frame, sealed (read only)

inline constexpr size_t kLinkMaxDocumentBytes = 8u * 1024 * 1024;  // cap on the decompressed JSON
inline constexpr size_t kLinkMaxLinkChars = 4u * 1024 * 1024;      // cap on the link text accepted

struct LinkError {
    enum Kind {
        None = 0,
        Empty,            // nothing after '#', or an empty input
        BadCharacters,    // characters outside the link alphabet
        UnknownVersion,   // a prefix this build does not know (newer Hindsight, or not a Hindsight link)
        Truncated,        // shorter than it declares: cut by the app that carried it
        Corrupt,          // checksum or structure mismatch: altered on the way
        TooLarge,         // over the size caps, or unpacks to more than it declares (a "bomb")
        NeedsPassphrase,  // encrypted and no passphrase given
        WrongPassphrase,  // authentication failed with the given passphrase
        NotAPostmortem,   // intact, but its content is not a valid postmortem
        Internal,         // the crypto library could not start, or out of memory
    };
    Kind kind = None;
    std::string message;
};
const char* link_error_name(LinkError::Kind k);  // "truncated", "wrong_passphrase", ...

// Argon2id cost. Defaults follow OWASP's password storage guidance (m = 19 MiB, t = 2, p = 1). Carried in the link
// so that later builds can raise them and older links keep opening.
struct KdfParams {
    uint32_t opslimit = 2;         // Argon2 t (passes)
    uint32_t memlimit_kib = 19456; // Argon2 m in KiB (19 MiB)
};

struct EncodeOptions {
    std::string base_url;     // e.g. "https://hindsight.example.com/"; the result is base_url + "#" + fragment
    std::string passphrase;   // non-empty: encrypted link
    KdfParams kdf;            // tests and the fuzzer may lower it; links carry it
    // Tests inject these for deterministic output; unset = random from libsodium (crypto.getRandomValues on web).
    std::optional<std::array<uint8_t, 16>> salt;
    std::optional<std::array<uint8_t, 24>> nonce;
    // The link version written: kLinkVersion (2). Tests set 1 to check that the v1 writer is unchanged, which
    // shows that dict-v1 and the v1 frame are too; the app and the CLI always write the current version.
    int version = kLinkVersion;
};

struct DecodeOptions {
    std::string passphrase;
    // The most work a link may ask for. Links asking for more are refused (TooLarge) before any key derivation.
    KdfParams max_kdf{16, 256u * 1024};
};

struct DecodeResult {
    bool ok = false;
    Document doc;  // only meaningful when ok
    LinkError error;
};

// The full link: base_url + "#" + prefix + payload (just the fragment "h2...." when base_url is empty).
// Returns "" only if the crypto library cannot start (encrypted links).
std::string encode_link(const Document& doc, const EncodeOptions& opts = {});
// The fragment without '#': "h2.xxxx" or "h2e.xxxx". "" for an unknown opts.version.
std::string encode_fragment(const Document& doc, const EncodeOptions& opts = {});

// Accepts a full URL, a fragment with or without '#', with whitespace/line breaks inserted by mail clients and
// percent-escapes added by chat apps.
DecodeResult decode_link(const std::string& link_or_fragment, const DecodeOptions& opts);
DecodeResult decode_link(const std::string& link_or_fragment, const std::string& passphrase = "");
bool link_is_encrypted(const std::string& link_or_fragment);

// Lower-level pieces, exposed for tests, the fuzzer and the benchmark.
std::string link_normalize(const std::string& link_or_fragment);  // fragment only: trimmed, unescaped
// The plain frame (before base64) of link version 1 or 2; empty for another version. Byte-identical to what a
// fresh deflateInit2 stream writes: the primed stream kept per thread is reset, not reused mid-stream.
std::vector<uint8_t> link_compress(const std::string& json, int version = kLinkVersion);
std::string base64url_encode(const uint8_t* data, size_t n);       // no padding
bool base64url_decode(const std::string& s, std::vector<uint8_t>& out);  // also accepts '+', '/', trailing '='
const std::string& link_dictionary_v1();                            // assets/link/dict-v1.txt
const std::string& link_dictionary_v2();  // assets/link/dict-v2-extra.txt followed by dict-v1

// Where a link of `length` characters fits. Limits are the usual breaking points of each destination.
struct LinkFit {
    std::string destination;  // "Teams", "Outlook", "QR code", "Slack", "Browser"
    size_t limit = 0;         // characters (bytes for the QR code: a URL goes in byte mode)
    bool fits = false;
    std::string note;
};
std::vector<LinkFit> fits_report(size_t length);

}  // namespace hs
