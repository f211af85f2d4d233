// Share-link codec: writes v2, reads v1 and v2. The byte layouts are in docs/links.md; every released prefix must
// keep decoding forever.
//
// Index of this file:
//   versions and prefixes
//   varint (LEB128)
//   plain frame: varint(json length) | CRC-32(json) LE | raw deflate
//   encrypted body
//   dictionaries
//   writing links
//   reading links
#include "link.h"

#include <sodium.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <new>

#include "embedded.h"
#include "format.h"
#include "link_detail.h"

namespace hs {

using link_detail::describe_character;
using link_detail::kB64;
using link_detail::make_error;

namespace {

// ---- versions and prefixes ------------------------------------------------------------------------------------------
// A link version: its prefixes and its dictionary. v1 and v2 share the frame layout; only these differ.
struct Codec {
    int version;
    const char* plain;      // "h2."
    const char* encrypted;  // "h2e.": also the start of the AEAD's associated data
    const std::string& (*dictionary)();
};
const Codec kCodecs[] = {
    {2, kLinkPrefixPlain, kLinkPrefixEncrypted, link_dictionary_v2},
    {1, kLinkPrefixPlainV1, kLinkPrefixEncryptedV1, link_dictionary_v1},
};
const Codec* codec_for(int version) {
    for (const Codec& c : kCodecs)
        if (c.version == version) return &c;
    return nullptr;
}

DecodeResult fail(LinkError::Kind k, std::string detail = "") {
    DecodeResult r;
    r.error = make_error(k, std::move(detail));
    return r;
}

bool ensure_sodium() {
    // sodium_init() is idempotent and thread-safe; on Emscripten it also sets up crypto.getRandomValues for
    // randombytes (randombytes_stir), which must happen before any random bytes are drawn.
    static const int r = sodium_init();
    return r >= 0;
}

// ---- varint (LEB128, at most 5 bytes for 32 bits) ----------------------------------------------------------------
void put_varint(std::vector<uint8_t>& out, uint32_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<uint8_t>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<uint8_t>(v));
}

enum class VarintResult { Ok, Truncated, Bad };
VarintResult get_varint(const uint8_t*& p, const uint8_t* end, uint32_t& v) {
    uint64_t acc = 0;
    for (int i = 0; i < 5; ++i) {
        if (p == end) return VarintResult::Truncated;
        uint8_t b = *p++;
        acc |= static_cast<uint64_t>(b & 0x7f) << (7 * i);
        if (!(b & 0x80)) {
            if (acc > 0xffffffffu || (i > 0 && b == 0)) return VarintResult::Bad;  // overflow or overlong
            v = static_cast<uint32_t>(acc);
            return VarintResult::Ok;
        }
    }
    return VarintResult::Bad;
}

void put_u32le(std::vector<uint8_t>& out, uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}
uint32_t get_u32le(const uint8_t* p) {
    return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 | static_cast<uint32_t>(p[2]) << 16 |
           static_cast<uint32_t>(p[3]) << 24;
}

uint32_t crc_of(const uint8_t* p, size_t n) {
    uLong c = crc32(0L, Z_NULL, 0);
    // zlib's crc32 takes uInt lengths; feed in chunks so that sizes over 4 GiB could never wrap.
    while (n > 0) {
        uInt chunk = n > (1u << 30) ? (1u << 30) : static_cast<uInt>(n);
        c = crc32(c, p, chunk);
        p += chunk;
        n -= chunk;
    }
    return static_cast<uint32_t>(c);
}

// ---- plain frame: varint(json length) | CRC-32(json) LE | raw deflate (the version's dictionary) --------------------
struct FrameResult {
    LinkError::Kind kind = LinkError::None;
    std::string detail;
    std::string json;
};

// The stream unpacks to more than it declares. A changed character usually does that by a little: keep inflating
// into a scratch buffer, discarding, up to a bounded amount; if the stream ends there, call it damage (Corrupt),
// otherwise it is a decompression bomb (TooLarge). The work stays bounded by the cap.
void overrun(z_stream& zs, uint32_t declared, FrameResult& r) {
    const uint64_t limit = std::min<uint64_t>(kLinkMaxDocumentBytes, 2ull * declared + 65536);
    unsigned char scratch[16384];
    int rc = Z_OK;
    while (zs.total_out <= limit) {
        zs.next_out = scratch;
        zs.avail_out = sizeof scratch;
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK) break;
    }
    if (zs.total_out <= limit) {
        r.kind = LinkError::Corrupt;  // ended, or failed, soon after the declared length
        return;
    }
    r.kind = LinkError::TooLarge;
    r.detail = "This link unpacks to far more text than it declares, so Hindsight stopped reading it: it was made "
               "to exhaust memory, or is badly damaged.";
}

