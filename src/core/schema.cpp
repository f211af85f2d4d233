// The field tables of the model structs, and the editor's access to a text field or a list of items by path.
#include "schema.h"

#include <algorithm>
#include <cstring>
#include <type_traits>

#include "format_detail.h"
#include "sort.h"

namespace hs {
namespace schema {

std::string Path::str() const {
    if (!parent) return "";
    std::string p = parent->str() + "/";
    if (key) {
        for (const char* c = key; *c; ++c) {
            if (*c == '~') p += "~0";
            else if (*c == '/') p += "~1";
            else p += *c;
        }
    } else {
        p += std::to_string(index);
    }
    return p;
}

namespace {

template <class U, class = void>
struct HasId : std::false_type {};
template <class U>
struct HasId<U, std::void_t<decltype(std::declval<U&>().id)>> : std::true_type {};

// A nested struct held by member `m`.
template <class T, class U>
struct ObjectOf final : Nested<T> {
    U T::*m;
    explicit ObjectOf(U T::*member) : m(member) {}
    void read(Reader& r, Json& v, const Path& p, T& x) const override { read_object(r, v, p, x.*m); }
    Json json(const T& x) const override {
        Json j = struct_json(x.*m);
        return j.empty() ? Json() : j;
    }
    void write(Out& w, const char* key, const T& x) const override {
        if (!schema::is_empty(x.*m)) write_object(w, key, x.*m);
    }
    void check(Checker& c, const T& x, const std::string& path, const Field<T>& f) const override {
        check_struct(c, x.*m, path + "/" + f.key, f.noun, f.hint);
    }
    bool is_empty(const T& x) const override { return schema::is_empty(x.*m); }
    std::string* text_at(T& x, const std::string& path, size_t from) const override {
        return text_in(x.*m, path, from);
    }
    std::vector<Item>* items_at(T& x, const std::string& path, size_t from) const override {
        return from == std::string::npos ? nullptr : items_in(x.*m, path, from);
    }
};

// A list of structs held by member `m`; elements with an id are reached by it ("<list>/<id>/<field>").
template <class T, class U>
struct ListOf final : Nested<T> {
    std::vector<U> T::*m;
    explicit ListOf(std::vector<U> T::*member) : m(member) {}
    void read(Reader& r, Json& v, const Path& p, T& x) const override { read_list(r, v, p, x.*m); }
    Json json(const T& x) const override {
        if ((x.*m).empty()) return Json();
        Json a = Json::array();
        for (const U& e : x.*m) a.push_back(struct_json(e));
        return a;
    }
    void write(Out& w, const char* key, const T& x) const override {
        if (!(x.*m).empty()) write_list(w, key, x.*m);
    }
    void check(Checker& c, const T& x, const std::string& path, const Field<T>& f) const override {
        const std::string list = path + "/" + f.key + "/";
        for (size_t i = 0; i < (x.*m).size(); ++i) check_struct(c, (x.*m)[i], list + std::to_string(i), f.noun, f.hint);
    }
    bool is_empty(const T& x) const override { return (x.*m).empty(); }
    std::string* text_at(T& x, const std::string& path, size_t from) const override {
        if constexpr (HasId<U>::value) {
            const size_t end = path.rfind('/');  // an id may hold a '/': the field is after the last one
            if (end == std::string::npos || end < from) return nullptr;
            for (U& e : x.*m)
                if (e.id.size() == end - from && path.compare(from, end - from, e.id) == 0)
                    return text_in(e, path, end + 1);
        }
        return nullptr;
    }
    std::vector<Item>* items_at(T& x, const std::string&, size_t from) const override {
        if constexpr (std::is_same_v<U, Item>)
            if (from == std::string::npos) return &(x.*m);
        return nullptr;
    }
};

// ---- table lines ----
template <class T>
Field<T> make(const char* key, Kind kind) {
    Field<T> f;
    f.key = key;
    f.kind = kind;
    return f;
}
template <class T>
Field<T> text(const char* key, std::string T::*m, const char* dflt = "") {
    Field<T> f = make<T>(key, Kind::Text);
    f.text = m;
    f.dflt = dflt;
    return f;
}
template <class T>
Field<T> texts(const char* key, std::vector<std::string> T::*m) {
    Field<T> f = make<T>(key, Kind::Texts);
    f.texts = m;
    return f;
}
template <class T>
Field<T> amount(const char* key, std::optional<double> T::*m) {
    Field<T> f = make<T>(key, Kind::Number);
    f.number = m;
    return f.with(Check::NonNegative);
}
template <class T>
Field<T> flag(const char* key, bool T::*m) {
    Field<T> f = make<T>(key, Kind::Flag);
    f.flag = m;
    return f;
}
template <class T>
Field<T> time(const char* key, Instant T::*m, Kind kind = Kind::Time) {
    Field<T> f = make<T>(key, kind);
    f.time = m;
    return f;
}
template <class T, class U>
Field<T> object(const char* key, U T::*m) {
    Field<T> f = make<T>(key, Kind::Object);
    f.nested = std::make_shared<ObjectOf<T, U>>(m);
    return f;
}
// `noun` names one element and `example` an id for it in the messages about missing ids.
template <class T, class U>
Field<T> list(const char* key, std::vector<U> T::*m, const char* noun = "", const char* example = "") {
    Field<T> f = make<T>(key, Kind::List);
    f.nested = std::make_shared<ListOf<T, U>>(m);
    f.noun = noun;
    f.hint = example;
    return f;
}
template <class T>
Field<T> id(std::string T::*m) {
    return text("id", m).line().with(Check::UniqueId);
}

void sort_keys(std::vector<const char*>& keys) {
    sort_stable(keys.begin(), keys.end(), [](const char* a, const char* b) { return std::strcmp(a, b) < 0; });
}

template <class T>
Schema<T> table(std::vector<Field<T>> fields) {
    Schema<T> s;
    s.fields = std::move(fields);
    for (const Field<T>& f : s.fields) s.keys.push_back(f.key);
    sort_keys(s.keys);  // one sort for every table (a sort per field type costs the browser's wasm ~4 KB)
    for (const char* k : s.keys)
        for (const Field<T>& f : s.fields)
            if (f.key == k) s.sorted.push_back(f);
    return s;
}

}  // namespace

// ---- the tables ------------------------------------------------------------------------------------------------
// In the order validation reports problems; the canonical JSON sorts the keys.

template <>
const Schema<Item>& of<Item>() {
    static const Schema<Item> s = table<Item>({
        id(&Item::id),
        text("text", &Item::text),
        flag("resolved", &Item::resolved),
        text("category", &Item::category).line(),
    });
    return s;
}

template <>
const Schema<Event>& of<Event>() {
    using E = Event;
    static const Schema<E> s = table<E>({
        id(&E::id),
        time("time", &E::time, Kind::LocalTime),
        text("type", &E::type, defaults::kEventType).not_empty(vocab::kEventTypes, "event type"),
        time("utc_offset", &E::time, Kind::OffsetOf),
        text("description", &E::description),
        text("author", &E::author).line(),
        texts("tags", &E::tags),
    });
    return s;
}

template <>
const Schema<ActionItem>& of<ActionItem>() {
    using A = ActionItem;
    static const Schema<A> s = table<A>({
        id(&A::id),
        text("title", &A::title),
        text("description", &A::description),
        text("type", &A::type, defaults::kActionType).one_of(vocab::kActionTypes, "action item type"),
        text("priority", &A::priority, defaults::kPriority)
            .one_of(vocab::kPriorities, "priority", " (P0 is the most urgent)"),
        text("owner", &A::owner).line(),
        text("status", &A::status, defaults::kActionStatus).one_of(vocab::kActionStatuses, "action item status"),
        text("due", &A::due).line().with(Check::Date),
        text("ticket_url", &A::ticket_url).with(Check::WebUrl),
    });
    return s;
}

template <>
const Schema<LinkRef>& of<LinkRef>() {
    static const Schema<LinkRef> s = table<LinkRef>({
        id(&LinkRef::id),
        text("title", &LinkRef::title),
        text("url", &LinkRef::url)
            .with(Check::WebUrl)
            .needed("This link has no URL; add one starting with https:// or remove the link."),
    });
    return s;
}

template <>
const Schema<Approval>& of<Approval>() {
    using A = Approval;
    static const Schema<A> s = table<A>({
        text("decision", &A::decision, defaults::kDecision).one_of(vocab::kReviewDecisions, "review decision"),
        text("reviewer", &A::reviewer).line().needed("This approval does not say who reviewed; add the reviewer."),
        time("at", &A::at),
        text("comment", &A::comment),
    });
    return s;
}

template <>
const Schema<Mark>& of<Mark>() {
    static const Schema<Mark> s = table<Mark>({
        text("by", &Mark::by).line(),
        time("at", &Mark::at),
    });
    return s;
}

template <>
const Schema<Anchor>& of<Anchor>() {
    using A = Anchor;
    static const Schema<A> s = table<A>({
        text("path", &A::path).line(),
        text("exact", &A::exact),
        text("prefix", &A::prefix),
        text("suffix", &A::suffix),
        amount("offset", &A::offset),
    });
    return s;
}

template <>
const Schema<CommentReply>& of<CommentReply>() {
    using R = CommentReply;
    static const Schema<R> s = table<R>({
        id(&R::id),
        text("author", &R::author).line(),
        time("created", &R::created),
        text("text", &R::text),
    });
    return s;
}

template <>
const Schema<Comment>& of<Comment>() {
    using C = Comment;
    static const Schema<C> s = table<C>({
        id(&C::id),
        text("author", &C::author).line(),
        time("created", &C::created),
        object("anchor", &C::anchor),
        text("text", &C::text),
        list("replies", &C::replies, "reply", "re-1a2b3c4d"),
        object("resolved", &C::resolved),
        object("reopened", &C::reopened),
    });
    return s;
}

template <>
const Schema<Suggestion>& of<Suggestion>() {
    using S = Suggestion;
    static const Schema<S> s = table<S>({
        id(&S::id),
        text("author", &S::author).line(),
        time("created", &S::created),
        object("anchor", &S::anchor),
        text("replacement", &S::replacement),
        text("state", &S::state, defaults::kSuggestionState).one_of(vocab::kSuggestionStates, "suggestion state"),
        text("by", &S::by).line(),
        time("at", &S::at),
    });
    return s;
}

template <>
const Schema<SharedVersion>& of<SharedVersion>() {
    static const Schema<SharedVersion> s = table<SharedVersion>({
        text("hash", &SharedVersion::hash).line(),
        time("at", &SharedVersion::at),
    });
    return s;
}

template <>
const Schema<Review>& of<Review>() {
    static const Schema<Review> s = table<Review>({
        list("shared", &Review::shared),
    });
    return s;
}

template <>
const Schema<Impact>& of<Impact>() {
    using I = Impact;
    static const Schema<I> s = table<I>({
        text("description", &I::description),
        amount("users_affected", &I::users_affected),
        amount("requests_failed", &I::requests_failed),
        amount("revenue_lost", &I::revenue_lost),
        amount("support_tickets", &I::support_tickets),
        amount("error_budget_consumed_pct", &I::error_budget_consumed_pct),
        text("currency", &I::currency).with(Check::Currency),
        text("slo", &I::slo),
        texts("regions", &I::regions),
    });
    return s;
}

template <>
const Schema<Lessons>& of<Lessons>() {
    using L = Lessons;
    static const Schema<L> s = table<L>({
        list("went_well", &L::went_well, "lesson", "ll-1a2b3c4d"),
        list("went_wrong", &L::went_wrong, "lesson", "ll-1a2b3c4d"),
        list("got_lucky", &L::got_lucky, "lesson", "ll-1a2b3c4d"),
    });
    return s;
}

template <>
const Schema<Document>& of<Document>() {
    using D = Document;
    static const Schema<D> s = [] {
        Field<D> format = make<D>("format", Kind::Const), version = make<D>("version", Kind::Const);
        format.dflt = kFormatName;
        version.dflt = nullptr;
        version.const_int = kFormatVersion;
        Field<D> severity = make<D>("severity", Kind::Severity);
        severity.integer = &D::severity;
        Field<D> sections = texts("sections", &D::sections).with(Check::SectionKeys);
        sections.vocab = &vocab::kSections;
        sections.noun = "section";
        return table<D>({
            format, version,
            text("id", &D::id).line().needed(
                "The postmortem has no id; add one such as \"pm-1a2b3c4d\" (hindsight new creates one)."),
            text("title", &D::title),
            text("incident_id", &D::incident_id).line(),
            severity,
            texts("severity_labels", &D::severity_labels).with(Check::SeverityLabels),
            text("status", &D::status, defaults::kStatus).one_of(vocab::kStatuses, "status"),
            texts("authors", &D::authors),
            text("owner", &D::owner).line(),
            texts("tags", &D::tags),
            texts("services", &D::services),
            text("detection_method", &D::detection_method).line(),
            texts("related_incidents", &D::related_incidents),
            texts("reviewers", &D::reviewers),
            list("approvals", &D::approvals),
            time("created", &D::created),
            time("updated", &D::updated),
            text("template", &D::template_name),
            sections,
            text("summary", &D::summary),
            text("leadup", &D::leadup),
            text("trigger", &D::trigger),
            text("fault", &D::fault),
            text("detection", &D::detection),
            text("response", &D::response),
            text("recovery", &D::recovery),
            text("resolution", &D::resolution),
            object("impact", &D::impact),
            list("timeline", &D::timeline, "event", "ev-1a2b3c4d"),
            list("root_causes", &D::root_causes, "root cause", "rc-1a2b3c4d"),
            list("contributing_factors", &D::contributing_factors, "contributing factor", "cf-1a2b3c4d"),
            list("five_whys", &D::five_whys, "why", "why-1a2b3c4d"),
            object("lessons", &D::lessons),
            list("open_questions", &D::open_questions, "open question", "oq-1a2b3c4d"),
            list("action_items", &D::action_items, "action item", "ai-1a2b3c4d"),
            list("links", &D::links, "link", "ln-1a2b3c4d"),
            list("comments", &D::comments, "comment", "cm-1a2b3c4d"),
            list("suggestions", &D::suggestions, "suggestion", "sg-1a2b3c4d"),
            object("review", &D::review),
        });
    }();
    return s;
}

// ---- access by path --------------------------------------------------------------------------------------------

namespace {
// The field named by path[from, next '.' or '/'), and where that separator is (npos at the end).
template <class T>
const Field<T>* field_at(const std::string& path, size_t from, size_t& sep) {
    sep = path.find_first_of("./", from);
    const size_t n = (sep == std::string::npos ? path.size() : sep) - from;
    for (const Field<T>& f : of<T>().fields)
        if (std::strlen(f.key) == n && path.compare(from, n, f.key) == 0) return &f;
    return nullptr;
}
// Whether the separator after a field enters it: '.' an object, '/' a list.
template <class T>
bool enters(const Field<T>& f, char sep) {
    return (f.kind == Kind::Object && sep == '.') || (f.kind == Kind::List && sep == '/');
}
}  // namespace

template <class T>
std::string* text_in(T& x, const std::string& path, size_t from) {
    size_t sep = 0;
    const Field<T>* f = field_at<T>(path, from, sep);
    if (!f) return nullptr;
    if (sep == std::string::npos) return f->kind == Kind::Text ? &(x.*(f->text)) : nullptr;
    return enters(*f, path[sep]) ? f->nested->text_at(x, path, sep + 1) : nullptr;
}

template <class T>
std::vector<Item>* items_in(T& x, const std::string& path, size_t from) {
    size_t sep = 0;
    const Field<T>* f = field_at<T>(path, from, sep);
    if (!f || (f->kind != Kind::List && f->kind != Kind::Object)) return nullptr;
    if (sep == std::string::npos) return f->nested->items_at(x, path, sep);
    return path[sep] == '.' && f->kind == Kind::Object ? f->nested->items_at(x, path, sep + 1) : nullptr;
}

#define HS_INSTANTIATE(T)                                                        \
    template std::string* text_in<T>(T&, const std::string&, size_t);           \
    template std::vector<Item>* items_in<T>(T&, const std::string&, size_t);
HS_SCHEMA_STRUCTS(HS_INSTANTIATE)
#undef HS_INSTANTIATE

}  // namespace schema

std::string* text_field(Document& d, const std::string& path) { return schema::text_in(d, path, 0); }
std::vector<Item>* item_list(Document& d, const std::string& path) { return schema::items_in(d, path, 0); }

}  // namespace hs
