#include "embedded.h"
#include "sort.h"

#include <algorithm>

namespace hs {

const EmbeddedFile* find_embedded(const std::string& path) {
    for (const EmbeddedFile* f = embedded_files(); f->path; ++f)
        if (path == f->path) return f;
    return nullptr;
}

std::vector<std::string> list_embedded(const std::string& folder) {
    std::vector<std::string> out;
    for (const EmbeddedFile* f = embedded_files(); f->path; ++f) {
        std::string p = f->path;
        if (p.compare(0, folder.size(), folder) == 0) out.push_back(p);
    }
    sort_stable(out.begin(), out.end());
    return out;
}

}  // namespace hs
