// Three-way merge: the table of cases (each asserts the merged document and the exact conflict list), resolution
// choices, and properties over the samples.
#include <catch2/catch.hpp>

#include <functional>

#include "core/embedded.h"
#include "core/format.h"
#include "core/merge.h"

using namespace hs;

namespace {

Json base_json() {
    return Json::parse(R"({
      "format": "hindsight.postmortem", "version": 1, "id": "pm-1", "title": "Title", "summary": "Summary",
      "updated": "2026-03-01T10:00:00Z", "tags": ["a", "b"],
      "timeline": [
        {"id": "ev-1", "time": "2026-03-01T10:00:00Z", "description": "one"},
        {"id": "ev-2", "time": "2026-03-01T10:05:00Z", "description": "two"},
        {"id": "ev-3", "time": "2026-03-01T10:10:00Z", "description": "three"}],
      "action_items": [{"id": "ai-1", "title": "Fix it"}],
      "impact": {"description": "Impact", "users_affected": 10},
      "lessons": {"went_well": [{"id": "ll-1", "text": "Well"}]},
      "custom_x": {"k": 1}
    })");
}

Document doc_of(const Json& j) {
    LoadResult r = load_document_json(j);
    INFO(j.dump());
    REQUIRE(r.ok);
    return r.doc;
}

using Edit = std::function<void(Json&)>;
const Edit none = [](Json&) {};

Json& event(Json& j, const std::string& id) {
    for (Json& e : j["timeline"])
        if (e["id"] == id) return e;
    FAIL("no event " << id);
    return j;
}
void erase_event(Json& j, const std::string& id) {
    Json& tl = j["timeline"];
    for (size_t i = 0; i < tl.size(); ++i)
        if (tl[i]["id"] == id) {
            tl.erase(i);
            return;
        }
}
void insert_event(Json& j, size_t at, const std::string& id, const std::string& text) {
    Json e = {{"id", id}, {"time", "2026-03-01T11:00:00Z"}, {"description", text}};
    j["timeline"].insert(j["timeline"].begin() + static_cast<std::ptrdiff_t>(at), e);
}
std::vector<std::string> order(const Json& j) {
    std::vector<std::string> v;
    for (const Json& e : j["timeline"]) v.push_back(e["id"]);
    return v;
}

struct Case {
    const char* name;
    Edit ours, theirs, expected;  // expected: applied to the base
    std::vector<std::pair<std::string, ConflictKind>> conflicts;
};

std::string describe(const std::vector<Conflict>& cs) {
    std::string s;
    for (const auto& c : cs) s += c.path + " " + conflict_kind_name(c.kind) + "\n";
    return s.empty() ? "(none)" : s;
}

}  // namespace

