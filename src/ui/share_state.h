// The Share dialog's state (share.cpp).
#pragma once
#include <string>

#include "core/qr.h"

namespace hs::ui {

struct ShareState {
    bool open = false;
    std::string passphrase;
    std::string link;
    bool making = false;  // the platform is making the link
    int gen = 0;          // answers for an earlier passphrase, or a closed dialog, are dropped
    // The link's QR code, asked of the platform once per link (web: its worker makes it).
    std::string qr_for;   // the link the code below is for, or is being made for
    QrCode qr;
};

}  // namespace hs::ui
