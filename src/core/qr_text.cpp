// The text form of a QR code (core/qr.h), apart from qr.cpp so that reading it does not link libqrencode.
#include <string>

#include "core/qr.h"

namespace hs {

std::string qr_to_text(const QrCode& qr) {
    if (!qr.ok) return qr.error;
    std::string out = qr.level == QrLevel::L ? "L " : "M ";
    out += std::to_string(qr.size);
    out += ' ';
    out.reserve(out.size() + qr.modules.size());
    for (uint8_t m : qr.modules) out += m ? '1' : '0';
    return out;
}

QrCode qr_from_text(const std::string& text) {
    QrCode q;
    q.error = "The QR code came back damaged.";
    if (text.size() < 4 || (text[0] != 'M' && text[0] != 'L') || text[1] != ' ') return q;
    size_t i = 2;
    int size = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && size <= 177) size = size * 10 + (text[i++] - '0');
    // Versions 1..40: 21..177 modules, in steps of 4.
    if (size < 21 || size > 177 || (size - 21) % 4 != 0 || i >= text.size() || text[i] != ' ') return q;
    ++i;
    const size_t n = static_cast<size_t>(size) * static_cast<size_t>(size);
    if (text.size() - i != n) return q;
    q.modules.resize(n);
    for (size_t k = 0; k < n; ++k) {
        const char c = text[i + k];
        if (c != '0' && c != '1') {
            q.modules.clear();
            return q;
        }
        q.modules[k] = c == '1';
    }
    q.ok = true;
    q.size = size;
    q.level = text[0] == 'L' ? QrLevel::L : QrLevel::M;
    q.error.clear();
    return q;
}

}  // namespace hs
