// The Slack importer's shared parts (slack.cpp: one day file; slack_export.cpp: a whole export). Not a stable API.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "importers.h"

namespace hs::slack_detail {

struct Context {
    std::map<std::string, std::string> names;  // user id -> display name (users.json, else any user_profile)
    std::set<std::string> unknown_users;       // ids we could not name, reported once each
    size_t join_leave = 0;
    std::optional<Instant> from, to;  // messages outside [from, to] are left out
    size_t outside_window = 0;
    std::vector<Problem> warnings;
};

// Where a problem is: a JSON Pointer in a day file given alone, "<file>#<pointer>" in an export.
std::string where(const std::string& file, const std::string& pointer);
// users.json into ctx.names. False with `err` when it is not an array of user objects.
bool read_users(const std::string& text, const std::string& file, Context& ctx, Problem& err);
// Names of the senders in a parsed day file (their messages' user_profile), for ids users.json does not name.
void collect_profiles(const Json& day, Context& ctx);
// One day file (`file`: its path in an export, else "") into `out`, tagged with `channel` when not empty. False
// with `err` when malformed.
bool read_day(const std::string& text, const std::string& file, const std::string& channel, Context& ctx,
              std::vector<Event>& out, Problem& err);
// The document: events in time order, the warnings, and what is left for the person to do.
ImportResult finish(Context& ctx, std::vector<Event>& events);

}  // namespace hs::slack_detail