FrameResult inflate_frame(const uint8_t* p, size_t n, const std::string& dict) {
    FrameResult r;
    const uint8_t* end = p + n;
    uint32_t declared = 0;
    VarintResult vr = get_varint(p, end, declared);
    if (vr == VarintResult::Truncated) {
        r.kind = LinkError::Truncated;
        return r;
    }
    if (vr == VarintResult::Bad) {
        r.kind = LinkError::Corrupt;
        return r;
    }
    if (declared > kLinkMaxDocumentBytes) {
        r.kind = LinkError::TooLarge;
        r.detail = "This link says it holds " + std::to_string(declared / (1024 * 1024)) +
                   " MiB of text; Hindsight opens links up to 8 MiB.";
        return r;
    }
    if (end - p < 4) {
        r.kind = LinkError::Truncated;
        return r;
    }
    uint32_t crc = get_u32le(p);
    p += 4;

    z_stream zs;
    std::memset(&zs, 0, sizeof zs);
    if (dict.empty() || inflateInit2(&zs, -15) != Z_OK) {
        r.kind = LinkError::Internal;
        r.detail = "the decompressor could not start.";
        return r;
    }
    struct Guard {
        z_stream* z;
        ~Guard() { inflateEnd(z); }
    } guard{&zs};
    if (inflateSetDictionary(&zs, reinterpret_cast<const Bytef*>(dict.data()), static_cast<uInt>(dict.size())) !=
        Z_OK) {
        r.kind = LinkError::Internal;
        r.detail = "the link dictionary is missing.";
        return r;
    }
    // One spare byte beyond the declared length: reaching it means the stream unpacks to more than it says.
    std::string out;
    try {
        out.resize(static_cast<size_t>(declared) + 1);
    } catch (const std::bad_alloc&) {
        r.kind = LinkError::Internal;
        r.detail = "not enough memory.";
        return r;
    }
    zs.next_in = const_cast<Bytef*>(p);
    zs.avail_in = static_cast<uInt>(end - p);
    zs.next_out = reinterpret_cast<Bytef*>(&out[0]);
    zs.avail_out = static_cast<uInt>(out.size());
    int rc = Z_OK;
    while (true) {
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) break;
        if (zs.total_out > declared) {
            overrun(zs, declared, r);
            return r;
        }
        if (rc == Z_OK) continue;  // progress was made
        if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
            r.kind = LinkError::Truncated;  // the stream needs more input than the link has
            return r;
        }
        if (rc == Z_MEM_ERROR) {
            r.kind = LinkError::Internal;
            r.detail = "not enough memory.";
            return r;
        }
        r.kind = LinkError::Corrupt;  // Z_DATA_ERROR, Z_NEED_DICT, Z_STREAM_ERROR
        return r;
    }
    if (zs.total_out > declared) {
        overrun(zs, declared, r);
        return r;
    }
    if (zs.total_out != declared || zs.avail_in != 0) {
        r.kind = LinkError::Corrupt;  // ended early, or characters follow the end of the data
        return r;
    }
    out.resize(declared);
    if (crc_of(reinterpret_cast<const uint8_t*>(out.data()), out.size()) != crc) {
        r.kind = LinkError::Corrupt;
        return r;
    }
    r.json = std::move(out);
    return r;
}

DecodeResult load_json(const std::string& json) {
    LoadResult lr = load_document(json);
    if (!lr.ok) {
        std::string why;
        if (!lr.problems.empty()) {
            const Problem& p = lr.problems.front();
            why = " (" + (p.pointer.empty() ? "" : p.pointer + ": ") + p.message + ")";
        }
        return fail(LinkError::NotAPostmortem, why);
    }
    DecodeResult r;
    r.ok = true;
    r.doc = std::move(lr.doc);
    return r;
}

