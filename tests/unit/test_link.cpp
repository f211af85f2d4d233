// Share links: round trips (plain and encrypted), every failure class with its message, limits, frozen v1 and v2
// links. This build writes v2 (h2., h2e.) and reads v1 (h1., h1e.) too.
#include <catch2/catch.hpp>

#include <zlib.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>
#include <unordered_set>

#include "core/embedded.h"
#include "core/format.h"
#include "core/link.h"
#include "platform/native/passphrase.h"

using namespace hs;

namespace {

Document load_embedded(const std::string& path) {
    const EmbeddedFile* f = find_embedded(path);
    REQUIRE(f != nullptr);
    LoadResult r = load_document(std::string(f->data, f->size));
    REQUIRE(r.ok);
    return r.doc;
}

std::vector<std::string> all_documents() {
    std::vector<std::string> v = list_embedded("samples/");
    for (const auto& t : list_embedded("templates/")) v.push_back(t);
    return v;
}

std::string read_text(const std::string& rel) {
    std::ifstream f(std::string(HS_SOURCE_DIR) + "/" + rel, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// Cheap Argon2id for the many encrypted round trips; the real default is tested separately.
EncodeOptions cheap(const std::string& pass) {
    EncodeOptions o;
    o.passphrase = pass;
    o.kdf = KdfParams{1, 64};
    return o;
}

std::array<uint8_t, 16> fixed_salt() {
    std::array<uint8_t, 16> s{};
    for (size_t i = 0; i < s.size(); ++i) s[i] = static_cast<uint8_t>(i * 7 + 1);
    return s;
}
std::array<uint8_t, 24> fixed_nonce() {
    std::array<uint8_t, 24> n{};
    for (size_t i = 0; i < n.size(); ++i) n[i] = static_cast<uint8_t>(200 - i);
    return n;
}

// A raw deflate stream from a fresh zlib stream: level 9, memLevel 9 (the v1 writer's settings), with `dict`.
std::vector<uint8_t> fresh_deflate(const std::string& content, const std::string& dict) {
    z_stream zs{};
    REQUIRE(deflateInit2(&zs, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) == Z_OK);
    deflateSetDictionary(&zs, reinterpret_cast<const Bytef*>(dict.data()), static_cast<uInt>(dict.size()));
    std::vector<uint8_t> buf(deflateBound(&zs, static_cast<uLong>(content.size())) + 64);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(content.data()));
    zs.avail_in = static_cast<uInt>(content.size());
    zs.next_out = buf.data();
    zs.avail_out = static_cast<uInt>(buf.size());
    REQUIRE(deflate(&zs, Z_FINISH) == Z_STREAM_END);
    buf.resize(zs.total_out);
    deflateEnd(&zs);
    return buf;
}

// A plain link built by hand: prefix + base64url(varint length | crc | raw deflate with the version's dictionary).
std::string plain_link_from(const std::string& declared_json, uint32_t declared_len, const std::string& content,
                            int version = kLinkVersion) {
    std::vector<uint8_t> f;
    uint32_t v = declared_len;
    while (v >= 0x80) {
        f.push_back(static_cast<uint8_t>(v | 0x80));
        v >>= 7;
    }
    f.push_back(static_cast<uint8_t>(v));
    uint32_t crc = static_cast<uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(declared_json.data()), static_cast<uInt>(declared_json.size())));
    for (int i = 0; i < 4; ++i) f.push_back(static_cast<uint8_t>(crc >> (8 * i)));
    std::vector<uint8_t> buf = fresh_deflate(content, version == 1 ? link_dictionary_v1() : link_dictionary_v2());
    f.insert(f.end(), buf.begin(), buf.end());
    return std::string(version == 1 ? kLinkPrefixPlainV1 : kLinkPrefixPlain) + base64url_encode(f.data(), f.size());
}

EncodeOptions v1(EncodeOptions o = {}) {
    o.version = 1;
    return o;
}

