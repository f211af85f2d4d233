// A document of about 1 MB for UI tests (as bench/storage builds one): the bundled sample with its timeline
// repeated under fresh ids. Large enough that the autosave writes it in slices.
#pragma once
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/embedded.h"
#include "core/format.h"

namespace uitest {

inline std::string sample_json() {
    const hs::EmbeddedFile* f = hs::find_embedded("samples/multi-day-cdn-degradation.json");
    REQUIRE(f);
    return std::string(f->data, f->size);
}

inline std::string large_json(size_t bytes = 1000000) {
    hs::LoadResult r = hs::load_document(sample_json());
    REQUIRE(r.ok);
    const std::vector<hs::Event> base = r.doc.timeline;
    int n = 0;
    std::string json = hs::save_document(r.doc);
    while (json.size() < bytes) {
        for (hs::Event e : base) {
            e.id = "ev-large-" + std::to_string(n++);
            r.doc.timeline.push_back(std::move(e));
        }
        json = hs::save_document(r.doc);
    }
    return json;
}

}  // namespace uitest
