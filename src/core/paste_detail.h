// Paste to add, inside: the scanner of the time stamps that start pasted lines (paste_stamp.cpp), shared with the
// line parser (paste.cpp). Internal to the paste parser; paste.h is the interface.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace hs::paste_detail {

constexpr int64_t kMin = 60000;

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }

struct Scan {
    const std::string& s;
    size_t p = 0;
    char at(size_t i) const { return i < s.size() ? s[i] : '\0'; }
    char cur() const { return at(p); }
    void spaces() {
        while (p < s.size() && s[p] == ' ') ++p;
    }
    // Up to max_n digits (at least min_n) at p.
    bool number(int min_n, int max_n, int& out, size_t& len) const {
        size_t q = p;
        int v = 0;
        while (q < s.size() && is_digit(s[q]) && static_cast<int>(q - p) < max_n) v = v * 10 + (s[q++] - '0');
        len = q - p;
        if (static_cast<int>(len) < min_n || (q < s.size() && is_digit(s[q]))) return false;
        out = v;
        return true;
    }
    std::string word() const {  // letters at p
        size_t q = p;
        while (q < s.size() && is_alpha(s[q])) ++q;
        return s.substr(p, q - p);
    }
};

// A parsed stamp at the start of a line.
struct Stamp {
    bool has_date = false, year_given = false;
    int y = 0, mo = 0, d = 0;
    bool has_time = false;
    int h = 0, mi = 0, sec = 0, ms = 0;
    bool has_offset = false;
    int offset = 0;
    size_t end = 0;     // where the rest of the line begins
    std::string error;  // set: the line is rejected with this reason (without the "line N: " prefix)
};

// A real calendar date (0000-9999).
bool real_date(int y, int m, int d);
// "YYYY-MM-DD".
std::string iso_date(int y, int m, int d);
// A time at sc.p ("14:02", "2:02:30.120 PM"); moves sc.p past it.
bool scan_time(Scan& sc, Stamp& st);
// The stamp at the start of the line: [weekday,] [date] time [am/pm] [offset], optionally in [] or ().
// Returns nullopt when the line does not start with a date or a time.
std::optional<Stamp> scan_stamp(const std::string& s);

}  // namespace hs::paste_detail
