// Files from assets/ (templates, samples, lint phrases) embedded into the binary at build time.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace hs {

struct EmbeddedFile {
    const char* path;  // relative to assets/, e.g. "templates/google-sre.json"; nullptr ends the table
    const char* data;  // NUL-terminated
    size_t size;
};
const EmbeddedFile* embedded_files();

// Convenience: the file's text, or nullptr if absent.
const EmbeddedFile* find_embedded(const std::string& path);
// All embedded paths under a folder ("templates/"), sorted.
std::vector<std::string> list_embedded(const std::string& folder);

}  // namespace hs
