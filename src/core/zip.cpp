// The .zip reader (zip.h): minizip walks the central directory through memory callbacks; each kept entry is
// inflated in chunks so that the caps hold on the bytes actually produced, not only on what the headers claim.
#include "zip.h"

#include <cstring>
#include <memory>

#include "unzip.h"

namespace hs {

namespace {

constexpr size_t kChunkBytes = 64u * 1024u;
constexpr size_t kMaxNameBytes = 4096;  // longer names are not from any export tool; refused as damage

// ---- memory "file" for minizip ----------------------------------------------------------------------------------

struct MemFile {
    const std::string* bytes = nullptr;
    ZPOS64_T pos = 0;
};

voidpf ZCALLBACK mem_open(voidpf opaque, const void*, int mode) {
    if ((mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ) return nullptr;
    return opaque;  // the MemFile itself
}

uLong ZCALLBACK mem_read(voidpf, voidpf stream, void* buf, uLong size) {
    auto* f = static_cast<MemFile*>(stream);
    ZPOS64_T left = f->pos < f->bytes->size() ? f->bytes->size() - f->pos : 0;
    uLong n = static_cast<uLong>(size < left ? size : left);
    if (n > 0) std::memcpy(buf, f->bytes->data() + f->pos, n);
    f->pos += n;
    return n;
}

uLong ZCALLBACK mem_write(voidpf, voidpf, const void*, uLong) { return 0; }  // read-only

ZPOS64_T ZCALLBACK mem_tell(voidpf, voidpf stream) { return static_cast<MemFile*>(stream)->pos; }

long ZCALLBACK mem_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
    auto* f = static_cast<MemFile*>(stream);
    ZPOS64_T size = f->bytes->size(), base = 0;
    if (origin == ZLIB_FILEFUNC_SEEK_CUR) {
        base = f->pos;
    } else if (origin == ZLIB_FILEFUNC_SEEK_END) {
        base = size;
    } else if (origin != ZLIB_FILEFUNC_SEEK_SET) {
        return -1;
    }
    // Offsets come from the archive's own headers: a seek outside the bytes is damage, not a reason to wrap.
    if (offset > size || base > size - offset) return -1;
    f->pos = base + offset;
    return 0;
}

int ZCALLBACK mem_close(voidpf, voidpf) { return 0; }
int ZCALLBACK mem_error(voidpf, voidpf) { return 0; }

struct UnzCloser {
    void operator()(void* z) const { unzClose(z); }
};
using UnzHandle = std::unique_ptr<void, UnzCloser>;

// ---- names ------------------------------------------------------------------------------------------------------

bool ends_with_ci(const std::string& s, const std::string& suffix) {
    if (suffix.size() > s.size()) return false;
    for (size_t i = 0; i < suffix.size(); ++i) {
        char a = s[s.size() - suffix.size() + i], b = suffix[i];
        if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
        if (a != b) return false;
    }
    return true;
}

// A name that would land outside the folder it is unpacked into: absolute, a drive, a backslash path or "..".
bool unsafe_name(const std::string& name) {
    if (name.empty() || name[0] == '/' || name[0] == '\\') return true;
    if (name.size() >= 2 && name[1] == ':') return true;
    if (name.find('\\') != std::string::npos) return true;
    size_t start = 0;
    while (start <= name.size()) {
        size_t end = name.find('/', start);
        if (end == std::string::npos) end = name.size();
        if (name.compare(start, end - start, "..") == 0 && end - start == 2) return true;
        start = end + 1;
    }
    return false;
}

std::string with_commas(size_t n) {
    std::string s = std::to_string(n), out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (i > 0 && (s.size() - i) % 3 == 0) out += ',';
        out += s[i];
    }
    return out;
}

std::string mib(size_t bytes) { return with_commas(bytes / (1024u * 1024u)) + " MiB"; }

ZipResult refuse(std::string message) {
    ZipResult r;
    r.error = std::move(message);
    return r;
}

// ---- one entry --------------------------------------------------------------------------------------------------

bool ratio_too_high(uint64_t uncompressed, uint64_t compressed, const ZipLimits& lim) {
    if (uncompressed <= lim.ratio_floor) return false;
    return compressed == 0 || uncompressed / compressed > lim.max_ratio;
}

std::string ratio_error(const std::string& name, uint64_t uncompressed, uint64_t compressed, const ZipLimits& lim) {
    std::string ratio = compressed == 0 ? "unbounded" : with_commas(uncompressed / compressed) + ":1";
    return "The zip entry \"" + name + "\" expands " + ratio + ", past the compression-ratio cap of " +
           with_commas(lim.max_ratio) + ":1: it looks like a zip bomb. Nothing was imported; check where the "
           "archive came from and export it again from Slack.";
}

// Inflates the current entry into `out`, enforcing the caps on the bytes produced. Returns "" or the error.
std::string read_entry(void* zf, const std::string& name, const unz_file_info64& info, const ZipLimits& lim,
                       size_t total_so_far, std::string& out) {
    if (unzOpenCurrentFile(zf) != UNZ_OK) {
        return "The zip entry \"" + name + "\" could not be opened; the archive is damaged. Download it again.";
    }
    std::string err;
    std::vector<char> buf(kChunkBytes);  // on the heap: the web build's stack is small
    for (;;) {
        int n = unzReadCurrentFile(zf, buf.data(), static_cast<unsigned>(buf.size()));
        if (n < 0) {
            err = "The zip entry \"" + name + "\" is damaged (it does not inflate). Download the export again.";
            break;
        }
        if (n == 0) break;
        out.append(buf.data(), static_cast<size_t>(n));
        if (out.size() > lim.max_entry_bytes) {
            err = "The zip entry \"" + name + "\" is larger than the cap of " + mib(lim.max_entry_bytes) +
                  " for one file. Export a shorter date range.";
            break;
        }
        if (total_so_far + out.size() > lim.max_total_bytes) {
            err = "The zip's files add up to more than the cap of " + mib(lim.max_total_bytes) +
                  " uncompressed. Export fewer channels or a shorter date range.";
            break;
        }
        if (ratio_too_high(out.size(), info.compressed_size, lim)) {
            err = ratio_error(name, out.size(), info.compressed_size, lim);
            break;
        }
    }
    int closed = unzCloseCurrentFile(zf);
    if (err.empty() && closed == UNZ_CRCERROR) {
        err = "The zip entry \"" + name + "\" fails its checksum; the archive is damaged. Download it again.";
    }
    return err;
}

// Checks what the central directory claims before anything is inflated. Returns "" or the error.
std::string check_header(const std::string& name, const unz_file_info64& info, const ZipLimits& lim,
                         size_t total_so_far) {
    if (info.flag & 1u) {
        return "The zip entry \"" + name + "\" is encrypted (the archive has a password), which Hindsight does "
               "not read. Export the workspace again without a password, or unzip it and import its files.";
    }
    if (info.uncompressed_size > lim.max_entry_bytes) {
        return "The zip entry \"" + name + "\" is " + mib(static_cast<size_t>(info.uncompressed_size)) +
               ", larger than the cap of " + mib(lim.max_entry_bytes) + " for one file. Export a shorter date range.";
    }
    if (total_so_far + info.uncompressed_size > lim.max_total_bytes) {
        return "The zip's files add up to more than the cap of " + mib(lim.max_total_bytes) +
               " uncompressed. Export fewer channels or a shorter date range.";
    }
    if (ratio_too_high(info.uncompressed_size, info.compressed_size, lim)) {
        return ratio_error(name, info.uncompressed_size, info.compressed_size, lim);
    }
    return "";
}

enum class Verdict { keep, skip_quietly, skip_with_warning };

Verdict classify(const std::string& name, const unz_file_info64& info, const ZipLimits& lim, ZipResult& r) {
    if (!name.empty() && name.back() == '/') return Verdict::skip_quietly;  // a folder
    if (name.rfind("__MACOSX/", 0) == 0) return Verdict::skip_quietly;    // Finder's resource forks
    if (unsafe_name(name)) {
        r.warnings.push_back({name, "Ignored: the name points outside the archive (absolute or \"..\")."});
        return Verdict::skip_with_warning;
    }
    if (ends_with_ci(name, ".zip")) {
        r.warnings.push_back({name, "Ignored: an archive inside the archive is not opened; unzip it first."});
        return Verdict::skip_with_warning;
    }
    bool wanted = lim.keep_suffixes.empty();
    for (const std::string& s : lim.keep_suffixes) wanted = wanted || ends_with_ci(name, s);
    if (!wanted) return Verdict::skip_quietly;
    if (info.compression_method != 0 && info.compression_method != Z_DEFLATED) {
        r.warnings.push_back({name, "Ignored: compression method " + std::to_string(info.compression_method) +
                                        " is not one Hindsight reads (stored and deflate are)."});
        return Verdict::skip_with_warning;
    }
    if (r.files.count(name)) {
        r.warnings.push_back({name, "Ignored: a second entry with the same name (the first one is kept)."});
        return Verdict::skip_with_warning;
    }
    return Verdict::keep;
}

ZipResult read_entries(void* zf, const ZipLimits& lim) {
    ZipResult r;
    size_t total = 0;
    int step = unzGoToFirstFile(zf);
    while (step == UNZ_OK) {
        unz_file_info64 info{};
        std::string name(kMaxNameBytes, '\0');
        if (unzGetCurrentFileInfo64(zf, &info, &name[0], kMaxNameBytes, nullptr, 0, nullptr, 0) != UNZ_OK ||
            info.size_filename > kMaxNameBytes) {
            return refuse("The zip's list of files is damaged. Download the export again.");
        }
        name.resize(info.size_filename);
        if (classify(name, info, lim, r) == Verdict::keep) {
            std::string err = check_header(name, info, lim, total);
            std::string content;
            if (err.empty()) err = read_entry(zf, name, info, lim, total, content);
            if (!err.empty()) return refuse(err);
            if (looks_like_zip(content)) {
                r.warnings.push_back({name, "Ignored: an archive inside the archive is not opened; unzip it first."});
            } else {
                total += content.size();
                r.files.emplace(name, std::move(content));
            }
        }
        step = unzGoToNextFile(zf);
    }
    if (step != UNZ_END_OF_LIST_OF_FILE) return refuse("The zip's list of files is damaged. Download it again.");
    r.ok = true;
    return r;
}

}  // namespace