TEST_CASE("merge: the table of cases", "[merge]") {
    const std::vector<Case> cases = {
        {"nothing changed", none, none, none, {}},
        {"identical change on both sides", [](Json& j) { j["summary"] = "Same"; },
         [](Json& j) { j["summary"] = "Same"; }, [](Json& j) { j["summary"] = "Same"; }, {}},
        {"different fields", [](Json& j) { j["summary"] = "Ours"; }, [](Json& j) { j["title"] = "Theirs"; },
         [](Json& j) {
             j["summary"] = "Ours";
             j["title"] = "Theirs";
         },
         {}},
        {"edit/edit different: prose", [](Json& j) { j["summary"] = "Ours"; },
         [](Json& j) { j["summary"] = "Theirs"; }, [](Json& j) { j["summary"] = "Ours"; },
         {{"/summary", ConflictKind::EditEdit}}},
        {"edit/edit different: an item's field", [](Json& j) { event(j, "ev-1")["description"] = "ours"; },
         [](Json& j) { event(j, "ev-1")["description"] = "theirs"; },
         [](Json& j) { event(j, "ev-1")["description"] = "ours"; },
         {{"/timeline/ev-1/description", ConflictKind::EditEdit}}},
        {"edit/edit of different fields of one item", [](Json& j) { event(j, "ev-1")["description"] = "ours"; },
         [](Json& j) { event(j, "ev-1")["type"] = "detected"; },
         [](Json& j) {
             event(j, "ev-1")["description"] = "ours";
             event(j, "ev-1")["type"] = "detected";
         },
         {}},
        {"add/add different ids, placed after their predecessors",
         [](Json& j) { insert_event(j, 3, "ev-4", "ours new"); },
         [](Json& j) { insert_event(j, 1, "ev-5", "theirs new"); },
         [](Json& j) {
             insert_event(j, 3, "ev-4", "ours new");
             insert_event(j, 1, "ev-5", "theirs new");
         },
         {}},
        {"add/add same id, same content", [](Json& j) { insert_event(j, 0, "ev-9", "same"); },
         [](Json& j) { insert_event(j, 0, "ev-9", "same"); }, [](Json& j) { insert_event(j, 0, "ev-9", "same"); },
         {}},
        {"add/add same id, different content", [](Json& j) { insert_event(j, 3, "ev-9", "ours"); },
         [](Json& j) { insert_event(j, 3, "ev-9", "theirs"); }, [](Json& j) { insert_event(j, 3, "ev-9", "ours"); },
         {{"/timeline/ev-9/description", ConflictKind::AddAdd}}},
        {"edit/delete keeps ours", [](Json& j) { event(j, "ev-2")["description"] = "ours"; },
         [](Json& j) { erase_event(j, "ev-2"); }, [](Json& j) { event(j, "ev-2")["description"] = "ours"; },
         {{"/timeline/ev-2", ConflictKind::EditDelete}}},
        {"delete/edit keeps ours (deleted)", [](Json& j) { erase_event(j, "ev-2"); },
         [](Json& j) { event(j, "ev-2")["description"] = "theirs"; }, [](Json& j) { erase_event(j, "ev-2"); },
         {{"/timeline/ev-2", ConflictKind::DeleteEdit}}},
        {"delete on one side, untouched on the other", none, [](Json& j) { erase_event(j, "ev-3"); },
         [](Json& j) { erase_event(j, "ev-3"); }, {}},
        {"both delete", [](Json& j) { erase_event(j, "ev-1"); }, [](Json& j) { erase_event(j, "ev-1"); },
         [](Json& j) { erase_event(j, "ev-1"); }, {}},
        {"reorder on their side, edit on ours",
         [](Json& j) { event(j, "ev-1")["description"] = "ours"; },
         [](Json& j) {
             Json e3 = event(j, "ev-3");
             erase_event(j, "ev-3");
             j["timeline"].insert(j["timeline"].begin(), e3);
         },
         [](Json& j) {
             event(j, "ev-1")["description"] = "ours";
             Json e3 = event(j, "ev-3");
             erase_event(j, "ev-3");
             j["timeline"].insert(j["timeline"].begin(), e3);
         },
         {}},
        {"reorder on our side, add on theirs",
         [](Json& j) {
             Json e1 = event(j, "ev-1");
             erase_event(j, "ev-1");
             j["timeline"].push_back(e1);
         },
         [](Json& j) { insert_event(j, 2, "ev-4", "after two"); },
         [](Json& j) {
             Json e1 = event(j, "ev-1");
             erase_event(j, "ev-1");
             j["timeline"].push_back(e1);
             insert_event(j, 1, "ev-4", "after two");  // ev-2, ev-4, ev-3, ev-1
         },
         {}},
        {"delete a scalar vs edit it", [](Json& j) { j.erase("summary"); },
         [](Json& j) { j["summary"] = "Theirs"; }, [](Json& j) { j.erase("summary"); },
         {{"/summary", ConflictKind::DeleteEdit}}},
        {"unknown fields merge as whole values", [](Json& j) { j["custom_x"]["k"] = 2; },
         [](Json& j) {
             j["custom_x"]["j"] = 3;
             j["custom_y"] = "new";
         },
         [](Json& j) {
             j["custom_x"]["k"] = 2;
             j["custom_y"] = "new";
         },
         {{"/custom_x", ConflictKind::EditEdit}}},
        {"name lists merge as sets", [](Json& j) { j["tags"].push_back("c"); },
         [](Json& j) { j["tags"] = Json::array({"b", "d"}); }, [](Json& j) { j["tags"] = {"b", "c", "d"}; }, {}},
        {"impact merges field by field", [](Json& j) { j["impact"]["users_affected"] = 20; },
         [](Json& j) { j["impact"]["description"] = "Bigger"; },
         [](Json& j) {
             j["impact"]["users_affected"] = 20;
             j["impact"]["description"] = "Bigger";
         },
         {}},
        {"impact: same field, different numbers", [](Json& j) { j["impact"]["users_affected"] = 20; },
         [](Json& j) { j["impact"]["users_affected"] = 30; }, [](Json& j) { j["impact"]["users_affected"] = 20; },
         {{"/impact/users_affected", ConflictKind::EditEdit}}},
        {"lessons: add on one side, edit on the other", [](Json& j) { j["lessons"]["went_well"][0]["text"] = "W2"; },
         [](Json& j) { j["lessons"]["went_wrong"] = {{{"id", "ll-2"}, {"text", "Wrong"}}}; },
         [](Json& j) {
             j["lessons"]["went_well"][0]["text"] = "W2";
             j["lessons"]["went_wrong"] = {{{"id", "ll-2"}, {"text", "Wrong"}}};
         },
         {}},
        {"action items: edit/edit of a title", [](Json& j) { j["action_items"][0]["title"] = "Ours"; },
         [](Json& j) { j["action_items"][0]["title"] = "Theirs"; },
         [](Json& j) { j["action_items"][0]["title"] = "Ours"; },
         {{"/action_items/ai-1/title", ConflictKind::EditEdit}}},
        {"both bump updated: the later wins",
         [](Json& j) {
             j["updated"] = "2026-03-02T09:00:00Z";
             j["summary"] = "Ours";
         },
         [](Json& j) {
             j["updated"] = "2026-03-03T09:00:00Z";
             j["title"] = "Theirs";
         },
         [](Json& j) {
             j["updated"] = "2026-03-03T09:00:00Z";
             j["summary"] = "Ours";
             j["title"] = "Theirs";
         },
         {}},
    };
    for (const Case& c : cases) {
        INFO("case: " << c.name);
        Json b = base_json(), o = base_json(), t = base_json(), e = base_json();
        c.ours(o);
        c.theirs(t);
        c.expected(e);
        MergeResult m = merge_documents(doc_of(b), doc_of(o), doc_of(t));
        INFO("conflicts:\n" << describe(m.conflicts));
        REQUIRE(m.ok);
        CHECK(m.merged_json.dump() == to_json(doc_of(e)).dump());
        REQUIRE(m.conflicts.size() == c.conflicts.size());
        for (size_t i = 0; i < c.conflicts.size(); ++i) {
            CHECK(m.conflicts[i].path == c.conflicts[i].first);
            CHECK(m.conflicts[i].kind == c.conflicts[i].second);
        }
    }
}

