// hindsight search / stats / similar: the learning library over a folder of postmortems (cli_library.h).
#include "platform/native/cli_library.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <system_error>

#include "core/format.h"
#include "core/search.h"
#include "core/similar.h"
#include "core/trends.h"
#include "platform/native/cli_common.h"
#include "platform/native/cli_input.h"

namespace fs = std::filesystem;

namespace hs::cli {

const char* const kSearchUsage =
    "DIR QUERY [--severity N]... [--status S]... [--service NAME]... [--tag TAG]... [--owner NAME]... "
    "[--since YYYY-MM-DD] [--until YYYY-MM-DD] [--limit N] [--json]";
const char* const kStatsUsage = "DIR [--json|--markdown] [--today YYYY-MM-DD]";
const char* const kSimilarUsage = "DIR FILE [--limit N] [--json]";

namespace {

constexpr size_t kMaxLibraryFiles = 100000;  // a folder beyond this is not a postmortem library
constexpr size_t kMaxLimit = 10000;

std::string one(const Args& p, const std::string& key) {
    auto it = p.repeated.find(key);
    if (it == p.repeated.end()) return "";
    if (it->second.size() > 1) throw UsageError{key + " is given more than once."};
    return it->second.front();
}

std::string date_option(const Args& p, const std::string& key) {
    const std::string v = one(p, key);
    if (!v.empty() && !is_calendar_date(v)) throw UsageError{key + " \"" + v + "\" is not a date; write it as 2026-03-01."};
    return v;
}

size_t limit_option(const Args& p, size_t dflt) {
    const std::string v = one(p, "--limit");
    if (v.empty()) return dflt;
    if (v.size() > 5 || v.find_first_not_of("0123456789") != std::string::npos || std::stoul(v) == 0 ||
        std::stoul(v) > kMaxLimit)
        throw UsageError{"--limit \"" + v + "\" must be a whole number from 1 to " + std::to_string(kMaxLimit) + "."};
    return std::stoul(v);
}

// "2", "SEV2", "sev2" or a list "1,2".
std::vector<int> severities(const Args& p) {
    std::vector<int> out;
    auto it = p.repeated.find("--severity");
    if (it == p.repeated.end()) return out;
    for (const std::string& v : it->second) {
        size_t from = 0;
        while (from <= v.size()) {
            size_t comma = v.find(',', from);
            if (comma == std::string::npos) comma = v.size();
            std::string s = v.substr(from, comma - from);
            if (s.size() == 4 && (s.compare(0, 3, "SEV") == 0 || s.compare(0, 3, "sev") == 0)) s = s.substr(3);
            if (s.size() != 1 || s[0] < '1' || s[0] > '5')
                throw UsageError{"--severity \"" + v + "\" must be 1 to 5 (or SEV1 to SEV5), several as 1,2."};
            out.push_back(s[0] - '0');
            from = comma + 1;
        }
    }
    return out;
}

// The postmortems of a folder (and its subfolders): every *.json file that loads. Files that do not are named on
// stderr and skipped; a folder that cannot be read is an error.
struct Library {
    std::vector<std::unique_ptr<Document>> docs;
    std::map<std::string, std::string> file_of;  // id -> path
    std::vector<const Document*> pointers() const {
        std::vector<const Document*> v;
        for (const auto& d : docs) v.push_back(d.get());
        return v;
    }
};

bool load_library(const std::string& dir, Library& lib) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        err(dir + ": not a folder; give the folder that holds the postmortems (*.json).\n");
        return false;
    }
    std::vector<std::string> files;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".json") files.push_back(it->path().string());
        if (files.size() > kMaxLibraryFiles) {
            err(dir + ": more than " + std::to_string(kMaxLibraryFiles) + " JSON files; point at a smaller folder.\n");
            return false;
        }
    }
    if (ec) {
        err(dir + ": cannot be read (" + ec.message() + ").\n");
        return false;
    }
    std::sort(files.begin(), files.end());
    for (const std::string& f : files) {
        std::string text, why;
        if (!read_input(f, text, why)) {
            err(f + ": skipped: " + why + "\n");
            continue;
        }
        LoadResult r = load_document(text);
        if (!r.ok) {
            err(f + ": skipped: " + (r.problems.empty() ? "not a postmortem." : r.problems.front().message) + "\n");
            continue;
        }
        if (lib.file_of.count(r.doc.id)) {
            err(f + ": skipped: the same id " + r.doc.id + " as " + lib.file_of[r.doc.id] + ".\n");
            continue;
        }
        lib.file_of[r.doc.id] = f;
        lib.docs.push_back(std::make_unique<Document>(std::move(r.doc)));
    }
    return true;
}

std::string today_utc() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

// A snippet for a terminal: the highlights between [ and ].
std::string marked(const FieldMatch& m) {
    std::string s;
    size_t at = 0;
    for (const ByteRange& h : m.highlights) {
        s += m.snippet.substr(at, h.start - at) + "[" + m.snippet.substr(h.start, h.end - h.start) + "]";
        at = h.end;
    }
    s += m.snippet.substr(at);
    for (char& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return s;
}

template <class F>
int guarded(const char* name, const char* usage, F body) {
    try {
        return body();
    } catch (const UsageError& u) {
        err(std::string("hindsight ") + name + ": " + u.message + "\nusage: hindsight " + name + " " + usage + "\n");
        return kUsage;
    }
}

}  // namespace