uint32_t crc_of(const std::string& s) {
    return static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(s.data()), static_cast<uInt>(s.size())));
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("link: every sample and template round-trips through a plain link (h2., and v1's h1.)", "[link]") {
    REQUIRE(link_dictionary_v1().size() > 8000);
    REQUIRE(link_dictionary_v1().size() <= 32768);
    for (const auto& path : all_documents()) {
        for (int version : {2, 1}) {  // what the app writes, and v1 (read forever; written here for the test)
            INFO(path << " v" << version);
            Document d = load_embedded(path);
            EncodeOptions o;
            o.base_url = "https://hindsight.example.com/app/";
            o.version = version;
            std::string link = encode_link(d, o);
            REQUIRE(link.rfind("https://hindsight.example.com/app/#h" + std::to_string(version) + ".", 0) == 0);
            CHECK_FALSE(link_is_encrypted(link));
            DecodeResult r = decode_link(link);
            INFO(r.error.message);
            REQUIRE(r.ok);
            CHECK(save_document(r.doc) == save_document(d));
            // Deterministic: the same document always gives the same plain link.
            CHECK(encode_link(d, o) == link);
        }
    }
}

TEST_CASE("link: every sample and template round-trips through an encrypted link (h2e., h1e.)", "[link]") {
    for (const auto& path : all_documents()) {
        for (int version : {2, 1}) {
            INFO(path << " v" << version);
            Document d = load_embedded(path);
            EncodeOptions o = cheap("tide pool lantern");
            o.version = version;
            std::string link = encode_link(d, o);
            REQUIRE(link.rfind("h" + std::to_string(version) + "e.", 0) == 0);
            CHECK(link_is_encrypted(link));
            DecodeResult r = decode_link(link, "tide pool lantern");
            INFO(r.error.message);
            REQUIRE(r.ok);
            CHECK(save_document(r.doc) == save_document(d));
        }
    }
}

TEST_CASE("link: encrypted links with the default (OWASP) Argon2id parameters", "[link]") {
    KdfParams def;
    CHECK(def.opslimit == 2);
    CHECK(def.memlimit_kib == 19 * 1024);
    Document d = load_embedded("samples/sre-checkout-outage.json");
    EncodeOptions o;
    o.passphrase = "correct horse battery staple";
    std::string a = encode_link(d, o);
    std::string b = encode_link(d, o);
    CHECK(a != b);  // random salt and nonce each time
    DecodeResult r = decode_link(a, o.passphrase);
    INFO(r.error.message);
    REQUIRE(r.ok);
    CHECK(save_document(r.doc) == save_document(d));
    DecodeResult w = decode_link(a, "correct horse battery stapler");
    CHECK_FALSE(w.ok);
    CHECK(w.error.kind == LinkError::WrongPassphrase);
    CHECK(w.error.message == "The passphrase is not right for this link.");
}

TEST_CASE("link: injected salt and nonce make encrypted links deterministic", "[link]") {
    Document d = load_embedded("templates/minimal.json");
    EncodeOptions o = cheap("pass");
    o.salt = fixed_salt();
    o.nonce = fixed_nonce();
    std::string a = encode_link(d, o);
    CHECK(encode_link(d, o) == a);
    o.nonce->at(0) ^= 1;
    CHECK(encode_link(d, o) != a);
}

namespace {
// The frozen links of one version (tests/data/link/v<N>-plain.txt, -encrypted.txt) decode to v<N>-expected.json.
void check_frozen_links(const std::string& version, const std::string& passphrase) {
    std::string plain = read_text("tests/data/link/" + version + "-plain.txt");
    std::string enc = read_text("tests/data/link/" + version + "-encrypted.txt");
    std::string expected = read_text("tests/data/link/" + version + "-expected.json");
    INFO(version);
    REQUIRE(plain.rfind("h" + version.substr(1) + ".", 0) == 0);
    REQUIRE(enc.rfind("h" + version.substr(1) + "e.", 0) == 0);
    DecodeResult p = decode_link(plain);
    INFO(p.error.message);
    REQUIRE(p.ok);
    CHECK(save_document(p.doc) + "\n" == expected);
    DecodeResult e = decode_link(enc, passphrase);
    INFO(e.error.message);
    REQUIRE(e.ok);
    CHECK(save_document(e.doc) + "\n" == expected);
}
}  // namespace

TEST_CASE("link: links frozen at v1 keep decoding (tests/data/link)", "[link]") {
    // These files were written once by this build's encoder. If this fails, the v1 format or dict-v1 changed:
    // never do that; make a new prefix instead (docs/links.md).
    check_frozen_links("v1", "frozen v1 passphrase");
    // And today's v1 writer (kept for this check; the app writes v2) still writes exactly the frozen links: dict-v1
    // and the v1 frame are unchanged.
    Document d = load_embedded("samples/minimal-cert-expiry.json");
    CHECK(encode_link(d, v1()) + "\n" == read_text("tests/data/link/v1-plain.txt"));
    EncodeOptions o = v1(cheap("frozen v1 passphrase"));
    o.salt = fixed_salt();
    o.nonce = fixed_nonce();
    CHECK(encode_link(d, o) + "\n" == read_text("tests/data/link/v1-encrypted.txt"));
    CHECK(link_dictionary_v1().size() == 23811);
    CHECK(crc_of(link_dictionary_v1()) == 0x489532FAu);
}

