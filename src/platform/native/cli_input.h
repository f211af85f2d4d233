// hindsight (the CLI): reading its inputs, a file, stdin or a Slack export folder, within the 64 MiB limit.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace hs::cli {

inline constexpr uint64_t kMaxInputBytes = 64ull * 1024 * 1024;

// Reads FILE or stdin ("-"). Refuses directories and inputs over 64 MiB. Returns false with a message.
bool read_input(const std::string& path, std::string& text, std::string& why);
// Slack folder export: users.json, channels.json and <channel>/<day>.json files, keyed by relative path.
bool read_slack_dir(const std::string& dir, std::map<std::string, std::string>& files, std::string& why);
// A day file inside a folder export (<export>/<channel>/<day>.json): users.json next to the channel folders resolves
// user names. Returns "" when there is none or it cannot be read.
std::string slack_users_near(const std::string& day_path);

}  // namespace hs::cli
