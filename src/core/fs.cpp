// Filesystem implementations: MemoryFs (tests, with faults) and PosixFs (disk natively, IDBFS in the browser).
#include "fs.h"
#include "sort.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

namespace hs {

const char* error_kind_name(ErrorKind k) {
    switch (k) {
        case ErrorKind::None: return "ok";
        case ErrorKind::NotFound: return "not_found";
        case ErrorKind::NoSpace: return "no_space";
        case ErrorKind::IoError: return "io_error";
        case ErrorKind::Invalid: return "invalid";
    }
    return "io_error";
}

std::string path_join(const std::string& a, const std::string& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    if (a.back() == '/') return b.front() == '/' ? a + b.substr(1) : a + b;
    return b.front() == '/' ? a + b : a + "/" + b;
}

std::string path_parent(const std::string& p) {
    std::string s = p;
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    const size_t at = s.find_last_of('/');
    if (at == std::string::npos) return "";
    if (at == 0) return "/";
    return s.substr(0, at);
}

// ---- MemoryFs --------------------------------------------------------------------------------------------------

MemoryFs::MemoryFs() { dirs_.insert("/"); }

std::string MemoryFs::norm(const std::string& p) const {
    std::string out = "/";
    for (char c : p) {
        if (c == '/' && out.back() == '/') continue;
        out += c;
    }
    while (out.size() > 1 && out.back() == '/') out.pop_back();
    return out;
}

Status MemoryFs::dead() const { return Status::error(ErrorKind::IoError, "The storage is gone (simulated crash)."); }

void MemoryFs::reboot() {
    crashed_ = false;
    crash_after_ = -1;
    fail_write_countdown_ = 0;
    fail_rename_countdown_ = 0;
}

size_t MemoryFs::total_bytes() const {
    size_t n = 0;
    for (const auto& f : files_) n += f.second.size();
    return n;
}

Status MemoryFs::read(const std::string& path, std::string& out) {
    if (crashed_) return dead();
    auto it = files_.find(norm(path));
    if (it == files_.end()) return Status::error(ErrorKind::NotFound, "No such file: " + path);
    out = it->second;
    return Status::success();
}

Status MemoryFs::write(const std::string& path, const std::string& data) {
    if (crashed_) return dead();
    const std::string p = norm(path);
    if (!dirs_.count(path_parent(p))) return Status::error(ErrorKind::NotFound, "No such folder for " + path);
    if (dirs_.count(p)) return Status::error(ErrorKind::IoError, "Is a folder: " + path);
    ++writes_;
    if (fail_write_countdown_ > 0 && --fail_write_countdown_ == 0)
        return Status::error(ErrorKind::NoSpace, "Quota exceeded (simulated).");
    if (quota_ > 0) {
        auto it = files_.find(p);
        const size_t old = it == files_.end() ? 0 : it->second.size();
        if (total_bytes() - old + data.size() > quota_)
            return Status::error(ErrorKind::NoSpace, "Quota exceeded (" + std::to_string(quota_) + " bytes).");
    }
    if (crash_after_ >= 0) {
        // The process dies part way through: the file holds a prefix and nothing else runs.
        files_[p] = data.substr(0, std::min(data.size(), static_cast<size_t>(crash_after_)));
        crash_after_ = -1;
        crashed_ = true;
        return dead();
    }
    files_[p] = data;
    return Status::success();
}

Status MemoryFs::rename(const std::string& from, const std::string& to) {
    if (crashed_) return dead();
    const std::string f = norm(from), t = norm(to);
    auto it = files_.find(f);
    if (it == files_.end()) return Status::error(ErrorKind::NotFound, "No such file: " + from);
    if (!dirs_.count(path_parent(t))) return Status::error(ErrorKind::NotFound, "No such folder for " + to);
    if (dirs_.count(t)) return Status::error(ErrorKind::IoError, "Is a folder: " + to);
    ++renames_;
    if (fail_rename_countdown_ > 0 && --fail_rename_countdown_ == 0)
        return Status::error(ErrorKind::IoError, "Rename failed (simulated).");
    if (f == t) return Status::success();
    std::string data = std::move(it->second);
    files_.erase(it);
    files_[t] = std::move(data);
    return Status::success();
}

Status MemoryFs::remove(const std::string& path) {
    if (crashed_) return dead();
    const std::string p = norm(path);
    if (files_.erase(p)) return Status::success();
    if (p != "/" && dirs_.count(p)) {
        const std::string prefix = p + "/";
        auto f = files_.lower_bound(prefix);
        auto d = dirs_.lower_bound(prefix);
        if ((f != files_.end() && f->first.compare(0, prefix.size(), prefix) == 0) ||
            (d != dirs_.end() && d->compare(0, prefix.size(), prefix) == 0))
            return Status::error(ErrorKind::IoError, "Folder not empty: " + path);
        dirs_.erase(p);
        return Status::success();
    }
    return Status::error(ErrorKind::NotFound, "No such file: " + path);
}

Status MemoryFs::list(const std::string& dir, std::vector<std::string>& names) {
    names.clear();
    if (crashed_) return dead();
    const std::string p = norm(dir);
    if (!dirs_.count(p)) return Status::error(ErrorKind::NotFound, "No such folder: " + dir);
    const std::string prefix = p == "/" ? "/" : p + "/";
    auto child = [&](const std::string& full) {
        if (full.size() <= prefix.size() || full.compare(0, prefix.size(), prefix) != 0) return;
        const std::string rest = full.substr(prefix.size());
        if (rest.find('/') == std::string::npos) names.push_back(rest);
    };
    for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
         ++it)
        child(it->first);
    for (auto it = dirs_.lower_bound(prefix); it != dirs_.end() && it->compare(0, prefix.size(), prefix) == 0; ++it)
        child(*it);
    sort_stable(names.begin(), names.end());
    return Status::success();
}

