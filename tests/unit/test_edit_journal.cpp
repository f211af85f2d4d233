// The edit journal: entries as text and back, coalescing, and the replay rules over a document (newer full save,
// replayed twice, another draft, damaged entries).
#include <catch2/catch.hpp>

#include "core/edit_journal.h"
#include "core/schema.h"
#include "core/format.h"
#include "core/store.h"

using namespace hs;

namespace {

constexpr int64_t kSave1 = 1772370000000;  // 2026-03-01T13:00:00Z: the stored full save
constexpr int64_t kSave2 = kSave1 + 5000;  // a later full save

Document draft_doc() {
    Document d;
    d.id = "pm-journal";
    d.title = "Отказ платёжного шлюза";
    d.summary = "決済ゲートウェイがタイムアウトしました。";
    ActionItem a;
    a.id = "ai-1";
    a.title = "Add a circuit breaker";
    d.action_items.push_back(a);
    Item why;
    why.id = "wh-1";
    why.text = "Γιατί έπεσε η υπηρεσία;";
    d.five_whys.push_back(why);
    return d;
}

JournalEntry entry(const std::string& path, const std::string& value, int64_t base, uint64_t seq,
                   const std::string& draft = "dr-1") {
    JournalEntry e;
    e.draft_id = draft;
    e.tab_id = "tab-a";
    e.base = base;
    e.seq = seq;
    e.path = path;
    e.value = value;
    e.time_ms = kSave1 + 100 * static_cast<int64_t>(seq);
    return e;
}

}  // namespace

TEST_CASE("journal entries round-trip through their text, multilingual values included") {
    JournalEntry e = entry("action_items/ai-1/title", "Добавить автоматический выключатель 🔌 — 回路遮断器", kSave1, 7);
    const std::string text = encode_journal_entry(e);
    JournalEntry back;
    std::string error;
    REQUIRE(decode_journal_entry(text, back, error));
    CHECK(back.draft_id == "dr-1");
    CHECK(back.tab_id == "tab-a");
    CHECK(back.base == kSave1);
    CHECK(back.seq == 7);
    CHECK(back.path == "action_items/ai-1/title");
    CHECK(back.value == e.value);
    CHECK(back.time_ms == e.time_ms);
    CHECK(journal_key(e) == "dr-1\ntab-a\naction_items/ai-1/title");
}

TEST_CASE("damaged journal entries are refused with a reason") {
    JournalEntry out;
    std::string error;
    CHECK_FALSE(decode_journal_entry("", out, error));
    CHECK_FALSE(decode_journal_entry("{\"v\":1,\"draft\":\"dr-1\"", out, error));  // cut short
    CHECK(error == "not a JSON object");
    CHECK_FALSE(decode_journal_entry("[1,2]", out, error));
    Json j = Json::parse(encode_journal_entry(entry("title", "Τίτλος", kSave1, 1)));
    Json bad = j;
    bad["v"] = 99;
    CHECK_FALSE(decode_journal_entry(bad.dump(), out, error));
    CHECK(error == "unknown entry version");
    bad = j;
    bad["draft"] = "../etc";
    CHECK_FALSE(decode_journal_entry(bad.dump(), out, error));
    bad = j;
    bad["base"] = "yesterday";
    CHECK_FALSE(decode_journal_entry(bad.dump(), out, error));
    bad = j;
    bad.erase("value");
    CHECK_FALSE(decode_journal_entry(bad.dump(), out, error));
    CHECK(decode_journal_entry(j.dump(), out, error));
}

TEST_CASE("text_field finds the editor's fields and nothing else") {
    Document d = draft_doc();
    REQUIRE(text_field(d, "title"));
    CHECK(*text_field(d, "title") == "Отказ платёжного шлюза");
    CHECK(text_field(d, "summary") == &d.summary);
    CHECK(text_field(d, "action_items/ai-1/title") == &d.action_items[0].title);
    CHECK(text_field(d, "five_whys/wh-1/text") == &d.five_whys[0].text);
    CHECK(text_field(d, "action_items/ai-2/title") == nullptr);
    CHECK(text_field(d, "action_items/ai-1/priority") == &d.action_items[0].priority);  // a choice is a text too
    CHECK(text_field(d, "nonsense") == nullptr);
    CHECK(item_list(d, "lessons.went_well") == &d.lessons.went_well);
}