bool looks_like_zip(const std::string& bytes) {
    return bytes.size() >= 4 && bytes[0] == 'P' && bytes[1] == 'K' &&
           ((bytes[2] == '\3' && bytes[3] == '\4') || (bytes[2] == '\5' && bytes[3] == '\6'));
}

ZipResult read_zip(const std::string& bytes, const ZipLimits& limits) {
    try {
        MemFile mem{&bytes, 0};
        zlib_filefunc64_def io{};
        io.zopen64_file = mem_open;
        io.zread_file = mem_read;
        io.zwrite_file = mem_write;
        io.ztell64_file = mem_tell;
        io.zseek64_file = mem_seek;
        io.zclose_file = mem_close;
        io.zerror_file = mem_error;
        io.opaque = &mem;
        UnzHandle zf(unzOpen2_64("memory", &io));
        if (!zf) {
            return refuse("This is not a readable zip archive (no central directory found); it may be cut short. "
                          "Download the export again.");
        }
        unz_global_info64 global{};
        if (unzGetGlobalInfo64(zf.get(), &global) != UNZ_OK) {
            return refuse("The zip's list of files is damaged. Download the export again.");
        }
        if (global.number_entry > limits.max_entries) {
            return refuse("The zip holds " + with_commas(static_cast<size_t>(global.number_entry)) +
                          " entries, more than the cap of " + with_commas(limits.max_entries) +
                          ". Export fewer channels or a shorter date range.");
        }
        return read_entries(zf.get(), limits);
    } catch (const std::bad_alloc&) {
        return refuse("The zip is too large to unpack in memory. Export fewer channels or a shorter date range.");
    } catch (const std::exception& ex) {
        return refuse(std::string("The zip could not be read: ") + ex.what());
    }
}

}  // namespace hs
