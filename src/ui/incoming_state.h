// The state of a shared link being opened (incoming.cpp).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "core/model.h"

namespace hs::ui {

struct IncomingState {
    bool open = false;
    std::string fragment;
    std::optional<Document> doc;
    std::string error;
    std::string passphrase;
    bool encrypted = false;
    bool decrypting = false;  // the key is being derived elsewhere (Platform::decode_link_async)
    int64_t decrypt_start_ms = 0;
    int gen = 0;              // answers for an earlier read are dropped
    bool deriving = false;    // the read under way derives a key (a passphrase was given)
};

}  // namespace hs::ui
