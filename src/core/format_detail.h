// Shared by the stages of the JSON form (format_read.cpp, format_write.cpp, format_validate.cpp) and the tables that
// drive them (schema.cpp): problem paths, message helpers, and the generic algorithms over a struct's table.
#pragma once

#include <string>
#include <vector>

#include "schema.h"

namespace hs::schema {

// A JSON Pointer built only when a problem is reported, so loading a valid document allocates no pointer strings.
struct Path {
    const Path* parent = nullptr;
    const char* key = nullptr;  // object member, or nullptr for an array index
    size_t index = 0;
    std::string str() const;
};

std::string quote(const std::string& s);  // the text in JSON quotes, cut to ~60 bytes on a character boundary
Json num(double v);                       // a number in canonical form: 1200 stays 1200 rather than 1200.0
// Empty when `s` is one line of text; otherwise a sentence naming the first control character and its byte.
std::string one_line_problem(const std::string& s);

// The stages, one template per stage, instantiated for every struct below (each in its stage's file).
template <class T>
void read_struct(Reader& r, Json& v, const Path& p, T& out);  // v must be an object
template <class T>
void read_object(Reader& r, Json& v, const Path& p, T& out);  // null leaves `out` as is
template <class T>
void read_list(Reader& r, Json& v, const Path& p, std::vector<T>& out);
template <class T>
Json struct_json(const T& x);
template <class T>
void write_object(Out& w, const char* key, const T& x);
template <class T>
void write_list(Out& w, const char* key, const std::vector<T>& v);
template <class T>
void check_struct(Checker& c, const T& x, const std::string& path, const char* noun, const char* example);
template <class T>
std::string* text_in(T& x, const std::string& path, size_t from);
template <class T>
std::vector<Item>* items_in(T& x, const std::string& path, size_t from);

// Every model struct with a table, for explicit instantiation: HS_SCHEMA_STRUCTS(MACRO) calls MACRO(T) for each.
#define HS_SCHEMA_STRUCTS(X)                                                                                  \
    X(Document) X(Event) X(ActionItem) X(Item) X(LinkRef) X(Approval) X(Impact) X(Lessons) X(Mark) X(Anchor)  \
    X(CommentReply) X(Comment) X(Suggestion) X(SharedVersion) X(Review)

}  // namespace hs::schema
