// The block structure of a Markdown postmortem: enough of CommonMark and GFM to read what people write from the
// common templates (and what Hindsight's own exporter writes), not a full renderer. Anything it does not know
// stays a paragraph, so no text is lost.
#include <cctype>

#include "../strings.h"
#include "markdown_detail.h"

namespace hs {
namespace md_import {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool blank(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }

size_t indent_of(const std::string& s) {
    size_t n = 0;
    for (char c : s) {
        if (c == ' ') ++n;
        else if (c == '\t') n += 4;
        else break;
    }
    return n;
}

// "## Title ##" -> level 2, "Title"; 0 when the line is no ATX heading.
int heading_level(const std::string& line, std::string& text) {
    if (indent_of(line) > 3) return 0;
    std::string s = trim(line);
    size_t n = 0;
    while (n < s.size() && s[n] == '#') ++n;
    if (n == 0 || n > 6 || (n < s.size() && s[n] != ' ' && s[n] != '\t')) return 0;
    std::string t = trim(s.substr(n));
    // A closing run of '#' (not escaped, after a space) is decoration.
    size_t e = t.find_last_not_of('#');
    if (e == std::string::npos) t.clear();
    else if (e + 1 < t.size() && (t[e] == ' ' || t[e] == '\t')) t = trim(t.substr(0, e));
    text = unescape_inline(t);
    return static_cast<int>(n);
}

// A list marker at the start of the line: its length with the space after it; 0 when none.
size_t list_marker(const std::string& line, bool& ordered) {
    size_t i = 0;
    while (i < line.size() && i < 3 && line[i] == ' ') ++i;
    if (i < line.size() && (line[i] == '-' || line[i] == '*' || line[i] == '+')) {
        ordered = false;
        ++i;
    } else {
        size_t k = i;
        while (k < line.size() && k - i < 9 && is_digit(line[k])) ++k;
        if (k == i || k >= line.size() || (line[k] != '.' && line[k] != ')')) return 0;
        ordered = true;
        i = k + 1;
    }
    if (i == line.size()) return i;  // an empty item
    if (line[i] != ' ' && line[i] != '\t') return 0;
    return i + 1;
}

bool thematic_break(const std::string& line) {
    std::string s;
    for (char c : line)
        if (c != ' ' && c != '\t') s += c;
    if (s.size() < 3) return false;
    return s.find_first_not_of(s[0]) == std::string::npos && (s[0] == '-' || s[0] == '*' || s[0] == '_');
}

bool is_fence(const std::string& line) {
    std::string s = trim(line);
    return s.rfind("```", 0) == 0 || s.rfind("~~~", 0) == 0;
}

// The cells of a table row, split at pipes that are not escaped, the outer pipes left out.
std::vector<std::string> split_row(const std::string& line) {
    std::string s = trim(line);
    std::vector<std::string> cells;
    std::string cur;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            cur += s[i];
            cur += s[++i];
        } else if (s[i] == '|') {
            cells.push_back(trim(cur));
            cur.clear();
        } else {
            cur += s[i];
        }
    }
    cells.push_back(trim(cur));
    if (!s.empty() && s.front() == '|') cells.erase(cells.begin());
    if (!s.empty() && s.back() == '|' && (s.size() < 2 || s[s.size() - 2] != '\\') && !cells.empty())
        cells.pop_back();
    return cells;
}

bool is_delimiter_row(const std::string& line) {
    std::string s = trim(line);
    if (s.find('-') == std::string::npos || s.find('|') == std::string::npos) return false;
    return s.find_first_not_of("|-: \t") == std::string::npos;
}

bool starts_table(const std::vector<std::string>& lines, size_t i) {
    return i + 1 < lines.size() && lines[i].find('|') != std::string::npos && is_delimiter_row(lines[i + 1]);
}

// Whether a line opens a block of its own (and so ends a paragraph or a lazy list continuation).
bool opens_block(const std::vector<std::string>& lines, size_t i) {
    std::string text;
    bool ordered = false;
    return heading_level(lines[i], text) || list_marker(lines[i], ordered) || is_fence(lines[i]) ||
           starts_table(lines, i) || thematic_break(lines[i]) || trim(lines[i]).rfind("<!--", 0) == 0;
}

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
        size_t nl = s.find('\n', start);
        if (nl == std::string::npos) nl = s.size();
        out.push_back(s.substr(start, nl - start));
        start = nl + 1;
    }
    return out;
}

