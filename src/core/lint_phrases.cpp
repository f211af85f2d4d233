// The lint's phrase matching and its phrase data: word boundaries in any script, normalised phrases, and
// assets/lint/blame-phrases.json. The findings are made in lint.cpp; the blame grammar is in lint_grammar.cpp.
#include <string>

#include "embedded.h"
#include "lint_detail.h"
#include "strings.h"
#include "text.h"

namespace hs {

namespace lint_detail {

// Called for every field of every lint run, on most fields a single comparison: a loop, not find_first_not_of,
// which looks each character up in the set.
bool blank(const std::string& s) {
    for (char ch : s)
        if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n') return false;
    return true;
}

// ---- phrase matching ------------------------------------------------------------------------------------------------
// Word boundaries for phrases and names: a letter of any script next to a match means the match cuts a word ("blamed"
// inside a Cyrillic word is not the English word), while a wide East Asian letter is a word of its own (an English
// phrase next to 障害 is whole), and punctuation of any script (、「」（）) is never part of a word (text.h).
uint32_t cp_at(const std::string& s, size_t i) {
    size_t len;
    return utf8_decode(s, i, len);
}
uint32_t cp_before(const std::string& s, size_t i) { return cp_at(s, utf8_prev(s, i)); }
// A word character at i (tokenising).
bool word_at(const std::string& s, size_t i) { return i < s.size() && is_word_char(cp_at(s, i)); }
// The character at i goes on with the word that ends just before i (a match ending at i would cut it).
bool joins_after(const std::string& s, size_t i) {
    if (i == 0 || i >= s.size()) return false;
    const unsigned char a = static_cast<unsigned char>(s[i - 1]), b = static_cast<unsigned char>(s[i]);
    if (a < 0x80 && b < 0x80) return is_word_char(b);  // ASCII: no wide letter and no mark involved
    return joins_word(cp_at(s, i), cp_before(s, i));
}
// The character before i goes on into the word that starts at i (a match starting at i would cut it).
bool joins_before(const std::string& s, size_t i) {
    if (i == 0) return false;
    const unsigned char a = static_cast<unsigned char>(s[i - 1]);
    if (a < 0x80 && (i == s.size() || static_cast<unsigned char>(s[i]) < 0x80)) return is_word_char(a);
    return joins_word(cp_before(s, i), i < s.size() ? cp_at(s, i) : ' ');
}

// Matches `phrase` (normalised: case-folded, spaces collapsed) at text[pos]; returns the end offset or npos.
size_t match_at(const std::string& text, size_t pos, const std::string& phrase) {
    size_t t = pos;
    for (size_t p = 0; p < phrase.size();) {
        const char pc = phrase[p];
        if (pc == ' ') {
            size_t start = t;
            while (t < text.size() && is_space(text[t])) ++t;
            if (t == start) return std::string::npos;
            while (p < phrase.size() && phrase[p] == ' ') ++p;
        } else if (pc == '\'') {
            if (t < text.size() && text[t] == '\'') ++t;
            else if (text.compare(t, 3, "\xE2\x80\x99") == 0) t += 3;
            else return std::string::npos;
            ++p;
        } else if (t < text.size() && static_cast<unsigned char>(text[t]) < 0x80) {
            if (lower(text[t]) != pc) return std::string::npos;
            ++t, ++p;
        } else {  // the text's next code point, case-folded, must be the phrase's next bytes
            if (t >= text.size()) return std::string::npos;
            size_t len;
            uint32_t f[3];
            std::string folded;
            for (int k = 0, n = casefold_full(utf8_decode(text, t, len), f); k < n; ++k) utf8_append(folded, f[k]);
            if (phrase.compare(p, folded.size(), folded) != 0) return std::string::npos;
            p += folded.size(), t += len;
        }
    }
    return t;
}

std::string normalise_phrase(const std::string& s) {
    // Phrases in any script match whatever their case in the text: case-folded (ASCII without the tables).
    const bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    const std::string folded = ascii ? std::string() : casefold(s);
    std::string out;
    for (char c : ascii ? s : folded) {
        if (is_space(c)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += lower(c);
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    // The typographic apostrophe in the data means the same as the plain one.
    std::string r;
    for (size_t i = 0; i < out.size(); ++i) {
        if (out.compare(i, 3, "\xE2\x80\x99") == 0) {
            r += '\'';
            i += 2;
        } else {
            r += out[i];
        }
    }
    return r;
}

// find_phrase with a phrase that normalise_phrase has already made.
std::vector<std::pair<size_t, size_t>> find_normalised(const std::string& text, const std::string& ph) {
    std::vector<std::pair<size_t, size_t>> out;
    if (ph.empty()) return out;
    const char first = ph[0], upper = first >= 'a' && first <= 'z' ? char(first - 'a' + 'A') : first;
    const bool any = first == '\'';
    for (size_t pos = 0; pos < text.size(); ++pos) {
        const unsigned char c = static_cast<unsigned char>(text[pos]);
        // Only an ASCII byte can be ruled out at once: any other code point may fold to the phrase's first letter.
        if (c < 0x80 ? text[pos] != first && text[pos] != upper && !any : (c & 0xC0) == 0x80) continue;
        if (joins_before(text, pos)) continue;
        size_t end = match_at(text, pos, ph);
        if (end == std::string::npos || joins_after(text, end)) continue;
        // A phrase that starts or ends with punctuation must still not split a word on that side.
        out.emplace_back(pos, end);
        pos = end - 1;
    }
    return out;
}

// ---- the phrase data ------------------------------------------------------------------------------------------------
bool parse_data(const std::string& text, PhraseData& out, std::string* error) {
    auto fail = [&](const std::string& m) {
        if (error) *error = m;
        return false;
    };
    Json j = Json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return fail("The phrase list is not a JSON object.");
    auto it = j.find("phrases");
    if (it == j.end() || !it->is_array()) return fail("The phrase list has no \"phrases\" array.");
    for (size_t i = 0; i < it->size(); ++i) {
        const Json& e = (*it)[i];
        std::string where = "/phrases/" + std::to_string(i);
        if (!e.is_object()) return fail(where + ": each entry must be an object with \"phrase\" and \"hint\".");
        auto ph = e.find("phrase");
        auto hi = e.find("hint");
        if (ph == e.end() || !ph->is_string() || blank(ph->get<std::string>()))
            return fail(where + "/phrase: a non-empty string is required.");
        if (hi == e.end() || !hi->is_string() || blank(hi->get<std::string>()))
            return fail(where + "/hint: a non-empty rewording hint is required.");
        BlamePhrase b;
        b.phrase = normalise_phrase(ph->get<std::string>());
        b.hint = hi->get<std::string>();
        auto pf = e.find("person_follows");
        if (pf != e.end()) {
            if (!pf->is_boolean()) return fail(where + "/person_follows: must be true or false.");
            b.person_follows = pf->get<bool>();
        }
        auto su = e.find("subject");
        if (su != e.end()) {
            if (!su->is_string() || su->get<std::string>() != "person")
                return fail(where + "/subject: the only value is \"person\".");
            b.person_subject = true;
        }
        out.phrases.push_back(std::move(b));
    }
    auto words = [&](const char* key, std::vector<std::string>& dst) {
        auto w = j.find(key);
        if (w == j.end()) return true;
        if (!w->is_array()) return fail(std::string("/") + key + ": must be an array of strings.");
        for (const Json& s : *w) {
            if (!s.is_string()) return fail(std::string("/") + key + ": must be an array of strings.");
            std::string n = normalise_phrase(s.get<std::string>());
            if (!n.empty()) dst.push_back(n);
        }
        return true;
    };
    return words("person_words", out.person_words);
}

const PhraseData& data() {
    static const PhraseData d = [] {
        PhraseData pd;
        try {
            const EmbeddedFile* f = find_embedded("lint/blame-phrases.json");
            if (f && f->data && !parse_data(std::string(f->data, f->size), pd, nullptr)) pd = PhraseData{};
        } catch (...) {
            pd = PhraseData{};
        }
        return pd;
    }();
    return d;
}

}  // namespace lint_detail

}  // namespace hs
