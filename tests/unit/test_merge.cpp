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
