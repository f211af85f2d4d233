// The Settings dialog's state (settings.cpp).
#pragma once

namespace hs::ui {

struct SettingsState {
    bool open = false;
    int storage_persisted = -1;  // navigator.storage.persist(): -1 unknown, 0 refused, 1 granted
    double storage_usage = -1, storage_quota = -1;  // bytes, negative when unknown
    bool text_size_loaded = false;  // the stored text size was read (once the storage is there)
};

}  // namespace hs::ui