TEST_CASE("link: links frozen at v2 keep decoding (tests/data/link)", "[link]") {
    // Written once by this build's encoder. If this fails, the v2 frame or dict-v2 changed: never do that; make a
    // new prefix instead (docs/links.md). v2's deflate settings may change (any stream that inflates is valid), so
    // this checks decoding and the dictionary, not the writer's bytes.
    check_frozen_links("v2", "frozen v2 passphrase");
    // dict-v2 is the stored extra part followed by dict-v1, pinned by size and CRC.
    const std::string& d2 = link_dictionary_v2();
    CHECK(d2 == read_text("assets/link/dict-v2-extra.txt") + link_dictionary_v1());
    CHECK(d2.size() == 32244);
    CHECK(crc_of(d2) == 0x07BF9BE2u);
}

TEST_CASE("link: a frozen h2e. link with a non-ASCII passphrase opens with its NFC bytes, not its NFD bytes",
          "[link]") {
    // tests/data/link/v2-encrypted-unicode.txt: v2-expected.json sealed (Argon2id t=1, m=64 KiB, the fixed salt and
    // nonce) with "пароль-ключ 鍵 Ωμέγα café 암호" in NFC. The passphrase files hold it in NFC and in NFD, each with
    // one trailing line break, as the CLI reads them.
    auto pass_file = [](const std::string& form) {
        std::string p = read_text("tests/data/link/v2-unicode-pass-" + form + ".txt");
        REQUIRE(!p.empty());
        REQUIRE(p.back() == '\n');
        p.pop_back();
        return p;
    };
    const std::string nfc = pass_file("nfc"), nfd = pass_file("nfd");
    const std::string expected = read_text("tests/data/link/v2-expected.json");
    const std::string link = read_text("tests/data/link/v2-encrypted-unicode.txt");
    REQUIRE(link.rfind("h2e.", 0) == 0);
    // The files really differ: é (C3 A9) and e + U+0301 (65 CC 81), and the Hangul syllables against their jamo.
    CHECK(contains(nfc, "caf\xc3\xa9"));
    CHECK(contains(nfd, "cafe\xcc\x81"));
    CHECK(contains(nfc, "\xec\x95\x94\xed\x98\xb8"));                          // 암호
    CHECK(contains(nfd, "\xe1\x84\x8b\xe1\x85\xa1\xe1\x86\xb7\xe1\x84\x92\xe1\x85\xa9"));  // its jamo
    CHECK(nfc.size() == 49);
    CHECK(nfd.size() == 61);

    DecodeResult ok = decode_link(link, nfc);
    INFO(ok.error.message);
    REQUIRE(ok.ok);
    CHECK(save_document(ok.doc) + "\n" == expected);
    // The codec takes the passphrase's bytes as given: normalising is the caller's job (the app and the CLI).
    DecodeResult raw = decode_link(link, nfd);
    CHECK_FALSE(raw.ok);
    CHECK(raw.error.kind == LinkError::WrongPassphrase);
    // What the CLI does with either file.
    for (const std::string* typed : {&nfc, &nfd}) {
        std::string normalised, why;
        REQUIRE(normalize_passphrase_nfc(*typed, normalised, why));
        CHECK(normalised == nfc);
        DecodeResult r = decode_link(link, normalised);
        INFO(r.error.message);
        REQUIRE(r.ok);
        CHECK(save_document(r.doc) + "\n" == expected);
    }
}

