// Reading a .zip archive held in memory (a Slack export) with zlib's minizip, under caps so that a hostile or broken
// archive gets a clear refusal instead of exhausting memory: the number of entries, one entry's size, the total
// size and the compression ratio (a zip bomb). No file IO: the bytes are given, the files come back as text.
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "model.h"

namespace hs {

struct ZipLimits {
    size_t max_entries = 20000;                     // entries in the central directory, folders included
    size_t max_entry_bytes = 64u * 1024u * 1024u;   // one entry, uncompressed
    size_t max_total_bytes = 64u * 1024u * 1024u;   // all kept entries together, uncompressed
    size_t max_ratio = 200;                         // uncompressed / compressed, for entries past ratio_floor
    size_t ratio_floor = 1024u * 1024u;             // small entries may compress well without harm
    // Only entries whose name ends with one of these (ASCII case-insensitive) are kept; others are skipped quietly.
    // Empty keeps every entry.
    std::vector<std::string> keep_suffixes = {".json"};
};

struct ZipResult {
    bool ok = false;
    std::map<std::string, std::string> files;  // path inside the archive -> content
    std::string error;                         // when !ok: what is wrong and what to do
    std::vector<Problem> warnings;             // entries ignored (unsafe paths, nested archives, ...), by path
};

// True when the bytes start like a zip archive ("PK\3\4", or "PK\5\6" for an empty one).
bool looks_like_zip(const std::string& bytes);

// Reads the archive. Never throws. Refused as a whole (ok=false): not a zip, damaged, an encrypted entry, or any cap
// exceeded (the error names the cap). Ignored with a warning: names that are absolute or climb out with "..",
// archives inside the archive, duplicate names, entries in a compression Hindsight cannot read.
ZipResult read_zip(const std::string& bytes, const ZipLimits& limits = {});

}  // namespace hs
