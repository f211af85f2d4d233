// The shipped samples (assets/samples) as test inputs: realistic postmortems in several languages.
#pragma once
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "core/format.h"

namespace hs::test {

inline Document load_sample(const std::string& name) {
    std::ifstream f(std::string(HS_SOURCE_DIR) + "/assets/samples/" + name, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    LoadResult l = load_document(ss.str());
    REQUIRE(l.ok);
    return l.doc;
}

}  // namespace hs::test
