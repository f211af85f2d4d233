// Glyphs on demand (src/ui/glyphs.h), natively: text in any script the system's Noto fonts cover is measured and
// drawn with its own glyphs, never with the fallback '?', and the atlas grows to hold them.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "glyphs.h"
#include "glyphs_native.h"
#include "headless.h"
#include "imgui.h"

namespace {
// The advance ImGui gives each code point of `s`, after the text has been measured once (a frame).
float width_of(const char* s) { return ImGui::CalcTextSize(s).x; }
}  // namespace

TEST_CASE("non-Latin text gets its own glyphs: two different titles of the same length measure and draw apart") {
    hs::native::HeadlessRunner r(800, 600);
    float ja1 = 0, ja2 = 0, q = 0, ru = 0;
    for (int i = 0; i < 3; ++i)  // the first frame asks, later frames have the glyphs
        r.frame([&] {
            ImGui::Begin("t");
            ImGui::TextUnformatted("障害対応 Сбой Ωμέγα");
            ja1 = width_of("障害対応");
            ja2 = width_of("復旧作業");
            q = width_of("????");
            ru = width_of("Сбой");
            ImGui::End();
        });
    ImFont* f = ImGui::GetFont();
    for (unsigned cp : {0x969Cu, 0x5BB3u, 0x0421u, 0x03A9u}) {  // 障 害 С Ω
        INFO("U+" << std::hex << cp);
        const ImFontGlyph* g = f->FindGlyphNoFallback(static_cast<ImWchar>(cp));
        REQUIRE(g != nullptr);
        CHECK(g->Codepoint == cp);
        CHECK(g->Visible);
        CHECK(g->X1 > g->X0);
        CHECK(g->AdvanceX > 0);
    }
    // CJK ideographs are full width: four of them are wider than four question marks.
    CHECK(ja1 > q * 1.3f);
    CHECK(ja2 == Approx(ja1).margin(0.5));
    CHECK(ru > 0);
    const hs::ui::GlyphStats st = hs::ui::glyph_stats();
    CHECK(st.added >= 10);
    CHECK(st.tex_h > 0);
    // The UV rectangles of two different ideographs differ (each has its own pixels in the atlas).
    const ImFontGlyph* a = f->FindGlyphNoFallback(static_cast<ImWchar>(0x969C));
    const ImFontGlyph* b = f->FindGlyphNoFallback(static_cast<ImWchar>(0x5BB3));
    CHECK((a->U0 != b->U0 || a->V0 != b->V0));
}

TEST_CASE("a code point no font has is a box, not '?', and the atlas stays bounded when it fills") {
    hs::native::HeadlessRunner r(800, 600);
    // U+10FFFD is private use: no font draws it; U+E000 likewise.
    r.frame([] { ImGui::TextUnformatted("\xee\x80\x80"); });
    r.frame([] { ImGui::TextUnformatted("\xee\x80\x80"); });
    ImFont* f = ImGui::GetFont();
    const ImFontGlyph* g = f->FindGlyphNoFallback(static_cast<ImWchar>(0xE000));
    REQUIRE(g != nullptr);
    CHECK(g->Visible);
    CHECK(hs::ui::glyph_stats().boxes >= 1);
    // Thousands of distinct ideographs: the atlas grows, then starts over instead of growing without bound.
    std::string many;
    for (unsigned cp = 0x4E00; cp < 0x4E00 + 6000; ++cp) {
        many += static_cast<char>(0xE0 | (cp >> 12));
        many += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        many += static_cast<char>(0x80 | (cp & 0x3F));
    }
    for (int i = 0; i < 40; ++i) r.frame([&] { (void)ImGui::CalcTextSize(many.c_str()); });
    const hs::ui::GlyphStats st = hs::ui::glyph_stats();
    CHECK(st.tex_h <= 8192);
    CHECK(st.added > 1000);
}

