#include "platform/native/passphrase.h"

#include <utf8proc.h>

#include <cstdio>
#include <cstdlib>

namespace hs {

namespace {

// Offset of the first byte that does not begin a valid UTF-8 sequence, or npos.
size_t first_invalid_utf8(const std::string& s) {
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    size_t pos = 0;
    while (pos < s.size()) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p + pos, static_cast<utf8proc_ssize_t>(s.size() - pos), &cp);
        if (n <= 0) return pos;
        pos += static_cast<size_t>(n);
    }
    return std::string::npos;
}

}  // namespace

bool normalize_passphrase_nfc(const std::string& in, std::string& out, std::string& why) {
    const size_t bad = first_invalid_utf8(in);
    if (bad != std::string::npos) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(in[bad]));
        why = std::string("the passphrase is not valid UTF-8 text (the byte ") + byte + " at offset " +
              std::to_string(bad) +
              " does not belong to a UTF-8 character). Save the passphrase file as UTF-8, not as UTF-16 or a legacy "
              "code page such as Latin-1 or Windows-1252.";
        return false;
    }
    utf8proc_uint8_t* nfc = nullptr;
    // UTF8PROC_STABLE | UTF8PROC_COMPOSE is utf8proc's NFC (what utf8proc_NFC uses), given an explicit length so
    // that no byte is taken for an end marker.
    utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(in.data()),
                                      static_cast<utf8proc_ssize_t>(in.size()), &nfc,
                                      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (n < 0) {
        std::free(nfc);
        why = std::string("the passphrase could not be normalised to Unicode NFC (") + utf8proc_errmsg(n) + ").";
        return false;
    }
    out.assign(reinterpret_cast<const char*>(nfc), static_cast<size_t>(n));
    std::free(nfc);
    return true;
}

}  // namespace hs
