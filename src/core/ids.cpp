// Stable item ids: prefix + 8 random hex digits. Random across sessions so that two people adding items to copies of
// the same postmortem rarely collide (merge works by id); seed_ids() makes tests deterministic.
#include <cstdio>
#include <mutex>
#include <random>

#include "model.h"

namespace hs {

namespace {
std::mutex g_mu;
std::mt19937_64& engine() {
    static std::mt19937_64 e = [] {
        std::random_device rd;
        const uint64_t seed = (static_cast<uint64_t>(rd()) << 32) ^ rd();
        return std::mt19937_64(seed);
    }();
    return e;
}
}  // namespace

std::string new_id(const char* prefix) {
    uint32_t v;
    {
        std::lock_guard<std::mutex> lock(g_mu);
        v = static_cast<uint32_t>(engine()() >> 32);
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%08x", v);
    return std::string(prefix ? prefix : "id") + "-" + buf;
}

void seed_ids(uint64_t seed) {
    std::lock_guard<std::mutex> lock(g_mu);
    engine().seed(seed);
}

}  // namespace hs