namespace {
int g_slow_calls = 0;
// A rasteriser as slow as the browser's with a font it has not loaded yet: 2 ms a glyph, a small square.
bool slow_raster(uint32_t, float px, bool, bool, hs::ui::GlyphImage& g) {
    ++g_slow_calls;
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(2);
    while (std::chrono::steady_clock::now() < until) {
    }
    g.w = g.h = 6;
    g.x0 = 0;
    g.y0 = -px * 0.7f;
    g.advance = 7;
    g.rgba.assign(36, 0xFFFFFFFFu);
    return true;
}
}  // namespace

namespace {
// `n` ideographs from `first` as UTF-8.
std::string ideographs(unsigned first, unsigned n) {
    std::string s;
    for (unsigned cp = first; cp < first + n; ++cp) {
        s += static_cast<char>(0xE0 | (cp >> 12));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return s;
}
}  // namespace

TEST_CASE("a document just opened gets its glyphs in one frame; afterwards new text keeps the time budget") {
    hs::native::HeadlessRunner r(800, 600);
    hs::ui::set_glyph_rasterizer(slow_raster);
    hs::ui::set_glyph_budget_ms(9.0);
    for (int i = 0; i < 2; ++i)  // the atlas takes glyphs on demand from the frame after the first one asked
        r.frame([] { ImGui::TextUnformatted("\xe8\xb0\x81"); });  // U+8C01
    const std::string doc = ideographs(0x8C10, 30), typed = ideographs(0x8C40, 30);
    auto draw = [](const std::string& s) {
        return [&s] {
            ImGui::Begin("t");
            ImGui::TextUnformatted(s.c_str());
            ImGui::End();
        };
    };
    hs::ui::glyphs_document_opened();
    g_slow_calls = 0;
    r.frame(draw(doc));
    CHECK(g_slow_calls == 30);  // 60 ms of glyphs in the document's first frame, none left blank
    CHECK_FALSE(hs::ui::glyph_stats().pending);
    // The frame after a complete one is budgeted again: text that arrives later (typed, a search result) is spread.
    r.frame(draw(doc));
    g_slow_calls = 0;
    r.frame(draw(typed));
    CHECK(g_slow_calls >= 1);
    CHECK(g_slow_calls <= 6);
    CHECK(hs::ui::glyph_stats().pending);
    hs::ui::set_glyph_budget_ms(0);
    hs::native::install_native_glyphs();
}

TEST_CASE("a frame's rasterising stops at the platform's time budget; the rest of the text comes in the next frames") {
    hs::native::HeadlessRunner r(800, 600);
    hs::ui::set_glyph_rasterizer(slow_raster);
    const std::string text = ideographs(0x8A00, 60);  // 60 ideographs no other test draws
    auto draw = [&] {
        ImGui::Begin("t");
        ImGui::TextUnformatted(text.c_str());
        ImGui::End();
    };
    hs::ui::set_glyph_budget_ms(9.0);
    for (int i = 0; i < 2; ++i)  // the atlas takes glyphs on demand from the frame after the first one asked
        r.frame([] {
            ImGui::Begin("t");
            ImGui::TextUnformatted("\xe8\xb0\x80");  // U+8C00
            ImGui::End();
        });
    g_slow_calls = 0;
    r.frame(draw);
    const int first = g_slow_calls;
    CHECK(first >= 1);
    CHECK(first <= 6);  // 9 ms of 2 ms glyphs, and the one that crossed the line
    int frames = 1;
    while (g_slow_calls < 60 && frames < 100) {
        r.frame(draw);
        ++frames;
    }
    CHECK(g_slow_calls == 60);  // every glyph, each once
    CHECK(frames >= 10);
    // Without a time budget (the native default) a frame takes them all.
    hs::ui::set_glyph_budget_ms(0);
    const std::string more = ideographs(0x8B00, 40);
    g_slow_calls = 0;
    r.frame([&] {
        ImGui::Begin("t");
        ImGui::TextUnformatted(more.c_str());
        ImGui::End();
    });
    CHECK(g_slow_calls == 40);
    hs::native::install_native_glyphs();
}