// ---- encrypted body ------------------------------------------------------------------------------------------------
// outer = varint(body length) | CRC-32(body) LE | body
// body  = kdf id (1 = Argon2id v1.3) | varint t | varint m (KiB) | salt[16] | nonce[24] | XChaCha20-Poly1305(frame)
// The AEAD's associated data is the link's own prefix ("h2e." or "h1e.") and the body's header (kdf id .. nonce), so
// neither the version nor the parameters can be swapped. The outer CRC tells a damaged link (Corrupt, Truncated)
// from a wrong passphrase.
constexpr uint8_t kKdfArgon2id13 = 1;
constexpr size_t kSaltBytes = crypto_pwhash_SALTBYTES;
constexpr size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr size_t kKeyBytes = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
constexpr size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
static_assert(kSaltBytes == 16 && kNonceBytes == 24, "link format fixes salt and nonce sizes");

bool derive_key(const std::string& passphrase, const uint8_t* salt, const KdfParams& kdf, uint8_t* key) {
    return crypto_pwhash(key, kKeyBytes, passphrase.data(), passphrase.size(), salt, kdf.opslimit,
                         static_cast<size_t>(kdf.memlimit_kib) * 1024u, crypto_pwhash_ALG_ARGON2ID13) == 0;
}

std::vector<uint8_t> seal(const std::vector<uint8_t>& frame, const EncodeOptions& opts, const char* prefix,
                          bool& ok) {
    ok = false;
    std::vector<uint8_t> body;
    if (!ensure_sodium()) return body;
    std::array<uint8_t, 16> salt{};
    std::array<uint8_t, 24> nonce{};
    if (opts.salt) salt = *opts.salt; else randombytes_buf(salt.data(), salt.size());
    if (opts.nonce) nonce = *opts.nonce; else randombytes_buf(nonce.data(), nonce.size());
    body.push_back(kKdfArgon2id13);
    put_varint(body, opts.kdf.opslimit);
    put_varint(body, opts.kdf.memlimit_kib);
    body.insert(body.end(), salt.begin(), salt.end());
    body.insert(body.end(), nonce.begin(), nonce.end());
    std::vector<uint8_t> ad(prefix, prefix + std::strlen(prefix));  // binds the version: no relabelling
    ad.insert(ad.end(), body.begin(), body.end());

    uint8_t key[kKeyBytes];
    if (!derive_key(opts.passphrase, salt.data(), opts.kdf, key)) return {};
    size_t head = body.size();
    body.resize(head + frame.size() + kTagBytes);
    unsigned long long clen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(body.data() + head, &clen, frame.data(), frame.size(), ad.data(),
                                               ad.size(), nullptr, nonce.data(), key);
    sodium_memzero(key, sizeof key);
    body.resize(head + static_cast<size_t>(clen));

    std::vector<uint8_t> outer;
    put_varint(outer, static_cast<uint32_t>(body.size()));
    put_u32le(outer, crc_of(body.data(), body.size()));
    outer.insert(outer.end(), body.begin(), body.end());
    ok = true;
    return outer;
}

FrameResult frame_fail(LinkError::Kind k, std::string detail = "") {
    FrameResult r;
    r.kind = k;
    r.detail = std::move(detail);
    return r;
}

