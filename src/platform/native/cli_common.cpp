// hindsight (the CLI): the helpers every command uses (cli_common.h).
#include "platform/native/cli_common.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/format.h"
#include "platform/native/cli_input.h"
#include "platform/native/passphrase.h"

namespace fs = std::filesystem;

namespace hs::cli {

// ---- output ----------------------------------------------------------------------------------------------------
void out(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }
void err(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stderr); }

std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

void print_problem(const std::string& file, const hs::Problem& p, const char* prefix) {
    err(display_name(file) + ": " + prefix + (p.pointer.empty() ? "" : p.pointer + ": ") + p.message + "\n");
}

// ---- input -----------------------------------------------------------------------------------------------------
// Loads a document; prints problems ("FILE: /pointer: message") and returns false when it cannot be used.
// Warnings (semantic problems of a loadable document) are printed with "warning: " unless `quiet_warnings`.
bool load_file(const std::string& path, hs::Document& doc, bool quiet_warnings) {
    std::string text, why;
    if (!read_input(path, text, why)) {
        err(display_name(path) + ": " + why + "\n");
        return false;
    }
    hs::LoadResult r = hs::load_document(text);
    if (!r.ok) {
        for (const auto& p : r.problems) print_problem(path, p);
        if (r.problems.empty()) err(display_name(path) + ": the document could not be read.\n");
        return false;
    }
    if (!quiet_warnings)
        for (const auto& p : r.problems) print_problem(path, p, "warning: ");
    doc = std::move(r.doc);
    return true;
}

int64_t now_ms() {
    // SOURCE_DATE_EPOCH (reproducible-builds convention) pins "now" for reproducible output in scripts and tests.
    if (const char* e = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        long long v = std::strtoll(e, &end, 10);
        if (end && *end == '\0' && end != e) return static_cast<int64_t>(v) * 1000;
    }
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// ---- argument parsing ------------------------------------------------------------------------------------------
Args parse_args(const std::vector<std::string>& in, const std::vector<std::string>& flags,
                const std::vector<std::string>& valued) {
    Args a;
    bool only_positional = false;
    for (size_t i = 0; i < in.size(); ++i) {
        const std::string& s = in[i];
        if (only_positional || s == "-" || s.empty() || s[0] != '-') {
            a.positional.push_back(s);
            continue;
        }
        if (s == "--") {
            only_positional = true;
            continue;
        }
        std::string name = s, value;
        bool has_value = false;
        size_t eq = s.find('=');
        if (s.rfind("--", 0) == 0 && eq != std::string::npos) {
            name = s.substr(0, eq);
            value = s.substr(eq + 1);
            has_value = true;
        }
        bool is_flag = false, is_valued = false;
        for (const auto& f : flags) is_flag = is_flag || f == name;
        for (const auto& v : valued) is_valued = is_valued || v == name;
        if (is_flag && !has_value) {
            a.options[name] = "1";
        } else if (is_valued) {
            if (!has_value) {
                if (i + 1 >= in.size()) throw UsageError{"option " + name + " needs a value."};
                value = in[++i];
            }
            a.options[name] = value;
            a.repeated[name].push_back(value);
        } else {
            throw UsageError{"unknown option " + s + "."};
        }
    }
    return a;
}

void need_count(const Args& a, size_t lo, size_t hi, const char* what) {
    if (a.positional.size() < lo) throw UsageError{std::string("missing ") + what + "."};
    if (a.positional.size() > hi) throw UsageError{"unexpected argument " + a.positional[hi] + "."};
}

// The passphrase comes from a file so that it never shows in `ps` or shell history. One trailing line break (as
// editors and `echo` add) is not part of it. Any Unicode is accepted, normalised to NFC as the web app does
// (docs/links.md), so that composed and decomposed forms of the same text open the same links; bytes that are not
// UTF-8 are refused rather than guessed at.
bool read_passphrase(const Args& a, std::string& pass) {
    auto it = a.options.find("--passphrase-file");
    if (it == a.options.end()) return true;
    std::string why;
    if (!read_input(it->second, pass, why)) {
        err(display_name(it->second) + ": " + why + "\n");
        return false;
    }
    // A byte order mark (Windows editors write one) is not part of the passphrase anyone typed.
    if (pass.compare(0, 3, "\xEF\xBB\xBF") == 0) pass.erase(0, 3);
    if (!pass.empty() && pass.back() == '\n') pass.pop_back();
    if (!pass.empty() && pass.back() == '\r') pass.pop_back();
    if (pass.empty()) {
        err(display_name(it->second) + ": the passphrase file is empty.\n");
        return false;
    }
    std::string nfc;
    if (!hs::normalize_passphrase_nfc(pass, nfc, why)) {
        err(display_name(it->second) + ": " + why + "\n");
        return false;
    }
    pass = std::move(nfc);
    return true;
}

// Written next to the file, then renamed over it, so that a reader never sees half a file.
bool write_file_atomically(const std::string& path, const std::string& data, std::string& why) {
    const std::string tmp = path + ".hindsight-tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!(f << data) || !f.flush()) {
            why = "could not be written (" + std::string(std::strerror(errno)) + "); it was left as it was.";
            std::error_code ec;
            fs::remove(tmp, ec);
            return false;
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        why = "could not be replaced (" + ec.message() + "); it was left as it was.";
        fs::remove(tmp, ec);
        return false;
    }
    return true;
}

}  // namespace hs::cli
