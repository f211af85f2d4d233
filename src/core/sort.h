// One sort for the whole program. Every std::sort or std::stable_sort with its own comparator and element type is a
// new copy of the standard library's sorting code in the wasm (about 700 bytes gzip for std::sort, 1.4 KB for
// std::stable_sort), and the editor had more than thirty. sort_stable orders positions with a single instantiation
// (stable_order) and then moves the elements into place: a few dozen bytes per call site, the same results as
// std::stable_sort, and the cost of one extra move of each element.
#pragma once
#include <cstddef>
#include <functional>
#include <iterator>
#include <utility>
#include <vector>

namespace hs {

using OrderLess = bool (*)(const void* ctx, size_t a, size_t b);

// The positions 0..n-1 in the order `less` gives, equal ones in their first order.
std::vector<size_t> stable_order(size_t n, OrderLess less, const void* ctx);

template <class It, class Less>
void sort_stable(It first, It last, Less less) {
    using T = typename std::iterator_traits<It>::value_type;
    const size_t n = static_cast<size_t>(last - first);
    if (n < 2) return;
    struct Ctx { It first; const Less* less; };
    const Ctx ctx{first, &less};
    const std::vector<size_t> order = stable_order(n, [](const void* p, size_t a, size_t b) {
        const Ctx& c = *static_cast<const Ctx*>(p);
        return (*c.less)(c.first[static_cast<std::ptrdiff_t>(a)], c.first[static_cast<std::ptrdiff_t>(b)]);
    }, &ctx);
    std::vector<T> sorted;
    sorted.reserve(n);
    for (size_t i : order) sorted.push_back(std::move(first[static_cast<std::ptrdiff_t>(i)]));
    std::move(sorted.begin(), sorted.end(), first);
}

template <class It>
void sort_stable(It first, It last) { sort_stable(first, last, std::less<>()); }

}  // namespace hs