// The frame inside an encrypted body; `prefix` is the link's own ("h2e.", "r1e."), bound as associated data.
FrameResult open_sealed_frame(const std::vector<uint8_t>& bytes, const DecodeOptions& opts, const char* prefix,
                              const std::string& dict) {
    const uint8_t* p = bytes.data();
    const uint8_t* end = p + bytes.size();
    uint32_t body_len = 0;
    VarintResult vr = get_varint(p, end, body_len);
    if (vr == VarintResult::Truncated) return frame_fail(LinkError::Truncated);
    if (vr == VarintResult::Bad) return frame_fail(LinkError::Corrupt);
    if (body_len > kLinkMaxDocumentBytes + 1024) {
        return frame_fail(LinkError::TooLarge,
                          "This link says it holds more than 8 MiB; Hindsight opens links up to 8 MiB.");
    }
    if (end - p < 4) return frame_fail(LinkError::Truncated);
    uint32_t crc = get_u32le(p);
    p += 4;
    size_t have = static_cast<size_t>(end - p);
    if (have < body_len) return frame_fail(LinkError::Truncated);
    if (have > body_len) return frame_fail(LinkError::Corrupt, " (it has characters after its end)");
    if (crc_of(p, body_len) != crc) return frame_fail(LinkError::Corrupt);

    if (body_len == 0) return frame_fail(LinkError::Corrupt);
    const uint8_t* body = p;
    uint8_t kdf_id = *p++;
    if (kdf_id != kKdfArgon2id13) {
        return frame_fail(LinkError::UnknownVersion,
                    "This link is protected with a key derivation this version of Hindsight does not know: it was "
                    "probably made by a newer Hindsight. Open it there, or ask the sender for the file.");
    }
    KdfParams kdf;
    if (get_varint(p, end, kdf.opslimit) != VarintResult::Ok) return frame_fail(LinkError::Corrupt);
    if (get_varint(p, end, kdf.memlimit_kib) != VarintResult::Ok) return frame_fail(LinkError::Corrupt);
    if (kdf.opslimit < crypto_pwhash_argon2id_OPSLIMIT_MIN || kdf.memlimit_kib < 8) {
        return frame_fail(LinkError::Corrupt, " (its key derivation settings are impossible)");
    }
    if (kdf.opslimit > opts.max_kdf.opslimit || kdf.memlimit_kib > opts.max_kdf.memlimit_kib) {
        return frame_fail(LinkError::TooLarge, "This link asks for more work to unlock (Argon2id t=" +
                                             std::to_string(kdf.opslimit) + ", " +
                                             std::to_string(kdf.memlimit_kib / 1024) +
                                             " MiB) than Hindsight allows.");
    }
    if (static_cast<size_t>(end - p) < kSaltBytes + kNonceBytes + kTagBytes) return frame_fail(LinkError::Corrupt);
    const uint8_t* salt = p;
    const uint8_t* nonce = p + kSaltBytes;
    p += kSaltBytes + kNonceBytes;
    if (opts.passphrase.empty()) return frame_fail(LinkError::NeedsPassphrase);
    if (!ensure_sodium()) return frame_fail(LinkError::Internal, "the cryptography library could not start.");

    std::vector<uint8_t> ad(prefix, prefix + std::strlen(prefix));
    ad.insert(ad.end(), body, p);
    uint8_t key[kKeyBytes];
    if (!derive_key(opts.passphrase, salt, kdf, key)) {
        return frame_fail(LinkError::Internal, "not enough memory to derive the key from the passphrase.");
    }
    size_t clen = static_cast<size_t>(end - p);
    std::vector<uint8_t> frame(clen - kTagBytes);
    unsigned long long mlen = 0;
    int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(frame.data(), &mlen, nullptr, p, clen, ad.data(), ad.size(),
                                                        nonce, key);
    sodium_memzero(key, sizeof key);
    if (rc != 0) return frame_fail(LinkError::WrongPassphrase);
    FrameResult fr = inflate_frame(frame.data(), static_cast<size_t>(mlen), dict);
    // Authenticated, so the sender's build wrote a bad frame: report it as damage, never as a cut.
    if (fr.kind == LinkError::Truncated) fr.kind = LinkError::Corrupt;
    return fr;
}

bool starts_with(const std::string& s, const char* p) { return s.compare(0, std::strlen(p), p) == 0; }

}  // namespace

// ---- dictionaries ---------------------------------------------------------------------------------------------------
const std::string& link_dictionary_v1() {
    static const std::string d = [] {
        const EmbeddedFile* f = find_embedded("link/dict-v1.txt");
        return f ? std::string(f->data, f->size) : std::string();
    }();
    return d;
}

const std::string& link_dictionary_v2() {
    static const std::string d = [] {
        const EmbeddedFile* f = find_embedded("link/dict-v2-extra.txt");
        const std::string& v1 = link_dictionary_v1();
        return f && !v1.empty() ? std::string(f->data, f->size) + v1 : std::string();
    }();
    return d;
}

bool link_is_encrypted(const std::string& link_or_fragment) {
    if (link_or_fragment.size() > kLinkMaxLinkChars) return false;
    const std::string s = link_normalize(link_or_fragment);
    for (const Codec& c : kCodecs)
        if (starts_with(s, c.encrypted)) return true;
    return false;
}

