// A Slack export's .zip: unpacked by the core's zip reader, then read as a folder export (slack_export.cpp). Also the
// small JSON forms the app's dialog and the page's worker exchange about it.
#include <string>
#include <vector>

#include "../zip.h"
#include "importers.h"

namespace hs {

namespace {

// Unpacks the archive; false with `refusal` (one problem) when the zip reader refuses it.
bool unpack(const std::string& bytes, ZipResult& z, std::vector<Problem>& refusal) {
    z = read_zip(bytes);
    if (z.ok) return true;
    refusal = {{"", z.error}};
    return false;
}

std::optional<Instant> time_member(const Json& j, const char* key, bool& bad) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    std::optional<Instant> t = it->is_string() ? parse_iso8601(it->get<std::string>()) : std::nullopt;
    if (!t) bad = true;
    return t;
}

}  // namespace

SlackExportScan scan_slack_zip(const std::string& bytes) {
    SlackExportScan scan;
    ZipResult z;
    if (!unpack(bytes, z, scan.problems)) return scan;
    scan = scan_slack_export(z.files);
    if (scan.ok) scan.problems.insert(scan.problems.begin(), z.warnings.begin(), z.warnings.end());
    return scan;
}

ImportResult import_slack_zip(const std::string& bytes, const SlackExportOptions& options) {
    ImportResult r;
    ZipResult z;
    if (!unpack(bytes, z, r.problems)) return r;
    r = import_slack_export(z.files, options);
    if (r.ok) r.problems.insert(r.problems.begin(), z.warnings.begin(), z.warnings.end());
    return r;
}

std::string slack_scan_json(const SlackExportScan& scan) {
    Json j = {{"channels", Json::array()}};
    for (const SlackChannelCount& c : scan.channels) j["channels"].push_back({{"name", c.name}, {"messages", c.messages}});
    if (scan.first.set) j["first"] = format_utc(scan.first);
    if (scan.last.set) j["last"] = format_utc(scan.last);
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool slack_scan_from_json(const std::string& text, SlackExportScan& scan) {
    Json j = Json::parse(text, nullptr, false);
    if (!j.is_object() || !j.contains("channels") || !j["channels"].is_array()) return false;
    scan = {};
    for (const Json& c : j["channels"]) {
        if (!c.is_object() || !c.contains("name") || !c["name"].is_string() || !c.contains("messages") ||
            !c["messages"].is_number_unsigned()) {
            return false;
        }
        scan.channels.push_back({c["name"].get<std::string>(), c["messages"].get<size_t>()});
    }
    bool bad = false;
    if (auto t = time_member(j, "first", bad)) scan.first = *t;
    if (auto t = time_member(j, "last", bad)) scan.last = *t;
    scan.ok = !bad;
    return !bad;
}

std::string slack_options_json(const SlackExportOptions& options) {
    Json j = {{"channels", options.channels}};
    if (options.from) j["from"] = format_utc(*options.from);
    if (options.to) j["to"] = format_utc(*options.to);
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool slack_options_from_json(const std::string& text, SlackExportOptions& options) {
    Json j = Json::parse(text, nullptr, false);
    if (!j.is_object()) return false;
    options = {};
    auto ch = j.find("channels");
    if (ch != j.end()) {
        if (!ch->is_array()) return false;
        for (const Json& c : *ch) {
            if (!c.is_string()) return false;
            options.channels.push_back(c.get<std::string>());
        }
    }
    bool bad = false;
    options.from = time_member(j, "from", bad);
    options.to = time_member(j, "to", bad);
    return !bad;
}

}  // namespace hs
