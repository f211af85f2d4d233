// Share links as text: base64url, a pasted link made whole again (spaces, quotes, percent-escapes and the page
// address dropped), and the sentence a person reads when a link cannot be opened.
#include <cstdio>
#include <cstring>

#include "link_detail.h"
#include "strings.h"

namespace hs {

using link_detail::kB64;

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

namespace link_detail {

// The character at `i` as a person can recognise it: "*", "é" (U+00E9), a space, U+0007, or a byte that is not UTF-8.
std::string describe_character(const std::string& s, size_t i) {
    char buf[48];
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x21 && c < 0x7f) return "\"" + std::string(1, static_cast<char>(c)) + "\"";
    if (c == ' ') return "a space";
    if (c < 0x80) {
        std::snprintf(buf, sizeof buf, "the control character U+%04X", c);
        return buf;
    }
    const size_t n = c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
    uint32_t cp = n ? c & (0x7Fu >> n) : 0;
    bool ok = n && i + n <= s.size();
    for (size_t k = 1; ok && k < n; ++k) {
        const unsigned char d = static_cast<unsigned char>(s[i + k]);
        ok = (d & 0xC0) == 0x80;
        cp = (cp << 6) | (d & 0x3F);
    }
    static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (ok && cp >= kMin[n] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
        std::snprintf(buf, sizeof buf, " (U+%04X)", static_cast<unsigned>(cp));
        return "\"" + s.substr(i, n) + "\"" + buf;
    }
    std::snprintf(buf, sizeof buf, "the byte 0x%02X, which is not UTF-8 text", c);
    return buf;
}

// ---- messages: one sentence a person can act on, per error class ----------------------------------------------
const char* const kAskForFile = " Ask the sender for the file instead (Share > Download file).";

LinkError make_error(LinkError::Kind k, std::string detail) {
    std::string m;
    switch (k) {
        case LinkError::Empty:
            m = "This link holds no postmortem: the part after '#' is empty. Copy the whole link again.";
            break;
        case LinkError::BadCharacters:
            m = "This link contains characters that a Hindsight link never has" + detail +
                ": it was probably changed on the way. Copy the whole link again." + kAskForFile;
            break;
        case LinkError::UnknownVersion:
            m = detail.empty() ? "This is not a Hindsight share link (its '#' part does not start with h2., h2e., h1. "
                                 "or h1e.)."
                               : detail;
            break;
        case LinkError::Truncated:
            m = std::string("This link is incomplete: it was probably shortened by the app that carried it.") +
                kAskForFile;
            break;
        case LinkError::Corrupt:
            m = "This link is damaged: its content does not match its checksum" + detail +
                ". A character was probably changed on the way." + kAskForFile;
            break;
        case LinkError::TooLarge: m = detail + kAskForFile; break;
        case LinkError::NeedsPassphrase:
            m = "This link is protected by a passphrase. Enter the passphrase the sender gave you.";
            break;
        case LinkError::WrongPassphrase: m = "The passphrase is not right for this link."; break;
        case LinkError::NotAPostmortem:
            m = "This link is intact, but what it holds is not a postmortem Hindsight can open" + detail + ".";
            break;
        case LinkError::Internal: m = "Hindsight could not open this link: " + detail; break;
        case LinkError::None: break;
    }
    return LinkError{k, m};
}

}  // namespace link_detail

const char* link_error_name(LinkError::Kind k) {
    switch (k) {
        case LinkError::None: return "none";
        case LinkError::Empty: return "empty";
        case LinkError::BadCharacters: return "bad_characters";
        case LinkError::UnknownVersion: return "unknown_version";
        case LinkError::Truncated: return "truncated";
        case LinkError::Corrupt: return "corrupt";
        case LinkError::TooLarge: return "too_large";
        case LinkError::NeedsPassphrase: return "needs_passphrase";
        case LinkError::WrongPassphrase: return "wrong_passphrase";
        case LinkError::NotAPostmortem: return "not_a_postmortem";
        case LinkError::Internal: return "internal";
    }
    return "unknown";
}

std::string base64url_encode(const uint8_t* data, size_t n) {
    std::string out((n * 4 + 2) / 3, '\0');  // written in place: no capacity check per character
    char* o = &out[0];
    size_t i = 0;
    for (; i + 3 <= n; i += 3) {
        uint32_t v = static_cast<uint32_t>(data[i]) << 16 | static_cast<uint32_t>(data[i + 1]) << 8 | data[i + 2];
        *o++ = kB64[v >> 18];
        *o++ = kB64[(v >> 12) & 63];
        *o++ = kB64[(v >> 6) & 63];
        *o++ = kB64[v & 63];
    }
    if (n - i == 1) {
        uint32_t v = static_cast<uint32_t>(data[i]) << 16;
        *o++ = kB64[v >> 18];
        *o++ = kB64[(v >> 12) & 63];
    } else if (n - i == 2) {
        uint32_t v = static_cast<uint32_t>(data[i]) << 16 | static_cast<uint32_t>(data[i + 1]) << 8;
        *o++ = kB64[v >> 18];
        *o++ = kB64[(v >> 12) & 63];
        *o++ = kB64[(v >> 6) & 63];
    }
    return out;
}