namespace {

// ---- writing links --------------------------------------------------------------------------------------------------
// Deflate settings per version: level 9 for both; v1's memLevel 9 and chains are frozen with its fixtures, so that
// the v1 writer can still be checked byte for byte. v2's may change: any raw deflate stream that inflates with
// dict-v2 is a valid h2 link. v2 uses memLevel 8 (links of the same length for every sample, ~5% faster) and hash
// chains of 256 instead of level 9's 4,096: ~10% faster, and links within 2 bytes of level 9's for all samples and templates
// but the largest, whose link is 0.3% longer (test_link.cpp holds every one to 0.5% of its v1 link). Chains of 128
// were ~15% faster again but made links up to 0.5% longer. deflateReset restores the level's own settings, so the
// chains are set after each reset. See bench/RESULTS.md.
int mem_level_for(int version) { return version == 1 ? 9 : 8; }

// One deflate stream per thread and version, allocated on first use. A fresh deflateInit2 per link cost more than
// the compression of a small document: its ~260-400 KB of tables were mapped and zeroed by the kernel on each call
// (glibc serves blocks that large with mmap). deflateReset + deflateSetDictionary put the stream in exactly the
// state a fresh one reaches, so the bytes written are the same (test_link.cpp checks it against a fresh stream).
struct DeflateStream {
    z_stream zs;
    bool ready = false;
    explicit DeflateStream(int mem_level) {
        std::memset(&zs, 0, sizeof zs);
        ready = deflateInit2(&zs, 9, Z_DEFLATED, -15, mem_level, Z_DEFAULT_STRATEGY) == Z_OK;
    }
    ~DeflateStream() {
        if (ready) deflateEnd(&zs);
    }
    DeflateStream(const DeflateStream&) = delete;
    DeflateStream& operator=(const DeflateStream&) = delete;
};

// The plain frame of `json`, deflated by `zs` (freshly initialised or reset) primed with `dict`.
std::vector<uint8_t> deflate_frame(z_stream& zs, const std::string& json, const std::string& dict) {
    if (deflateSetDictionary(&zs, reinterpret_cast<const Bytef*>(dict.data()), static_cast<uInt>(dict.size())) !=
        Z_OK)
        return {};
    std::vector<uint8_t> frame;
    put_varint(frame, static_cast<uint32_t>(json.size()));
    put_u32le(frame, crc_of(reinterpret_cast<const uint8_t*>(json.data()), json.size()));
    size_t head = frame.size();
    frame.resize(head + deflateBound(&zs, static_cast<uLong>(json.size())) + 16);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(json.data()));
    zs.avail_in = static_cast<uInt>(json.size());
    zs.next_out = frame.data() + head;
    zs.avail_out = static_cast<uInt>(frame.size() - head);
    int rc = deflate(&zs, Z_FINISH);
    size_t produced = zs.total_out;
    zs.next_in = nullptr;  // the stream outlives json and frame
    zs.next_out = nullptr;
    zs.avail_in = zs.avail_out = 0;
    if (rc != Z_STREAM_END) return {};
    frame.resize(head + produced);
    return frame;
}

}  // namespace

std::vector<uint8_t> link_compress(const std::string& json, int version) {
    const Codec* codec = codec_for(version);
    if (!codec) return {};
    const std::string& dict = codec->dictionary();
    if (dict.empty()) return {};
    // Allocated on first use per version: the v1 writer (tests only) costs nothing in the app.
    thread_local std::unique_ptr<DeflateStream> streams[2];
    std::unique_ptr<DeflateStream>& stream = streams[version == 1 ? 0 : 1];
    if (!stream) stream.reset(new (std::nothrow) DeflateStream(mem_level_for(version)));
    if (!stream || !stream->ready) return {};
    z_stream& zs = stream->zs;
    if (deflateReset(&zs) != Z_OK) return {};
    // good_length, max_lazy and nice_length as level 9 has them; max_chain 256 (see mem_level_for).
    if (version != 1 && deflateTune(&zs, 32, 258, 258, 256) != Z_OK) return {};
    return deflate_frame(zs, json, dict);
}

std::string encode_fragment(const Document& doc, const EncodeOptions& opts) {
    const Codec* codec = codec_for(opts.version);
    if (!codec || codec->dictionary().empty()) return "";
    std::string json = save_document(doc, false);
    std::vector<uint8_t> frame = link_compress(json, opts.version);
    if (frame.empty()) return "";
    if (opts.passphrase.empty()) return codec->plain + base64url_encode(frame.data(), frame.size());
    bool ok = false;
    std::vector<uint8_t> outer = seal(frame, opts, codec->encrypted, ok);
    if (!ok) return "";
    return codec->encrypted + base64url_encode(outer.data(), outer.size());
}

std::string encode_link(const Document& doc, const EncodeOptions& opts) {
    std::string f = encode_fragment(doc, opts);
    if (f.empty()) return "";
    if (opts.base_url.empty()) return f;
    std::string base = opts.base_url;
    size_t hash = base.find('#');
    if (hash != std::string::npos) base.resize(hash);  // replace any fragment already there
    return base + "#" + f;
}

