// A filesystem that remembers which paths it changed: the drafts' mount in the browser, mirrored to IndexedDB.
//
// The mirror (Emscripten's IDBFS) syncs a whole mount, so a push from one tab would delete what another tab stored
// meanwhile. Every push therefore runs under one lock across tabs: pull what other tabs stored, leaving this tab's
// journal of changes since its last push as it is here (the selective pull, "pull except"), then push. No tab's
// file is ever lost and none is written twice. The journal also gives the rescue copy: the changes not yet durable,
// kept synchronously by the page when it goes away mid-push, and applied by the next page after its first pull.
//
// The cycle, driven by the page (web/app.js):
//   journal_paths()  -> the pull leaves these alone -> take_journal() -> push -> push_done(ok)
#pragma once
#include <set>
#include <string>
#include <vector>

#include "core/fs.h"

namespace hs {

class JournalFs : public Filesystem {
public:
    // `inner` is the mount; `mount` is how the mirror names its root ("/idb"), prefixed to journal_paths().
    JournalFs(Filesystem& inner, std::string mount) : inner_(inner), mount_(std::move(mount)) {}

    Status read(const std::string& p, std::string& out) override { return inner_.read(p, out); }
    // The journal holds the paths only: pending_json reads their data when it is asked (rarely: when the page is
    // hidden mid-save). Keeping a copy of each file written cost a megabyte copied per save of a 1 MB draft.
    Status write(const std::string& p, const std::string& data) override;
    Status rename(const std::string& from, const std::string& to) override;
    Status remove(const std::string& p) override;
    Status list(const std::string& d, std::vector<std::string>& names) override { return inner_.list(d, names); }
    bool is_dir(const std::string& p) override { return inner_.is_dir(p); }
    Status mkdirs(const std::string& d) override { return inner_.mkdirs(d); }
    bool exists(const std::string& p) override { return inner_.exists(p); }

    // The paths this tab changed since its last push, as the mirror names them: the pull before a push leaves them
    // as they are here, so they never have to be written twice.
    std::vector<std::string> journal_paths() const;
    std::string journal_paths_json() const;  // the same, as a JSON array
    // After a pull that left the journal's paths alone: this tab's changes are now in flight until the push stores
    // them. Returns how many changes this push carries (0: nothing to push).
    int take_journal();
    // The push finished: stored (the changes in flight are durable), or failed (they wait for the next push).
    void push_done(bool ok);

    // Every change not yet confirmed durable (in flight or waiting), as {"path": data or null}: each changed path as
    // it is here now (null: no longer a file). The page keeps it synchronously when it goes away mid-save.
    int pending_count() const { return static_cast<int>(journal_.size() + in_flight_.size()); }
    std::string pending_json();
    // After the first pull: the changes a previous page could not make durable before it went away. A draft file
    // is taken only when it is at least as recent as the stored one ("draft"/"updated"), so a draft edited since in
    // another tab is never rolled back. Applied through the journal, so the next push stores them. Returns how many
    // changes were taken, or -1 when one could not be written here (the copy is then kept).
    int apply_rescue(const std::string& text);

private:
    Filesystem& inner_;
    std::string mount_;
    std::set<std::string> journal_, in_flight_;  // changed paths: waiting for a push, and in the push under way
};

}  // namespace hs
