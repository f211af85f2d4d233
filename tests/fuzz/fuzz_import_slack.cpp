// libFuzzer target: the Slack importers must return (ok or a problem) for any bytes, never crash or throw.
// The input is split at the first NUL byte: day file, then users.json; the same bytes are also tried as a folder
// export with a day file and users.json.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>

#include "core/importers/importers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const size_t nul = text.find('\0');
    const std::string day = text.substr(0, nul);
    const std::string users = nul == std::string::npos ? std::string() : text.substr(nul + 1);
    hs::ImportResult r = hs::import_slack(day, users);
    if (!r.ok && r.problems.empty()) std::abort();
    std::map<std::string, std::string> files{{"inc/2026-03-01.json", day}};
    if (!users.empty()) files["users.json"] = users;
    hs::ImportResult e = hs::import_slack_export(files);
    if (!e.ok && e.problems.empty()) std::abort();
    return 0;
}
