// The JSON form of a postmortem: load (with migrations and validation), canonical save.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model.h"

namespace hs {

// Parses and validates a document from text. Never throws. Runs migrations from older versions.
// Rejects non-JSON, JSON that is not an object, wrong "format", a newer major "version", and wrong types;
// each problem carries a JSON Pointer and an actionable sentence.
LoadResult load_document(const std::string& text);
// False when JSON text nests deeper than any postmortem could (checked before parsing; `where` is the byte offset).
bool json_nesting_ok(const std::string& text, size_t& where);
// The same scan with any limit, for other readers of JSON text: false when `text` nests deeper than `max_depth`.
bool json_depth_ok(const std::string& text, size_t& where, int max_depth);
LoadResult load_document_json(const Json& j);

// Canonical serialization: sorted keys, defaults omitted, unknown fields kept. Minified unless `pretty`.
// Loading and saving any valid document twice gives identical bytes.
Json to_json(const Document& d);
std::string save_document(const Document& d, bool pretty = false);

// The same bytes in steps, so that a large document can be saved a slice at a time (autosave spreads it over frames):
// each timeline event's canonical JSON (save_event), then the document with those texts in place of its timeline
// (save_document_with_events). Both return nothing where save_document would take its slower replacing path
// (invalid UTF-8 put into a string): call save_document then. `buffer`, when given, is written into (cleared first):
// reusing a large text's buffer spares the time of touching fresh memory.
std::optional<std::string> save_event(const Event& e);
std::optional<std::string> save_document_with_events(const Document& d, const std::vector<std::string>& events,
                                                     std::string buffer = {});

// Semantic checks on a loaded document (ids unique, vocabularies, dates, URLs): problems with pointers.
std::vector<Problem> validate(const Document& d);

// Migrations: brings a JSON document of any released version up to kFormatVersion, in place.
// Returns false (with problems) if the version is unknown or newer than this build.
bool migrate(Json& j, std::vector<Problem>& problems);

}  // namespace hs
