// Glyphs on demand for native headless runs (UI tests, benchmarks): stb_truetype, which Dear ImGui ships, over the
// system's Noto fonts (Debian's fonts-noto-core and fonts-noto-cjk; scripts/deps.py installs them). The first font
// that has the code point draws it. Colour emoji fonts are bitmaps that stb_truetype cannot draw: natively they are
// boxes (the browser draws them in colour). Fonts are read from disk the first time a code point needs them.
#define STB_TRUETYPE_IMPLEMENTATION
#define STBTT_STATIC
#include "imstb_truetype.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "glyphs.h"
#include "glyphs_native.h"

namespace hs::native {
namespace {

struct Face {
    std::string path;
    bool tried = false;
    std::vector<unsigned char> data;
    stbtt_fontinfo info{};
    bool ok = false;
};

std::vector<std::unique_ptr<Face>>& faces() {
    static std::vector<std::unique_ptr<Face>> f;
    if (f.empty()) {
        // HS_FALLBACK_FONTS (colon-separated paths) replaces the list, for machines that keep fonts elsewhere.
        std::vector<std::string> paths;
        if (const char* env = std::getenv("HS_FALLBACK_FONTS")) {
            std::string s = env;
            size_t b = 0;
            while (b <= s.size()) {
                size_t e = s.find(':', b);
                if (e == std::string::npos) e = s.size();
                if (e > b) paths.push_back(s.substr(b, e - b));
                b = e + 1;
            }
        } else {
            const char* noto = "/usr/share/fonts/truetype/noto/";
            for (const char* n : {"NotoSans-Regular.ttf", "NotoSansArmenian-Regular.ttf", "NotoSansGeorgian-Regular.ttf",
                                  "NotoSansHebrew-Regular.ttf", "NotoSansArabic-Regular.ttf", "NotoSansThai-Regular.ttf",
                                  "NotoSansDevanagari-Regular.ttf", "NotoSansMath-Regular.ttf",
                                  "NotoSansSymbols-Regular.ttf", "NotoSansSymbols2-Regular.ttf"})
                paths.push_back(std::string(noto) + n);
            paths.push_back("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        }
        for (const std::string& p : paths) {
            auto face = std::make_unique<Face>();
            face->path = p;
            f.push_back(std::move(face));
        }
    }
    return f;
}

bool load(Face& f) {
    if (f.tried) return f.ok;
    f.tried = true;
    std::ifstream in(f.path, std::ios::binary);
    if (!in) return false;
    f.data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    const int off = stbtt_GetFontOffsetForIndex(f.data.data(), 0);
    f.ok = off >= 0 && stbtt_InitFont(&f.info, f.data.data(), off) != 0;
    return f.ok;
}

bool raster(uint32_t cp, float px, bool, bool, ui::GlyphImage& g) {
    for (auto& fp : faces()) {
        Face& f = *fp;
        if (!load(f)) continue;
        const int gi = stbtt_FindGlyphIndex(&f.info, static_cast<int>(cp));
        if (gi == 0) continue;
        const float scale = stbtt_ScaleForPixelHeight(&f.info, px);
        int adv = 0, lsb = 0;
        stbtt_GetGlyphHMetrics(&f.info, gi, &adv, &lsb);
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        stbtt_GetGlyphBitmapBox(&f.info, gi, scale, scale, &x0, &y0, &x1, &y1);
        g.advance = std::round(static_cast<float>(adv) * scale);
        g.x0 = static_cast<float>(x0);
        g.y0 = static_cast<float>(y0);
        g.w = std::max(0, x1 - x0);
        g.h = std::max(0, y1 - y0);
        if (g.w > 255 || g.h > 255) return false;
        g.colored = false;
        g.rgba.clear();
        if (g.w == 0 || g.h == 0) return true;  // a space: only the advance
        std::vector<unsigned char> a(static_cast<size_t>(g.w) * static_cast<size_t>(g.h));
        stbtt_MakeGlyphBitmap(&f.info, a.data(), g.w, g.h, g.w, scale, scale, gi);
        g.rgba.resize(a.size());
        bool ink = false;
        for (size_t i = 0; i < a.size(); ++i) {
            g.rgba[i] = 0x00FFFFFFu | static_cast<uint32_t>(a[i]) << 24;
            ink = ink || a[i] != 0;
        }
        if (!ink) continue;  // an empty outline (a bitmap-only font): try the next font
        return true;
    }
    return false;
}

}  // namespace

void install_native_glyphs() {
    ui::set_glyph_rasterizer(raster);
    ui::set_glyph_max_texture(8192);
}

}  // namespace hs::native