TEST_CASE("replay applies the entries over the stored save, in the order of the edits") {
    Document d = draft_doc();
    std::vector<std::string> enc = {
        encode_journal_entry(entry("summary", "決済ゲートウェイが", kSave1, 1)),
        encode_journal_entry(entry("title", "Отказ платёжного шлюза в пятницу", kSave1, 2)),
        encode_journal_entry(entry("summary", "決済ゲートウェイが30秒間タイムアウトしました 😓", kSave1, 3)),
    };
    std::swap(enc[0], enc[2]);  // the store returns them in any order
    ReplayReport r = replay_journal(d, "dr-1", kSave1, enc);
    CHECK(r.applied == 3);
    CHECK(r.notes.empty());
    CHECK(d.title == "Отказ платёжного шлюза в пятницу");
    CHECK(d.summary == "決済ゲートウェイが30秒間タイムアウトしました 😓");
}

TEST_CASE("replay never writes over a newer full save") {
    Document d = draft_doc();
    d.title = "Saved later: Отказ шлюза (исправлено)";
    const std::vector<std::string> enc = {encode_journal_entry(entry("title", "Отказ шлюза", kSave1, 1))};
    ReplayReport r = replay_journal(d, "dr-1", kSave2, enc);
    CHECK(r.applied == 0);
    CHECK(r.older == 1);
    CHECK(d.title == "Saved later: Отказ шлюза (исправлено)");
}

TEST_CASE("replay applies entries made on top of a full save that never became durable") {
    // Typed, saved in full (kSave2) but killed before that save reached storage, typed on: the store still has
    // kSave1, and both entries together give the text.
    Document d = draft_doc();
    const std::vector<std::string> enc = {
        encode_journal_entry(entry("title", "Первая правка", kSave1, 1)),
        encode_journal_entry(entry("summary", "二回目の編集", kSave2, 2)),
    };
    ReplayReport r = replay_journal(d, "dr-1", kSave1, enc);
    CHECK(r.applied == 2);
    CHECK(d.title == "Первая правка");
    CHECK(d.summary == "二回目の編集");
}

TEST_CASE("a journal replayed twice applies nothing the second time") {
    Document d = draft_doc();
    const std::vector<std::string> enc = {encode_journal_entry(entry("five_whys/wh-1/text", "Γιατί; Λόγω DNS.", kSave1, 1))};
    REQUIRE(replay_journal(d, "dr-1", kSave1, enc).applied == 1);
    // The app saved in full after the replay (kSave2), then was killed before the entries were deleted. The user
    // edits again; a second replay must not bring the old text back.
    d.five_whys[0].text = "Γιατί; Λόγω DNS και TTL.";
    ReplayReport again = replay_journal(d, "dr-1", kSave2, enc);
    CHECK(again.applied == 0);
    CHECK(again.older == 1);
    CHECK(d.five_whys[0].text == "Γιατί; Λόγω DNS και TTL.");
}

TEST_CASE("replay never applies another draft's entries") {
    Document d = draft_doc();
    const std::vector<std::string> enc = {encode_journal_entry(entry("title", "Чужой черновик", kSave1, 1, "dr-2"))};
    ReplayReport r = replay_journal(d, "dr-1", kSave1, enc);
    CHECK(r.applied == 0);
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0].find("another draft") != std::string::npos);
    CHECK(d.title == "Отказ платёжного шлюза");
}

TEST_CASE("a damaged or unknown entry is skipped with a note, the others still apply") {
    Document d = draft_doc();
    std::string cut = encode_journal_entry(entry("title", "Обрезано", kSave1, 1));
    cut.resize(cut.size() / 2);
    const std::vector<std::string> enc = {
        cut,
        "\xff\xfe not json",
        encode_journal_entry(entry("action_items/ai-9/title", "Удалённый пункт", kSave1, 2)),  // its item is gone
        encode_journal_entry(entry("action_items/ai-1/owner", "Μαρία 👩‍💻", kSave1, 3)),
    };
    ReplayReport r = replay_journal(d, "dr-1", kSave1, enc);
    CHECK(r.applied == 1);
    CHECK(r.notes.size() == 3);
    CHECK(d.title == "Отказ платёжного шлюза");
    CHECK(d.action_items[0].owner == "Μαρία 👩‍💻");
}

