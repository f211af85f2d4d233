// libFuzzer target: import_alertmanager must return (ok or a problem) for any bytes, never crash or throw. The bytes are read
// as one payload, an array of payloads or one payload per line, whichever they parse as.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/importers/importers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    hs::ImportResult r = hs::import_alertmanager(text);
    if (!r.ok && r.problems.empty()) std::abort();  // a refusal must say why
    return 0;
}
