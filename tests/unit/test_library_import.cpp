// Bulk import of a team's history: a .zip of Hindsight JSON, Markdown and a drafts export becomes documents with a
// report, and "Export all drafts" re-imports without losing anything.
#include <catch2/catch.hpp>

#include <sstream>

#include "core/embedded.h"
#include "core/exporters/exporters.h"
#include "core/format.h"
#include "core/fs.h"
#include "core/library_import.h"
#include "import_support.h"
#include "core/store.h"

using namespace hs;

namespace {

// CRC-32 (IEEE), bit by bit: a handful of small entries, so speed does not matter.
uint32_t crc32_of(const std::string& data) {
    uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char c : data) {
        crc ^= c;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void put(std::string& out, uint32_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

// A .zip with the entries stored (no compression), as zip tools write for small files: the local headers, the
// central directory and its end record (APPNOTE 4.3).
std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
    std::string body, central;
    for (const auto& entry : entries) {
        const std::string& name = entry.first;  // not a structured binding: a lambda below uses it (C++17)
        const std::string& data = entry.second;
        const uint32_t crc = crc32_of(data);
        const uint32_t offset = static_cast<uint32_t>(body.size());
        auto common = [&](std::string& s) {
            put(s, 20, 2);       // version needed
            put(s, 0x0800, 2);   // UTF-8 names
            put(s, 0, 2);        // stored
            put(s, 0, 4);        // time and date
            put(s, crc, 4);
            put(s, static_cast<uint32_t>(data.size()), 4);
            put(s, static_cast<uint32_t>(data.size()), 4);
            put(s, static_cast<uint32_t>(name.size()), 2);
            put(s, 0, 2);        // extra field
        };
        put(body, 0x04034b50, 4);
        common(body);
        body += name + data;
        put(central, 0x02014b50, 4);
        put(central, 20, 2);     // version made by
        common(central);
        put(central, 0, 2);      // comment
        put(central, 0, 2);      // disk
        put(central, 0, 2);      // internal attributes
        put(central, 0, 4);      // external attributes
        put(central, offset, 4);
        central += name;
    }
    std::string out = body + central;
    put(out, 0x06054b50, 4);
    put(out, 0, 4);
    put(out, static_cast<uint32_t>(entries.size()), 2);
    put(out, static_cast<uint32_t>(entries.size()), 2);
    put(out, static_cast<uint32_t>(central.size()), 4);
    put(out, static_cast<uint32_t>(body.size()), 4);
    put(out, 0, 2);
    return out;
}

std::vector<Document> samples() {
    std::vector<Document> out;
    for (const std::string& path : list_embedded("samples/")) {
        const EmbeddedFile* f = find_embedded(path);
        REQUIRE(f);
        LoadResult l = load_document(std::string(f->data, f->size));
        REQUIRE(l.ok);
        out.push_back(std::move(l.doc));
    }
    return out;
}

const BulkFile* file_named(const BulkImport& b, const std::string& path) {
    for (const BulkFile& f : b.files)
        if (f.path == path) return &f;
    return nullptr;
}

}  // namespace

TEST_CASE("library import: \"Export all drafts\" re-imports every document unchanged", "[library]") {
    MemoryFs fs;
    DraftStore store(fs);
    store.load_all();
    const std::vector<Document> docs = samples();
    for (const Document& d : docs) REQUIRE(store.create(d, 1772370000000).ok());
    const std::string exported = store.export_all(1772370000000);
    BulkImport b = import_bulk_files({{"hindsight-drafts-2026-03-01.json", exported}});
    REQUIRE(b.ok);
    REQUIRE(b.documents.size() == docs.size());
    REQUIRE(b.files.size() == 1);
    CHECK(b.files[0].kind == "drafts");
    CHECK(b.files[0].documents == docs.size());
    // The export lists drafts in the store's order (newest first): match them by id.
    for (const Document& d : docs) {
        INFO(d.title);
        bool found = false;
        for (const Document& got : b.documents)
            if (got.id == d.id) {
                found = true;
                CHECK(save_document(got) == save_document(d));
            }
        CHECK(found);
    }
}

TEST_CASE("library import: a zip of JSON, Markdown and other files, with a report", "[library]") {
    const std::vector<Document> docs = samples();
    REQUIRE(docs.size() >= 3);
    const std::string zip = stored_zip({
        {"postmortems/2026/db-failover.hindsight.json", save_document(docs[0], true)},
        {"postmortems/2026/ja-payment.json", save_document(docs[1])},
        {"postmortems/2026/lint-demo.md", export_markdown(docs[2])},
        {"postmortems/legacy/payments-cert.md", import_test::fixture("markdown/atlassian-shape.md")},
        {"postmortems/README.txt", "Postmortems of the platform team, one file per incident.\n"},
        {"postmortems/broken.json", "{\"format\": \"hindsight.postmortem\", \"version\": 1, \"title\": "},
    });
    BulkImport b = import_bulk_zip(zip);
    REQUIRE(b.ok);
    REQUIRE(b.documents.size() == 4);
    REQUIRE(b.files.size() == 6);
    const BulkFile* f = file_named(b, "postmortems/2026/lint-demo.md");
    REQUIRE(f);
    CHECK(f->kind == "markdown");
    CHECK(f->documents == 1);
    f = file_named(b, "postmortems/README.txt");
    REQUIRE(f);
    CHECK(f->kind == "skipped");
    CHECK(f->documents == 0);
    f = file_named(b, "postmortems/broken.json");
    REQUIRE(f);
    CHECK(f->documents == 0);
    CHECK(f->message.find("not valid JSON") != std::string::npos);
    bool saw_ja = false, saw_md = false;
    for (const Document& d : b.documents) {
        saw_ja |= d.title == docs[1].title && save_document(d) == save_document(docs[1]);
        saw_md |= d.title == docs[2].title && d.timeline.size() == docs[2].timeline.size();
    }
    CHECK(saw_ja);
    CHECK(saw_md);
    const std::string report = bulk_report_text(b);
    CHECK(report.rfind("Imported 4 postmortems from 4 of 6 files.", 0) == 0);
    CHECK(report.find("postmortems/README.txt: not a postmortem") != std::string::npos);
    CHECK(report.find("postmortems/broken.json: ") != std::string::npos);
}

TEST_CASE("library import: a damaged archive is refused as a whole, with the reason", "[library]") {
    std::string zip = stored_zip({{"a.json", "{}"}});
    zip.resize(zip.size() / 2);
    BulkImport b = import_bulk_zip(zip);
    CHECK_FALSE(b.ok);
    CHECK(b.documents.empty());
    CHECK_FALSE(b.error.empty());
    CHECK(bulk_report_text(b).rfind("The archive could not be imported: ", 0) == 0);
}

TEST_CASE("library import: a postmortem archive is told from a Slack export, and its answer for the page", "[library]") {
    const std::vector<Document> docs = samples();
    const std::string history = stored_zip({{"pm/a.json", save_document(docs[0])},
                                            {"pm/b.md", export_markdown(docs[1])},
                                            {"pm/notes.txt", "Заметки 📝"}});
    CHECK(looks_like_postmortem_zip(history));
    CHECK_FALSE(looks_like_postmortem_zip(stored_zip({{"export/users.json", "[]"},
                                                      {"export/channels.json", "[]"},
                                                      {"export/inc-db/2026-03-01.json", "[]"}})));
    CHECK_FALSE(looks_like_postmortem_zip(stored_zip({{"data/metrics.json", "{\"cpu\": [0.4, 0.9]}"}})));
    CHECK_FALSE(looks_like_postmortem_zip(save_document(docs[0])));  // not a zip at all
    const BulkImport b = import_bulk_zip(history);
    REQUIRE(b.documents.size() == 2);
    const Json answer = Json::parse(bulk_import_json(b));
    REQUIRE(answer["documents"].size() == 2);
    for (size_t i = 0; i < 2; ++i) CHECK(answer["documents"][i].get<std::string>() == save_document(b.documents[i]));
    CHECK(answer["report"].get<std::string>() == bulk_report_text(b));
    CHECK(answer["report"].get<std::string>().find("pm/notes.txt: not a postmortem") != std::string::npos);
}
