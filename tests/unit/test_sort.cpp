// core/sort.h: the program's one sort gives std::stable_sort's order (equal elements keep their first order), over
// any random-access range (reverse iterators, part of a vector) and element types that can only be moved.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/sort.h"

using namespace hs;

TEST_CASE("sort_stable: the order std::stable_sort gives, ties in their first order") {
    std::mt19937 rng(20261207);
    for (int round = 0; round < 50; ++round) {
        struct Row { int key; std::string text; };
        std::vector<Row> rows;
        const int n = static_cast<int>(rng() % 400);
        const char* words[] = {"障害", "Сбой", "σφάλμα", "deploy 🚀", "rollback"};
        for (int i = 0; i < n; ++i) rows.push_back({static_cast<int>(rng() % 17), words[rng() % 5] + std::to_string(i)});
        std::vector<Row> expected = rows;
        auto by_key = [](const Row& a, const Row& b) { return a.key < b.key; };
        std::stable_sort(expected.begin(), expected.end(), by_key);
        sort_stable(rows.begin(), rows.end(), by_key);
        REQUIRE(rows.size() == expected.size());
        for (size_t i = 0; i < rows.size(); ++i) {
            REQUIRE(rows[i].key == expected[i].key);
            REQUIRE(rows[i].text == expected[i].text);
        }
    }
}

TEST_CASE("sort_stable: part of a range, reverse iterators, the default order, move-only elements") {
    std::vector<int> v = {9, 8, 7, 3, 1, 2, 6, 5, 4};
    sort_stable(v.begin() + 3, v.begin() + 6);
    CHECK(v == std::vector<int>{9, 8, 7, 1, 2, 3, 6, 5, 4});
    std::vector<std::string> s = {"β", "α", "γ", "あ"};
    sort_stable(s.rbegin(), s.rend());  // descending
    CHECK(s == std::vector<std::string>{"あ", "γ", "β", "α"});
    std::vector<std::unique_ptr<int>> p;
    for (int x : {3, 1, 2}) p.push_back(std::make_unique<int>(x));
    sort_stable(p.begin(), p.end(), [](const std::unique_ptr<int>& a, const std::unique_ptr<int>& b) { return *a < *b; });
    CHECK(*p[0] == 1);
    CHECK(*p[1] == 2);
    CHECK(*p[2] == 3);
    std::vector<int> empty, one = {42};
    sort_stable(empty.begin(), empty.end());
    sort_stable(one.begin(), one.end());
    CHECK(empty.empty());
    CHECK(one == std::vector<int>{42});
}
