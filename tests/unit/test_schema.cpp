// The field tables as properties: every field of every model struct round-trips through both writers, a bad value
// is a problem naming its path, unknown keys beside it survive, and the editor reaches every text field by path.
// A new line in a table is tested here with no new test code.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <optional>

#include "core/format.h"
#include "core/schema.h"

using namespace hs;
using namespace hs::schema;

namespace {

std::string problems_text(const std::vector<Problem>& ps) {
    std::string s;
    for (const auto& p : ps) s += (p.pointer.empty() ? "(root)" : p.pointer) + ": " + p.message + "\n";
    return s;
}

bool names(const std::vector<Problem>& ps, const std::string& pointer) {
    for (const auto& p : ps)
        if (p.pointer.compare(0, pointer.size(), pointer) == 0) return true;
    return false;
}

// Where a struct sits in a valid document: how to add one there, how to reach it, its JSON Pointer, and the
// editor's path prefix for its text fields (empty when the editor cannot reach it by path).
template <class T>
struct Spot {
    std::string label;
    std::function<void(Document&)> add;
    std::function<T&(Document&)> get;
    std::string pointer;
    std::optional<std::string> editor;
};

Document base_document() {
    Document d;
    d.id = "pm-00000001";
    return d;
}

// A value that is not the default and that validation accepts.
template <class T>
void set_good(const Field<T>& f, T& x) {
    switch (f.kind) {
        case Kind::Text: {
            std::string& v = x.*f.text;
            if (f.vocab) {
                for (const std::string& s : *f.vocab)
                    if (s != f.dflt) { v = s; break; }
            } else if (f.check == Check::Date) v = "2026-03-15";
            else if (f.check == Check::WebUrl) v = "https://example.com/a?b=1";
            else if (f.check == Check::Currency) v = "EUR";
            else if (f.check == Check::UniqueId) v = "zz-unique-1";
            else v = "value with \"quotes\", \\ and \xC3\xA9";
            return;
        }
        case Kind::Texts:
            if (f.check == Check::SectionKeys) x.*f.texts = {"summary", "impact"};
            else if (f.check == Check::SeverityLabels) x.*f.texts = {"S1", "S2", "S3", "S4", "S5"};
            else x.*f.texts = {"a", "b \xC3\xA9"};
            return;
        case Kind::Number: x.*f.number = 1234.5; return;
        case Kind::Flag: x.*f.flag = true; return;
        case Kind::Severity: x.*f.integer = 3; return;
        case Kind::Time:
        case Kind::LocalTime: x.*f.time = Instant{1772373720000, 0, true}; return;
        case Kind::OffsetOf: x.*f.time = Instant{1772373720000, 90, true}; return;
        default: return;
    }
}

// A value that validation refuses; false when the field has no rule to break.
template <class T>
bool set_bad(const Field<T>& f, T& x) {
    switch (f.kind) {
        case Kind::Text: {
            std::string& v = x.*f.text;
            if (f.required || f.check == Check::UniqueId || f.check == Check::NotEmpty) v.clear();
            else if (f.check == Check::OneOf) v = "no-such-value";
            else if (f.check == Check::Date) v = "15/03/2026";
            else if (f.check == Check::WebUrl) v = "ftp://example.com";
            else if (f.check == Check::Currency) v = "usd";
            else if (f.one_line) v = "two\nlines";
            else return false;
            return true;
        }
        case Kind::Texts:
            if (f.check == Check::SectionKeys) x.*f.texts = {"no_such_section"};
            else if (f.check == Check::SeverityLabels) x.*f.texts = {"one label"};
            else return false;
            return true;
        case Kind::Number:
            if (f.check != Check::NonNegative) return false;
            x.*f.number = -1;
            return true;
        case Kind::Severity: x.*f.integer = 9; return true;
        case Kind::OffsetOf: x.*f.time = Instant{1772373720000, 25 * 60, true}; return true;
        default: return false;
    }
}

template <class T>
bool same(const Field<T>& f, const T& a, const T& b) {
    switch (f.kind) {
        case Kind::Text: return a.*f.text == b.*f.text;
        case Kind::Texts: return a.*f.texts == b.*f.texts;
        case Kind::Number: return a.*f.number == b.*f.number;
        case Kind::Flag: return a.*f.flag == b.*f.flag;
        case Kind::Severity: return a.*f.integer == b.*f.integer;
        case Kind::Time:
        case Kind::LocalTime:
        case Kind::OffsetOf: return a.*f.time == b.*f.time;
        default: return true;
    }
}

bool leaf(Kind k) { return k != Kind::Object && k != Kind::List && k != Kind::Const; }

// The fast writer, to_json and the sliced writer give the same bytes.
std::string save_checked(const Document& d) {
    const std::string fast = save_document(d);
    CHECK(fast == to_json(d).dump());
    std::vector<std::string> events;
    for (const Event& e : d.timeline) events.push_back(save_event(e).value());
    CHECK(save_document_with_events(d, events).value() == fast);
    return fast;
}

template <class T>
void check_fields(const Spot<T>& spot) {
    for (const Field<T>& f : of<T>().fields) {
        if (!leaf(f.kind)) continue;
        const std::string pointer = spot.pointer + "/" + f.key;
        INFO(spot.label << ": field " << pointer);
        Document d = base_document();
        spot.add(d);
        T& x = spot.get(d);

        // The editor reaches every text field of a struct it can address.
        if (f.kind == Kind::Text && spot.editor) CHECK(text_field(d, *spot.editor + f.key) == &(x.*f.text));

        // A non-default value, with unknown keys around it, survives both writers and a load.
        set_good(f, x);
        CHECK_FALSE(is_default(f, x));
        x.extra["0_before"] = 1;
        x.extra[std::string(f.key) + "_after"] = Json::array({"kept", 2.5});
        x.extra["~zz/last"] = Json::object({{"k", "v"}});
        const std::string saved = save_checked(d);
        CHECK(Json::parse(saved).contains(Json::json_pointer(pointer)));
        LoadResult r = load_document(saved);
        INFO(problems_text(r.problems));
        REQUIRE(r.ok);
        CHECK(r.problems.empty());
        const T& back = spot.get(r.doc);
        CHECK(same(f, x, back));
        CHECK(back.extra == x.extra);
        CHECK(save_document(r.doc) == saved);

        // A value of the wrong JSON type is refused by the reader, naming the path.
        Json j = Json::parse(saved);
        j[Json::json_pointer(pointer)] = Json::object({{"not", "this"}});
        LoadResult wrong = load_document(j.dump());
        CHECK_FALSE(wrong.ok);
        CHECK(names(wrong.problems, pointer));

        // A value that breaks the field's rule is a validation problem naming the path.
        if (set_bad(f, x)) {
            const std::vector<Problem> ps = validate(d);
            INFO(problems_text(ps));
            CHECK(names(ps, pointer));
        }
        if (f.kind == Kind::Text && f.one_line) {
            x.*f.text = std::string("tab\there");
            const std::vector<Problem> ps = validate(d);
            INFO(problems_text(ps));
            CHECK(names(ps, pointer));
        }
    }
}

}  // namespace

