// QR codes through libqrencode: a link encodes, the symbol has finder patterns, and overlong text fails cleanly.
#include <catch2/catch.hpp>

#include "core/embedded.h"
#include "core/format.h"
#include "core/link.h"
#include "core/qr.h"

using namespace hs;

namespace {

// A finder pattern: a 7x7 dark ring, a light ring, a 3x3 dark centre, with its top-left corner at (x, y).
bool finder_at(const QrCode& q, int x, int y) {
    for (int dy = 0; dy < 7; ++dy)
        for (int dx = 0; dx < 7; ++dx) {
            bool ring = dx == 0 || dy == 0 || dx == 6 || dy == 6;
            bool centre = dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4;
            if (q.dark(x + dx, y + dy) != (ring || centre)) return false;
        }
    return true;
}

}  // namespace

TEST_CASE("qr: a share link becomes a QR code", "[qr]") {
    const EmbeddedFile* f = find_embedded("templates/google-sre.json");
    REQUIRE(f);
    LoadResult r = load_document(std::string(f->data, f->size));
    REQUIRE(r.ok);
    EncodeOptions o;
    o.base_url = "https://hindsight.example.com/";
    std::string link = encode_link(r.doc, o);
    QrCode q = qr_encode(link);
    INFO(q.error);
    REQUIRE(q.ok);
    CHECK(q.level == QrLevel::M);
    CHECK(q.size >= 21);
    CHECK((q.size - 17) % 4 == 0);  // sizes are 21, 25, ..., 177
    REQUIRE(q.modules.size() == static_cast<size_t>(q.size) * q.size);
    CHECK(finder_at(q, 0, 0));
    CHECK(finder_at(q, q.size - 7, 0));
    CHECK(finder_at(q, 0, q.size - 7));
    for (uint8_t m : q.modules) CHECK(m <= 1);
    // Longer text never makes a smaller symbol.
    QrCode longer = qr_encode(link + std::string(300, 'A'));
    REQUIRE(longer.ok);
    CHECK(longer.size > q.size);
}

TEST_CASE("qr: the capacity limit is 2,953 bytes, beyond it a clean failure", "[qr]") {
    std::string text(kQrMaxBytes, 'x');
    text[0] = 'h';
    QrCode max = qr_encode(text);
    INFO(max.error);
    REQUIRE(max.ok);
    CHECK(max.size == 177);         // version 40
    CHECK(max.level == QrLevel::L); // too long for M, so it falls back to L
    QrCode over = qr_encode(text + "y");
    CHECK_FALSE(over.ok);
    CHECK(over.size == 0);
    CHECK(over.modules.empty());
    CHECK(over.error.find("2953") != std::string::npos);
    CHECK_FALSE(qr_encode("").ok);
    // Byte mode: a NUL byte does not cut the text short.
    QrCode nul = qr_encode(std::string("a\0b", 3));
    CHECK(nul.ok);
}

TEST_CASE("qr: the text form carries the symbol between threads and refuses a damaged one", "[qr]") {
    const std::string link = "https://hindsight.example/#2.Zm9vYmFyYmF6cXV4LWtleS0xMjM0NTY3ODkw";
    const QrCode q = qr_encode(link);
    REQUIRE(q.ok);
    const std::string text = qr_to_text(q);
    const QrCode back = qr_from_text(text);
    REQUIRE(back.ok);
    CHECK(back.size == q.size);
    CHECK(back.modules == q.modules);
    CHECK(back.level == q.level);

    // Damaged: cut short, a stray character, a size that is no QR version, no header at all.
    CHECK_FALSE(qr_from_text(text.substr(0, text.size() - 1)).ok);
    std::string stray = text;
    stray.back() = 'x';
    CHECK_FALSE(qr_from_text(stray).ok);
    CHECK_FALSE(qr_from_text("M 22 " + std::string(22 * 22, '0')).ok);
    CHECK_FALSE(qr_from_text("M 999999999999 0").ok);
    CHECK_FALSE(qr_from_text("").ok);
    CHECK_FALSE(qr_from_text(qr_to_text(qr_encode(std::string(kQrMaxBytes + 1, 'a')))).ok);
    CHECK_FALSE(qr_from_text("M 21 " + std::string(21 * 21, '0')).error.size() > 0);
}
