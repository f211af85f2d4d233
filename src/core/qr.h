// QR codes for share links, through libqrencode (Debian's source package, built in cmake/thirdparty.cmake).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace hs {

inline constexpr size_t kQrMaxBytes = 2953;  // version 40, error correction L, byte mode

enum class QrLevel { L, M };

struct QrCode {
    bool ok = false;
    int size = 0;                  // modules per side (21..177); 0 when !ok
    std::vector<uint8_t> modules;  // size * size, row-major; 1 = dark
    QrLevel level = QrLevel::M;    // the level actually used
    std::string error;             // why it failed, for a person
    bool dark(int x, int y) const { return modules[static_cast<size_t>(y) * size + x] != 0; }
};

// Encodes `text` in byte mode (a URL mixes cases, so alphanumeric mode does not apply). Uses level M when the
// text fits there, else L; fails cleanly (ok = false) when it is longer than a QR code holds (2,953 bytes).
// `min_level` L forces L.
QrCode qr_encode(const std::string& text, QrLevel min_level = QrLevel::M);

// A QR code as text, to pass it between threads: "<M|L> <size> " and then size * size of '0' or '1', row by row.
// The web editor asks its worker for the symbol (the worker holds libqrencode, the editor's first load does not) and
// reads the answer back with qr_from_text, which checks the shape (ok = false, with `error`, when it is wrong).
// qr_to_text of a failed code is its error.
std::string qr_to_text(const QrCode& qr);
QrCode qr_from_text(const std::string& text);

}  // namespace hs
