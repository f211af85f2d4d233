// Names for files the app downloads. Every field of a document can come from someone else (a share link), so a name
// is built from an allow-list: letters and digits (of Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Devanagari,
// Thai, Georgian, Hangul, kana and CJK), with every other run of characters made one '-'. No control character, no
// bidirectional override, no dot and no path separator can get through, and the extension, appended last by
// download_name, is always the one the app chose.
#pragma once
#include <string>

namespace hs {

struct Document;

// At most `max_chars` characters of `text` as a file name stem (ASCII letters lowercased, other letters as they are),
// or "" when nothing is left.
std::string safe_file_stem(const std::string& text, size_t max_chars = 60);
// The stem for a document's downloads: "<incident id>-<title>", or "postmortem".
std::string document_file_stem(const Document& d);
// stem + suffix, where suffix is the app's own (".md", "-actions.csv", ".hindsight.json").
std::string download_name(const std::string& stem, const std::string& suffix);

}  // namespace hs