int cmd_search(const std::vector<std::string>& argv) {
    return guarded("search", kSearchUsage, [&] {
        const Args p = parse_args(argv, {"--json"},
                               {"--severity", "--status", "--service", "--tag", "--owner", "--since", "--until",
                                "--limit"});
        if (p.positional.size() != 2) throw UsageError{"give a folder and a query (in quotes when it has spaces)."};
        SearchFilter f;
        f.severities = severities(p);
        const std::pair<const char*, std::vector<std::string>*> lists[] = {
            {"--status", &f.statuses}, {"--service", &f.services}, {"--tag", &f.tags}, {"--owner", &f.owners}};
        for (const auto& l : lists) {
            auto it = p.repeated.find(l.first);
            if (it != p.repeated.end()) *l.second = it->second;
        }
        f.since = date_option(p, "--since");
        f.until = date_option(p, "--until");
        if (!f.since.empty() && !f.until.empty() && f.until < f.since)
            throw UsageError{"--until " + f.until + " is before --since " + f.since + "."};
        SearchOptions o;
        o.limit = limit_option(p, o.limit);
        Library lib;
        if (!load_library(p.positional[0], lib)) return kBadInput;
        SearchIndex index;
        for (const auto& d : lib.docs) index.update(*d);
        const SearchResponse r = index.search(p.positional[1], f, o);
        if (!r.problem.empty()) {
            err("hindsight search: " + r.problem + "\n");
            return kBadInput;
        }
        if (p.options.count("--json")) {
            Json results = Json::array();
            for (const SearchResult& s : r.results) {
                Json fields = Json::array();
                for (const FieldMatch& m : s.fields) {
                    Json hl = Json::array();
                    for (const ByteRange& h : m.highlights) hl.push_back({h.start, h.end});
                    fields.push_back({{"path", m.path}, {"snippet", m.snippet}, {"highlights", hl}});
                }
                results.push_back({{"id", s.id}, {"title", s.title}, {"severity", s.severity}, {"status", s.status},
                                   {"created", s.created}, {"score", std::round(s.score * 1000) / 1000},
                                   {"file", lib.file_of[s.id]}, {"fields", fields}});
            }
            out(Json({{"query", p.positional[1]}, {"total", r.total}, {"results", results}}).dump(2) + "\n");
            return kOk;
        }
        for (const SearchResult& s : r.results) {
            out(s.id + "  " + (s.severity ? "SEV" + std::to_string(s.severity) : "SEV-") + "  " +
                (s.created.empty() ? "----------" : s.created) + "  " + s.status + "  " + s.title + "\n");
            out("    " + lib.file_of[s.id] + "\n");
            for (const FieldMatch& m : s.fields) out("    " + m.path + ": " + marked(m) + "\n");
        }
        out(std::to_string(r.total) + (r.total == 1 ? " postmortem matches" : " postmortems match") +
            (r.total > r.results.size() ? " (the best " + std::to_string(r.results.size()) + " shown)" : "") +
            ".\n");
        return kOk;
    });
}

int cmd_stats(const std::vector<std::string>& argv) {
    return guarded("stats", kStatsUsage, [&] {
        const Args p = parse_args(argv, {"--json", "--markdown"}, {"--today"});
        if (p.positional.size() != 1) throw UsageError{"give one folder of postmortems."};
        if (p.options.count("--json") && p.options.count("--markdown")) throw UsageError{"choose --json or --markdown."};
        std::string today = date_option(p, "--today");
        if (today.empty()) today = today_utc();
        Library lib;
        if (!load_library(p.positional[0], lib)) return kBadInput;
        const Trends t = compute_trends(lib.pointers(), today);
        out(p.options.count("--json") ? trends_json(t).dump(2) + "\n" : trends_markdown(t));
        return kOk;
    });
}

int cmd_similar(const std::vector<std::string>& argv) {
    return guarded("similar", kSimilarUsage, [&] {
        const Args p = parse_args(argv, {"--json"}, {"--limit"});
        if (p.positional.size() != 2) throw UsageError{"give the folder of postmortems and the postmortem to compare."};
        SimilarOptions o;
        o.limit = limit_option(p, o.limit);
        std::string text, why;
        if (!read_input(p.positional[1], text, why)) {
            err(p.positional[1] + ": " + why + "\n");
            return kBadInput;
        }
        LoadResult doc = load_document(text);
        if (!doc.ok) {
            for (const Problem& pr : doc.problems) err(p.positional[1] + ": " + pr.pointer + ": " + pr.message + "\n");
            return kBadInput;
        }
        Library lib;
        if (!load_library(p.positional[0], lib)) return kBadInput;
        SearchIndex index;
        for (const auto& d : lib.docs) index.update(*d);
        const std::vector<SimilarIncident> list = find_similar(doc.doc, index, lib.pointers(), o);
        if (p.options.count("--json")) {
            Json j = similar_json(list);
            for (size_t i = 0; i < list.size(); ++i) j[i]["file"] = lib.file_of[list[i].id];
            out(j.dump(2) + "\n");
            return kOk;
        }
        for (const SimilarIncident& s : list) {
            if (!s.repeat) continue;
            out(repeat_note(s) + "\n");  // the closest repeat only
            break;
        }
        for (size_t i = 0; i < list.size(); ++i) {
            const SimilarIncident& s = list[i];
            char score[16];
            std::snprintf(score, sizeof score, "%.2f", s.score);
            out(std::to_string(i + 1) + ". " + s.id + "  " + (s.created.empty() ? "----------" : s.created) +
                "  score " + score + "  " + s.title + "\n   " + s.reasons + "\n");
            for (const SimilarText& l : s.lessons) out("   lesson: " + l.text + "\n");
            for (const ActionItem& a : s.open_actions)
                out("   open action: " + a.title + " (" + (a.owner.empty() ? "no owner" : a.owner) +
                    (a.due.empty() ? "" : ", due " + a.due) + ", " + a.status + ")\n");
        }
        if (list.empty()) out("No earlier postmortem is similar.\n");
        return kOk;
    });
}

}  // namespace hs::cli
