#pragma once
struct ImFont;

namespace hs::ui {

struct Fonts {
    ImFont* ui = nullptr;       // Inter Regular + icons
    ImFont* bold = nullptr;     // Inter SemiBold + icons
    ImFont* title = nullptr;    // Inter SemiBold, large
    ImFont* mono = nullptr;     // JetBrains Mono, for times and ids
};

// (Re)builds the font atlas for a device pixel ratio: glyphs are rasterized at size * dpr and drawn at 1/dpr scale,
// so text stays crisp on HiDPI screens. Returns the fonts; the caller re-uploads the atlas texture.
Fonts& load_fonts(float dpr);

// The user's text size (Settings > Text size), a factor of the default sizes: the fonts are rasterised at size *
// scale * dpr. Set, it takes effect when the platform next loads the fonts, which it does when it sees it pending.
constexpr int kTextSizeMinPct = 85, kTextSizeMaxPct = 200;
void set_text_size(int percent);  // clamped to [kTextSizeMinPct, kTextSizeMaxPct]
int text_size();
bool text_size_pending();  // changed since the fonts were last loaded
Fonts& fonts();

// The UI font's bytes (OpenType), also given to the page for the DOM text overlay so that it shows the same glyphs
// as the canvas without a second copy of the font in dist/.
struct FontData {
    const unsigned char* data;
    unsigned long size;
};
FontData ui_font_data();

}  // namespace hs::ui