TEST_CASE("link: passphrases are normalised to NFC by the native helper, and bytes that are not UTF-8 are refused",
          "[link]") {
    auto nfc = [](const std::string& in) {
        std::string out = "unchanged", why;
        const bool ok = normalize_passphrase_nfc(in, out, why);
        INFO(why);
        REQUIRE(ok);
        CHECK(why.empty());
        return out;
    };
    CHECK(nfc("correct horse battery staple") == "correct horse battery staple");  // ASCII is already NFC
    CHECK(nfc("caf\xc3\xa9") == "caf\xc3\xa9");                                      // composed stays
    CHECK(nfc("cafe\xcc\x81") == "caf\xc3\xa9");                                     // e + U+0301 -> U+00E9
    CHECK(nfc("\xd0\xb5\xcc\x88") == "\xd1\x91");                                   // е + U+0308 -> ё
    CHECK(nfc("\xce\xb5\xcc\x81") == "\xce\xad");                                   // ε + U+0301 -> έ
    CHECK(nfc("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab") == "\xed\x95\x9c");          // Hangul jamo -> 한
    CHECK(nfc("\xe1\x84\x92\xe1\x85\xa1") == "\xed\x95\x98");                      // leading + vowel -> 하
    CHECK(nfc("\xed\x95\x98\xe1\x86\xab") == "\xed\x95\x9c");                      // 하 + trailing -> 한
    // Canonical reordering: dot below (ccc 220) before acute (ccc 230), then composition.
    CHECK(nfc("e\xcc\x81\xcc\xa3") == nfc("e\xcc\xa3\xcc\x81"));
    // NFC, not NFKC: compatibility forms (the "fi" ligature, full-width letters) are kept as typed.
    CHECK(nfc("\xef\xac\x81") == "\xef\xac\x81");
    CHECK(nfc("\xef\xbc\xa1") == "\xef\xbc\xa1");
    CHECK(nfc("\xf0\x9f\x99\x82 \xe9\x8d\xb5") == "\xf0\x9f\x99\x82 \xe9\x8d\xb5");  // emoji and CJK as they are
    CHECK(nfc("") == "");

    struct Bad {
        std::string bytes;
        const char* where;
    };
    for (const Bad& b : {Bad{"caf\xe9", "the byte 0xE9 at offset 3"},           // Latin-1 é
                         Bad{"\xff\xfep\x00", "the byte 0xFF at offset 0"},     // UTF-16 with its byte-order mark
                         Bad{"ab\xc3", "the byte 0xC3 at offset 2"},             // cut sequence
                         Bad{"ab\xc3(", "the byte 0xC3 at offset 2"},            // lead byte without continuation
                         Bad{"\xc0\xaf", "the byte 0xC0 at offset 0"},           // overlong '/'
                         Bad{"x\xed\xa0\x80", "the byte 0xED at offset 1"},      // an encoded surrogate (CESU-8)
                         Bad{"\xf4\x90\x80\x80", "the byte 0xF4 at offset 0"},   // above U+10FFFF
                         Bad{"ok\x80", "the byte 0x80 at offset 2"}}) {          // a stray continuation byte
        std::string out = "unchanged", why;
        INFO(b.where);
        CHECK_FALSE(normalize_passphrase_nfc(b.bytes, out, why));
        CHECK(out == "unchanged");
        CHECK(contains(why, "not valid UTF-8"));
        CHECK(contains(why, b.where));
        CHECK(contains(why, "Save the passphrase file as UTF-8"));
    }
}

TEST_CASE("link: dict-v2 never compresses a sample or template worse than dict-v1; the v2 writer stays within 0.5% of "
          "v1; unknown versions write nothing", "[link]") {
    for (const auto& path : all_documents()) {
        INFO(path);
        Document d = load_embedded(path);
        const std::string json = save_document(d, false);
        // dict-v2 holds all of dict-v1 at the same distances, plus generic text: with the same deflate settings its
        // stream is never longer.
        CHECK(fresh_deflate(json, link_dictionary_v2()).size() <= fresh_deflate(json, link_dictionary_v1()).size());
        // The v2 writer searches shorter hash chains than level 9 (link.cpp): ~10% faster, and its links at most 0.5%
        // longer than v1's (in practice only the largest sample's, by 0.3%).
        CHECK(encode_link(d).size() * 1000 <= encode_link(d, v1()).size() * 1005);
    }
    // An unknown version writes nothing rather than a link no build can read.
    Document d = load_embedded("templates/minimal.json");
    for (int version : {0, 3}) {
        EncodeOptions o;
        o.version = version;
        CHECK(encode_link(d, o).empty());
        CHECK(link_compress("{}", version).empty());
    }
}

