// libFuzzer target: import_statuspage must return (ok or a problem) for any bytes, never crash or throw, both when it
// picks the first incident of a list and when it looks one up by id.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/importers/importers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    for (const char* id : {"", "p31zjtct2jer"}) {
        hs::ImportResult r = hs::import_statuspage(text, id);
        if (!r.ok && r.problems.empty()) std::abort();  // a refusal must say why
    }
    return 0;
}
