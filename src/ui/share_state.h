// The Share dialog's state (share.cpp).
#pragma once
#include <string>

namespace hs::ui {

struct ShareState {
    bool open = false;
    std::string passphrase;
    std::string link;
    bool making = false;  // the platform is making the link
    int gen = 0;          // answers for an earlier passphrase, or a closed dialog, are dropped
};

}  // namespace hs::ui
