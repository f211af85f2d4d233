// bench_library: the learning library over a generated library of postmortems (scripts/gen_library.py): time to
// build the search index, query latency (median and p95) over realistic queries (single words, words typed a key
// at a time, phrases, Japanese/Cyrillic/Greek, filters), memory, the cost of an update after an edit, similar
// incidents and the trends figures. Times are CPU time of this thread, so that the other programs on a loaded
// machine change them less than wall-clock time; see bench/RESULTS.md.
//
// usage: bench_library [DIR] [--count N]   (no DIR: generates N postmortems, default 1000, seed 1, in a temp folder)
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/format.h"
#include "core/search.h"
#include "core/similar.h"
#include "core/trends.h"

namespace fsys = std::filesystem;
using namespace hs;

namespace {

double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

long rss_kb() {
    std::ifstream in("/proc/self/statm");
    long size = 0, resident = 0;
    in >> size >> resident;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

struct Stats {
    double median = 0, p95 = 0, max = 0;
};
Stats stats(std::vector<double> v) {
    if (v.empty()) return {};
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 95 / 100)], v.back()};
}

void row(const char* what, const Stats& s, size_t n) {
    std::printf("  %-44s median %8.3f ms   p95 %8.3f ms   max %8.3f ms   (%zu runs)\n", what, s.median, s.p95, s.max,
                n);
}

std::vector<std::unique_ptr<Document>> load_dir(const std::string& dir) {
    std::vector<std::unique_ptr<Document>> docs;
    std::vector<fsys::path> files;
    for (const auto& e : fsys::directory_iterator(dir))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        LoadResult r = load_document(ss.str());
        if (r.ok) docs.push_back(std::make_unique<Document>(std::move(r.doc)));
    }
    return docs;
}

struct Query {
    std::string text;
    SearchFilter filter;
};

std::vector<Query> queries() {
    std::vector<Query> q;
    for (const char* w : {"timeout ", "pool ", "certificate ", "rollback ", "dashboard ", "replica ", "payments ",
                          "canary ", "runbook ", "disk "})
        q.push_back({w, {}});  // single words
    for (const std::string& w : {std::string("connection"), std::string("configuration")})
        for (size_t i = 1; i <= w.size(); ++i) q.push_back({w.substr(0, i), {}});  // typed a key at a time
    for (const char* p : {"\"connection pool\"", "\"rate limiter\" payments", "\"cache TTL\"",
                          "retry policy backoff", "expired TLS certificate"})
        q.push_back({p, {}});  // phrases and several words
    for (const char* m : {"障害", "接続プール", "タイムアウト", "ошибка", "пула соединений", "дежурный",
                          "υπηρεσία", "ΡΥΘΜΙΣΗΣ", "🔥 outage"})
        q.push_back({m, {}});  // Japanese, Cyrillic, Greek, emoji
    SearchFilter sev;
    sev.severities = {1, 2};
    SearchFilter svc;
    svc.services = {"payments-api"};
    SearchFilter span;
    span.since = "2025-06-01";
    span.until = "2025-12-31";
    SearchFilter owner;
    owner.owners = {"db team lead"};
    owner.statuses = {"final"};
    q.push_back({"timeout ", sev});
    q.push_back({"pool ", svc});
    q.push_back({"", svc});
    q.push_back({"alert ", span});
    q.push_back({"", owner});
    q.push_back({"capacity ", sev});
    return q;
}

std::string generate(int count) {
    const std::string dir = (fsys::temp_directory_path() / ("hs-bench-library-" + std::to_string(getpid()))).string();
    const std::string cmd = "python3 '" + std::string(HS_SOURCE_DIR) + "/scripts/gen_library.py' '" + dir +
                            "' --count " + std::to_string(count) + " --seed 1";
    if (std::system(cmd.c_str()) != 0) {
        std::fprintf(stderr, "bench_library: the generator failed: %s\n", cmd.c_str());
        std::exit(1);
    }
    return dir;
}

}  // namespace

