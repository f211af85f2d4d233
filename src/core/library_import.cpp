// Bulk import: every file of an archive or a dropped folder is opened the way a single dropped file would be
// (open_any), except that a drafts export gives all its drafts. Nothing is half-imported: a file either gives its
// documents or is listed with the reason it gave none.
#include "library_import.h"

#include "format.h"
#include "importers/importers.h"
#include "store.h"
#include "strings.h"
#include "zip.h"

namespace hs {
namespace {

constexpr auto kReplaceInvalid = Json::error_handler_t::replace;  // file names need not be UTF-8

bool ends_with_ci(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && lower(s.substr(s.size() - tail.size())) == tail;
}

bool wanted(const std::string& path) {
    return ends_with_ci(path, ".json") || ends_with_ci(path, ".md") || ends_with_ci(path, ".markdown");
}

std::string first_problem(const std::vector<Problem>& problems) {
    if (problems.empty()) return "it could not be read.";
    return (problems[0].pointer.empty() ? "" : problems[0].pointer + ": ") + problems[0].message;
}

// A drafts export (or one draft's envelope): its documents, or false when the text is no such file.
bool read_drafts_export(const std::string& text, BulkImport& out, BulkFile& f) {
    Json j = Json::parse(text, nullptr, false);
    if (!j.is_object() || !j.contains("format") || !j["format"].is_string()) return false;
    const std::string format = j["format"].get<std::string>();
    Json drafts = Json::array();
    if (format == kExportFormatName && j.contains("drafts") && j["drafts"].is_array()) drafts = j["drafts"];
    else if (format == kDraftFormatName) drafts.push_back(j);
    else return false;
    f.kind = "drafts";
    size_t skipped = 0;
    for (const Json& e : drafts) {
        Draft d;
        std::vector<Problem> problems;
        if (out.documents.size() < kMaxBulkDocuments && DraftStore::parse_envelope(e, d, nullptr, problems)) {
            out.documents.push_back(std::move(d.doc));
            ++f.documents;
        } else {
            ++skipped;
        }
    }
    if (skipped) f.message = std::to_string(skipped) + " drafts could not be read and were left out.";
    return true;
}

void read_one(const std::string& path, const std::string& text, BulkImport& out) {
    BulkFile f;
    f.path = path;
    if (!wanted(path)) {
        f.kind = "skipped";
        f.message = "not a postmortem (only .json and .md files are read).";
    } else if (out.documents.size() >= kMaxBulkDocuments) {
        f.kind = "skipped";
        f.message = "more than " + std::to_string(kMaxBulkDocuments) + " postmortems at once; import the rest "
                    "separately.";
    } else if (!read_drafts_export(text, out, f)) {
        ImportResult r = open_any(path, text, &f.kind);
        if (r.ok) {
            out.documents.push_back(std::move(r.doc));
            f.documents = 1;
        } else {
            f.message = first_problem(r.problems);
        }
    }
    out.files.push_back(std::move(f));
}

}  // namespace

BulkImport import_bulk_files(const std::map<std::string, std::string>& files) {
    BulkImport out;
    out.ok = true;
    for (const auto& [path, text] : files) read_one(path, text, out);
    return out;
}

BulkImport import_bulk_zip(const std::string& bytes) {
    ZipLimits limits;
    limits.keep_suffixes = {};  // every entry, so that the report can name what it skipped
    ZipResult z = read_zip(bytes, limits);
    if (!z.ok) {
        BulkImport out;
        out.error = z.error;
        return out;
    }
    BulkImport out = import_bulk_files(z.files);
    for (const Problem& w : z.warnings) out.files.push_back({w.pointer, "skipped", 0, w.message});
    return out;
}

bool looks_like_postmortem_zip(const std::string& bytes) {
    if (!looks_like_zip(bytes)) return false;
    ZipLimits limits;
    limits.keep_suffixes = {".json", ".md", ".markdown"};
    const ZipResult z = read_zip(bytes, limits);
    if (!z.ok) return false;
    bool postmortems = false;
    for (const auto& [path, text] : z.files) {
        const std::string base = lower(path.substr(path.find_last_of('/') == std::string::npos
                                                       ? 0 : path.find_last_of('/') + 1));
        if (base == "users.json" || base == "channels.json") return false;  // a Slack export
        postmortems = postmortems || !ends_with_ci(path, ".json") ||
                      text.find("\"hindsight.") != std::string::npos;
    }
    return postmortems;
}

std::string bulk_import_json(const BulkImport& b) {
    std::string out = "{\"documents\":[";
    // Each document as a string of its canonical JSON: the page hands it to the editor as it is.
    for (size_t i = 0; i < b.documents.size(); ++i)
        out += (i ? "," : "") + Json(save_document(b.documents[i])).dump(-1, ' ', false, kReplaceInvalid);
    out += "],\"report\":" + Json(bulk_report_text(b)).dump(-1, ' ', false, kReplaceInvalid) + "}";
    return out;
}

std::string bulk_report_text(const BulkImport& b) {
    if (!b.ok) return "The archive could not be imported: " + b.error;
    size_t with_docs = 0;
    for (const BulkFile& f : b.files) with_docs += f.documents > 0;
    std::string out = "Imported " + std::to_string(b.documents.size()) + " postmortem" +
                      (b.documents.size() == 1 ? "" : "s") + " from " + std::to_string(with_docs) + " of " +
                      std::to_string(b.files.size()) + " files.";
    for (const BulkFile& f : b.files)
        if (!f.message.empty()) out += "\n\xE2\x80\xA2 " + f.path + ": " + f.message;
    return out;
}

}  // namespace hs
