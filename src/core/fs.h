// A small filesystem interface for the drafts store, so that the store is tested natively over memory (with faults
// injected) and runs in the browser over Emscripten's IDBFS mount through the same POSIX calls.
// Paths are '/'-separated strings ("/drafts/drafts/dr-1a2b3c4d.json"). No function throws.
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace hs {

enum class ErrorKind {
    None,      // success
    NotFound,  // no such file or folder
    NoSpace,   // quota exceeded / disk full: the caller keeps its data in memory and tells the user
    IoError,   // anything else the storage refused
    Invalid,   // bad argument or unreadable content (store level: bad id, corrupt file)
};

struct Status {
    ErrorKind kind = ErrorKind::None;
    std::string message;

    bool ok() const { return kind == ErrorKind::None; }
    static Status success() { return {}; }
    static Status error(ErrorKind k, std::string msg) { return {k, std::move(msg)}; }
};

const char* error_kind_name(ErrorKind k);  // "ok", "not_found", "no_space", "io_error", "invalid"

class Filesystem {
public:
    virtual ~Filesystem() = default;
    // Whole-file read into `out`.
    virtual Status read(const std::string& path, std::string& out) = 0;
    // Creates or truncates the file and writes all of `data`. The parent folder must exist. Not atomic: a crash
    // can leave a partial file, which is why the store writes a temporary file and renames it.
    virtual Status write(const std::string& path, const std::string& data) = 0;
    // Atomically replaces `to` with `from` (POSIX rename(2) semantics; atomic within one IDBFS/MEMFS mount).
    virtual Status rename(const std::string& from, const std::string& to) = 0;
    // Removes a file or an empty folder.
    virtual Status remove(const std::string& path) = 0;
    // Names (not paths) of the entries of a folder, files and folders alike, sorted.
    virtual Status list(const std::string& dir, std::vector<std::string>& names) = 0;
    virtual bool is_dir(const std::string& path) = 0;
    // Creates the folder and its missing parents.
    virtual Status mkdirs(const std::string& dir) = 0;
    virtual bool exists(const std::string& path) = 0;
};

// Path helpers.
std::string path_join(const std::string& a, const std::string& b);
std::string path_parent(const std::string& p);  // "/a/b" -> "/a"; "/a" -> "/"

// In-memory filesystem with fault injection, for tests.
class MemoryFs : public Filesystem {
public:
    MemoryFs();
    Status read(const std::string& path, std::string& out) override;
    Status write(const std::string& path, const std::string& data) override;
    Status rename(const std::string& from, const std::string& to) override;
    Status remove(const std::string& path) override;
    Status list(const std::string& dir, std::vector<std::string>& names) override;
    bool is_dir(const std::string& path) override;
    Status mkdirs(const std::string& dir) override;
    bool exists(const std::string& path) override;

    // ---- fault injection --------------------------------------------------------------------------------------
    // The n-th write from now (1 = the next one) fails with NoSpace and changes nothing.
    void fail_write_nth(int n) { fail_write_countdown_ = n; }
    // The next write stores only its first `k` bytes and then the "process dies": every later mutating call fails
    // with IoError until reboot(), so no cleanup code gets to run (as after a tab kill).
    void crash_after_bytes(size_t k) { crash_after_ = static_cast<int64_t>(k); }
    // The n-th rename from now fails with IoError and changes nothing.
    void fail_rename_nth(int n) { fail_rename_countdown_ = n; }
    // Total bytes of file content allowed (quota); writes beyond it fail with NoSpace. 0 = unlimited.
    void set_quota(size_t bytes) { quota_ = bytes; }
    // Comes back after a crash: faults cleared, contents as the crash left them.
    void reboot();
    bool crashed() const { return crashed_; }

    // ---- inspection -------------------------------------------------------------------------------------------
    size_t total_bytes() const;
    int writes() const { return writes_; }
    int renames() const { return renames_; }
    const std::map<std::string, std::string>& files() const { return files_; }

private:
    std::string norm(const std::string& p) const;
    Status dead() const;

    std::map<std::string, std::string> files_;
    std::set<std::string> dirs_;
    int fail_write_countdown_ = 0;
    int fail_rename_countdown_ = 0;
    int64_t crash_after_ = -1;
    bool crashed_ = false;
    size_t quota_ = 0;
    int writes_ = 0;
    int renames_ = 0;
};

// The real filesystem under a root folder (natively a folder on disk; in the browser the IDBFS mount point).
// "/drafts/x.json" maps to root + "/drafts/x.json". Uses stdio and POSIX calls that Emscripten implements.
class PosixFs : public Filesystem {
public:
    explicit PosixFs(std::string root);
    Status read(const std::string& path, std::string& out) override;
    Status write(const std::string& path, const std::string& data) override;
    Status rename(const std::string& from, const std::string& to) override;
    Status remove(const std::string& path) override;
    Status list(const std::string& dir, std::vector<std::string>& names) override;
    bool is_dir(const std::string& path) override;
    Status mkdirs(const std::string& dir) override;
    bool exists(const std::string& path) override;

private:
    std::string real(const std::string& p) const;
    std::string root_;
};

}  // namespace hs