namespace link_detail {

std::string pack(const std::string& text, const EncodeOptions& opts, const char* plain, const char* encrypted,
                 const std::string& dict) {
    // Replies are small and rare: a fresh stream each time (the kept ones are for share links' settings).
    std::unique_ptr<DeflateStream> stream(new (std::nothrow) DeflateStream(mem_level_for(kLinkVersion)));
    if (!stream || !stream->ready || dict.empty()) return "";
    std::vector<uint8_t> frame = deflate_frame(stream->zs, text, dict);
    if (frame.empty()) return "";
    if (opts.passphrase.empty()) return plain + base64url_encode(frame.data(), frame.size());
    bool ok = false;
    std::vector<uint8_t> outer = seal(frame, opts, encrypted, ok);
    if (!ok) return "";
    return encrypted + base64url_encode(outer.data(), outer.size());
}

Unpacked unpack(const std::string& payload, size_t skip, const char* encrypted_prefix, const DecodeOptions& opts,
                const std::string& dict) {
    Unpacked u;
    if (payload.empty()) {
        u.kind = LinkError::Truncated;
        return u;
    }
    std::vector<uint8_t> bytes;
    if (!base64url_decode(payload, bytes)) {
        size_t bad = 0;
        while (bad < payload.size() && std::strchr(kB64, payload[bad]) && payload[bad] != '\0') ++bad;
        u.kind = LinkError::BadCharacters;
        if (bad < payload.size())  // all before it is ASCII, so the byte position is the character position
            u.detail = " (" + describe_character(payload, bad) + " at position " + std::to_string(skip + bad + 1) +
                       " after '#')";
        return u;
    }
    FrameResult fr = encrypted_prefix ? open_sealed_frame(bytes, opts, encrypted_prefix, dict)
                                      : inflate_frame(bytes.data(), bytes.size(), dict);
    u.kind = fr.kind;
    u.detail = std::move(fr.detail);
    u.text = std::move(fr.json);
    return u;
}

}  // namespace link_detail

// ---- reading links --------------------------------------------------------------------------------------------------
DecodeResult decode_link(const std::string& link_or_fragment, const DecodeOptions& opts) {
    try {
        if (link_or_fragment.size() > kLinkMaxLinkChars) {
            return fail(LinkError::TooLarge, "This link is longer than 4 MiB of text; Hindsight opens links up to "
                                             "that size.");
        }
        std::string s = link_normalize(link_or_fragment);
        if (s.empty()) return fail(LinkError::Empty);
        bool encrypted = false;
        size_t skip = 0;
        const Codec* codec = nullptr;
        for (const Codec& c : kCodecs) {
            if (starts_with(s, c.encrypted)) {
                encrypted = true;
                skip = std::strlen(c.encrypted);
            } else if (starts_with(s, c.plain)) {
                skip = std::strlen(c.plain);
            } else {
                continue;
            }
            codec = &c;
            break;
        }
        if (!codec) {
            // "h<digits>[letters]." looks like ours from another version.
            size_t i = 0;
            bool ours = s.size() > 2 && s[0] == 'h' && s[1] >= '0' && s[1] <= '9';
            if (ours) {
                i = 1;
                while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
                while (i < s.size() && s[i] >= 'a' && s[i] <= 'z') ++i;
                ours = i < s.size() && s[i] == '.' && i <= 12;
            }
            if (ours) {
                return fail(LinkError::UnknownVersion,
                            "This link was made by a newer version of Hindsight (its format \"" + s.substr(0, i) +
                                "\" is unknown here). Open it with the newest Hindsight, or ask the sender for the "
                                "file instead (Share > Download file).");
            }
            return fail(LinkError::UnknownVersion);
        }
        link_detail::Unpacked u = link_detail::unpack(s.substr(skip), skip, encrypted ? codec->encrypted : nullptr,
                                                      opts, codec->dictionary());
        if (u.kind != LinkError::None) return fail(u.kind, u.detail);
        return load_json(u.text);
    } catch (const std::bad_alloc&) {
        return fail(LinkError::Internal, "not enough memory.");
    } catch (const std::exception& e) {
        return fail(LinkError::Internal, e.what());
    }
}

DecodeResult decode_link(const std::string& link_or_fragment, const std::string& passphrase) {
    DecodeOptions o;
    o.passphrase = passphrase;
    return decode_link(link_or_fragment, o);
}

}  // namespace hs