// A list from lines[i]: items with their continuation lines (indented, or lazy ones that open no block).
size_t read_list(const std::vector<std::string>& lines, size_t i, Block& b) {
    b.kind = Block::kList;
    bool ordered = false;
    list_marker(lines[i], b.ordered);
    while (i < lines.size()) {
        const size_t m = list_marker(lines[i], ordered);
        if (!m || ordered != b.ordered) break;
        ListItem item;
        std::string first = lines[i].substr(m);
        if (first.size() >= 3 && first[0] == '[' && first[2] == ']' &&
            (first[1] == ' ' || first[1] == 'x' || first[1] == 'X') && (first.size() == 3 || first[3] == ' ')) {
            item.checked = first[1] == ' ' ? 0 : 1;
            first = first.size() > 3 ? first.substr(4) : std::string();
        }
        item.paragraphs.push_back({trim(first)});
        b.lines.push_back(lines[i]);
        ++i;
        while (i < lines.size()) {
            if (blank(lines[i])) {
                size_t k = i;
                while (k < lines.size() && blank(lines[k])) ++k;
                if (k < lines.size() && indent_of(lines[k]) >= 2 && !list_marker(lines[k], ordered)) {
                    item.paragraphs.emplace_back();
                    i = k;
                    continue;
                }
                break;
            }
            if (indent_of(lines[i]) < 2 && opens_block(lines, i)) break;
            if (indent_of(lines[i]) >= 2 && list_marker(lines[i], ordered) && indent_of(lines[i]) <= 3) break;
            item.paragraphs.back().push_back(trim(lines[i]));
            b.lines.push_back(lines[i]);
            ++i;
        }
        b.items.push_back(std::move(item));
        size_t k = i;
        while (k < lines.size() && blank(lines[k])) ++k;
        bool next_ordered = false;
        if (k < lines.size() && list_marker(lines[k], next_ordered) && next_ordered == b.ordered) i = k;
        else break;
    }
    return i;
}

}  // namespace

std::vector<Block> parse_blocks(const std::string& text) {
    const std::vector<std::string> lines = split_lines(text);
    std::vector<Block> blocks;
    size_t i = 0;
    bool ordered = false;
    while (i < lines.size()) {
        const std::string& line = lines[i];
        Block b;
        if (blank(line) || thematic_break(line)) {
            ++i;
            continue;
        }
        if (trim(line).rfind("<!--", 0) == 0) {  // template guidance in comments is not the postmortem
            while (i < lines.size() && lines[i].find("-->") == std::string::npos) ++i;
            ++i;
            continue;
        }
        if ((b.level = heading_level(line, b.text))) {
            b.kind = Block::kHeading;
            b.lines.push_back(line);
            ++i;
        } else if (is_fence(line)) {
            b.kind = Block::kCode;
            b.lines.push_back(line);
            for (++i; i < lines.size(); ++i) {
                b.lines.push_back(lines[i]);
                if (is_fence(lines[i])) {
                    ++i;
                    break;
                }
            }
        } else if (starts_table(lines, i)) {
            b.kind = Block::kTable;
            b.lines.push_back(line);
            b.lines.push_back(lines[i + 1]);
            b.rows.push_back(split_row(line));
            for (i += 2; i < lines.size() && !blank(lines[i]) && lines[i].find('|') != std::string::npos; ++i) {
                b.lines.push_back(lines[i]);
                b.rows.push_back(split_row(lines[i]));
            }
        } else if (list_marker(line, ordered)) {
            i = read_list(lines, i, b);
        } else {
            b.kind = Block::kParagraph;
            for (; i < lines.size() && !blank(lines[i]) && (b.lines.empty() || !opens_block(lines, i)); ++i)
                b.lines.push_back(lines[i]);
        }
        blocks.push_back(std::move(b));
    }
    return blocks;
}

std::string unescape_inline(const std::string& s) {
    static const std::pair<const char*, const char*> kEntities[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&nbsp;", " "}};
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1]))) {
            out += s[++i];
            continue;
        }
        bool done = false;
        if (c == '&') {
            for (const auto& e : kEntities) {
                const std::string name = e.first;
                if (s.compare(i, name.size(), name) == 0) {
                    out += e.second;
                    i += name.size() - 1;
                    done = true;
                    break;
                }
            }
        }
        if (!done) out += c;
    }
    return out;
}

std::string cell_text(const std::string& raw) {
    std::string s = trim(raw);
    if (s == "\xE2\x80\x94") return "";  // the exporter's "—" for an empty cell
    std::string joined;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s.compare(i, 4, "<br>") == 0 || s.compare(i, 6, "<br />") == 0 || s.compare(i, 5, "<br/>") == 0) {
            joined += '\n';
            i += s.compare(i, 4, "<br>") == 0 ? 3 : s.compare(i, 5, "<br/>") == 0 ? 4 : 5;
        } else {
            joined += s[i];
        }
    }
    return unescape_inline(joined);
}