TEST_CASE("merge: conflicts carry the three values", "[merge]") {
    Json b = base_json(), o = base_json(), t = base_json();
    event(o, "ev-2")["description"] = "ours";
    erase_event(t, "ev-2");
    MergeResult m = merge_documents(doc_of(b), doc_of(o), doc_of(t));
    REQUIRE(m.conflicts.size() == 1);
    const Conflict& c = m.conflicts[0];
    CHECK(c.base_present);
    CHECK(c.ours_present);
    CHECK_FALSE(c.theirs_present);
    CHECK(c.base["description"] == "two");
    CHECK(c.ours["description"] == "ours");
    Json j = conflicts_to_json(m.conflicts);
    REQUIRE(j.size() == 1);
    CHECK(j[0]["path"] == "/timeline/ev-2");
    CHECK(j[0]["kind"] == "edit_delete");
    CHECK(j[0].contains("base"));
    CHECK(j[0].contains("ours"));
    CHECK_FALSE(j[0].contains("theirs"));
}

TEST_CASE("merge: resolving conflicts with choices", "[merge]") {
    Json b = base_json(), o = base_json(), t = base_json();
    o["summary"] = "Ours";
    t["summary"] = "Theirs";
    erase_event(o, "ev-2");                       // delete/edit
    event(t, "ev-2")["description"] = "theirs";
    event(o, "ev-3")["description"] = "ours 3";   // edit/delete
    erase_event(t, "ev-3");
    insert_event(o, 0, "ev-9", "ours 9");         // add/add
    insert_event(t, 0, "ev-9", "theirs 9");
    Document bd = doc_of(b), od = doc_of(o), td = doc_of(t);

    MergeResult m = merge_documents(bd, od, td);
    CHECK(m.conflicts.size() == 4);
    CHECK(m.merged.summary == "Ours");
    CHECK(order(m.merged_json) == std::vector<std::string>{"ev-9", "ev-1", "ev-3"});

    MergeResult r = resolve_merge(bd, od, td,
                                  {{"/summary", MergeChoice::Theirs},
                                   {"/timeline/ev-2", MergeChoice::Theirs},
                                   {"/timeline/ev-3", MergeChoice::Theirs},
                                   {"/timeline/ev-9/description", MergeChoice::Theirs}});
    REQUIRE(r.ok);
    CHECK(r.conflicts.size() == 4);  // still listed, now decided
    CHECK(r.merged.summary == "Theirs");
    CHECK(order(r.merged_json) == std::vector<std::string>{"ev-9", "ev-1", "ev-2"});
    CHECK(event(r.merged_json, "ev-2")["description"] == "theirs");
    CHECK(event(r.merged_json, "ev-9")["description"] == "theirs 9");

    MergeResult base_choice = resolve_merge(bd, od, td, {{"/summary", MergeChoice::Base},
                                                         {"/timeline/ev-2", MergeChoice::Base}});
    REQUIRE(base_choice.ok);
    CHECK(base_choice.merged.summary == "Summary");
    CHECK(event(base_choice.merged_json, "ev-2")["description"] == "two");
    CHECK(order(base_choice.merged_json) == std::vector<std::string>{"ev-9", "ev-1", "ev-2", "ev-3"});
}

