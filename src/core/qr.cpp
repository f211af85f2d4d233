#include "qr.h"

#include <qrencode.h>

#include <cerrno>

namespace hs {

namespace {

QRcode* try_encode(const std::string& text, QRecLevel level) {
    // encodeData rather than encodeString8bit: the size is explicit, so a NUL byte cannot cut the text.
    return QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0,
                             level);
}

}  // namespace

QrCode qr_encode(const std::string& text, QrLevel min_level) {
    QrCode out;
    if (text.empty()) {
        out.error = "There is nothing to put in a QR code.";
        return out;
    }
    if (text.size() > kQrMaxBytes) {
        out.error = "The link is " + std::to_string(text.size()) + " bytes long; a QR code holds at most " +
                    std::to_string(kQrMaxBytes) + ". Share the file instead.";
        return out;
    }
    QRcode* qr = nullptr;
    if (min_level == QrLevel::M) {
        qr = try_encode(text, QR_ECLEVEL_M);
        out.level = QrLevel::M;
    }
    if (!qr) {
        qr = try_encode(text, QR_ECLEVEL_L);
        out.level = QrLevel::L;
    }
    if (!qr) {
        out.error = errno == ERANGE ? "The link is too long for a QR code. Share the file instead."
                                    : "The QR code could not be made.";
        return out;
    }
    out.ok = true;
    out.size = qr->width;
    out.modules.resize(static_cast<size_t>(qr->width) * qr->width);
    // libqrencode's bit 0 of each byte is the module colour; the other bits describe its role.
    for (size_t i = 0; i < out.modules.size(); ++i) out.modules[i] = qr->data[i] & 1;
    QRcode_free(qr);
    return out;
}

}  // namespace hs
