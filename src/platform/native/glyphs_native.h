#pragma once
namespace hs::native {
// Native headless runs draw any script the system's Noto fonts cover (src/ui/glyphs.h).
void install_native_glyphs();
}  // namespace hs::native