bool MemoryFs::is_dir(const std::string& path) { return !crashed_ && dirs_.count(norm(path)) > 0; }

Status MemoryFs::mkdirs(const std::string& dir) {
    if (crashed_) return dead();
    const std::string p = norm(dir);
    for (std::string q = p; q != "/" && !q.empty(); q = path_parent(q)) {
        if (files_.count(q)) return Status::error(ErrorKind::IoError, "A file is in the way: " + q);
    }
    for (std::string q = p; q != "/" && !q.empty(); q = path_parent(q)) dirs_.insert(q);
    return Status::success();
}

bool MemoryFs::exists(const std::string& path) {
    if (crashed_) return false;
    const std::string p = norm(path);
    return files_.count(p) > 0 || dirs_.count(p) > 0;
}

// ---- PosixFs ---------------------------------------------------------------------------------------------------

namespace {

Status from_errno(int e, const std::string& what) {
    const std::string msg = what + ": " + std::strerror(e);
    if (e == ENOENT || e == ENOTDIR) return Status::error(ErrorKind::NotFound, msg);
#ifdef EDQUOT
    if (e == EDQUOT) return Status::error(ErrorKind::NoSpace, msg);
#endif
    if (e == ENOSPC) return Status::error(ErrorKind::NoSpace, msg);
    return Status::error(ErrorKind::IoError, msg);
}

}  // namespace

PosixFs::PosixFs(std::string root) : root_(std::move(root)) {
    while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
}

std::string PosixFs::real(const std::string& p) const { return path_join(root_, p); }

Status PosixFs::read(const std::string& path, std::string& out) {
    out.clear();
    FILE* f = std::fopen(real(path).c_str(), "rb");
    if (!f) return from_errno(errno, "Cannot open " + path);
    char buf[65536];
    size_t n;
    try {
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
    } catch (const std::bad_alloc&) {
        std::fclose(f);
        out.clear();
        return Status::error(ErrorKind::IoError, "File too large to read: " + path);
    }
    const bool bad = std::ferror(f) != 0;
    const int e = errno;
    std::fclose(f);
    if (bad) return from_errno(e, "Cannot read " + path);
    return Status::success();
}

Status PosixFs::write(const std::string& path, const std::string& data) {
    FILE* f = std::fopen(real(path).c_str(), "wb");
    if (!f) return from_errno(errno, "Cannot create " + path);
    const size_t n = data.empty() ? 0 : std::fwrite(data.data(), 1, data.size(), f);
    int e = errno;
    bool ok = n == data.size();
    if (ok && std::fflush(f) != 0) {
        ok = false;
        e = errno;
    }
    // Durable before the rename makes it visible (no-op under MEMFS/IDBFS, where syncfs does the persisting).
    if (ok && ::fsync(fileno(f)) != 0 && errno != EINVAL && errno != ENOSYS) {
        ok = false;
        e = errno;
    }
    if (std::fclose(f) != 0 && ok) {
        ok = false;
        e = errno;
    }
    if (!ok) return from_errno(e, "Cannot write " + path);
    return Status::success();
}

Status PosixFs::rename(const std::string& from, const std::string& to) {
    if (std::rename(real(from).c_str(), real(to).c_str()) != 0)
        return from_errno(errno, "Cannot rename " + from + " to " + to);
    return Status::success();
}

Status PosixFs::remove(const std::string& path) {
    if (std::remove(real(path).c_str()) != 0) return from_errno(errno, "Cannot remove " + path);
    return Status::success();
}

Status PosixFs::list(const std::string& dir, std::vector<std::string>& names) {
    names.clear();
    DIR* d = ::opendir(real(dir).c_str());
    if (!d) return from_errno(errno, "Cannot list " + dir);
    while (struct dirent* e = ::readdir(d)) {
        const std::string n = e->d_name;
        if (n != "." && n != "..") names.push_back(n);
    }
    ::closedir(d);
    sort_stable(names.begin(), names.end());
    return Status::success();
}

bool PosixFs::is_dir(const std::string& path) {
    struct stat st;
    return ::stat(real(path).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

Status PosixFs::mkdirs(const std::string& dir) {
    std::string full = real(dir);
    std::string cur;
    size_t i = 0;
    while (i <= full.size()) {
        const size_t j = full.find('/', i);
        const size_t end = j == std::string::npos ? full.size() : j;
        cur = full.substr(0, end);
        if (!cur.empty()) {
            if (::mkdir(cur.c_str(), 0755) != 0 && errno != EEXIST) return from_errno(errno, "Cannot create " + dir);
        }
        if (j == std::string::npos) break;
        i = j + 1;
    }
    struct stat st;
    if (::stat(full.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        return Status::error(ErrorKind::IoError, "Not a folder: " + dir);
    return Status::success();
}

bool PosixFs::exists(const std::string& path) {
    struct stat st;
    return ::stat(real(path).c_str(), &st) == 0;
}

}  // namespace hs