TEST_CASE("link: the kept deflate stream writes what a fresh stream writes, on any thread", "[link]") {
    // link_compress resets one stream per thread instead of allocating one per link; the v1 frame (whose settings
    // are frozen) after v2 frames must equal one from a fresh stream, byte for byte.
    for (const auto& path : all_documents()) {
        INFO(path);
        const std::string json = save_document(load_embedded(path));
        std::vector<uint8_t> fresh = fresh_deflate(json, link_dictionary_v1());
        (void)link_compress(json);
        std::vector<uint8_t> kept = link_compress(json, 1);
        REQUIRE(kept.size() > fresh.size());
        CHECK(std::vector<uint8_t>(kept.end() - static_cast<long>(fresh.size()), kept.end()) == fresh);
        std::vector<uint8_t> v2_here = link_compress(json);
        std::vector<uint8_t> v1_there, v2_there;
        std::thread t([&] {
            v2_there = link_compress(json);
            v1_there = link_compress(json, 1);
        });
        t.join();
        CHECK(v1_there == kept);
        CHECK(v2_there == v2_here);
        CHECK(link_compress(json) == v2_here);
    }
}

TEST_CASE("link: a link relabelled to the other version", "[link]") {
    Document d = load_embedded("samples/lint-demo.json");
    // Plain, h2 read as h1: the stream refers into dict-v2's extra part, which dict-v1 lacks, so deflate or the CRC
    // objects.
    std::string h2 = encode_link(d);
    std::string h1 = encode_link(d, v1());
    DecodeResult a = decode_link("h1." + h2.substr(3));
    CHECK(a.error.kind == LinkError::Corrupt);
    // h1 read as h2: dict-v2 ends with dict-v1, so every distance a v1 stream uses reaches the same bytes and the
    // same document comes out (checked by its CRC). Not a weakness: plain links carry no authentication anyway.
    DecodeResult b = decode_link("h2." + h1.substr(3));
    INFO(b.error.message);
    REQUIRE(b.ok);
    CHECK(save_document(b.doc) == save_document(d));
    // Encrypted: the prefix is part of the associated data, so the tag does not verify.
    std::string e2 = encode_link(d, cheap("pw"));
    std::string e1 = encode_link(d, v1(cheap("pw")));
    CHECK(decode_link("h1e." + e2.substr(4), "pw").error.kind == LinkError::WrongPassphrase);
    CHECK(decode_link("h2e." + e1.substr(4), "pw").error.kind == LinkError::WrongPassphrase);
    CHECK(decode_link(e2, "pw").ok);
    CHECK(decode_link(e1, "pw").ok);
}

TEST_CASE("link: dict-v2's extra text is generic: none of the samples' text, within deflate's reach", "[link]") {
    const std::string extra = read_text("assets/link/dict-v2-extra.txt");
    REQUIRE(extra.size() > 4000);
    CHECK(extra.size() + link_dictionary_v1().size() <= 32768 - 262);  // deflate's window minus MIN_LOOKAHEAD
    // The samples are the benchmark: no 40-byte run of any sample's canonical JSON may appear in the extra text.
    const size_t w = 40;
    std::unordered_set<std::string> runs;
    for (size_t i = 0; i + w <= extra.size(); ++i) runs.insert(extra.substr(i, w));
    for (const auto& path : list_embedded("samples/")) {
        INFO(path);
        const std::string json = save_document(load_embedded(path));
        size_t shared = 0;
        for (size_t i = 0; i + w <= json.size(); ++i) shared += runs.count(json.substr(i, w));
        CHECK(shared == 0);
    }
}

TEST_CASE("link: every cut point of a sample link is detected", "[link]") {
    Document d = load_embedded("samples/sre-checkout-outage.json");
    for (int version : {1, 2}) {
        EncodeOptions o;
        o.version = version;
        std::string link = encode_link(d, o);
        size_t prefix = 3;  // "h1." / "h2."
        for (size_t cut = prefix; cut < link.size(); ++cut) {
            DecodeResult r = decode_link(link.substr(0, cut));
            INFO("v" << version << " cut at " << cut << " of " << link.size() << ": " << r.error.message);
            REQUIRE_FALSE(r.ok);
            REQUIRE((r.error.kind == LinkError::Truncated || r.error.kind == LinkError::Corrupt));
        }
    }
    std::string link = encode_link(d);
    DecodeResult r = decode_link(link.substr(0, link.size() / 2));
    CHECK(r.error.kind == LinkError::Truncated);
    CHECK(r.error.message ==
          "This link is incomplete: it was probably shortened by the app that carried it. Ask the sender for the file "
          "instead (Share > Download file).");
}

