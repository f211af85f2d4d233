// Helpers shared by the importer tests: fixtures in tests/data/import, golden files in tests/golden/import, and
// checks every imported document must pass.
#pragma once
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/format.h"
#include "core/importers/importers.h"

namespace hs {
namespace import_test {

inline std::string data_path(const std::string& rel) {
    return std::string(HS_SOURCE_DIR) + "/tests/data/import/" + rel;
}

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string fixture(const std::string& rel) { return read_text(data_path(rel)); }

// Compares the pretty canonical form with the golden file, reporting the first differing line.
inline void check_golden(const std::string& name, const Document& doc) {
    const std::string got = save_document(doc, true) + "\n";
    const std::string path = std::string(HS_SOURCE_DIR) + "/tests/golden/import/" + name + ".json";
    if (std::getenv("HS_UPDATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary) << got;
        WARN("golden written: tests/golden/import/" << name << ".json");
        return;
    }
    std::ifstream in(path, std::ios::binary);
    INFO("golden file tests/golden/import/" << name << ".json (set HS_UPDATE_GOLDEN=1 to regenerate)");
    REQUIRE(in.good());
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string want = ss.str();
    if (got == want) {
        SUCCEED();
        return;
    }
    std::istringstream a(got), b(want);
    std::string la, lb;
    int line = 0;
    while (true) {
        ++line;
        bool ha = static_cast<bool>(std::getline(a, la)), hb = static_cast<bool>(std::getline(b, lb));
        if (!ha && !hb) break;
        if (!ha || !hb || la != lb) {
            INFO("first difference at line " << line << "\n  got:  " << (ha ? la : "<end>") << "\n  want: "
                                             << (hb ? lb : "<end>"));
            CHECK(got == want);
            return;
        }
    }
    CHECK(got == want);
}

inline std::vector<std::string> types_of(const Document& d) {
    std::vector<std::string> out;
    for (const auto& e : d.timeline) out.push_back(e.type);
    return out;
}

inline bool has_problem(const std::vector<Problem>& ps, const std::string& pointer, const std::string& text) {
    for (const auto& p : ps) {
        if (p.pointer == pointer && p.message.find(text) != std::string::npos) return true;
    }
    return false;
}

inline std::string dump_problems(const std::vector<Problem>& ps) {
    std::string s;
    for (const auto& p : ps) s += "  [" + p.pointer + "] " + p.message + "\n";
    return s;
}

inline void check_common(const Document& d) {
    CHECK(d.template_name == "google-sre");
    CHECK(d.sections == vocab::kSections);
    CHECK(d.id.rfind("pm-", 0) == 0);
    for (size_t i = 0; i < d.timeline.size(); ++i) {
        CHECK(d.timeline[i].id.rfind("ev-", 0) == 0);
        CHECK(d.timeline[i].time.set);
        if (i > 0) CHECK(d.timeline[i - 1].time.unix_ms <= d.timeline[i].time.unix_ms);
    }
    // Whatever an importer produces must be a valid document and survive a save/load round trip byte for byte.
    const std::string saved = save_document(d);
    LoadResult back = load_document(saved);
    INFO(dump_problems(back.problems));
    REQUIRE(back.ok);
    CHECK(save_document(back.doc) == saved);
}

// A refusal with exactly one problem, at `pointer`, whose message contains `text`.
inline void check_refusal(const ImportResult& r, const std::string& pointer, const std::string& text) {
    CHECK_FALSE(r.ok);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].pointer == pointer);
    CHECK_THAT(r.problems[0].message, Catch::Contains(text));
}

}  // namespace import_test
}  // namespace hs
