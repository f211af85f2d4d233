// Built-in templates (assets/templates/*.json, embedded at build time) and new documents.
#pragma once
#include <string>
#include <vector>

#include "model.h"

namespace hs {

struct TemplateInfo {
    std::string name;         // "google-sre"
    std::string label;        // "Google SRE"
    std::string description;  // one line
};

std::vector<TemplateInfo> list_templates();
// A new document from a template: fresh document id, created/updated = now_ms, title as given (or the template's).
// Returns false if there is no such template.
bool new_from_template(const std::string& name, const std::string& title, int64_t now_ms, Document& out);
// Hints shown while a section is empty, e.g. section_hint("trigger").
std::string section_hint(const std::string& section_key);
std::string section_title(const std::string& section_key);

}  // namespace hs