TEST_CASE("link: every cut point of an encrypted link is detected before the passphrase is tried", "[link]") {
    Document d = load_embedded("samples/lint-demo.json");
    for (int version : {1, 2}) {
        EncodeOptions o = cheap("pw");
        o.version = version;
        std::string link = encode_link(d, o);
        size_t prefix = 4;  // "h1e." / "h2e."
        for (size_t cut = prefix; cut < link.size(); ++cut) {
            DecodeResult r = decode_link(link.substr(0, cut), "pw");
            INFO("v" << version << " cut at " << cut << " of " << link.size() << ": " << r.error.message);
            REQUIRE_FALSE(r.ok);
            REQUIRE((r.error.kind == LinkError::Truncated || r.error.kind == LinkError::Corrupt));
        }
        // Without a passphrase, a cut link still says it is cut (not "needs a passphrase").
        CHECK(decode_link(link.substr(0, link.size() - 10)).error.kind == LinkError::Truncated);
    }
}

TEST_CASE("link: a changed character never yields a different document", "[link]") {
    Document d = load_embedded("samples/minimal-cert-expiry.json");
    const std::string canonical = save_document(d);
    const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int variant = 0; variant < 4; ++variant) {  // h2., h2e., h1., h1e.
        const bool encrypted = variant % 2 == 1;
        EncodeOptions o = encrypted ? cheap("pw") : EncodeOptions{};
        o.version = variant < 2 ? 2 : 1;
        std::string link = encode_link(d, o);
        size_t prefix = encrypted ? 4 : 3;
        INFO(link.substr(0, prefix));
        size_t detected = 0, same = 0;
        for (size_t i = prefix; i < link.size(); ++i) {
            std::string bad = link;
            const char* pos = std::strchr(alphabet, bad[i]);
            REQUIRE(pos != nullptr);
            bad[i] = alphabet[(pos - alphabet + 1 + static_cast<long>(i % 50)) % 64];
            DecodeResult r = decode_link(bad, "pw");
            if (r.ok) {
                // Only the last two characters can change without changing the document: they may hold only the
                // unused bits of base64 and the padding bits after deflate's end-of-block code.
                INFO("flip at " << i);
                CHECK(i + 2 >= link.size());
                CHECK(save_document(r.doc) == canonical);
                ++same;
                continue;
            }
            INFO("flip at " << i << ": " << link_error_name(r.error.kind) << ": " << r.error.message);
            CHECK((r.error.kind == LinkError::Corrupt || r.error.kind == LinkError::Truncated ||
                   r.error.kind == LinkError::TooLarge));
            ++detected;
        }
        CHECK(detected + same == link.size() - prefix);
        CHECK(same <= 2);
    }
    DecodeResult r = decode_link([&] {
        std::string l = encode_link(d);
        l[l.size() / 2] = l[l.size() / 2] == 'A' ? 'B' : 'A';
        return l;
    }());
    CHECK(r.error.kind == LinkError::Corrupt);
    CHECK(contains(r.error.message, "This link is damaged"));
    CHECK(contains(r.error.message, "Share > Download file"));
}

TEST_CASE("link: prefixes, empty input and bad characters each have their class", "[link]") {
    Document d = load_embedded("templates/google-sre.json");
    std::string frag = encode_link(d);

    for (const char* empty : {"", "   ", "\n", "https://hindsight.example.com/#", "#", "https://x.example/# \r\n"}) {
        DecodeResult r = decode_link(empty);
        INFO("[" << empty << "]");
        CHECK_FALSE(r.ok);
        CHECK(r.error.kind == LinkError::Empty);
        CHECK(contains(r.error.message, "holds no postmortem"));
    }
    for (const char* newer : {"h3.", "h3e.", "h10.", "h2x."}) {
        DecodeResult v3 = decode_link(std::string("https://x.example/#") + newer + frag.substr(3));
        INFO(newer);
        CHECK(v3.error.kind == LinkError::UnknownVersion);
        CHECK(contains(v3.error.message, "newer version of Hindsight"));
    }
    DecodeResult other = decode_link("https://x.example/#section-3");
    CHECK(other.error.kind == LinkError::UnknownVersion);
    CHECK(contains(other.error.message, "not a Hindsight share link"));
    DecodeResult bad = decode_link(frag.substr(0, 10) + "*" + frag.substr(10));
    CHECK(bad.error.kind == LinkError::BadCharacters);
    CHECK(contains(bad.error.message, "\"*\" at position 11"));
    DecodeResult nonascii = decode_link(frag.substr(0, 10) + "\xc3\xa9" + frag.substr(10));
    CHECK(nonascii.error.kind == LinkError::BadCharacters);
    CHECK(contains(nonascii.error.message, "\"\xc3\xa9\" (U+00E9) at position 11"));
    DecodeResult emoji = decode_link(frag.substr(0, 10) + "\xf0\x9f\x99\x82" + frag.substr(10));
    CHECK(contains(emoji.error.message, "(U+1F642) at position 11"));
    DecodeResult bell = decode_link(frag.substr(0, 10) + "\x07" + frag.substr(10));
    CHECK(contains(bell.error.message, "the control character U+0007 at position 11"));
    DecodeResult broken = decode_link(frag.substr(0, 10) + "\xc3(" + frag.substr(10));
    CHECK(contains(broken.error.message, "the byte 0xC3, which is not UTF-8 text at position 11"));
    for (const char* prefix : {"h1.", "h1e.", "h2.", "h2e."}) {
        INFO(prefix);
        CHECK(decode_link(prefix).error.kind == LinkError::Truncated);
        CHECK(decode_link(std::string(prefix) + "*").error.kind == LinkError::BadCharacters);
    }
}

