// One description of each model struct: a table of its JSON fields (key, member, default, kind, validation rule).
// The reader, both writers, validation and the editor's field access all walk these tables, so a new field is one
// line in a table (schema.cpp) plus its UI.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "model.h"

namespace hs {

// ---- the editor's access by path -------------------------------------------------------------------------------
// "title", "impact.slo", "action_items/<id>/title", "lessons.went_well/<id>/text": the text field at that path, or
// nullptr. A '.' enters a nested object, "<list>/<id>/" an element of a list by its id.
std::string* text_field(Document& d, const std::string& path);
// "root_causes", "lessons.went_wrong": the list of items at that path, or nullptr.
std::vector<Item>* item_list(Document& d, const std::string& path);

namespace schema {

enum class Kind : uint8_t {
    Text,       // std::string, omitted when equal to its default
    Texts,      // std::vector<std::string>, omitted when empty
    Number,     // std::optional<double>, written as an integer when integral
    Flag,       // bool, written only when true
    Severity,   // int 1..5, 0 = not set
    Time,       // Instant in UTC; the offset it was written with is not kept
    LocalTime,  // Instant in UTC whose written offset is kept (see OffsetOf)
    OffsetOf,   // the kept offset of a LocalTime, as "+01:00"; written only when not zero
    Const,      // always written (format name, version); skipped when read
    Object,     // a nested struct, omitted when empty
    List,       // a list of structs, omitted when empty
};

enum class Check : uint8_t {
    None,
    OneOf,           // a closed vocabulary: any other value is a problem
    NotEmpty,        // an open vocabulary: any value but the empty one
    Date,            // empty or a calendar date YYYY-MM-DD
    WebUrl,          // empty or an http(s) address
    NonNegative,     // a count or an amount
    Currency,        // empty or three capital letters (ISO 4217)
    SectionKeys,     // known section keys, each once
    SeverityLabels,  // empty or exactly one label per severity
    UniqueId,        // required, and unique across the whole document
};

struct Reader;
struct Out;
struct Checker;
struct Path;

template <class T>
struct Field;

// The operations on a nested struct (Object) or a list of structs (List), bound to the member that holds it.
template <class T>
struct Nested {
    virtual ~Nested() = default;
    virtual void read(Reader& r, Json& v, const Path& p, T& x) const = 0;
    virtual Json json(const T& x) const = 0;  // null when omitted
    virtual void write(Out& w, const char* key, const T& x) const = 0;
    virtual void check(Checker& c, const T& x, const std::string& path, const Field<T>& f) const = 0;
    virtual bool is_empty(const T& x) const = 0;
    virtual std::string* text_at(T& x, const std::string& path, size_t from) const = 0;
    virtual std::vector<Item>* items_at(T& x, const std::string& path, size_t from) const = 0;
};

template <class T>
struct Field {
    const char* key = "";
    Kind kind = Kind::Text;
    std::string T::*text = nullptr;
    std::vector<std::string> T::*texts = nullptr;
    std::optional<double> T::*number = nullptr;
    bool T::*flag = nullptr;
    int T::*integer = nullptr;
    Instant T::*time = nullptr;
    std::shared_ptr<const Nested<T>> nested;  // shared by the copies of a field; freed with the table
    const char* dflt = "";      // Text: the value that is left out; Const: the text written (or nullptr: const_int)
    int const_int = 0;          // Const without text: the number written
    bool one_line = false;      // ids, names and dates: no control characters
    Check check = Check::None;
    const std::vector<std::string>* vocab = nullptr;  // OneOf, NotEmpty, SectionKeys
    const char* noun = "";      // names the value in messages ("priority"); for a List, one element ("root cause")
    const char* hint = "";      // OneOf: said after the allowed values; List: an example id ("rc-1a2b3c4d")
    const char* required = nullptr;  // the message when the value is empty, if it must not be

    // Modifiers, so that a table line reads as a sentence.
    Field line() const { Field f = *this; f.one_line = true; return f; }
    Field with(Check c) const { Field f = *this; f.check = c; return f; }
    Field one_of(const std::vector<std::string>& v, const char* what, const char* after = "") const {
        Field f = with(Check::OneOf);
        f.vocab = &v;
        f.noun = what;
        f.hint = after;
        return f;
    }
    Field not_empty(const std::vector<std::string>& v, const char* what) const {
        Field f = with(Check::NotEmpty);
        f.vocab = &v;
        f.noun = what;
        return f;
    }
    Field needed(const char* message) const { Field f = *this; f.required = message; return f; }
};

template <class T>
struct Schema {
    std::vector<Field<T>> fields;  // in the order validation reports problems
    std::vector<Field<T>> sorted;  // by key, the order of the canonical JSON
    std::vector<const char*> keys;  // the known keys, in `sorted` order
};

// The table of each model struct.
template <class T>
const Schema<T>& of();
template <>
const Schema<Document>& of<Document>();
template <>
const Schema<Event>& of<Event>();
template <>
const Schema<ActionItem>& of<ActionItem>();
template <>
const Schema<Item>& of<Item>();
template <>
const Schema<LinkRef>& of<LinkRef>();
template <>
const Schema<Approval>& of<Approval>();
template <>
const Schema<Impact>& of<Impact>();
template <>
const Schema<Mark>& of<Mark>();
template <>
const Schema<Anchor>& of<Anchor>();
template <>
const Schema<CommentReply>& of<CommentReply>();
template <>
const Schema<Comment>& of<Comment>();
template <>
const Schema<Suggestion>& of<Suggestion>();
template <>
const Schema<SharedVersion>& of<SharedVersion>();
template <>
const Schema<Review>& of<Review>();
template <>
const Schema<Lessons>& of<Lessons>();

// Whether a field holds its default (the canonical form leaves it out).
template <class T>
bool is_default(const Field<T>& f, const T& x) {
    switch (f.kind) {
        case Kind::Text: return f.dflt[0] ? x.*f.text == f.dflt : (x.*f.text).empty();
        case Kind::Texts: return (x.*f.texts).empty();
        case Kind::Number: return !(x.*f.number);
        case Kind::Flag: return !(x.*f.flag);
        case Kind::Severity: return x.*f.integer == 0;
        case Kind::Time:
        case Kind::LocalTime: return !(x.*f.time).set;
        case Kind::OffsetOf: return !(x.*f.time).set || (x.*f.time).offset_min == 0;
        case Kind::Const: return false;
        case Kind::Object:
        case Kind::List: return f.nested->is_empty(x);
    }
    return true;
}

// Every field at its default and no unknown field.
template <class T>
bool is_empty(const T& x) {
    for (const Field<T>& f : of<T>().fields)
        if (!is_default(f, x)) return false;
    return !x.extra.is_object() || x.extra.empty();
}

}  // namespace schema
}  // namespace hs