TEST_CASE("merge: properties over every sample", "[merge]") {
    std::vector<Document> docs;
    for (const auto& p : list_embedded("samples/")) {
        const EmbeddedFile* f = find_embedded(p);
        LoadResult r = load_document(std::string(f->data, f->size));
        REQUIRE(r.ok);
        docs.push_back(r.doc);
    }
    REQUIRE(docs.size() >= 2);
    for (size_t i = 0; i < docs.size(); ++i) {
        const Document& x = docs[i];
        const Document& y = docs[(i + 1) % docs.size()];
        INFO("sample " << i);
        MergeResult same = merge_documents(x, x, x);
        REQUIRE(same.ok);
        CHECK(same.conflicts.empty());
        CHECK(save_document(same.merged) == save_document(x));
        // One side changed everything, the other nothing: that side's document, no conflicts.
        MergeResult theirs_only = merge_documents(x, x, y);
        REQUIRE(theirs_only.ok);
        CHECK(theirs_only.conflicts.empty());
        CHECK(save_document(theirs_only.merged) == save_document(y));
        MergeResult ours_only = merge_documents(x, y, x);
        REQUIRE(ours_only.ok);
        CHECK(save_document(ours_only.merged) == save_document(y));
        // Both made the same change.
        MergeResult both = merge_documents(x, y, y);
        CHECK(both.conflicts.empty());
        CHECK(save_document(both.merged) == save_document(y));
    }
}

// ---- words for people, and keep both -----------------------------------------------------------------------------

namespace {
// The one place a keep-both result was joined: the text before and after the (unique) marker it added.
std::pair<std::string, std::string> split_kept(const std::string& s, const std::string& marker, const std::string& sep) {
    size_t at = s.find(marker);
    REQUIRE(at != std::string::npos);
    CHECK(s.find(marker, at + 1) == std::string::npos);
    REQUIRE(at >= sep.size());
    CHECK(s.compare(at - sep.size(), sep.size(), sep) == 0);
    CHECK(s.compare(at + marker.size(), sep.size(), sep) == 0);
    return {s.substr(0, at - sep.size()), s.substr(at + marker.size() + sep.size())};
}
const Conflict& conflict_at(const MergeResult& m, const std::string& path) {
    for (const Conflict& c : m.conflicts)
        if (c.path == path) return c;
    FAIL("no conflict at " << path);
    return m.conflicts.front();
}
}  // namespace