TEST_CASE("replay leaves alone the fields edited in this tab since the draft opened") {
    Document d = draft_doc();
    d.title = "Typed here just now";
    const std::vector<std::string> enc = {encode_journal_entry(entry("title", "Older journal text", kSave1, 1)),
                                          encode_journal_entry(entry("summary", "要約", kSave1, 2))};
    ReplayReport r = replay_journal(d, "dr-1", kSave1, enc, {"title"});
    CHECK(r.applied == 1);
    CHECK(d.title == "Typed here just now");
    CHECK(d.summary == "要約");
}

TEST_CASE("the in-memory journal writes the first edit after a pause at once, then at most once per 100 ms") {
    EditJournal j("tab-x");
    CHECK(j.due_in(kSave1) == -1);
    j.record("dr-1", kSave1, "title", "Б", kSave1);
    CHECK(j.due_in(kSave1) == 0);  // nothing written for a while: at once
    REQUIRE(j.take(kSave1).size() == 1);
    // Typing goes on: the edits are gathered, one entry per field, until 100 ms after the last write.
    const std::string typed = "Бэкенд упал 🙈 после деплоя";
    std::string so_far;
    int64_t t = kSave1 + 10;
    for (char c : typed) {  // byte by byte, as the value grows
        so_far += c;
        j.record("dr-1", kSave1, "title", so_far, t);
        t += 2;
    }
    j.record("dr-1", kSave1, "summary", "概要", t);
    CHECK(j.due_in(kSave1 + 40) == 60);
    CHECK(j.due_in(kSave1 + 150) == 0);
    std::vector<JournalEntry> out = j.take(kSave1 + 150);
    REQUIRE(out.size() == 2);
    CHECK(out[0].path == "title");
    CHECK(out[0].value == typed);
    CHECK(out[0].tab_id == "tab-x");
    CHECK(out[1].path == "summary");
    CHECK(out[0].seq < out[1].seq);
    CHECK(j.empty());
    CHECK(j.due_in(t) == -1);
    CHECK(j.edited_paths() == std::set<std::string>{"summary", "title"});
    // A later edit, after a pause: at once again, and the sequence goes on.
    j.record("dr-1", kSave2, "title", typed + "!", kSave1 + 900);
    CHECK(j.due_in(kSave1 + 900) == 0);
    std::vector<JournalEntry> next = j.take(kSave1 + 900);
    REQUIRE(next.size() == 1);
    CHECK(next[0].seq > out[1].seq);
    CHECK(next[0].base == kSave2);
}

TEST_CASE("journal entries replayed over a stored draft survive its save and load") {
    MemoryFs fs;
    DraftStore store(fs, "/drafts");
    Draft created;
    REQUIRE(store.create(draft_doc(), kSave1, &created).ok());
    EditJournal j("tab-a");
    j.record(created.id, created.updated_ms, "summary", "決済ゲートウェイが復旧しました ✅", kSave1 + 200);
    std::vector<std::string> enc;
    for (const JournalEntry& e : j.take(kSave1 + 200)) enc.push_back(encode_journal_entry(e));
    // A new page: the stored draft, then the journal over it, then a full save.
    DraftStore again(fs, "/drafts");
    again.load_all();
    const Draft* stored = again.find(created.id);
    REQUIRE(stored);
    Draft d = *stored;
    REQUIRE(replay_journal(d.doc, d.id, d.updated_ms, enc).applied == 1);
    REQUIRE(again.save(d, kSave2).ok());
    DraftStore third(fs, "/drafts");
    third.load_all();
    REQUIRE(third.find(created.id));
    CHECK(third.find(created.id)->doc.summary == "決済ゲートウェイが復旧しました ✅");
    CHECK(replay_journal(d.doc, d.id, third.find(created.id)->updated_ms, enc).applied == 0);
}
