// Glyphs on demand: the fonts embedded in the app cover Latin only (a few hundred KB of first load would go to CJK
// alone). Any other code point that the UI draws or measures is rasterised when first needed, by the platform
// (web: the browser's own text renderer with the system's fonts, colour emoji included; native: stb_truetype over
// the system's Noto fonts), and added to the ImGui font atlas. See docs/text.md.
#pragma once
#include <cstdint>
#include <vector>

struct ImFont;

namespace hs::ui {

// One rasterised code point. Pixels are RGBA (R in the lowest byte), not premultiplied; a monochrome glyph is white
// with its coverage in alpha, so the text colour tints it. Coordinates are in the atlas's pixels, relative to the pen
// on the baseline (y grows downwards, so y0 is negative for a glyph above the baseline).
struct GlyphImage {
    int w = 0, h = 0;
    float x0 = 0, y0 = 0;
    float advance = 0;
    bool colored = false;  // drawn as it is (emoji), not tinted by the text colour
    std::vector<uint32_t> rgba;
};

// Rasterises `codepoint` at ImGui pixel size `px` (ascender to descender, as ImGui sizes fonts). Returns false when
// the platform cannot; the cache then draws a box, never '?'.
using GlyphRasterizer = bool (*)(uint32_t codepoint, float px, bool bold, bool mono, GlyphImage& out);

void set_glyph_rasterizer(GlyphRasterizer r);
// The largest texture the GPU takes (web: GL_MAX_TEXTURE_SIZE); the atlas grows up to it, then starts over.
void set_glyph_max_texture(int px);
// fonts.cpp: the atlas was (re)built; `font` is drawn bold / monospaced. Drops every glyph added on demand.
void glyphs_atlas_built();
void glyphs_register_font(ImFont* font, bool bold, bool mono);

// Before ImGui::NewFrame: grows the atlas when the last frame ran out of room (glyphs that did not fit were drawn
// blank for that frame, and a frame was requested).
void glyphs_new_frame();
// Set by the platform: called when a glyph could not be added this frame and another frame is needed.
void set_glyph_frame_request(void (*request)());
// A new document is about to be drawn (App::set_document): its glyphs are rasterised without the time budget until a
// frame leaves none for the next (at most a few frames), so that it appears whole at once instead of over a dozen
// frames with blanks filling in (bench/text: a Japanese postmortem's 380 glyphs took 12 frames at 3 ms each). Typing,
// scrolling and search results keep the budget: frames there must stay short.
void glyphs_document_opened();
// At most this many milliseconds of rasterising a frame, the rest in the next frames (0, the default: no time limit,
// only a count a frame; the native builds keep it so that tests do not depend on the machine's load). The web build
// sets it: its rasteriser is the page's, a call per glyph, and a new font costs the browser milliseconds.
void set_glyph_budget_ms(double ms);

// What the platform must send to the GPU after ImGui::Render (and before drawing). `recreate`: the whole texture
// (new size or format); otherwise rows [y0, y1) changed. `rgba` is null while the atlas is still ImGui's own
// (alpha only, no glyph added yet).
struct AtlasUpload {
    bool recreate = false;
    int w = 0, h = 0;
    int y0 = 0, y1 = 0;
    const uint32_t* rgba = nullptr;
};
AtlasUpload glyphs_take_upload();

// For tests and the docs: glyphs added on demand since the atlas was built, and whether any of them is colour.
struct GlyphStats {
    int added = 0;
    int boxes = 0;        // code points no font could draw (drawn as a box)
    int resets = 0;       // the atlas reached its largest size and started over
    bool pending = false; // the last frame left glyphs for the next one (it was drawn with blanks)
    int tex_w = 0, tex_h = 0;
};
GlyphStats glyph_stats();

}  // namespace hs::ui
