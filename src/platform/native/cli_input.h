// hindsight (the CLI): reading its inputs, a file, stdin or a Slack export folder, within the 64 MiB limit.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/importers/importers.h"

namespace hs::cli {

inline constexpr uint64_t kMaxInputBytes = 64ull * 1024 * 1024;

// Reads FILE or stdin ("-"). Refuses directories and inputs over 64 MiB. Returns false with a message.
bool read_input(const std::string& path, std::string& text, std::string& why);
// Slack folder export: users.json, channels.json and <channel>/<day>.json files, keyed by relative path.
bool read_slack_dir(const std::string& dir, std::map<std::string, std::string>& files, std::string& why);
// True when `path` is a Slack export rather than one day file: a folder, or a file that starts like a zip.
bool is_slack_export(const std::string& path);
// --channel (each given), --from and --to (ISO 8601; UTC when no offset) into `options`. False with a message.
bool slack_options(const std::vector<std::string>& channels, const std::string& from, const std::string& to,
                   hs::SlackExportOptions& options, std::string& why);
// Imports the export at `path` (a folder or a .zip). Entries the zip reader ignored come first as warnings, each
// with the entry's path; a folder or zip that cannot be read gives ok=false with one problem.
hs::ImportResult import_slack_at(const std::string& path, const hs::SlackExportOptions& options);
// A day file inside a folder export (<export>/<channel>/<day>.json): users.json next to the channel folders resolves
// user names. Returns "" when there is none or it cannot be read.
std::string slack_users_near(const std::string& day_path);

}  // namespace hs::cli