TEST_CASE("merge: conflicts are named as the editor names them", "[merge]") {
    Json b = base_json(), o = base_json(), t = base_json();
    b["root_causes"] = Json::array({{{"id", "rc-1"}, {"text", "one"}}, {{"id", "rc-2"}, {"text", "two"}}});
    o["root_causes"] = b["root_causes"];
    t["root_causes"] = b["root_causes"];
    o["title"] = "Ours";
    t["title"] = "Theirs";
    o["root_causes"][1]["text"] = "two, ours";
    t["root_causes"][1]["text"] = "two, theirs";
    b["timeline"][1]["utc_offset"] = "+02:00";  // 10:05Z written in +02:00: the editor shows 12:05
    o["timeline"][1] = b["timeline"][1];
    t["timeline"][1] = b["timeline"][1];
    event(o, "ev-2")["description"] = "Deploy of v2.3 started";
    event(t, "ev-2")["description"] = "Деплой v2.3 начался";
    erase_event(o, "ev-3");                         // we removed it, they edited it
    event(t, "ev-3")["description"] = "three, theirs";
    o["impact"]["users_affected"] = 20;
    t["impact"]["users_affected"] = 30;
    o["lessons"]["went_well"][0]["text"] = "よくできた";
    t["lessons"]["went_well"][0]["text"] = "Хорошо 🎉";
    o["action_items"][0]["owner"] = "ann";
    t["action_items"][0]["owner"] = "bob";
    o["severity"] = 2;
    t["severity"] = 3;
    Document od = doc_of(o);
    MergeResult m = merge_documents(doc_of(b), od, doc_of(t));
    REQUIRE(m.ok);
    CHECK(m.conflicts.size() == 8);
    auto label = [&](const std::string& p) { return conflict_label(od, conflict_at(m, p)); };
    CHECK(label("/title") == "Title");
    CHECK(label("/severity") == "Severity");
    CHECK(label("/root_causes/rc-2/text") == "Root causes, item 2");
    CHECK(label("/timeline/ev-2/description") == "Timeline: 12:05 Deploy of v2.3 started - description");
    CHECK(label("/timeline/ev-3") == "Timeline: 10:10 three");  // gone from ours: named from the base
    CHECK(label("/impact/users_affected") == "Impact: users affected");
    CHECK(label("/lessons/went_well/ll-1/text") == "Lessons learned, went well, item 1");
    CHECK(label("/action_items/ai-1/owner") == "Action items: Fix it - owner");
    for (const Conflict& c : m.conflicts) {
        const std::string l = conflict_label(od, c);
        INFO(c.path << " -> " << l);
        CHECK_FALSE(l.empty());
        CHECK(l.find('/') == std::string::npos);
        CHECK(l.find("ev-") == std::string::npos);  // never an id
    }
    std::vector<std::string> all = conflict_labels(od, m.conflicts);
    REQUIRE(all.size() == m.conflicts.size());
    for (size_t i = 0; i < all.size(); ++i) CHECK(all[i] == conflict_label(od, m.conflicts[i]));
    CHECK(std::string(conflict_sentence(conflict_at(m, "/title"))) == "You and the other person both changed this.");
    CHECK(std::string(conflict_sentence(conflict_at(m, "/timeline/ev-3"))) == "You removed it; they changed it.");
    Conflict ed;
    ed.kind = ConflictKind::EditDelete;
    CHECK(std::string(conflict_sentence(ed)) == "You changed it; they removed it.");
    ed.kind = ConflictKind::AddAdd;
    CHECK(std::string(conflict_sentence(ed)) == "You both added this, differently.");

    // Keep both is offered for text only.
    CHECK(can_keep_both(conflict_at(m, "/title")));
    CHECK(can_keep_both(conflict_at(m, "/root_causes/rc-2/text")));
    CHECK(can_keep_both(conflict_at(m, "/timeline/ev-2/description")));
    CHECK(can_keep_both(conflict_at(m, "/lessons/went_well/ll-1/text")));
    CHECK_FALSE(can_keep_both(conflict_at(m, "/severity")));
    CHECK_FALSE(can_keep_both(conflict_at(m, "/impact/users_affected")));
    CHECK_FALSE(can_keep_both(conflict_at(m, "/timeline/ev-3")));  // removal against an edit
    CHECK_FALSE(can_keep_both(conflict_at(m, "/action_items/ai-1/owner")));  // a name: one or the other

    // The CLI's JSON: the same words, beside the machine-readable fields.
    Json j = conflicts_to_json(m.conflicts, &od);
    for (const Json& c : j) {
        CHECK(c.contains("path"));
        CHECK(c.contains("kind"));
        CHECK(c["label"].is_string());
        CHECK(c["what"].is_string());
        CHECK(c["keep_both"].is_boolean());
    }
    CHECK_FALSE(conflicts_to_json(m.conflicts)[0].contains("label"));
}

