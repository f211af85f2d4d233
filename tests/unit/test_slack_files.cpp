// An unzipped Slack export dropped as several files at once (importers.h: pack_slack_files, scan_slack_files,
// import_slack_files): the same channels and timeline as its .zip, day files without their folder placed in a
// channel, and bundles that cannot be read refused with a message.
#include <catch2/catch.hpp>

#include "core/importers/importers.h"
#include "core/zip.h"
#include "import_support.h"

using namespace hs;

namespace {

const std::string kTop = "Acme Slack export Mar 1 2026 - Mar 2 2026/";

std::string export_zip() {
    return import_test::read_text(std::string(HS_SOURCE_DIR) + "/tests/data/zip/slack-export.zip");
}

// The export's files as the page gives them: relative to the folder dropped, in the order it walked them.
std::vector<std::pair<std::string, std::string>> export_files(const std::string& prefix = "") {
    ZipResult z = read_zip(export_zip());
    REQUIRE(z.ok);
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [path, text] : z.files) out.emplace_back(prefix + path, text);
    return out;
}

const std::string& file(const std::vector<std::pair<std::string, std::string>>& files, const std::string& path) {
    for (const auto& kv : files) {
        if (kv.first == path) return kv.second;
    }
    FAIL("no file " << path);
    static const std::string none;
    return none;
}

struct Row {
    std::string time, author, description, channel;
    bool operator==(const Row& o) const {
        return time == o.time && author == o.author && description == o.description && channel == o.channel;
    }
};

std::vector<Row> rows(const ImportResult& r) {
    std::vector<Row> out;
    for (const Event& e : r.doc.timeline) {
        out.push_back({format_utc(e.time), e.author, e.description, e.tags.empty() ? "" : e.tags.front()});
    }
    return out;
}

bool says(const std::vector<Problem>& problems, const std::string& words) {
    for (const Problem& p : problems) {
        if (p.message.find(words) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("an export's files dropped together give the channels and the timeline of its .zip", "[slack][files]") {
    const std::string zip = export_zip();
    // As a dropped folder gives them (entries' full paths start with '/'), and as a Windows tool writes them.
    for (const std::string prefix : {"/", ""}) {
        const std::string bundle = pack_slack_files(export_files(prefix));
        REQUIRE(looks_like_slack_files(bundle));
        CHECK_FALSE(looks_like_zip(bundle));
        SlackExportScan a = scan_slack_zip(zip), b = scan_slack_files(bundle);
        REQUIRE(a.ok);
        REQUIRE(b.ok);
        REQUIRE(b.channels.size() == 2);
        for (size_t i = 0; i < 2; ++i) {
            CHECK(b.channels[i].name == a.channels[i].name);
            CHECK(b.channels[i].messages == a.channels[i].messages);
        }
        CHECK(b.first.unix_ms == a.first.unix_ms);
        CHECK(b.last.unix_ms == a.last.unix_ms);

        SlackExportOptions only_checkout;
        only_checkout.channels = {"inc-checkout"};
        ImportResult from_zip = import_slack_zip(zip, only_checkout), from_files = import_slack_files(bundle, only_checkout);
        REQUIRE(from_zip.ok);
        REQUIRE(from_files.ok);
        CHECK(rows(from_files) == rows(from_zip));
        CHECK(rows(from_files).front().channel == "inc-checkout");
    }
}

TEST_CASE("backslash paths from a Windows tool keep their channel folders", "[slack][files]") {
    auto files = export_files();
    for (auto& kv : files) {
        for (char& c : kv.first) c = c == '/' ? '\\' : c;
    }
    SlackExportScan s = scan_slack_files(pack_slack_files(files));
    REQUIRE(s.ok);
    REQUIRE(s.channels.size() == 2);
    CHECK(s.channels[0].name == "inc-checkout");
    CHECK(s.channels[1].name == "inc-payments");
}

TEST_CASE("day files picked inside their channel's folder go to the channel channels.json or the messages name",
          "[slack][files]") {
    const auto all = export_files();
    const std::string day1 = file(all, kTop + "inc-checkout/2026-03-01.json");
    const std::string day2 = file(all, kTop + "inc-checkout/2026-03-02.json");
    const std::string users = file(all, kTop + "users.json");

    SECTION("channels.json names one channel") {
        const std::string channels = R"([{"id": "C111CHECK", "name": "障害-決済"}])";
        ImportResult r = import_slack_files(pack_slack_files(
            {{"2026-03-01.json", day1}, {"2026-03-02.json", day2}, {"users.json", users}, {"channels.json", channels}}));
        REQUIRE(r.ok);
        REQUIRE_FALSE(r.doc.timeline.empty());
        for (const Row& row : rows(r)) CHECK(row.channel == "障害-決済");
        CHECK(says(r.problems, "2 day files came without their channel folder; they are imported as #障害-決済"));
    }
    SECTION("the messages name the channel by its id") {
        Json d = Json::parse(day1);
        for (Json& m : d) m["channel"] = "C222PAY";
        ImportResult r = import_slack_files(pack_slack_files(
            {{"2026-03-01.json", d.dump()}, {"channels.json", file(all, kTop + "channels.json")}}));
        REQUIRE(r.ok);
        for (const Row& row : rows(r)) CHECK(row.channel == "inc-payments");
    }
    SECTION("nothing names it") {
        SlackExportScan s = scan_slack_files(pack_slack_files({{"2026-03-01.json", day1}, {"2026-03-02.json", day2}}));
        REQUIRE(s.ok);
        REQUIRE(s.channels.size() == 1);
        CHECK(s.channels[0].name == "dropped-day-files");
        CHECK(s.channels[0].messages > 0);
        CHECK(says(s.problems, "imported as #dropped-day-files"));
    }
}

TEST_CASE("bundles that cannot be read as one export are refused with what to do", "[slack][files]") {
    const auto all = export_files();
    const std::string day = file(all, kTop + "inc-checkout/2026-03-01.json");
    std::map<std::string, std::string> files;
    std::vector<Problem> problems;

    const std::string whole = pack_slack_files({{"inc-checkout/2026-03-01.json", day}, {"users.json", "[]"}});
    REQUIRE(unpack_slack_files(whole, files, problems));
    CHECK(files.size() == 2);
    CHECK(problems.empty());
    // Cut anywhere inside: in a length, a name or a file's bytes.
    for (size_t cut : {size_t(10), size_t(20), whole.size() - 3}) {
        CHECK_FALSE(unpack_slack_files(whole.substr(0, cut), files, problems));
        CHECK(files.empty());
        CHECK(says(problems, "open them one by one"));
    }
    // The same path twice (two channels' days picked from search results): which channel is which is lost.
    CHECK_FALSE(unpack_slack_files(pack_slack_files({{"2026-03-01.json", day}, {"2026-03-01.json", day}}), files,
                                   problems));
    CHECK(says(problems, "Two files are both called 2026-03-01.json; drop the export's folder instead"));
    CHECK_FALSE(unpack_slack_files(pack_slack_files({{"../2026-03-01.json", day}}), files, problems));
    CHECK(says(problems, "no usable name"));
    CHECK_FALSE(unpack_slack_files("{\"timeline\": []}", files, problems));
    // Files that are not an export at all: the export's own refusal.
    SlackExportScan s = scan_slack_files(pack_slack_files({{"postmortem-a.json", "{}"}, {"notes.json", "[]"}}));
    CHECK_FALSE(s.ok);
    CHECK(says(s.problems, "no day files"));
}
