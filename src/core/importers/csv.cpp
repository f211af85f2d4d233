// CSV importer: RFC 4180 (quoted fields, "" escapes, CRLF or LF, newlines inside quotes, optional UTF-8 BOM) with a
// header row naming the columns time, type, description, author, tags (any case, any order). See docs/importers.md.
#include <map>
#include <string>
#include <vector>

#include "../strings.h"
#include "importers.h"

namespace hs {

using namespace import_detail;

namespace {

struct Record {
    size_t line = 0;  // physical line the record starts on (1-based)
    std::vector<std::string> fields;
};

std::string line_prefix(size_t line) { return "line " + std::to_string(line) + ": "; }

bool blank(const Record& r) {
    for (const auto& f : r.fields) {
        if (!trim(f).empty()) return false;
    }
    return true;
}

// At most this many columns: a timeline has five, and a header of millions (a 31 MB line of commas) must be refused
// before its fields are held, not after.
constexpr size_t kMaxCsvColumns = 64;

// Splits the text into records and hands each non-blank one to `take` as soon as it ends (no record is kept, so memory
// stays that of one record plus what `take` builds). Returns an error message ("" when fine): the first one `take`
// returns, a record wider than kMaxCsvColumns, or more than `max_records` non-blank records.
template <class Take>
std::string parse_csv(const std::string& text, size_t max_records, Take take) {
    size_t i = 0, n = text.size();
    if (n >= 3 && static_cast<unsigned char>(text[0]) == 0xEF && static_cast<unsigned char>(text[1]) == 0xBB &&
        static_cast<unsigned char>(text[2]) == 0xBF) {
        i = 3;
    }
    size_t line = 1;
    size_t non_blank = 0;
    Record rec;
    rec.line = 1;
    std::string field;
    bool any = false;  // the current record has content (a field separator or a character)
    std::string taken;  // the error `take` returned
    auto end_record = [&]() -> bool {
        rec.fields.push_back(std::move(field));
        field.clear();
        bool keep = !blank(rec);
        if (keep) {
            ++non_blank;
            if (non_blank > max_records) return false;
            taken = take(rec);
        }
        rec = Record();
        any = false;
        return taken.empty();
    };
    auto stopped = [&]() {
        return !taken.empty() ? taken
                              : line_prefix(line) + "more than " + std::to_string(max_records - 1) + " rows; split the file.";
    };
    while (i < n) {
        char c = text[i];
        if (c == '"' && field.empty()) {
            // Quoted field: runs to the closing quote; "" is a literal quote; newlines are part of the field.
            size_t start_line = line;
            ++i;
            bool closed = false;
            while (i < n) {
                char q = text[i];
                if (q == '"') {
                    if (i + 1 < n && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                if (q == '\r') {
                    // A CRLF inside quotes is one line break; keep it as "\n" so the text is the same on every OS.
                    field += '\n';
                    ++line;
                    i += (i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
                    continue;
                }
                if (q == '\n') ++line;
                field += q;
                ++i;
            }
            if (!closed) {
                return line_prefix(start_line) + "a quoted field starts here but its closing quote (\") is missing.";
            }
            any = true;
            if (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
                return line_prefix(line) + "unexpected text after a closing quote; inside a quoted field write a "
                                           "quote as \"\".";
            }
            continue;
        }
        if (c == ',') {
            if (rec.fields.size() + 1 >= kMaxCsvColumns)
                return line_prefix(rec.line) + "more than " + std::to_string(kMaxCsvColumns) +
                       " columns; a timeline needs time, type, description, author and tags. Check that this is the "
                       "right file and that it uses commas between columns.";
            rec.fields.push_back(std::move(field));
            field.clear();
            any = true;
            ++i;
            continue;
        }
        if (c == '\r' || c == '\n') {
            i += (c == '\r' && i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
            if (!end_record()) return stopped();
            ++line;
            rec.line = line;
            continue;
        }
        // Outside quotes every other character, a stray quote included, is literal text (lenient like spreadsheets).
        field += c;
        any = true;
        ++i;
    }
    if (any || !field.empty() || !rec.fields.empty()) {
        if (!end_record()) return stopped();
    }
    return "";
}

enum Column { kTime, kType, kDescription, kAuthor, kTags, kUnknown };

Column column_for(const std::string& name) {
    std::string k = fold_key(trim(name));
    if (k == "time") return kTime;
    if (k == "type") return kType;
    if (k == "description") return kDescription;
    if (k == "author") return kAuthor;
    if (k == "tags") return kTags;
    return kUnknown;
}

// "Impact start", "impact-start" and "IMPACT_START" all name impact_start.
std::string event_type_for(const std::string& raw) {
    std::string k = fold_key(raw);
    for (const auto& t : vocab::kEventTypes) {
        if (fold_key(t) == k) return t;
    }
    return "";
}

}  // namespace

ImportResult import_csv(const std::string& text) {
    try {
        if (text.size() > kMaxImportBytes) return import_error("", "The input is larger than 64 MiB; split the file.");
        ImportResult res;
        res.doc = new_import_document();
        Document& doc = res.doc;
        // The header is read first (the first non-blank record); each row then becomes an event as it is read.
        bool have_header = false;
        size_t header_line = 0;
        std::vector<Column> cols;
        std::map<Column, size_t> where;
        bool warned_no_offset = false;
        size_t unknown_types = 0;
        constexpr size_t kMaxTypeWarnings = 10;
        auto on_header = [&](const Record& header) -> std::string {
            have_header = true;
            header_line = header.line;
            const std::string hp = line_prefix(header.line);
            std::vector<std::string> unknown;
            for (size_t c = 0; c < header.fields.size(); ++c) {
                Column col = column_for(header.fields[c]);
                cols.push_back(col);
                if (col == kUnknown) {
                    unknown.push_back(trim(header.fields[c]));
                    continue;
                }
                if (where.count(col)) return hp + "the column \"" + trim(header.fields[c]) + "\" appears twice.";
                where[col] = c;
            }
            if (!where.count(kTime) || !where.count(kDescription))
                return hp + "the header must name a \"time\" and a \"description\" column, e.g. "
                            "time,type,description,author,tags.";
            if (!unknown.empty()) {  // one warning for all of them
                std::string names;
                for (size_t k = 0; k < unknown.size() && k < 5; ++k) names += (k ? ", \"" : "\"") + unknown[k] + "\"";
                if (unknown.size() > 5) names += " and " + std::to_string(unknown.size() - 5) + " more";
                res.problems.push_back({"", hp + (unknown.size() == 1 ? "the column " : "the columns ") + names +
                                                (unknown.size() == 1 ? " is" : " are") +
                                                " not known and were ignored (known: time, type, description, author, "
                                                "tags)."});
            }
            return "";
        };
        auto on_row = [&](const Record& rec) -> std::string {
            const std::string lp = line_prefix(rec.line);
            if (rec.fields.size() != cols.size())
                return lp + std::to_string(rec.fields.size()) + " field" + (rec.fields.size() == 1 ? "" : "s") +
                       ", but the header has " + std::to_string(cols.size()) +
                       " columns (put fields that contain commas in double quotes).";
            auto field = [&](Column c) -> std::string {
                auto it = where.find(c);
                return it == where.end() ? std::string() : rec.fields[it->second];
            };
            std::string ts = trim(field(kTime));
            if (ts.empty()) return lp + "the time is empty (write 2026-03-01T14:02:00Z).";
            auto t = parse_iso8601(ts, 0);
            if (!t) return lp + "the time \"" + ts + "\" is not ISO 8601 (write 2026-03-01T14:02:00Z).";
            if (!has_explicit_offset(ts) && !warned_no_offset) {
                warned_no_offset = true;
                res.problems.push_back({"", lp + "the time \"" + ts + "\" has no UTC offset; times without one "
                                                 "were read as UTC (write 2026-03-01T14:02:00Z or add +01:00)."});
            }
            std::string desc = trim(field(kDescription));
            if (desc.empty()) return lp + "the description is empty; say what happened.";

            Event ev;
            ev.id = new_id("ev");
            ev.time = *t;
            ev.description = desc;
            ev.author = trim(field(kAuthor));
            std::string raw_type = trim(field(kType));
            if (!raw_type.empty()) {
                ev.type = event_type_for(raw_type);
                if (ev.type.empty()) {
                    ev.type = "note";
                    if (++unknown_types <= kMaxTypeWarnings)
                        res.problems.push_back({"", lp + "unknown type \"" + raw_type +
                                                        "\"; imported as a note (types: impact_start, detected, "
                                                        "acknowledged, escalated, action, communication, mitigated, "
                                                        "resolved, note)."});
                }
            }
            std::string tags = field(kTags);
            size_t start = 0;
            while (start <= tags.size()) {
                size_t semi = tags.find(';', start);
                if (semi == std::string::npos) semi = tags.size();
                std::string tag = trim(tags.substr(start, semi - start));
                if (!tag.empty()) ev.tags.push_back(tag);
                start = semi + 1;
            }
            doc.timeline.push_back(std::move(ev));
            return "";
        };
        std::string err = parse_csv(text, kMaxCsvRows + 1, [&](const Record& r) {
            return have_header ? on_row(r) : on_header(r);
        });
        if (!err.empty()) return import_error("", err);
        if (!have_header) {
            return import_error("", "line 1: the file is empty; the first line must be a header such as "
                                    "time,type,description,author,tags.");
        }
        if (unknown_types > kMaxTypeWarnings)
            res.problems.push_back({"", "and " + std::to_string(unknown_types - kMaxTypeWarnings) +
                                            " more rows with an unknown type, imported as notes."});
        if (doc.timeline.empty()) {
            return import_error("", "line " + std::to_string(header_line + 1) +
                                        ": the file has a header but no rows; there is nothing to import.");
        }
        sort_timeline(doc);
        res.problems.push_back({"/title", "A CSV timeline does not name the incident; write a title."});
        res.ok = true;
        return res;
    } catch (const std::exception& ex) {
        return import_error("", std::string("Could not import the CSV file: ") + ex.what());
    } catch (...) {
        return import_error("", "Could not import the CSV file.");
    }
}

}  // namespace hs
