// hindsight (the CLI): its inputs (cli_input.h).
#include "platform/native/cli_input.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/zip.h"  // looks_like_zip

namespace fs = std::filesystem;

namespace hs::cli {

bool read_input(const std::string& path, std::string& text, std::string& why) {
    if (path == "-") {
        std::string buf;
        char chunk[65536];
        size_t n;
        while ((n = std::fread(chunk, 1, sizeof chunk, stdin)) > 0) {
            buf.append(chunk, n);
            if (buf.size() > kMaxInputBytes) {
                why = "the input is larger than 64 MiB; Hindsight refuses inputs that large.";
                return false;
            }
        }
        if (std::ferror(stdin)) {
            why = "cannot read standard input.";
            return false;
        }
        text = std::move(buf);
        return true;
    }
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
        why = "no such file.";
        return false;
    }
    if (fs::is_directory(st)) {
        why = "is a directory, not a file.";
        return false;
    }
    if (fs::is_regular_file(st)) {
        uintmax_t size = fs::file_size(path, ec);
        if (!ec && size > kMaxInputBytes) {
            why = "the file is larger than 64 MiB (" + std::to_string(size / (1024 * 1024)) +
                  " MiB); Hindsight refuses inputs that large.";
            return false;
        }
    }
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        why = std::string("cannot open the file: ") + std::strerror(errno) + ".";
        return false;
    }
    std::string buf;
    char chunk[65536];
    while (f.read(chunk, sizeof chunk) || f.gcount() > 0) {
        buf.append(chunk, static_cast<size_t>(f.gcount()));
        if (buf.size() > kMaxInputBytes) {  // pipes and devices have no size up front
            why = "the input is larger than 64 MiB; Hindsight refuses inputs that large.";
            return false;
        }
    }
    if (f.bad()) {
        why = "cannot read the file.";
        return false;
    }
    text = std::move(buf);
    return true;
}

bool read_slack_dir(const std::string& dir, std::map<std::string, std::string>& files, std::string& why) {
    uint64_t total = 0;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
        why = "cannot list the folder: " + ec.message() + ".";
        return false;
    }
    for (; it != end; it.increment(ec)) {
        if (ec) {
            why = "cannot list the folder: " + ec.message() + ".";
            return false;
        }
        if (it.depth() > 4) {
            it.disable_recursion_pending();
            continue;
        }
        const fs::path& p = it->path();
        if (!it->is_regular_file(ec) || p.extension() != ".json") continue;
        std::string rel = fs::relative(p, dir, ec).generic_string();
        if (ec) rel = p.filename().string();
        std::string text;
        if (!read_input(p.string(), text, why)) {
            why = rel + ": " + why;
            return false;
        }
        total += text.size();
        if (total > kMaxInputBytes) {
            why = "the export is larger than 64 MiB in total; Hindsight refuses inputs that large.";
            return false;
        }
        files[rel] = std::move(text);
    }
    if (files.empty()) {
        why = "the folder has no .json files; expected a Slack export with users.json and channel folders.";
        return false;
    }
    return true;
}

std::string slack_users_near(const std::string& day_path) {
    if (day_path == "-") return "";
    std::error_code ec;
    const fs::path channel_dir = fs::path(day_path).parent_path();
    for (const fs::path& p : {channel_dir.parent_path() / "users.json", channel_dir / "users.json"}) {
        if (p.empty() || !fs::is_regular_file(p, ec)) continue;
        std::string text, why;
        if (read_input(p.string(), text, why)) return text;
    }
    return "";
}

bool is_slack_export(const std::string& path) {
    std::error_code ec;
    if (path == "-") return false;
    if (fs::is_directory(path, ec)) return true;
    std::ifstream f(path, std::ios::binary);
    std::string head(4, '\0');
    return f.read(&head[0], 4) && hs::looks_like_zip(head);
}

bool slack_options(const std::vector<std::string>& channels, const std::string& from, const std::string& to,
                   hs::SlackExportOptions& options, std::string& why) {
    options.channels = channels;
    const std::pair<const std::string*, std::optional<hs::Instant>*> ends[] = {{&from, &options.from},
                                                                                {&to, &options.to}};
    for (const auto& [text, out] : ends) {
        if (text->empty()) continue;
        *out = hs::parse_iso8601(*text);
        if (!*out) {
            why = "\"" + *text + "\" is not an ISO 8601 time; write e.g. 2026-03-01T13:00:00Z or "
                  "2026-03-01T14:00:00+01:00.";
            return false;
        }
    }
    return true;
}

hs::ImportResult import_slack_at(const std::string& path, const hs::SlackExportOptions& options) {
    std::string why;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        std::map<std::string, std::string> files;
        if (!read_slack_dir(path, files, why)) return hs::import_detail::import_error("", why);
        return hs::import_slack_export(files, options);
    }
    std::string bytes;
    if (!read_input(path, bytes, why)) return hs::import_detail::import_error("", why);
    return hs::import_slack_zip(bytes, options);
}

}  // namespace hs::cli
