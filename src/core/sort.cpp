#include "sort.h"
#include <algorithm>
#include <numeric>

namespace hs {

std::vector<size_t> stable_order(size_t n, OrderLess less, const void* ctx) {
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return less(ctx, a, b); });
    return order;
}

}  // namespace hs
