// libFuzzer target: the zip reader must refuse or read any bytes without crashing, throwing or exceeding its caps,
// and the Slack export's import through it (scan, then import with the scan's first channel and time window, as the
// app's dialog does) must return ok or a problem.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/importers/importers.h"
#include "core/zip.h"

namespace {

// Small caps, so that the fuzzer reaches each refusal with inputs of its own size.
hs::ZipLimits small_limits() {
    hs::ZipLimits l;
    l.max_entries = 64;
    l.max_entry_bytes = 256u * 1024u;
    l.max_total_bytes = 512u * 1024u;
    l.ratio_floor = 4096;
    l.keep_suffixes = {};
    return l;
}

void check(const hs::ZipResult& z, const hs::ZipLimits& l) {
    if (!z.ok) {
        if (z.error.empty() || !z.files.empty()) std::abort();  // a refusal says why and keeps nothing
        return;
    }
    size_t total = 0;
    for (const auto& [name, content] : z.files) {
        if (name.empty() || content.size() > l.max_entry_bytes) std::abort();
        total += content.size();
    }
    if (z.files.size() > l.max_entries || total > l.max_total_bytes) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    (void)hs::looks_like_zip(bytes);
    const hs::ZipLimits small = small_limits();
    check(hs::read_zip(bytes, small), small);
    hs::SlackExportScan scan = hs::scan_slack_zip(bytes);
    if (!scan.ok && scan.problems.empty()) std::abort();
    hs::SlackExportOptions options;
    if (scan.ok && !scan.channels.empty()) {
        options.channels = {scan.channels.front().name};
        if (scan.first.set) options.from = scan.first;
        if (scan.last.set) options.to = scan.last;
    }
    hs::ImportResult r = hs::import_slack_zip(bytes, options);
    if (!r.ok && r.problems.empty()) std::abort();
    return 0;
}