TEST_CASE("link: accepts what mail and chat clients do to links", "[link]") {
    Document d = load_embedded("samples/lint-demo.json");
    const std::string canonical = save_document(d);
    std::string frag = encode_link(d);
    std::string url = "https://hindsight.example.com/#" + frag;
    auto ok = [&](const std::string& s) {
        DecodeResult r = decode_link(s);
        INFO(r.error.message);
        return r.ok && save_document(r.doc) == canonical;
    };
    CHECK(ok(frag));
    CHECK(ok("#" + frag));
    CHECK(ok(url));
    CHECK(ok("  " + url + "\r\n"));
    CHECK(ok("<" + url + ">"));
    std::string wrapped;  // a mail client's hard line breaks every 76 characters
    for (size_t i = 0; i < url.size(); i += 76) wrapped += url.substr(i, 76) + "\r\n";
    CHECK(ok(wrapped));
    std::string escaped = url;  // a chat app escaping '-' and '_'
    for (size_t i = escaped.find('#') + 1; i < escaped.size(); ++i) {
        if (escaped[i] == '-') escaped.replace(i, 1, "%2D");
        else if (escaped[i] == '_') escaped.replace(i, 1, "%5f");
    }
    CHECK(ok(escaped));
    CHECK(ok(frag + "=="));  // padding added by another tool
}

TEST_CASE("link: passphrase errors", "[link]") {
    Document d = load_embedded("samples/lint-demo.json");
    std::string link = encode_link(d, cheap("right"));
    DecodeResult none = decode_link(link);
    CHECK(none.error.kind == LinkError::NeedsPassphrase);
    CHECK(contains(none.error.message, "protected by a passphrase"));
    DecodeResult wrong = decode_link(link, "wrong");
    CHECK(wrong.error.kind == LinkError::WrongPassphrase);
    CHECK(wrong.error.message == "The passphrase is not right for this link.");
    // A passphrase given for a plain link is simply not needed.
    CHECK(decode_link(encode_link(d), "unused").ok);
}

TEST_CASE("link: the KDF cost a link may ask for is capped", "[link]") {
    Document d = load_embedded("templates/minimal.json");
    std::string link = encode_link(d, cheap("pw"));
    DecodeOptions o;
    o.passphrase = "pw";
    o.max_kdf = KdfParams{1, 32};  // below what the link carries (64 KiB)
    DecodeResult r = decode_link(link, o);
    CHECK(r.error.kind == LinkError::TooLarge);
    CHECK(contains(r.error.message, "more work to unlock"));
}

TEST_CASE("link: decompression bombs and size caps are refused", "[link]") {
    // Declares 100 bytes, inflates to 10 MiB: in either version.
    std::string huge(10u * 1024 * 1024, '{');
    for (int version : {1, 2}) {
        INFO("v" << version);
        std::string bomb = plain_link_from(huge.substr(0, 100), 100, huge, version);
        CHECK(bomb.size() < 30000);
        DecodeResult r = decode_link(bomb);
        CHECK_FALSE(r.ok);
        CHECK(r.error.kind == LinkError::TooLarge);
        CHECK(contains(r.error.message, "unpacks to far more text than it declares"));
    }

    // Declares more than 8 MiB.
    DecodeResult big = decode_link(plain_link_from("x", 9u * 1024 * 1024, "x"));
    CHECK(big.error.kind == LinkError::TooLarge);
    CHECK(contains(big.error.message, "up to 8 MiB"));

    // Declares more than it holds: the stream ends early.
    DecodeResult short_frame = decode_link(plain_link_from("{}", 50, "{}"));
    CHECK(short_frame.error.kind == LinkError::Corrupt);

    // Over the link-length cap.
    DecodeResult longlink = decode_link("h1." + std::string(kLinkMaxLinkChars, 'A'));
    CHECK(longlink.error.kind == LinkError::TooLarge);
}

