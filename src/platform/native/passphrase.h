// Passphrases for encrypted share links, native side: the text a person typed, in Unicode NFC, so that the same
// passphrase typed on a phone, a Mac (whose input and file names may give decomposed NFD forms) and Windows derives
// the same Argon2id key. The web app does the same with String.prototype.normalize('NFC') (docs/links.md).
// Native targets only (the CLI and the unit tests): it uses Debian's utf8proc, which the web build does not carry.
#pragma once

#include <string>

namespace hs {

// Sets `out` to the NFC form of `in` and returns true; any Unicode is accepted. Returns false with `why` set (a
// sentence saying what is wrong and what to do) when `in` is not valid UTF-8 (a stray byte, a cut or overlong
// sequence, an encoded surrogate) or normalisation runs out of memory; `out` is then left unchanged.
bool normalize_passphrase_nfc(const std::string& in, std::string& out, std::string& why);

}  // namespace hs