std::string paragraph_text(const std::vector<std::string>& lines) {
    std::string raw;
    for (size_t k = 0; k < lines.size(); ++k) {
        std::string l = lines[k];
        bool hard = false;
        size_t slashes = 0;
        while (slashes < l.size() && l[l.size() - 1 - slashes] == '\\') ++slashes;
        if (slashes % 2 == 1 && k + 1 < lines.size()) {
            l.pop_back();
            hard = true;
        } else if (l.size() >= 2 && l.compare(l.size() - 2, 2, "  ") == 0) {
            hard = true;
        }
        raw += trim(l);
        if (k + 1 < lines.size()) raw += hard ? "\n" : " ";
    }
    return unescape_inline(raw);
}

std::string item_text(const ListItem& item) {
    std::string out;
    for (const auto& p : item.paragraphs) {
        if (p.empty() || (p.size() == 1 && p[0].empty())) continue;
        if (!out.empty()) out += "\n\n";
        out += paragraph_text(p);
    }
    return out;
}

std::string block_text(const Block& b) {
    std::string out;
    if (b.kind == Block::kParagraph) return paragraph_text(b.lines);
    if (b.kind == Block::kHeading) return b.text;
    if (b.kind == Block::kList) {
        for (size_t k = 0; k < b.items.size(); ++k) {
            if (k) out += "\n";
            out += (b.ordered ? std::to_string(k + 1) + ". " : std::string("- ")) + item_text(b.items[k]);
        }
        return out;
    }
    for (size_t k = 0; k < b.lines.size(); ++k) out += (k ? "\n" : "") + b.lines[k];
    return out;
}

bool parse_link(const std::string& raw, std::string& label, std::string& url) {
    const std::string s = trim(raw);
    if (s.size() < 4 || s[0] != '[' || s.back() != ')') return false;
    size_t depth = 0, close = std::string::npos;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\') {
            ++i;
            continue;
        }
        if (s[i] == '[') ++depth;
        else if (s[i] == ']' && --depth == 0) {
            close = i;
            break;
        }
    }
    if (close == std::string::npos || close + 1 >= s.size() || s[close + 1] != '(') return false;
    std::string dest = s.substr(close + 2, s.size() - close - 3);
    if (dest.find_first_of(" \t\n") != std::string::npos) return false;
    label = unescape_inline(s.substr(1, close - 1));
    // The exporter encodes what would end the destination; a URL reads better with them back.
    static const std::pair<const char*, char> kCodes[] = {{"%28", '('}, {"%29", ')'}, {"%3C", '<'}, {"%3E", '>'},
                                                          {"%5C", '\\'}, {"%22", '"'}, {"%60", '`'}, {"%7C", '|'}};
    url.clear();
    for (size_t i = 0; i < dest.size(); ++i) {
        bool done = false;
        for (const auto& c : kCodes) {
            if (dest.compare(i, 3, c.first) == 0) {
                url += c.second;
                i += 2;
                done = true;
                break;
            }
        }
        if (!done) url += dest[i];
    }
    return true;
}

bool split_label(const std::string& raw, std::string& label, std::string& value) {
    std::string s = trim(raw);
    constexpr size_t kMaxLabel = 40;  // longer "labels" are sentences that happen to hold a colon
    if (s.rfind("**", 0) == 0) {
        const size_t end = s.find("**", 2);
        if (end == std::string::npos) return false;
        std::string inner = trim(s.substr(2, end - 2));
        std::string rest = s.substr(end + 2);
        if (!inner.empty() && inner.back() == ':') inner.pop_back();
        else if (!rest.empty() && rest[0] == ':') rest = rest.substr(1);
        else return false;
        label = unescape_inline(trim(inner));
        value = trim(rest);
        return !label.empty() && label.size() <= kMaxLabel;
    }
    const size_t colon = s.find(':');
    if (colon == std::string::npos || colon == 0 || colon > kMaxLabel) return false;
    if (colon + 1 < s.size() && s[colon + 1] != ' ') return false;  // "14:02", "https://"
    const std::string l = s.substr(0, colon);
    if (l.find_first_of(".!?,;()[]`*") != std::string::npos) return false;
    label = unescape_inline(trim(l));
    value = trim(s.substr(colon + 1));
    return true;
}

std::string fold_heading(const std::string& s) {
    std::string out;
    for (char c : s) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (u >= 0x80 || std::isalnum(u)) out += lower(c);
    }
    return out;
}

}  // namespace md_import
}  // namespace hs
