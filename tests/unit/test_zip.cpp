// The .zip reader (core/zip.h) and the Slack export read from one: fixtures made by tests/data/zip/make_zips.py
// (a realistic export, and hostile archives: climbing names, nested archives, a bomb, encryption, a bad checksum).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/importers/importers.h"
#include "core/zip.h"

using namespace hs;

namespace {

const std::string kTop = "Acme Slack export Mar 1 2026 - Mar 2 2026/";

std::string zip_fixture(const std::string& name) {
    std::ifstream in(std::string(HS_SOURCE_DIR) + "/tests/data/zip/" + name, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The realistic export's files, unpacked.
std::map<std::string, std::string> export_files() {
    ZipResult z = read_zip(zip_fixture("slack-export.zip"));
    REQUIRE(z.ok);
    return z.files;
}

bool warned(const ZipResult& z, const std::string& path, const std::string& words) {
    for (const Problem& p : z.warnings) {
        if (p.pointer == path && p.message.find(words) != std::string::npos) return true;
    }
    return false;
}

std::vector<std::string> descriptions(const Document& d) {
    std::vector<std::string> out;
    for (const Event& e : d.timeline) out.push_back(e.description);
    return out;
}

Instant at(const char* iso) {
    auto t = parse_iso8601(iso);
    REQUIRE(t);
    return *t;
}

}  // namespace

TEST_CASE("read_zip unpacks a Slack export's JSON files, stored and deflated, and skips folders and other files",
          "[zip]") {
    const std::string bytes = zip_fixture("slack-export.zip");
    CHECK(looks_like_zip(bytes));
    ZipResult z = read_zip(bytes);
    REQUIRE(z.ok);
    CHECK(z.error.empty());
    CHECK(z.warnings.empty());
    REQUIRE(z.files.size() == 5);
    CHECK(z.files.count(kTop + "users.json"));
    CHECK(z.files.count(kTop + "channels.json"));
    const std::string& stored = z.files.at(kTop + "inc-checkout/2026-03-02.json");  // written without compression
    CHECK(stored.find("Откат завершён") != std::string::npos);
    const std::string& deflated = z.files.at(kTop + "inc-checkout/2026-03-01.json");
    CHECK(deflated.find("チェックアウトで 502 が急増しています 🔥") != std::string::npos);
    CHECK(Json::parse(deflated).size() == 5);
}

TEST_CASE("read_zip ignores names that leave the archive, nested archives and non-JSON files, with warnings",
          "[zip]") {
    ZipResult z = read_zip(zip_fixture("slack-export-hostile.zip"));
    REQUIRE(z.ok);
    CHECK(z.files.size() == 5);
    CHECK_FALSE(z.files.count("../../outside.json"));
    CHECK_FALSE(z.files.count("/etc/absolute.json"));
    CHECK(warned(z, "../../outside.json", "outside the archive"));
    CHECK(warned(z, "/etc/absolute.json", "outside the archive"));
    CHECK(warned(z, kTop + "nested/inner.zip", "archive inside the archive"));
    CHECK(warned(z, kTop + "inc-checkout/2026-03-03.json.zip", "archive inside the archive"));
    // Recognised by its content, not only by its name.
    CHECK(warned(z, kTop + "inc-checkout/2026-03-04.json", "archive inside the archive"));
    CHECK_FALSE(z.files.count(kTop + "inc-checkout/2026-03-04.json"));
    CHECK_FALSE(z.files.count(kTop + "readme.txt"));  // not JSON: skipped quietly
    CHECK(z.warnings.size() == 5);
}

TEST_CASE("read_zip refuses a zip bomb by its compression ratio before inflating it", "[zip]") {
    const std::string bytes = zip_fixture("bomb.zip");
    ZipResult z = read_zip(bytes);
    CHECK_FALSE(z.ok);
    CHECK(z.files.empty());
    CHECK(z.error.find("compression-ratio cap of 200:1") != std::string::npos);
    CHECK(z.error.find("export/big/2026-03-01.json") != std::string::npos);
    // With the ratio allowed, the size caps still hold on what the entry inflates to.
    ZipLimits lim;
    lim.max_ratio = 100000;
    lim.max_entry_bytes = 4u * 1024u * 1024u;
    z = read_zip(bytes, lim);
    CHECK_FALSE(z.ok);
    CHECK(z.error.find("cap of 4 MiB for one file") != std::string::npos);
    lim.max_entry_bytes = 64u * 1024u * 1024u;
    lim.max_total_bytes = 8u * 1024u * 1024u;
    z = read_zip(bytes, lim);
    CHECK_FALSE(z.ok);
    CHECK(z.error.find("more than the cap of 8 MiB uncompressed") != std::string::npos);
    lim.max_total_bytes = 64u * 1024u * 1024u;
    z = read_zip(bytes, lim);
    REQUIRE(z.ok);
    CHECK(z.files.begin()->second.size() == 16u * 1024u * 1024u + 2u);
}

TEST_CASE("read_zip caps the number of entries", "[zip]") {
    const std::string bytes = zip_fixture("many-entries.zip");
    REQUIRE(read_zip(bytes).ok);
    ZipLimits lim;
    lim.max_entries = 39;
    ZipResult z = read_zip(bytes, lim);
    CHECK_FALSE(z.ok);
    CHECK(z.error == "The zip holds 40 entries, more than the cap of 39. Export fewer channels or a shorter date "
                     "range.");
    lim.max_entries = 40;
    CHECK(read_zip(bytes, lim).files.size() == 40);
}

TEST_CASE("read_zip refuses encrypted entries, bad checksums, truncated and non-zip input", "[zip]") {
    ZipResult z = read_zip(zip_fixture("encrypted.zip"));
    CHECK_FALSE(z.ok);
    CHECK(z.error.find("is encrypted (the archive has a password)") != std::string::npos);

    z = read_zip(zip_fixture("bad-crc.zip"));
    CHECK_FALSE(z.ok);
    CHECK(z.error == "The zip entry \"" + kTop + "inc-payments/2026-03-01.json\" fails its checksum; the archive is "
                     "damaged. Download it again.");

    const std::string whole = zip_fixture("slack-export.zip");
    for (size_t keep : {size_t{0}, size_t{3}, size_t{4}, whole.size() / 2, whole.size() - 30}) {
        INFO("truncated to " << keep << " bytes");
        z = read_zip(whole.substr(0, keep));
        CHECK_FALSE(z.ok);
        CHECK_FALSE(z.error.empty());
    }
    // The central directory intact but the data before it cut out: offsets point past the bytes.
    std::string holed = whole;
    holed.replace(100, 1500, std::string(1500, '\0'));
    z = read_zip(holed);
    CHECK_FALSE(z.ok);

    z = read_zip("[{\"ts\": \"1772370120.000000\", \"text\": \"こんにちは\"}]");
    CHECK_FALSE(z.ok);
    CHECK(z.error.find("not a readable zip archive") != std::string::npos);
    CHECK_FALSE(looks_like_zip("PK"));
}

TEST_CASE("Slack export from its zip: all channels and days in time order, names from any user_profile",
          "[zip][slack]") {
    ImportResult r = import_slack_export(export_files());
    REQUIRE(r.ok);
    const Document& d = r.doc;
    REQUIRE(d.timeline.size() == 9);  // 11 messages less the join and the leave
    for (size_t i = 1; i < d.timeline.size(); ++i) CHECK(d.timeline[i - 1].time.unix_ms <= d.timeline[i].time.unix_ms);
    CHECK(format_utc(d.timeline.front().time) == "2026-03-01T13:01:00Z");
    CHECK(format_utc(d.timeline.back().time) == "2026-03-02T00:10:00Z");
    std::vector<std::string> want = {
        "Triggered: checkout-api 5xx > 5% :rotating_light:",
        "@here チェックアウトで 502 が急増しています 🔥",
        "[Alerting] payments p99 latency > 2s",
        // Дежурный инженер is named only in a user_profile of the other channel; cc the id nobody names.
        "Платежи тоже падают? @Дежурный инженер посмотри, пожалуйста. cc @U999GONE",
        // Named only by a user_profile of the next day.
        "ロールバックを開始します、@Дежурный инженер 確認お願いします",
        "DB 接続プールが枯渇しています (max 200/200)",
        "決済は影響なし 🙏 詳細は #inc-checkout へ",
        // A profile with only a real name.
        "Η @Ομάδα βάσης δεδομένων επιβεβαίωσε: καμία απώλεια δεδομένων 👍",
        "Откат завершён, ошибки упали до 0,1% ✅",
    };
    CHECK(descriptions(d) == want);
    CHECK(d.timeline[3].author == "Ομάδα βάσης δεδομένων");
    CHECK(d.timeline[0].author == "PagerDuty");
    CHECK(d.timeline[2].author == "Grafana");
    CHECK(d.timeline[1].author == "東京オンコール");
    CHECK(d.timeline.back().author == "Дежурный инженер");
    CHECK(d.timeline.back().tags == std::vector<std::string>{"inc-checkout"});
    CHECK(d.timeline[3].tags == std::vector<std::string>{"inc-payments"});
    bool unknown_warned = false;
    for (const Problem& p : r.problems) unknown_warned = unknown_warned || p.message.find("U999GONE") != std::string::npos;
    CHECK(unknown_warned);
}

TEST_CASE("Slack export options: a channel filter and a time window", "[zip][slack]") {
    const std::map<std::string, std::string> files = export_files();
    SlackExportOptions o;
    o.channels = {"inc-payments"};
    ImportResult r = import_slack_export(files, o);
    REQUIRE(r.ok);
    REQUIRE(r.doc.timeline.size() == 4);
    for (const Event& e : r.doc.timeline) CHECK(e.tags == std::vector<std::string>{"inc-payments"});
    // Names still come from the channel left out.
    CHECK(r.doc.timeline[1].description.find("@Дежурный инженер") != std::string::npos);

    o.channels = {};
    o.from = at("2026-03-01T22:05:00+09:00");  // 13:05 UTC
    o.to = at("2026-03-01T13:20:00Z");
    r = import_slack_export(files, o);
    REQUIRE(r.ok);
    CHECK(descriptions(r.doc) == std::vector<std::string>{"ロールバックを開始します、@Дежурный инженер 確認お願いします",
                                                          "DB 接続プールが枯渇しています (max 200/200)",
                                                          "決済は影響なし 🙏 詳細は #inc-checkout へ"});
    bool said = false;
    for (const Problem& p : r.problems) said = said || p.message == "Left out 6 messages outside the chosen time window.";
    CHECK(said);

    o.from = at("2026-03-03T00:00:00Z");
    o.to.reset();
    r = import_slack_export(files, o);
    CHECK_FALSE(r.ok);
    CHECK(r.problems.front().message == "The export holds no messages to import.");

    o.from = at("2026-03-01T14:00:00Z");
    o.to = at("2026-03-01T13:00:00Z");
    r = import_slack_export(files, o);
    CHECK_FALSE(r.ok);
    CHECK(r.problems.front().message.find("swap the two times") != std::string::npos);

    o = {};
    o.channels = {"inc-random"};
    r = import_slack_export(files, o);
    CHECK_FALSE(r.ok);
    CHECK(r.problems.front().message.find("no channel \"inc-random\"") != std::string::npos);
}

TEST_CASE("scan_slack_export lists the channels with their message counts and the first and last time",
          "[zip][slack]") {
    SlackExportScan s = scan_slack_export(export_files());
    REQUIRE(s.ok);
    REQUIRE(s.channels.size() == 2);
    CHECK(s.channels[0].name == "inc-checkout");
    CHECK(s.channels[0].messages == 5);
    CHECK(s.channels[1].name == "inc-payments");
    CHECK(s.channels[1].messages == 4);
    CHECK(format_utc(s.first) == "2026-03-01T13:01:00Z");
    CHECK(format_utc(s.last) == "2026-03-02T00:10:00Z");

    SlackExportScan empty = scan_slack_export({{"users.json", "[]"}});
    CHECK_FALSE(empty.ok);
    REQUIRE_FALSE(empty.problems.empty());
    CHECK(empty.problems.front().message.find("no day files") != std::string::npos);
}

TEST_CASE("Slack .zip in one call, and the JSON the app's dialog and the page's worker exchange", "[zip][slack]") {
    const std::string bytes = zip_fixture("slack-export-hostile.zip");
    SlackExportScan scan = scan_slack_zip(bytes);
    REQUIRE(scan.ok);
    REQUIRE(scan.problems.size() >= 5);
    CHECK(scan.problems.front().pointer == "../../outside.json");  // the archive's warnings come first

    SlackExportScan back;
    REQUIRE(slack_scan_from_json(slack_scan_json(scan), back));
    REQUIRE(back.channels.size() == 2);
    CHECK(back.channels[1].name == "inc-payments");
    CHECK(back.channels[1].messages == 4);
    CHECK(back.first == scan.first);
    CHECK(back.last == scan.last);
    CHECK_FALSE(slack_scan_from_json("{\"channels\": [{\"name\": 7, \"messages\": 1}]}", back));
    CHECK_FALSE(slack_scan_from_json("{\"channels\": [], \"first\": \"вчера\"}", back));

    SlackExportOptions o;
    o.channels = {"inc-checkout"};
    o.from = at("2026-03-01T22:05:00+09:00");
    SlackExportOptions o2;
    REQUIRE(slack_options_from_json(slack_options_json(o), o2));
    CHECK(o2.channels == o.channels);
    REQUIRE(o2.from);
    CHECK(o2.from->unix_ms == o.from->unix_ms);
    CHECK_FALSE(o2.to);
    CHECK_FALSE(slack_options_from_json("{\"channels\": \"inc-checkout\"}", o2));
    CHECK_FALSE(slack_options_from_json("{\"to\": \"2026-13-01\"}", o2));

    ImportResult r = import_slack_zip(bytes, o);
    REQUIRE(r.ok);
    CHECK(r.doc.timeline.size() == 3);  // #inc-checkout from 13:05 on, with no end: 13:05, 13:07 and the next day
    CHECK(r.problems.front().pointer == "../../outside.json");

    r = import_slack_zip(zip_fixture("encrypted.zip"));
    CHECK_FALSE(r.ok);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems.front().message.find("encrypted") != std::string::npos);
}
