#include "filename.h"

#include <cstdint>

#include "model.h"
#include "text.h"

namespace hs {
namespace {

// Letters and digits of the scripts people write postmortems in. Deliberately an allow-list of blocks' letter
// ranges: no punctuation, no format or bidirectional control, no look-alike of '.', '/' or '\'.
bool allowed(uint32_t cp) {
    static const uint32_t kRanges[][2] = {
        {0x00C0, 0x00D6}, {0x00D8, 0x00F6}, {0x00F8, 0x024F},  // Latin-1 letters, Latin Extended-A/B
        {0x0386, 0x0386}, {0x0388, 0x03FF},                    // Greek
        {0x0400, 0x0481}, {0x048A, 0x052F},                    // Cyrillic
        {0x0531, 0x0556}, {0x0561, 0x0587},                    // Armenian
        {0x05D0, 0x05EA},                                      // Hebrew letters
        {0x0620, 0x064A}, {0x0660, 0x0669},                    // Arabic letters and digits
        {0x0904, 0x0939}, {0x0966, 0x096F},                    // Devanagari letters and digits
        {0x0E01, 0x0E30}, {0x0E50, 0x0E59},                    // Thai
        {0x10A0, 0x10FF},                                      // Georgian
        {0x3041, 0x3096}, {0x30A1, 0x30FA}, {0x30FC, 0x30FC},  // kana
        {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},                    // CJK ideographs
        {0xAC00, 0xD7A3},                                      // Hangul syllables
    };
    for (const auto& r : kRanges)
        if (cp >= r[0] && cp <= r[1]) return true;
    return false;
}

}  // namespace

std::string safe_file_stem(const std::string& text, size_t max_chars) {
    std::string out;
    size_t chars = 0;
    for (size_t i = 0; i < text.size() && chars < max_chars;) {
        const size_t start = i;
        size_t len = 1;
        const uint32_t cp = utf8_decode(text, i, len);  // U+FFFD (not allowed) for a byte that is not UTF-8
        i += len;
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            out += static_cast<char>(cp);
        } else if (cp >= 'A' && cp <= 'Z') {
            out += static_cast<char>(cp - 'A' + 'a');
        } else if (allowed(cp)) {
            out.append(text, start, i - start);
        } else {
            if (!out.empty() && out.back() != '-') out += '-';
            continue;
        }
        ++chars;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

std::string document_file_stem(const Document& d) {
    std::string stem = safe_file_stem(d.incident_id.empty() ? d.title : d.incident_id + "-" + d.title);
    return stem.empty() ? std::string("postmortem") : stem;
}

std::string download_name(const std::string& stem, const std::string& suffix) {
    std::string s = safe_file_stem(stem);
    return (s.empty() ? std::string("postmortem") : s) + suffix;
}

}  // namespace hs
