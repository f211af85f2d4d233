// libFuzzer target: loading a document from outside bytes (a file, a draft in storage, a decoded link) never
// crashes or throws, every refusal says what is wrong and where, and whatever loads is stable: saving it and
// loading the result gives the same bytes, and it passes validation (load_document validates).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/format.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 400000) return 0;
    const std::string text(reinterpret_cast<const char*>(data), size);
    hs::LoadResult r = hs::load_document(text);
    if (!r.ok) {
        if (r.problems.empty()) std::abort();  // a refusal always says why
        for (const auto& p : r.problems)
            if (p.message.empty()) std::abort();
        return 0;
    }
    const std::string once = hs::save_document(r.doc);
    hs::LoadResult again = hs::load_document(once);
    if (!again.ok || hs::save_document(again.doc) != once) std::abort();  // canonical form is a fixed point
    if (hs::save_document(again.doc, true).empty()) std::abort();
    return 0;
}