TEST_CASE("link: an intact link that holds no postmortem", "[link]") {
    std::string json = "[1,2,3]";
    DecodeResult r = decode_link(plain_link_from(json, static_cast<uint32_t>(json.size()), json));
    CHECK(r.error.kind == LinkError::NotAPostmortem);
    CHECK(contains(r.error.message, "not a postmortem"));
    std::string other = "{\"format\":\"something.else\",\"version\":1}";
    DecodeResult r2 = decode_link(plain_link_from(other, static_cast<uint32_t>(other.size()), other));
    CHECK(r2.error.kind == LinkError::NotAPostmortem);
}

TEST_CASE("link: base64url", "[link]") {
    const uint8_t bytes[] = {0xfb, 0xff, 0xbf, 0x00, 0x10};
    for (size_t n = 0; n <= sizeof bytes; ++n) {
        std::string s = base64url_encode(bytes, n);
        CHECK(s.find('=') == std::string::npos);
        std::vector<uint8_t> back;
        REQUIRE(base64url_decode(s, back));
        CHECK(back == std::vector<uint8_t>(bytes, bytes + n));
    }
    CHECK(base64url_encode(bytes, 3) == "-_-_");
    std::vector<uint8_t> out;
    CHECK_FALSE(base64url_decode("ab.c", out));
    CHECK_FALSE(base64url_decode("abcdab.", out));       // a bad character in the tail
    CHECK_FALSE(base64url_decode("abc\xc3\xa9", out));   // not ASCII
    CHECK_FALSE(base64url_decode(std::string("ab\0d", 4), out));
    // Standard base64 (with '+', '/' and padding) reads as the URL-safe form does.
    REQUIRE(base64url_decode("+/+/", out));
    CHECK(out == std::vector<uint8_t>{0xfb, 0xff, 0xbf});
    REQUIRE(base64url_decode("+/+/AA==", out));
    CHECK(out == std::vector<uint8_t>{0xfb, 0xff, 0xbf, 0x00});
    // Longer inputs, every length 0-300: round trip, and every cut of the text gives an exact prefix of the bytes.
    std::vector<uint8_t> data(300);
    uint32_t x = 12345;
    for (auto& b : data) b = static_cast<uint8_t>((x = x * 1103515245u + 12345u) >> 24);
    for (size_t n = 0; n <= data.size(); ++n) {
        const std::string text = base64url_encode(data.data(), n);
        CHECK(text.size() == (n * 4 + 2) / 3);
        REQUIRE(base64url_decode(text, out));
        CHECK(out == std::vector<uint8_t>(data.begin(), data.begin() + static_cast<long>(n)));
    }
    const std::string text = base64url_encode(data.data(), data.size());
    for (size_t cut = 0; cut <= text.size(); ++cut) {
        REQUIRE(base64url_decode(text.substr(0, cut), out));
        CHECK(out.size() == cut * 6 / 8);
        CHECK(std::equal(out.begin(), out.end(), data.begin()));
    }
}

TEST_CASE("link: where a link fits", "[link]") {
    auto find = [](const std::vector<LinkFit>& v, const std::string& name) {
        for (const auto& f : v)
            if (f.destination == name) return f;
        FAIL("no destination " << name);
        return LinkFit{};
    };
    auto r = fits_report(950);
    CHECK_FALSE(find(r, "Teams").fits);
    CHECK(find(r, "Outlook").fits);
    CHECK(find(r, "QR code").fits);
    auto big = fits_report(3000);
    CHECK_FALSE(find(big, "Outlook").fits);
    CHECK_FALSE(find(big, "QR code").fits);
    CHECK(find(big, "Slack").fits);
    CHECK(find(big, "QR code").limit == 2953);
    CHECK_FALSE(find(fits_report(4001), "Slack").fits);
    CHECK(find(fits_report(4001), "Browser").fits);
}
