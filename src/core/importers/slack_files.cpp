// A Slack export unzipped into a folder and dropped (or picked) as several files at once: the page packs them with
// their relative paths into one bundle (web/app.js), read here into the same path -> text map a .zip gives, so the
// dialog and the import are those of the zip (slack_zip.cpp, slack_export.cpp).
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "slack_detail.h"

namespace hs {

namespace {

constexpr char kBundleMagic[] = "HSFILES1";
constexpr size_t kBundleMagicBytes = sizeof(kBundleMagic) - 1;
constexpr size_t kMaxBundleFiles = 20000;  // as the zip reader's cap on entries
constexpr size_t kMaxPathBytes = 4096;
// Day files that came without their channel folder (files picked inside it) go under this name when neither
// channels.json nor the messages name the channel.
constexpr char kLooseChannel[] = "dropped-day-files";

bool read_u32(const std::string& b, size_t& pos, uint32_t& v) {
    if (b.size() - pos < 4) return false;
    v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[pos + static_cast<size_t>(i)]);
    pos += 4;
    return true;
}

// "/export/a/b.json" and "export\a\b.json" (a path as a browser or a Windows tool gives it) -> "export/a/b.json".
std::string clean_path(std::string p) {
    for (char& c : p) {
        if (c == '\\') c = '/';
    }
    size_t start = p.find_first_not_of('/');
    return start == std::string::npos ? std::string() : p.substr(start);
}

bool is_loose_day_file(const std::string& path) {
    return path.find('/') == std::string::npos && path.size() == 15 && path.compare(10, 5, ".json") == 0 &&
           is_calendar_date(path.substr(0, 10));
}

// channels.json's id -> name, from the shallowest channels.json; empty when there is none or it is malformed
// (the import itself does not need it).
std::map<std::string, std::string> channel_names(const std::map<std::string, std::string>& files) {
    std::map<std::string, std::string> out;
    const std::string* best = nullptr;
    size_t best_len = 0;
    for (const auto& [p, text] : files) {
        bool match = p == "channels.json" || (p.size() > 14 && p.compare(p.size() - 14, 14, "/channels.json") == 0);
        if (match && (!best || p.size() < best_len)) best = &text, best_len = p.size();
    }
    if (!best) return out;
    Json j = Json::parse(*best, nullptr, false);
    if (!j.is_array()) return out;
    for (const Json& c : j) {
        if (!c.is_object()) continue;
        auto id = c.find("id"), name = c.find("name");
        if (name != c.end() && name->is_string()) {
            out[id != c.end() && id->is_string() ? id->get<std::string>() : name->get<std::string>()] =
                name->get<std::string>();
        }
    }
    return out;
}

// The channel of day files that came without their folder: the only channel channels.json lists, else the one
// channel the messages name (their "channel" member, as some export tools write it), else kLooseChannel.
std::string loose_channel(const std::map<std::string, std::string>& files, const std::vector<std::string>& loose) {
    const std::map<std::string, std::string> names = channel_names(files);
    if (names.size() == 1) return names.begin()->second;
    std::set<std::string> seen;
    for (const std::string& p : loose) {
        Json day = Json::parse(files.at(p), nullptr, false);
        if (!day.is_array()) continue;
        for (const Json& m : day) {
            auto c = m.is_object() ? m.find("channel") : m.end();
            if (m.is_object() && c != m.end() && c->is_string()) seen.insert(c->get<std::string>());
        }
    }
    if (seen.size() != 1) return kLooseChannel;
    auto it = names.find(*seen.begin());
    return it != names.end() ? it->second : *seen.begin();
}

}  // namespace

bool looks_like_slack_files(const std::string& bytes) { return bytes.compare(0, kBundleMagicBytes, kBundleMagic) == 0; }

std::string pack_slack_files(const std::vector<std::pair<std::string, std::string>>& files) {
    std::string out(kBundleMagic, kBundleMagicBytes);
    auto put_u32 = [&out](size_t v) {
        for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    };
    for (const auto& [path, content] : files) {
        put_u32(path.size());
        out += path;
        put_u32(content.size());
        out += content;
    }
    return out;
}

bool unpack_slack_files(const std::string& bytes, std::map<std::string, std::string>& files,
                        std::vector<Problem>& problems) {
    files.clear();
    auto refuse = [&](const std::string& why) {
        files.clear();
        problems = {{"", why}};
        return false;
    };
    if (!looks_like_slack_files(bytes)) return refuse("The files could not be read together; open them one by one.");
    size_t pos = kBundleMagicBytes, total = 0;
    std::vector<std::string> loose;
    while (pos < bytes.size()) {
        uint32_t path_len = 0, size = 0;
        if (!read_u32(bytes, pos, path_len) || path_len > kMaxPathBytes || bytes.size() - pos < path_len) {
            return refuse("The files could not be read together (a name is cut short); open them one by one.");
        }
        std::string path = clean_path(bytes.substr(pos, path_len));
        pos += path_len;
        if (!read_u32(bytes, pos, size) || bytes.size() - pos < size) {
            return refuse("The files could not be read together (" + path + " is cut short); open them one by one.");
        }
        if (files.size() >= kMaxBundleFiles) {
            return refuse("More than " + std::to_string(kMaxBundleFiles) + " files at once; drop fewer days.");
        }
        total += size;
        if (total > kMaxImportBytes) return refuse("The files are larger than 64 MiB together; drop fewer days.");
        if (path.empty() || path.find("/../") != std::string::npos || path.compare(0, 3, "../") == 0) {
            return refuse("A file has no usable name (\"" + path + "\"); drop the export's folder instead.");
        }
        if (!files.emplace(path, bytes.substr(pos, size)).second) {
            return refuse("Two files are both called " + path + "; drop the export's folder instead, so that each "
                          "day file keeps its channel folder.");
        }
        if (is_loose_day_file(path)) loose.push_back(path);
        pos += size;
    }
    problems.clear();
    if (loose.empty()) return true;
    const std::string channel = loose_channel(files, loose);
    for (const std::string& p : loose) {
        const std::string to = channel + "/" + p;
        if (files.count(to)) return refuse("Two files are both called " + to + "; drop the export's folder instead.");
        files[to] = std::move(files[p]);
        files.erase(p);
    }
    problems.push_back({"", std::to_string(loose.size()) + " day file" + (loose.size() == 1 ? "" : "s") +
                                " came without their channel folder; they are imported as #" + channel + "."});
    return true;
}

namespace {

// Unpacks the bundle and reads the files with `read` (a scan or an import); the notes about the bundle (day files
// placed in a channel) come first among the result's problems. A bundle refused gives its refusal.
template <class Result, class Read>
Result read_bundle(const std::string& bytes, Read read) {
    Result r;
    std::map<std::string, std::string> files;
    std::vector<Problem> notes;
    if (!unpack_slack_files(bytes, files, notes)) {
        r.problems = std::move(notes);
        return r;
    }
    r = read(files);
    if (r.ok) r.problems.insert(r.problems.begin(), notes.begin(), notes.end());
    return r;
}

}  // namespace

SlackExportScan scan_slack_files(const std::string& bytes) {
    return read_bundle<SlackExportScan>(bytes, [](const auto& files) { return scan_slack_export(files); });
}

ImportResult import_slack_files(const std::string& bytes, const SlackExportOptions& options) {
    return read_bundle<ImportResult>(bytes, [&](const auto& files) { return import_slack_export(files, options); });
}

}  // namespace hs
