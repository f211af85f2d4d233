// Slack importer: a channel export's day file (an array of messages), optionally with the export's users.json.
// Messages become communication events. A whole export (folder or .zip) is read by slack_export.cpp with the same
// parts.
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "slack_detail.h"
#include "../sort.h"

namespace hs {

using namespace import_detail;

namespace slack_detail {

namespace {

// The name people recognise: display name, else real name, else the handle.
std::string best_name(const Json& u) {
    std::string s;
    auto prof = u.find("profile");
    if (prof != u.end() && prof->is_object()) {
        s = json_string(*prof, "display_name");
        if (s.empty()) s = json_string(*prof, "real_name");
    }
    if (s.empty()) s = json_string(u, "display_name");
    if (s.empty()) s = json_string(u, "real_name");
    if (s.empty()) s = json_string(u, "name");
    return s;
}

}  // namespace

// Where a problem is: a JSON Pointer in a day file given alone, "<file>#<pointer>" (RFC 6901 URI fragment form)
// in a folder export or in users.json, just "<file>" for the whole file.
std::string where(const std::string& file, const std::string& pointer) {
    if (file.empty()) return pointer;
    return pointer.empty() ? file : file + "#" + pointer;
}

// Returns false with `err` set when users.json is not an array of user objects.
bool read_users(const std::string& text, const std::string& file, Context& ctx, Problem& err) {
    Json users = Json::parse(text, nullptr, false);
    if (users.is_discarded()) {
        err = {file, "Not valid JSON; expected the export's array of users."};
        return false;
    }
    if (!users.is_array()) {
        err = {file, "Expected an array of users (the users.json of a Slack export)."};
        return false;
    }
    for (size_t i = 0; i < users.size(); ++i) {
        const Json& u = users[i];
        const std::string ptr = "/" + std::to_string(i);
        if (!u.is_object()) {
            err = {where(file, ptr), "Expected a user object."};
            return false;
        }
        std::string id = json_string(u, "id");
        if (id.empty()) {
            ctx.warnings.push_back({where(file, ptr), "A user without an \"id\" was skipped."});
            continue;
        }
        std::string name = best_name(u);
        if (!name.empty()) ctx.names[id] = name;
    }
    return true;
}

namespace {

std::string name_for(const std::string& id, Context& ctx) {
    auto it = ctx.names.find(id);
    if (it != ctx.names.end()) return it->second;
    if (ctx.unknown_users.insert(id).second) {
        ctx.warnings.push_back({"", "The user " + id + " is not in users.json; shown by id."});
    }
    return id;
}

// One left-to-right pass: Slack escapes only &, < and > in message text.
std::string unescape_entities(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '&') {
            if (s.compare(i, 5, "&amp;") == 0) {
                out += '&';
                i += 4;
                continue;
            }
            if (s.compare(i, 4, "&lt;") == 0) {
                out += '<';
                i += 3;
                continue;
            }
            if (s.compare(i, 4, "&gt;") == 0) {
                out += '>';
                i += 3;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

// Resolves <@U123>, <#C1|name>, <!here>, <https://x|label> to what a person reads in Slack.
std::string resolve_text(const std::string& s, Context& ctx) {
    std::string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        size_t close;
        if (s[i] != '<' || (close = s.find('>', i + 1)) == std::string::npos) {
            out += s[i++];
            continue;
        }
        std::string inner = s.substr(i + 1, close - i - 1);
        i = close + 1;
        std::string target = inner, label;
        size_t bar = inner.find('|');
        if (bar != std::string::npos) {
            target = inner.substr(0, bar);
            label = inner.substr(bar + 1);
        }
        if (!target.empty() && target[0] == '@') {
            std::string id = target.substr(1);
            auto it = ctx.names.find(id);
            if (it != ctx.names.end()) {
                out += "@" + it->second;
            } else if (!label.empty()) {
                out += "@" + label;
            } else {
                out += "@" + name_for(id, ctx);
            }
        } else if (!target.empty() && target[0] == '#') {
            out += "#" + (label.empty() ? target.substr(1) : label);
        } else if (!target.empty() && target[0] == '!') {
            if (!label.empty()) {
                out += label;  // <!subteam^S1|@oncall>, <!date^...|fallback text>
            } else {
                out += "@" + target.substr(1);  // <!here>, <!channel>, <!everyone>
            }
        } else if (label.empty() || label == target) {
            out += target;
        } else if (target.rfind("mailto:", 0) == 0) {
            out += label;
        } else {
            out += label + " (" + target + ")";
        }
    }
    return unescape_entities(out);
}

// Slack "ts": seconds since the epoch (UTC) with a microsecond suffix, "1709301720.000200".
bool parse_ts(const std::string& s, int64_t& unix_ms) {
    size_t dot = s.find('.');
    std::string sec = s.substr(0, dot);
    std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
    if (sec.empty() || sec.size() > 12) return false;
    for (char c : sec) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    if (dot != std::string::npos && (frac.empty() || frac.size() > 9)) return false;
    for (char c : frac) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    int64_t secs = std::stoll(sec);
    if (secs > 253402300799LL) return false;  // after year 9999
    int64_t ms = 0;
    for (size_t k = 0; k < 3; ++k) ms = ms * 10 + (k < frac.size() ? frac[k] - '0' : 0);
    unix_ms = secs * 1000 + ms;
    return true;
}

}  // namespace

void collect_profiles(const Json& day, Context& ctx) {
    if (!day.is_array()) return;
    for (const Json& m : day) {
        if (!m.is_object()) continue;
        std::string user = json_string(m, "user");
        auto prof = m.find("user_profile");
        if (user.empty() || ctx.names.count(user) || prof == m.end() || !prof->is_object()) continue;
        std::string name = best_name(*prof);
        if (!name.empty()) ctx.names[user] = name;
    }
}

bool read_day(const std::string& text, const std::string& file, const std::string& channel, Context& ctx,
              std::vector<Event>& out, Problem& err) {
    Json day = Json::parse(text, nullptr, false);
    if (day.is_discarded()) {
        err = {file, "Not valid JSON; expected a Slack day file (an array of messages)."};
        return false;
    }
    if (!day.is_array()) {
        err = {file, "Expected an array of messages (a Slack day file such as 2026-03-01.json)."};
        return false;
    }
    // A mention names its person only by id; any message of theirs in this file carries their name.
    collect_profiles(day, ctx);
    for (size_t i = 0; i < day.size(); ++i) {
        const Json& m = day[i];
        std::string ptr = "/" + std::to_string(i);
        if (!m.is_object()) {
            err = {where(file, ptr), "Expected a message object."};
            return false;
        }
        std::string type = json_string(m, "type");
        if (m.contains("type") && type != "message") {
            ctx.warnings.push_back({where(file, ptr), "An entry of type \"" + type + "\" is not a message; skipped."});
            continue;
        }
        auto ts_it = m.find("ts");
        if (ts_it == m.end() || !ts_it->is_string()) {
            err = {where(file, ptr + "/ts"), "The ts is missing or not a string (Slack writes \"1709301720.000200\")."};
            return false;
        }
        int64_t ms = 0;
        if (!parse_ts(ts_it->get<std::string>(), ms)) {
            err = {where(file, ptr + "/ts"), "\"" + ts_it->get<std::string>() +
                                            "\" is not a Slack timestamp (seconds since 1970, e.g. "
                                            "\"1709301720.000200\")."};
            return false;
        }
        std::string subtype = json_string(m, "subtype");
        if (subtype == "channel_join" || subtype == "channel_leave" || subtype == "group_join" ||
            subtype == "group_leave") {
            ++ctx.join_leave;
            continue;
        }
        Event ev;
        ev.time.unix_ms = ms;
        ev.time.set = true;
        if ((ctx.from && ms < ctx.from->unix_ms) || (ctx.to && ms > ctx.to->unix_ms)) {
            ++ctx.outside_window;
            continue;
        }
        ev.type = "communication";
        std::string user = json_string(m, "user");
        if (!user.empty() && ctx.names.count(user)) {
            ev.author = ctx.names[user];
        } else {
            auto prof = m.find("user_profile");  // exports embed a copy of the sender's profile
            if (prof != m.end() && prof->is_object()) ev.author = best_name(*prof);
            if (ev.author.empty()) ev.author = json_string(m, "username");  // bots and integrations
            if (ev.author.empty()) {
                auto bot = m.find("bot_profile");
                if (bot != m.end() && bot->is_object()) ev.author = json_string(*bot, "name");
            }
            if (ev.author.empty() && !user.empty()) ev.author = name_for(user, ctx);
            if (ev.author.empty()) ev.author = "Slack";
        }
        std::string text = json_string(m, "text");
        ev.description = resolve_text(text, ctx);
        if (ev.description.empty()) {
            // A message can be only a file or an attachment; say what was shared rather than drop it.
            auto files = m.find("files");
            if (files != m.end() && files->is_array() && !files->empty() && (*files)[0].is_object()) {
                std::string name = json_string((*files)[0], "title");
                if (name.empty()) name = json_string((*files)[0], "name");
                ev.description = "Shared a file" + (name.empty() ? std::string() : ": " + name);
            }
            auto att = m.find("attachments");
            if (ev.description.empty() && att != m.end() && att->is_array() && !att->empty() &&
                (*att)[0].is_object()) {
                ev.description = resolve_text(json_string((*att)[0], "fallback"), ctx);
            }
        }
        if (ev.description.empty()) {
            ctx.warnings.push_back({where(file, ptr), "A message without text was skipped."});
            continue;
        }
        if (!channel.empty()) ev.tags.push_back(channel);
        out.push_back(std::move(ev));
    }
    return true;
}

ImportResult finish(Context& ctx, std::vector<Event>& events) {
    ImportResult res;
    res.doc = new_import_document();
    sort_stable(events.begin(), events.end(),
                [](const Event& a, const Event& b) { return a.time.unix_ms < b.time.unix_ms; });
    for (Event& ev : events) {
        ev.id = new_id("ev");
        res.doc.timeline.push_back(std::move(ev));
    }
    res.problems = std::move(ctx.warnings);
    if (ctx.join_leave > 0) {
        res.problems.push_back({"", "Skipped " + std::to_string(ctx.join_leave) + " join/leave message" +
                                        (ctx.join_leave == 1 ? "" : "s") + "."});
    }
    if (ctx.outside_window > 0) {
        res.problems.push_back({"", "Left out " + std::to_string(ctx.outside_window) + " message" +
                                        (ctx.outside_window == 1 ? "" : "s") + " outside the chosen time window."});
    }
    if (res.doc.timeline.empty()) {
        res.ok = false;
        res.problems.insert(res.problems.begin(), Problem{"", "The export holds no messages to import."});
        return res;
    }
    res.problems.push_back({"/title", "A Slack export does not name the incident; write a title."});
    res.problems.push_back({"/timeline", "Messages were imported as communication events; retype the ones "
                                         "that mark impact start, detection, mitigation or resolution."});
    res.ok = true;
    return res;
}

}  // namespace slack_detail

using namespace slack_detail;

ImportResult import_slack(const std::string& day_json, const std::string& users_json) {
    try {
        if (day_json.size() + users_json.size() > kMaxImportBytes) {
            return import_error("", "The input is larger than 64 MiB; export a shorter date range.");
        }
        Context ctx;
        if (!users_json.empty()) {
            Problem err;
            if (!read_users(users_json, "users.json", ctx, err)) return import_error(err.pointer, err.message);
        }
        std::vector<Event> events;
        Problem err;
        if (!read_day(day_json, "", "", ctx, events, err)) return import_error(err.pointer, err.message);
        return finish(ctx, events);
    } catch (const std::exception& ex) {
        return import_error("", std::string("Could not import the Slack export: ") + ex.what());
    } catch (...) {
        return import_error("", "Could not import the Slack export.");
    }
}

}  // namespace hs
