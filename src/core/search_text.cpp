// The words of the search index (search.h) and the fields of a document that it reads.
#include <algorithm>

#include "search.h"
#include "search_detail.h"
#include "text.h"

namespace hs {

namespace {

constexpr float kTitleWeight = 3.0f;
constexpr float kCauseWeight = 1.5f;  // root causes and contributing factors say what the incident was about

// Greek capitals are written without accents, so "ΠΛΗΡΩΜΩΝ" must find "πληρωμών": a term keeps the base letter of
// the Greek vowels with tonos or dialytika (after case folding, which leaves them lower case).
uint32_t greek_base(uint32_t cp) {
    switch (cp) {
        case 0x03AC: return 0x03B1;  // ά
        case 0x03AD: return 0x03B5;  // έ
        case 0x03AE: return 0x03B7;  // ή
        case 0x03AF: case 0x03CA: case 0x0390: return 0x03B9;  // ί ϊ ΐ
        case 0x03CC: return 0x03BF;  // ό
        case 0x03CD: case 0x03CB: case 0x03B0: return 0x03C5;  // ύ ϋ ΰ
        case 0x03CE: return 0x03C9;  // ώ
        default: return cp;
    }
}

// The term of a word: case-folded, Greek accents dropped.
std::string fold_term(std::string_view word) {
    std::string f = casefold(word);
    bool greek = false;
    for (unsigned char c : f) greek = greek || c == 0xCE || c == 0xCF;  // the lead bytes of U+0380..U+03FF
    if (!greek) return f;
    std::string out;
    for (size_t pos = 0; pos < f.size();) {
        size_t len = 1;
        utf8_append(out, greek_base(utf8_decode(f, pos, len)));
        pos += len;
    }
    return out;
}

struct Cp {
    uint32_t cp;
    size_t start, end;
};

// The pairs of a run of CJK characters; a run of one character is that character.
void cjk_terms(std::string_view text, const std::vector<Cp>& run, std::vector<SearchToken>& out) {
    if (run.size() == 1) {
        out.push_back({fold_term(text.substr(run[0].start, run[0].end - run[0].start)), run[0].start, run[0].end});
        return;
    }
    for (size_t i = 0; i + 1 < run.size(); ++i)
        out.push_back({fold_term(text.substr(run[i].start, run[i + 1].end - run[i].start)), run[i].start,
                       run[i + 1].end});
}

void add_field(std::vector<SearchField>& out, std::string path, const std::string& text, float weight = 1.0f,
               bool cause = false) {
    if (!text.empty()) out.push_back({std::move(path), text, weight, cause});
}
void add_items(std::vector<SearchField>& out, const std::string& list, const std::vector<Item>& items,
               float weight = 1.0f, bool cause = false) {
    for (const Item& i : items) add_field(out, list + "/" + i.id + "/text", i.text, weight, cause);
}

}  // namespace

std::vector<SearchToken> search_tokens(std::string_view text) {
    std::vector<SearchToken> out;
    std::vector<Cp> cjk;
    size_t word_start = std::string::npos;
    auto end_word = [&](size_t at) {
        if (word_start != std::string::npos) out.push_back({fold_term(text.substr(word_start, at - word_start)),
                                                            word_start, at});
        word_start = std::string::npos;
    };
    auto end_cjk = [&] {
        if (!cjk.empty()) cjk_terms(text, cjk, out);
        cjk.clear();
    };
    size_t pos = 0;
    while (pos < text.size()) {
        size_t len = 1;
        const uint32_t cp = utf8_decode(text, pos, len);
        if (search_detail::is_cjk(cp)) {
            end_word(pos);
            cjk.push_back({cp, pos, pos + len});
        } else if (is_word_char(cp) && cp != '_') {
            end_cjk();
            if (word_start == std::string::npos) word_start = pos;
        } else {
            end_word(pos);
            end_cjk();
        }
        pos += len;
    }
    end_word(pos);
    end_cjk();
    return out;
}

std::vector<SearchField> searchable_fields(const Document& d) {
    std::vector<SearchField> f;
    add_field(f, "title", d.title, kTitleWeight, true);
    add_field(f, "summary", d.summary, 1.0f, true);
    add_field(f, "impact.description", d.impact.description, 1.0f, true);
    const std::pair<const char*, const std::string*> prose[] = {
        {"leadup", &d.leadup},       {"trigger", &d.trigger},   {"fault", &d.fault},
        {"detection", &d.detection}, {"response", &d.response}, {"recovery", &d.recovery},
        {"resolution", &d.resolution}};
    for (const auto& p : prose) {
        const std::string key = p.first;
        add_field(f, key, *p.second, 1.0f, key == "leadup" || key == "trigger" || key == "fault");
    }
    for (const Event& e : d.timeline) add_field(f, "timeline/" + e.id + "/description", e.description);
    add_items(f, "root_causes", d.root_causes, kCauseWeight, true);
    add_items(f, "contributing_factors", d.contributing_factors, kCauseWeight, true);
    add_items(f, "five_whys", d.five_whys, 1.0f, true);
    add_items(f, "lessons.went_well", d.lessons.went_well);
    add_items(f, "lessons.went_wrong", d.lessons.went_wrong);
    add_items(f, "lessons.got_lucky", d.lessons.got_lucky);
    for (const ActionItem& a : d.action_items) {
        add_field(f, "action_items/" + a.id + "/title", a.title);
        add_field(f, "action_items/" + a.id + "/description", a.description);
    }
    add_items(f, "open_questions", d.open_questions);
    return f;
}

namespace search_detail {

bool is_cjk(uint32_t cp) {
    return (cp >= 0x3040 && cp <= 0x30FF) ||   // Hiragana, Katakana
           (cp >= 0x31F0 && cp <= 0x31FF) ||   // Katakana phonetic extensions
           (cp >= 0x3400 && cp <= 0x4DBF) ||   // CJK extension A
           (cp >= 0x4E00 && cp <= 0x9FFF) ||   // CJK unified ideographs
           (cp >= 0xF900 && cp <= 0xFAFF) ||   // compatibility ideographs
           (cp >= 0xFF66 && cp <= 0xFF9F) ||   // half-width Katakana
           (cp >= 0x20000 && cp <= 0x3FFFF);   // extensions B and later
}

FieldMatch make_snippet(const std::string& path, const std::string& text, const std::vector<ByteRange>& hits,
                        size_t max_bytes) {
    FieldMatch m;
    m.path = path;
    static const std::string kEllipsis = "\xE2\x80\xA6";
    size_t from = 0, to = text.size();
    if (text.size() > max_bytes) {
        const size_t first = hits.empty() ? 0 : hits.front().start;
        // A little context before the first hit, the rest after it.
        from = first > max_bytes / 4 ? utf8_floor(text, first - max_bytes / 4) : 0;
        to = std::min(text.size(), from + max_bytes);
        if (to < text.size()) to = utf8_floor(text, to);
        if (!hits.empty() && to < hits.front().end) to = hits.front().end;  // never cut the first hit
    }
    const std::string lead = from > 0 ? kEllipsis : "";
    m.snippet = lead + text.substr(from, to - from) + (to < text.size() ? kEllipsis : "");
    for (const ByteRange& h : hits)
        if (h.start >= from && h.end <= to)
            m.highlights.push_back({h.start - from + lead.size(), h.end - from + lead.size()});
    return m;
}

}  // namespace search_detail
}  // namespace hs