int main(int argc, char** argv) {
    std::string dir;
    int count = 1000;
    bool generated = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--count" && i + 1 < argc) count = std::atoi(argv[++i]);
        else dir = a;
    }
    if (count < 1 || count > 100000) {
        std::fprintf(stderr, "bench_library: --count must be 1 to 100000\n");
        return 2;
    }
    if (dir.empty()) {
        dir = generate(count);
        generated = true;
    }
    double t0 = cpu_ms();
    const auto docs = load_dir(dir);
    const double load_ms = cpu_ms() - t0;
    if (docs.empty()) {
        std::fprintf(stderr, "bench_library: no postmortem in %s\n", dir.c_str());
        return 1;
    }
    std::vector<const Document*> library;
    for (const auto& d : docs) library.push_back(d.get());
    std::printf("bench_library: %zu postmortems from %s (loading them: %.0f ms CPU)\n", docs.size(), dir.c_str(),
                load_ms);

    // Build.
    std::vector<double> builds;
    SearchIndex ix;
    long rss_before = 0, rss_after = 0;
    for (int run = 0; run < 5; ++run) {
        if (run == 0) rss_before = rss_kb();  // later runs reuse the memory the first one freed
        SearchIndex fresh;
        t0 = cpu_ms();
        for (const Document* d : library) fresh.update(*d);
        builds.push_back(cpu_ms() - t0);
        if (run == 0) rss_after = rss_kb();
        ix = std::move(fresh);
    }
    std::printf("index build\n");
    row("all postmortems", stats(builds), builds.size());
    std::printf("  index bytes (estimate) %.1f MB; resident memory grew %.1f MB while building\n",
                ix.memory_bytes() / 1e6, (rss_after - rss_before) / 1024.0);

    // Queries.
    std::printf("queries (each run 20 times)\n");
    std::vector<double> all, words, typed, phrases, scripts, filtered;
    size_t hits = 0;
    const std::vector<Query> qs = queries();
    for (size_t i = 0; i < qs.size(); ++i) {
        std::vector<double>& bucket = i < 10 ? words : i < 33 ? typed : i < 38 ? phrases : i < 47 ? scripts : filtered;
        for (int rep = 0; rep < 20; ++rep) {
            t0 = cpu_ms();
            const SearchResponse r = ix.search(qs[i].text, qs[i].filter);
            const double ms = cpu_ms() - t0;
            bucket.push_back(ms);
            all.push_back(ms);
            if (rep == 0) hits += r.total;
        }
    }
    row("single words", stats(words), words.size());
    row("typed a key at a time (prefix)", stats(typed), typed.size());
    row("phrases and several words", stats(phrases), phrases.size());
    row("Japanese, Cyrillic, Greek, emoji", stats(scripts), scripts.size());
    row("with filters", stats(filtered), filtered.size());
    row("all queries", stats(all), all.size());
    std::printf("  %zu queries, %zu matches in all\n", qs.size(), hits);

    // Updates after an edit: the document changed and put back.
    std::vector<double> updates;
    for (size_t i = 0; i < 300; ++i) {
        Document d = *library[(i * 37) % library.size()];
        d.summary += " Edited: the connection pool limit was raised again. 障害対応 " + std::to_string(i);
        t0 = cpu_ms();
        ix.update(d);
        updates.push_back(cpu_ms() - t0);
    }
    std::printf("updates\n");
    row("update(doc) after an edit", stats(updates), updates.size());

    // Similar incidents and trends.
    std::vector<double> similar;
    for (size_t i = 0; i < library.size(); i += std::max<size_t>(1, library.size() / 100)) {
        t0 = cpu_ms();
        (void)find_similar(*library[i], ix, library);
        similar.push_back(cpu_ms() - t0);
    }
    std::printf("similar incidents and trends\n");
    row("find_similar for one postmortem", stats(similar), similar.size());
    std::vector<double> trends;
    for (int run = 0; run < 10; ++run) {
        t0 = cpu_ms();
        (void)trends_markdown(compute_trends(library, "2026-12-01"));
        trends.push_back(cpu_ms() - t0);
    }
    row("compute_trends + Markdown", stats(trends), trends.size());
    if (generated) fsys::remove_all(dir);
    return 0;
}
