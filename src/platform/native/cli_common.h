// hindsight (the CLI): what the commands share: exit codes, output, reading documents and passphrases, argument
// parsing and atomic writes. Used by cli.cpp and cli_review.cpp.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/model.h"

namespace hs::cli {

inline constexpr int kOk = 0, kBadInput = 1, kUsage = 2, kConflicts = 3;

// Thrown by a command for a usage mistake: printed with the command's usage line, exit code 2.
struct UsageError {
    std::string message;
};

void out(const std::string& s);
void err(const std::string& s);
std::string display_name(const std::string& path);  // "<stdin>" for "-"
void print_problem(const std::string& file, const hs::Problem& p, const char* prefix = "");

// Loads a document; prints problems ("FILE: /pointer: message") and returns false when it cannot be used.
// Warnings (semantic problems of a loadable document) are printed with "warning: " unless `quiet_warnings`.
bool load_file(const std::string& path, hs::Document& doc, bool quiet_warnings = false);
// Now in milliseconds; SOURCE_DATE_EPOCH (seconds) pins it for reproducible output.
int64_t now_ms();

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;  // "--title" -> value; flags -> "1"
    std::map<std::string, std::vector<std::string>> repeated;  // every value of a valued option, in order
};
// `flags`: options without a value; `valued`: options taking one. "--" ends options; "-" is a positional (stdin).
Args parse_args(const std::vector<std::string>& in, const std::vector<std::string>& flags,
                const std::vector<std::string>& valued);
void need_count(const Args& a, size_t lo, size_t hi, const char* what);

// --passphrase-file F: its text (one trailing line break dropped, NFC). False with a message printed.
bool read_passphrase(const Args& a, std::string& pass);
// Replaces `path` through a temporary file; false with why (the file is left as it was).
bool write_file_atomically(const std::string& path, const std::string& data, std::string& why);

// `hindsight review apply|list|reply` (cli_review.cpp).
int cmd_review(const std::vector<std::string>& argv);

}  // namespace hs::cli
