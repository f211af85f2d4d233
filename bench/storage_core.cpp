// Storage core costs, natively: the synchronous part of an autosave (serialize + write temp + rename) over memory and
// over a real disk (with fsync), loading a library, an undo commit and a history diff, for the largest sample and a
// ~1 MB document. The browser adds the IDBFS sync on top; bench/storage measures that end to end.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/diff.h"
#include "core/embedded.h"
#include "core/format.h"
#include "core/history.h"
#include "core/store.h"

using namespace hs;

namespace {

struct Stats {
    double median_ms, p95_ms;
};

Stats measure(const std::function<void()>& fn, int runs = 40) {
    using clock = std::chrono::steady_clock;
    std::vector<double> v;
    fn();
    for (int i = 0; i < runs; ++i) {
        const auto t0 = clock::now();
        fn();
        v.push_back(std::chrono::duration<double, std::milli>(clock::now() - t0).count());
    }
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 95 / 100)]};
}

void row(const char* what, const char* doc, Stats s) {
    std::printf("%-34s %-22s median %8.3f ms   p95 %8.3f ms\n", what, doc, s.median_ms, s.p95_ms);
}

Document largest_sample() {
    const EmbeddedFile* f = find_embedded("samples/multi-day-cdn-degradation.json");
    if (!f) return {};
    return load_document(std::string(f->data, f->size)).doc;
}

Document megabyte_doc(const Document& base) {
    Document d = base;
    const std::vector<Event> events = base.timeline;
    size_t n = 0;
    while (save_document(d).size() < (1u << 20) && !events.empty()) {
        for (Event e : events) {
            e.id = "ev-x" + std::to_string(n++);
            d.timeline.push_back(e);
        }
    }
    return d;
}

void run(const char* label, const Document& doc) {
    std::printf("# %s: %zu bytes canonical, %zu events\n", label, save_document(doc).size(), doc.timeline.size());
    int64_t now = 1772370000000;

    MemoryFs mem;
    DraftStore ms(mem);
    ms.load_all();
    Draft d;
    ms.create(doc, now, &d);
    row("save (MemoryFs)", label, measure([&] {
            d.doc.summary += "x";
            ms.save(d, ++now);
        }));

    namespace fsys = std::filesystem;
    const fsys::path dir = fsys::temp_directory_path() / "hs-bench-storage-core";
    fsys::remove_all(dir);
    fsys::create_directories(dir);
    {
        PosixFs pfs(dir.string());
        DraftStore ps(pfs);
        ps.load_all();
        Draft pd;
        ps.create(doc, now, &pd);
        row("save (PosixFs, fsync)", label, measure([&] {
                pd.doc.summary += "x";
                ps.save(pd, ++now);
            }));
        for (int i = 0; i < 19; ++i) ps.create(doc, now);
        row("load_all, 20 drafts (PosixFs)", label, measure([&] {
                DraftStore again(pfs);
                again.load_all();
            }, 10));
        row("snapshot + prune (PosixFs)", label, measure([&] { ps.snapshot(pd.id, pd.doc, "manual", now += 60000); }));
    }
    fsys::remove_all(dir);

    History h;
    h.reset(doc);
    Document e = doc;
    int k = 0;
    row("history commit (new step)", label, measure([&] {
            e.summary += "y";
            h.commit(e, "edit", "", (k += 5000));
        }));
    Document other = doc;
    if (!other.timeline.empty()) other.timeline.erase(other.timeline.begin());
    other.summary += " One more sentence.";
    row("diff_documents", label, measure([&] { diff_documents(doc, other); }, 20));
}

}  // namespace

int main() {
    const Document sample = largest_sample();
    run("largest sample", sample);
    run("1 MB document", megabyte_doc(sample));
    return 0;
}
