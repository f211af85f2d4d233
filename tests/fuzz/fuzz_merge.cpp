// libFuzzer target: the three-way merge never crashes or throws, and keeps its basic promises. The input is split
// into three documents (base, ours, theirs) at the first two "\n---\n" separators; inputs that do not load are
// skipped.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>

#include "core/format.h"
#include "core/merge.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 100000) return 0;
    const std::string text(reinterpret_cast<const char*>(data), size);
    const std::string sep = "\n---\n";
    size_t a = text.find(sep);
    if (a == std::string::npos) return 0;
    size_t b = text.find(sep, a + sep.size());
    if (b == std::string::npos) return 0;
    hs::LoadResult base = hs::load_document(text.substr(0, a));
    hs::LoadResult ours = hs::load_document(text.substr(a + sep.size(), b - a - sep.size()));
    hs::LoadResult theirs = hs::load_document(text.substr(b + sep.size()));
    if (!base.ok || !ours.ok || !theirs.ok) return 0;

    hs::MergeResult m = hs::merge_documents(base.doc, ours.doc, theirs.doc);
    if (!m.ok) std::abort();  // merging loadable documents always gives a loadable document
    std::map<std::string, hs::MergeChoice> theirs_all, base_all;
    for (const auto& c : m.conflicts) {
        if (c.path.empty() || c.path[0] != '/') std::abort();
        theirs_all[c.path] = hs::MergeChoice::Theirs;
        base_all[c.path] = hs::MergeChoice::Base;
    }
    if (!hs::resolve_merge(base.doc, ours.doc, theirs.doc, theirs_all).ok) std::abort();
    if (!hs::resolve_merge(base.doc, ours.doc, theirs.doc, base_all).ok) std::abort();
    // Symmetric facts: no change on one side gives the other side.
    hs::MergeResult only_theirs = hs::merge_documents(base.doc, base.doc, theirs.doc);
    if (!only_theirs.ok || !only_theirs.conflicts.empty()) std::abort();
    if (hs::save_document(only_theirs.merged) != hs::save_document(theirs.doc)) std::abort();
    (void)hs::conflicts_to_json(m.conflicts).dump();
    return 0;
}
