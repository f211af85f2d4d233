// libFuzzer target: paste-to-add parsing of arbitrary text (chat logs, terminal output, binary junk) never crashes
// or throws, stays within its line cap, and every line it refuses carries the reason shown in the preview.
// The first byte picks the context: an offset and whether a DST-aware zone is used.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/paste.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1 || size > 200000) return 0;
    hs::PasteContext ctx;
    ctx.date = "2026-03-29";
    ctx.offset_min = (static_cast<int>(data[0] % 53) - 26) * 30;
    ctx.max_lines = 500;
    const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
    hs::PasteResult r = hs::parse_paste(text, ctx);
    int events = 0, errors = 0;
    for (const auto& l : r.lines) {
        if (l.line_no < 1 || l.line_count < 1) std::abort();
        if (l.kind == hs::PasteLine::Kind::Event) {
            ++events;
            if (l.event.id.empty() || !l.event.time.set) std::abort();
        } else if (l.kind == hs::PasteLine::Kind::Error) {
            ++errors;
            if (l.error.empty()) std::abort();
        }
    }
    if (events != r.events || errors != r.errors) std::abort();
    if (r.lines.size() > ctx.max_lines) std::abort();
    return 0;
}