// Lenient on length: a cut link decodes to an exact prefix of its bytes (left-over bits are dropped), so that the
// frame, not the base64 layer, reports it as Truncated.
bool base64url_decode(const std::string& s, std::vector<uint8_t>& out) {
    // Each character's 6 bits, or -1: the URL-safe alphabet, and '+' and '/' as well (standard base64, pasted by hand).
    static const std::array<int8_t, 256> table = [] {
        std::array<int8_t, 256> t{};
        t.fill(-1);
        for (int i = 0; i < 26; ++i) t['A' + i] = static_cast<int8_t>(i), t['a' + i] = static_cast<int8_t>(26 + i);
        for (int i = 0; i < 10; ++i) t['0' + i] = static_cast<int8_t>(52 + i);
        t['-'] = t['+'] = 62;
        t['_'] = t['/'] = 63;
        return t;
    }();
    size_t n = s.size();
    while (n > 0 && s[n - 1] == '=') --n;
    out.assign(n * 3 / 4, 0);  // every whole 4 characters give 3 bytes; 2 or 3 left over give 1 or 2
    uint8_t* o = out.data();
    const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        const int a = table[p[i]], b = table[p[i + 1]], c = table[p[i + 2]], d = table[p[i + 3]];
        if ((a | b | c | d) < 0) return false;
        const uint32_t v = static_cast<uint32_t>(a) << 18 | static_cast<uint32_t>(b) << 12 |
                           static_cast<uint32_t>(c) << 6 | static_cast<uint32_t>(d);
        *o++ = static_cast<uint8_t>(v >> 16);
        *o++ = static_cast<uint8_t>(v >> 8);
        *o++ = static_cast<uint8_t>(v);
    }
    uint32_t acc = 0;
    int bits = 0;
    for (; i < n; ++i) {
        const int v = table[p[i]];
        if (v < 0) return false;
        acc = (acc << 6) | static_cast<uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            *o++ = static_cast<uint8_t>(acc >> bits);
            acc &= (1u << bits) - 1;
        }
    }
    out.resize(static_cast<size_t>(o - out.data()));
    return true;
}

std::string link_normalize(const std::string& in) {
    std::string s;
    s.reserve(in.size());
    for (char c : in)
        if (!is_space(c)) s += c;
    // Mail clients wrap links in <...>; people paste them in quotes.
    while (!s.empty() && (s.front() == '<' || s.front() == '"' || s.front() == '\'')) s.erase(0, 1);
    while (!s.empty() && (s.back() == '>' || s.back() == '"' || s.back() == '\'')) s.pop_back();
    if (s.find('%') != std::string::npos) {
        std::string d;
        d.reserve(s.size());
        for (size_t i = 0; i < s.size(); ++i) {
            int hi, lo;
            if (s[i] == '%' && i + 2 < s.size() && (hi = hex_value(s[i + 1])) >= 0 &&
                (lo = hex_value(s[i + 2])) >= 0) {
                d += static_cast<char>(hi * 16 + lo);
                i += 2;
            } else {
                d += s[i];
            }
        }
        s = std::move(d);
    }
    size_t hash = s.find('#');
    if (hash != std::string::npos) s.erase(0, hash + 1);
    return s;
}

std::vector<LinkFit> fits_report(size_t length) {
    struct Dest {
        const char* name;
        size_t limit;
        const char* note;
    };
    static const Dest kDests[] = {
        {"Teams", 900, "Teams deep links fail near 900 characters."},
        {"Outlook", 1024, "Outlook cuts links at about 1,024 characters."},
        {"QR code", 2953, "A QR code holds 2,953 bytes at most (version 40, error correction L, byte mode)."},
        {"Slack", 4000, "Slack splits messages over 4,000 characters."},
        {"Browser", 2 * 1000 * 1000, "Browsers open URLs up to about 2 MB (Chromium's limit)."},
    };
    std::vector<LinkFit> out;
    for (const Dest& d : kDests) out.push_back(LinkFit{d.name, d.limit, length <= d.limit, d.note});
    return out;
}

}  // namespace hs
