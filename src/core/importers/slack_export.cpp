// A whole Slack export: users.json and <channel>/YYYY-MM-DD.json day files (a folder, or a .zip read by zip.h),
// merged in time order, with a channel filter and a time window.
#include <algorithm>
#include <string>
#include <vector>

#include "slack_detail.h"

namespace hs {

using namespace import_detail;
using namespace slack_detail;

namespace {

bool is_day_file_name(const std::string& name) {  // "YYYY-MM-DD.json"
    if (name.size() != 15 || name.compare(10, 5, ".json") != 0) return false;
    return is_calendar_date(name.substr(0, 10));
}

struct DayFile {
    const std::string* path;
    const std::string* text;
    std::string channel;  // the folder holding it
};

// The day files in path order; `channel` is the folder right above each.
std::vector<DayFile> day_files(const std::map<std::string, std::string>& files) {
    std::vector<DayFile> out;
    for (const auto& kv : files) {
        const std::string& p = kv.first;
        size_t slash = p.rfind('/');
        if (slash == std::string::npos || !is_day_file_name(p.substr(slash + 1))) continue;
        size_t prev = slash == 0 ? std::string::npos : p.rfind('/', slash - 1);
        size_t start = prev == std::string::npos ? 0 : prev + 1;
        out.push_back({&kv.first, &kv.second, p.substr(start, slash - start)});
    }
    return out;
}

// The export may sit in a top folder ("export/users.json"): the shallowest users.json, or null.
const std::pair<const std::string, std::string>* find_users(const std::map<std::string, std::string>& files) {
    const std::pair<const std::string, std::string>* best = nullptr;
    for (const auto& kv : files) {
        const std::string& p = kv.first;
        bool match = p == "users.json" || (p.size() > 11 && p.compare(p.size() - 11, 11, "/users.json") == 0);
        if (match && (!best || p.size() < best->first.size())) best = &kv;
    }
    return best;
}

// Reads users.json and every day file's senders into ctx.names, so that a mention in one channel or day resolves
// through a message the person wrote anywhere else. An error result when users.json or a day file is malformed.
std::optional<ImportResult> learn_names(const std::map<std::string, std::string>& files,
                                        const std::vector<DayFile>& days, Context& ctx) {
    if (auto users = find_users(files)) {
        Problem err;
        if (!read_users(users->second, users->first, ctx, err)) return import_error(err.pointer, err.message);
    } else {
        ctx.warnings.push_back({"", "The export has no users.json; names come from the messages themselves."});
    }
    for (const DayFile& d : days) {
        Json day = Json::parse(*d.text, nullptr, false);
        if (day.is_discarded()) {
            return import_error(*d.path, "Not valid JSON; expected a Slack day file (an array of messages).");
        }
        collect_profiles(day, ctx);
    }
    return std::nullopt;
}

ImportResult import_checked(const std::map<std::string, std::string>& files, const SlackExportOptions& options,
                            std::vector<Event>& events, Context& ctx) {
    size_t total = 0;
    for (const auto& kv : files) total += kv.second.size();
    if (total > kMaxImportBytes) return import_error("", "The export is larger than 64 MiB; export fewer days.");
    std::vector<DayFile> days = day_files(files);
    if (days.empty()) {
        return import_error("", "The export has no day files (<channel>/YYYY-MM-DD.json); "
                                "is this a Slack export folder?");
    }
    if (options.from && options.to && options.from->unix_ms > options.to->unix_ms) {
        return import_error("", "The time window ends (" + format_utc(*options.to) + ") before it starts (" +
                                    format_utc(*options.from) + "); swap the two times.");
    }
    for (const std::string& c : options.channels) {
        bool found = std::any_of(days.begin(), days.end(), [&](const DayFile& d) { return d.channel == c; });
        if (!found) return import_error("", "The export has no channel \"" + c + "\"; its channels are the folders "
                                            "holding day files.");
    }
    if (auto err = learn_names(files, days, ctx)) return *err;
    ctx.from = options.from;
    ctx.to = options.to;
    for (const DayFile& d : days) {
        if (!options.channels.empty() &&
            std::find(options.channels.begin(), options.channels.end(), d.channel) == options.channels.end()) {
            continue;
        }
        Problem err;
        if (!read_day(*d.text, *d.path, d.channel, ctx, events, err)) return import_error(err.pointer, err.message);
    }
    ImportResult ok;
    ok.ok = true;
    return ok;
}

}  // namespace

ImportResult import_slack_export(const std::map<std::string, std::string>& files, const SlackExportOptions& options) {
    try {
        Context ctx;
        std::vector<Event> events;
        ImportResult r = import_checked(files, options, events, ctx);
        if (!r.ok) return r;
        return finish(ctx, events);
    } catch (const std::exception& ex) {
        return import_error("", std::string("Could not import the Slack export: ") + ex.what());
    } catch (...) {
        return import_error("", "Could not import the Slack export.");
    }
}

SlackExportScan scan_slack_export(const std::map<std::string, std::string>& files) {
    SlackExportScan scan;
    try {
        Context ctx;
        std::vector<Event> events;
        ImportResult r = import_checked(files, {}, events, ctx);
        if (!r.ok) {
            scan.problems = std::move(r.problems);
            return scan;
        }
        std::map<std::string, size_t> counts;
        for (const DayFile& d : day_files(files)) counts.emplace(d.channel, 0);
        for (const Event& ev : events) {
            if (!ev.tags.empty()) ++counts[ev.tags.front()];
            if (!scan.first.set || ev.time.unix_ms < scan.first.unix_ms) scan.first = ev.time;
            if (!scan.last.set || ev.time.unix_ms > scan.last.unix_ms) scan.last = ev.time;
        }
        for (const auto& kv : counts) scan.channels.push_back({kv.first, kv.second});
        if (events.empty()) {
            scan.problems.push_back({"", "The export holds no messages to import."});
            return scan;
        }
        scan.problems = std::move(ctx.warnings);
        scan.ok = true;
    } catch (const std::exception& ex) {
        scan.problems = {{"", std::string("Could not read the Slack export: ") + ex.what()}};
    }
    return scan;
}

}  // namespace hs