TEST_CASE("every field of every struct round-trips, validates and keeps unknown keys", "[schema]") {
    const auto none = [](Document&) {};
    check_fields(Spot<Document>{"document", none, [](Document& d) -> Document& { return d; }, "", ""});
    check_fields(Spot<Impact>{"impact", none, [](Document& d) -> Impact& { return d.impact; }, "/impact", "impact."});
    check_fields(Spot<Event>{"event", [](Document& d) { d.timeline.emplace_back().id = "ev-1"; },
                             [](Document& d) -> Event& { return d.timeline.at(0); }, "/timeline/0", "timeline/ev-1/"});
    check_fields(Spot<ActionItem>{"action item", [](Document& d) { d.action_items.emplace_back().id = "ai-1"; },
                                  [](Document& d) -> ActionItem& { return d.action_items.at(0); }, "/action_items/0",
                                  "action_items/ai-1/"});
    check_fields(Spot<LinkRef>{"link",
                               [](Document& d) {
                                   LinkRef& l = d.links.emplace_back();
                                   l.id = "ln-1";
                                   l.url = "https://example.com";
                               },
                               [](Document& d) -> LinkRef& { return d.links.at(0); }, "/links/0", "links/ln-1/"});
    check_fields(Spot<Approval>{"approval", [](Document& d) { d.approvals.emplace_back().reviewer = "r"; },
                                [](Document& d) -> Approval& { return d.approvals.at(0); }, "/approvals/0", std::nullopt});
    check_fields(Spot<Lessons>{"lessons", none, [](Document& d) -> Lessons& { return d.lessons; }, "/lessons", std::nullopt});
    // Items, in every list of items the document has (found through the tables).
    std::vector<std::string> lists;
    for (const auto& f : of<Document>().fields)
        if (f.kind == Kind::List) lists.push_back(f.key);
    for (const auto& f : of<Lessons>().fields) lists.push_back(std::string("lessons.") + f.key);
    int item_lists = 0;
    for (const std::string& name : lists) {
        Document probe;
        if (!item_list(probe, name)) continue;
        ++item_lists;
        std::string pointer = "/" + name;
        std::replace(pointer.begin(), pointer.end(), '.', '/');
        check_fields(Spot<Item>{"item in " + name, [name](Document& d) { item_list(d, name)->emplace_back().id = "it-1"; },
                                [name](Document& d) -> Item& { return item_list(d, name)->at(0); }, pointer + "/0",
                                name + "/it-1/"});
    }
    CHECK(item_lists == 7);
}

TEST_CASE("the editor's paths reach text fields and lists of items, and nothing else", "[schema]") {
    Document d = base_document();
    d.action_items.emplace_back().id = "ai/1";  // an id may hold a '/'
    d.lessons.went_well.emplace_back().id = "ll-1";
    CHECK(text_field(d, "title") == &d.title);
    CHECK(text_field(d, "impact.slo") == &d.impact.slo);
    CHECK(text_field(d, "action_items/ai/1/due") == &d.action_items[0].due);
    CHECK(text_field(d, "lessons.went_well/ll-1/text") == &d.lessons.went_well[0].text);
    CHECK(item_list(d, "lessons.went_well") == &d.lessons.went_well);
    CHECK(item_list(d, "root_causes") == &d.root_causes);
    CHECK(text_field(d, "severity") == nullptr);            // not text
    CHECK(text_field(d, "impact") == nullptr);              // an object
    CHECK(text_field(d, "action_items/ai-2/title") == nullptr);  // no such id
    CHECK(text_field(d, "action_items/ai/1/nope") == nullptr);
    CHECK(text_field(d, "titles") == nullptr);
    CHECK(text_field(d, "tit") == nullptr);
    CHECK(item_list(d, "timeline") == nullptr);  // not items
    CHECK(item_list(d, "lessons") == nullptr);
    CHECK(item_list(d, "lessons.went_well/ll-1") == nullptr);
}