TEST_CASE("merge: keep both joins the two texts around a marker", "[merge]") {
    const std::string marker = kKeepBothMarker;
    SECTION("any script survives byte for byte") {
        for (auto [mine, theirs] : std::vector<std::pair<std::string, std::string>>{
                 {"デプロイが失敗した。", "Деплой не удался."},
                 {"Rollback 🔙 at 14:05 👩‍💻", "Откат в 14:05 🇺🇦"},
                 {"line 1\nline 2\n", "\n"}}) {
            std::string s = keep_both_text(mine, theirs);
            CHECK(s == mine + "\n\n" + marker + "\n\n" + theirs);
            auto [a, b] = split_kept(s, marker, "\n\n");
            CHECK(a == mine);
            CHECK(b == theirs);
        }
        CHECK(keep_both_text("Ours", "Theirs", true) == "Ours " + marker + " Theirs");
    }
    SECTION("a text already holding the marker gets a numbered one") {
        const std::string earlier = keep_both_text("first", "second");  // a field kept both before
        std::string s = keep_both_text(earlier, "третий 🎉");
        CHECK(s.find(marker) != std::string::npos);
        const std::string marker2 = std::string(marker).replace(marker.find(" ("), 0, " 2");
        CHECK(marker2.find("Their version 2 (") != std::string::npos);
        auto [a, b] = split_kept(s, marker2, "\n\n");
        CHECK(a == earlier);
        CHECK(b == "третий 🎉");
        // On their side, and with the numbered one too: the next number.
        std::string s3 = keep_both_text("мой", s);
        const std::string marker3 = std::string(marker).replace(marker.find(" ("), 0, " 3");
        auto [c, d] = split_kept(s3, marker3, "\n\n");
        CHECK(c == "мой");
        CHECK(d == s);
    }
    SECTION("resolve_merge with Both") {
        Json b = base_json(), o = base_json(), t = base_json();
        o["summary"] = "障害の概要（私の版）";
        t["summary"] = "Краткое описание 🙂";
        o["title"] = "Ours";
        t["title"] = "Theirs";
        o["impact"]["users_affected"] = 20;
        t["impact"]["users_affected"] = 30;
        event(o, "ev-2")["description"] = "two, ours";
        erase_event(t, "ev-2");
        Document bd = doc_of(b), od = doc_of(o), td = doc_of(t);
        MergeResult r = resolve_merge(bd, od, td,
                                      {{"/summary", MergeChoice::Both},
                                       {"/title", MergeChoice::Both},
                                       {"/impact/users_affected", MergeChoice::Both},  // not text: keeps ours
                                       {"/timeline/ev-2", MergeChoice::Both}});        // removal: keeps ours
        REQUIRE(r.ok);
        CHECK(r.conflicts.size() == 4);
        CHECK(r.merged.summary == "障害の概要（私の版）\n\n" + marker + "\n\nКраткое описание 🙂");
        CHECK(r.merged.title == "Ours " + marker + " Theirs");
        CHECK(r.merged.impact.users_affected == 20);
        CHECK(event(r.merged_json, "ev-2")["description"] == "two, ours");
    }
}
