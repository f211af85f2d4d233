// Lint: completeness findings (what a reviewer would ask for) and blameless-language findings: phrases from
// assets/lint/blame-phrases.json, some counting only when the subject of their clause is a person, and a person as
// the cause of a failure, found by a small rule-based reading of each sentence (word classes from
// assets/lint/blame-grammar.json; docs/lint.md). Findings are ordered by the document's section order, the header
// first.
#include "lint.h"

#include <algorithm>
#include <set>

#include "embedded.h"
#include "exporters/exporters.h"
#include "templates.h"
#include "strings.h"
#include "text.h"

namespace hs {

namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

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

struct PhraseData {
    std::vector<BlamePhrase> phrases;
    std::vector<std::string> person_words;
};

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

// ---- findings ---------------------------------------------------------------------------------------------------

struct Ctx {
    const Document& d;
    const std::vector<BlamePhrase>& phrases;
    std::vector<std::string> people;  // names that may appear in text, longest first
    std::vector<std::string> normalised;  // phrases[i].phrase, normalised (once a run, not once a field)
    std::vector<Finding> out;
    LintCache* cache = nullptr;  // earlier scans, by field and text
    std::map<std::string, std::vector<Finding>> scanned;  // this run's scans, the cache's next contents
};

Finding make(const char* rule, const char* sev, const std::string& section, const std::string& item_id,
             const std::string& field, std::string message, std::string suggestion) {
    Finding f;
    f.rule = rule;
    f.severity = sev;
    f.section = section;
    f.item_id = item_id;
    f.field = field;
    f.message = std::move(message);
    f.suggestion = std::move(suggestion);
    return f;
}

std::string quote_excerpt(const std::string& text, size_t start, size_t end) {
    std::string s = sanitize_text(text.substr(start, end - start));
    for (char& c : s)
        if (c == '\n' || c == '\t') c = ' ';
    return "\"" + s + "\"";
}

// ---- sentence analysis: who is the subject of a failure ----------------------------------------------------------
// A small rule-based reading of each sentence (docs/lint.md): tokens, the noun phrase that is the subject of a verb
// (found backwards from the verb, across adverbs, prepositional phrases and relative clauses), and whether that
// subject is a person (a name, a role, a pronoun), a system (assets/lint/blame-grammar.json) or "we".

struct Grammar {
    std::set<std::string> person_nouns, system_words, common_words, fault_adjectives, fault_nouns, careful_verbs,
        report_verbs, break_exceptions, miss_exceptions, production_words;
    std::vector<std::vector<std::string>> break_verbs, destroy_verbs, act_verbs, omission_verbs, miss_verbs,
        modal_blame;
    std::vector<std::string> cause_words;  // break_verbs as written
};

std::vector<std::string> split_words(const std::string& s) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < s.size()) {
        size_t j = s.find(' ', i);
        if (j == std::string::npos) j = s.size();
        if (j > i) out.push_back(s.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

const Grammar& grammar() {
    static const Grammar g = [] {
        Grammar g;
        try {
            const EmbeddedFile* f = find_embedded("lint/blame-grammar.json");
            if (!f || !f->data) return g;
            Json j = Json::parse(std::string(f->data, f->size), nullptr, false);
            if (!j.is_object()) return g;
            auto each = [&](const char* key, auto&& add) {  // "took_down broke ..." -> "took down", "broke", ...
                auto it = j.find(key);
                if (it == j.end() || !it->is_string()) return;
                for (std::string& w : split_words(normalise_phrase(it->get<std::string>()))) {
                    std::replace(w.begin(), w.end(), '_', ' ');
                    add(w);
                }
            };
            auto set = [&](const char* key, std::set<std::string>& dst) {
                each(key, [&](const std::string& w) { dst.insert(w); });
            };
            auto seqs = [&](const char* key, std::vector<std::vector<std::string>>& dst) {
                each(key, [&](const std::string& w) { dst.push_back(split_words(w)); });
            };
            set("person_nouns", g.person_nouns);
            set("system_words", g.system_words);
            set("system_names", g.system_words);
            set("common_words", g.common_words);
            set("fault_adjectives", g.fault_adjectives);
            set("fault_nouns", g.fault_nouns);
            set("careful_verbs", g.careful_verbs);
            set("report_verbs", g.report_verbs);
            set("break_exceptions", g.break_exceptions);
            set("miss_exceptions", g.miss_exceptions);
            set("production_words", g.production_words);
            seqs("break_verbs", g.break_verbs);
            seqs("destroy_verbs", g.destroy_verbs);
            seqs("act_verbs", g.act_verbs);
            seqs("omission_verbs", g.omission_verbs);
            seqs("miss_verbs", g.miss_verbs);
            seqs("modal_blame", g.modal_blame);
            each("break_verbs", [&](const std::string& w) { g.cause_words.push_back(w); });
        } catch (...) {
            g = Grammar{};
        }
        return g;
    }();
    return g;
}

using Words = std::set<std::string>;
const Words kDet = {"the", "a", "an", "this", "that", "these", "those", "our", "his", "her", "their", "my", "your",
                    "its", "some", "every", "each", "no", "any", "another", "all", "both"};
const Words kPrep = {"on", "of", "in", "at", "from", "for", "with", "to", "by", "into", "onto", "about", "behind",
                     "under", "over", "across", "during", "without", "via", "per", "near", "inside", "outside",
                     "against", "through", "like", "within"};
const Words kConj = {"and", "but", "or", "so", "yet", "because", "when", "while", "although", "though", "since",
                     "until", "whereas", "unless", "if", "after", "before", "once", "whether", "where", "nor", "as",
                     "then"};
const Words kRel = {"that", "which", "who", "whom", "whose"};
const Words kAux = {"was", "were", "is", "are", "be", "been", "being", "had", "has", "have", "did", "does", "do",
                    "will", "would", "can", "could", "should", "may", "might", "must", "wasn't", "weren't",
                    "didn't", "hadn't", "hasn't", "haven't"};
const Words kAdv = {"accidentally", "also", "again", "just", "actually", "really", "clearly", "apparently",
                    "simply", "still", "already", "never", "not", "even", "only", "probably", "obviously",
                    "mistakenly", "inadvertently", "immediately", "quickly", "finally", "later", "first", "then",
                    "reportedly", "allegedly", "unfortunately", "honestly", "basically", "somehow", "nearly",
                    "almost", "personally", "initially", "single-handedly", "once", "twice", "too", "anyway"};
const Words kIrregular = {"ran", "wrote", "took", "said", "found", "saw", "made", "set", "put", "got", "went", "came",
                          "gave", "sent", "told", "knew", "thought", "brought", "broke", "began", "kept", "left",
                          "lost", "held", "met", "paid", "led", "built", "bought", "caught", "chose", "drove", "rose",
                          "stood", "understood", "spoke", "hid", "fell", "felt", "hit", "let", "shut", "split",
                          "spread", "sold", "sat", "slept", "read", "did", "forgot", "blew", "overwrote", "says",
                          "runs", "takes", "makes", "goes", "went", "shows", "seems"};
const Words kParticiple = {"paged", "told", "sent", "shown", "given", "woken", "caught", "run", "set", "put", "done",
                           "made", "kept", "held", "built", "paid", "hit", "let", "shut", "read", "found", "seen",
                           "known", "taught", "brought", "taken", "written", "left"};
const Words kParticles = {"down", "offline", "out", "over", "up", "away"};
// How far the backward searches look, in tokens: clauses are short, and a long text without punctuation must not
// make the scan quadratic.
constexpr int kReach = 40;

enum class Who { None, Person, Name, They, We, Thing };

struct Tok {
    size_t start = 0, end = 0;  // the word without a possessive 's, or a punctuation mark
    std::string w;              // case-folded; the typographic apostrophe as '
    bool word = false, poss = false, listed = false, listed_thing = false, name_shape = false, letters = false;
};
using Sentence = std::vector<Tok>;

bool ends_with(const std::string& s, const char* suffix) {
    size_t n = std::char_traits<char>::length(suffix);
    return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}
bool is_upper(uint32_t cp) { return casefold_simple(cp) != cp; }

// Capitalised like a name: an upper-case letter, then lower-case letters (an upper-case one only after - or ').
bool name_shaped(const std::string& text, size_t b, size_t e) {
    size_t len;
    if (!is_upper(utf8_decode(text, b, len))) return false;
    bool lower_seen = false, after_joiner = false;
    for (size_t i = b + len; i < e; i += len) {
        uint32_t cp = utf8_decode(text, i, len);
        if (cp == '-' || cp == '\'' || cp == 0x2019) {
            after_joiner = true;
            continue;
        }
        if (cp >= '0' && cp <= '9') return false;
        if (is_upper(cp) && !after_joiner) return false;
        if (!is_upper(cp)) lower_seen = true;
        after_joiner = false;
    }
    return lower_seen;
}

std::string fold_word(const std::string& text, size_t b, size_t e) {
    std::string s = text.substr(b, e - b);
    const bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) {
        for (char& c : s) c = lower(c);
        return s;
    }
    std::string f = casefold(s), r;
    for (size_t i = 0; i < f.size(); ++i) {
        if (f.compare(i, 3, "\xE2\x80\x99") == 0) r += '\'', i += 2;
        else r += f[i];
    }
    return r;
}

// The text as sentences of tokens. A name of the document's people (case-sensitive, longest first) is one token.
std::vector<Sentence> tokenise(const std::string& text, const std::vector<std::string>& people) {
    std::vector<Sentence> out(1);
    auto digit = [&](size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
    size_t i = 0;
    while (i < text.size()) {
        const unsigned char ch = static_cast<unsigned char>(text[i]);
        if (is_space(ch)) {
            if (ch == '\n' && !out.back().empty()) out.emplace_back();
            ++i;
            continue;
        }
        if (word_at(text, i)) {
            size_t j = i, len;
            bool letters = false;
            for (;;) {
                while (j < text.size() && word_at(text, j)) {
                    uint32_t cp = utf8_decode(text, j, len);
                    if (!(cp >= '0' && cp <= '9')) letters = true;
                    j += len;
                }
                size_t joiner = 0;  // on-call, didn't, Ana’s, 14:02, 2.4.1
                if (j < text.size() && (text[j] == '-' || text[j] == '\'')) joiner = 1;
                else if (text.compare(j, 3, "\xE2\x80\x99") == 0) joiner = 3;
                else if (j < text.size() && (text[j] == '.' || text[j] == ':') && digit(j - 1) && digit(j + 1))
                    joiner = 1;
                if (joiner && word_at(text, j + joiner)) j += joiner;
                else break;
            }
            Tok t;
            t.start = i, t.end = j, t.word = true, t.letters = letters;
            t.w = fold_word(text, i, j);
            const bool plain = j >= i + 3 && text[j - 2] == '\'',
                       curly = j >= i + 5 && text.compare(j - 4, 3, "\xE2\x80\x99") == 0;
            if (t.w.size() > 2 && ends_with(t.w, "'s") && (plain || curly)) {
                t.poss = true;
                t.w.resize(t.w.size() - 2);
                t.end = plain ? j - 2 : j - 4;
            } else if (ends_with(t.w, "s") && j < text.size() && text[j] == '\'' && !word_at(text, j + 1)) {
                t.poss = true;  // the engineers' fault
            }
            t.name_shape = letters && name_shaped(text, t.start, t.end);
            out.back().push_back(std::move(t));
            i = j;
            continue;
        }
        size_t len;
        utf8_decode(text, i, len);
        if ((ch == '.' || ch == '!' || ch == '?') && (i + 1 >= text.size() || is_space(text[i + 1]) ||
                                                      text[i + 1] == '"' || text[i + 1] == ')')) {
            if (!out.back().empty()) out.emplace_back();
        } else if (ch != '\'' && ch != '"' && !(len == 3 && (text.compare(i, 3, "\xE2\x80\x9C") == 0 ||
                                                             text.compare(i, 3, "\xE2\x80\x9D") == 0))) {
            Tok t;
            t.start = i, t.end = i + len;
            t.w = text.substr(i, len);
            out.back().push_back(std::move(t));  // a clause boundary: , ; : ( ) — and the like
        }
        i += len;
    }
    if (out.back().empty()) out.pop_back();
    if (people.empty()) return out;
    for (Sentence& s : out) {
        for (size_t a = 0; a < s.size(); ++a) {
            if (!s[a].word) continue;
            for (const std::string& name : people) {
                if (text.compare(s[a].start, name.size(), name) != 0) continue;
                const size_t name_end = s[a].start + name.size();
                size_t b = a;
                while (b < s.size() && s[b].end < name_end) ++b;
                if (b == s.size() || s[b].end != name_end || !s[b].word) continue;
                Tok t = s[b];
                t.start = s[a].start;
                t.listed = true;
                t.w = fold_word(text, t.start, name_end);
                const std::string& last = s[b].w;
                t.listed_thing = grammar().system_words.count(last) > 0;
                s.erase(s.begin() + long(a) + 1, s.begin() + long(b) + 1);
                s[a] = std::move(t);
                break;
            }
        }
    }
    return out;
}

bool has(const Words& set, const Tok& t) { return t.word && set.count(t.w) > 0; }
bool adverb(const Tok& t) { return has(kAdv, t) || (t.word && !t.name_shape && ends_with(t.w, "ly") && t.w.size() > 4); }
bool boundary(const Tok& t) { return !t.word || has(kConj, t); }
bool verbish(const Tok& t) {
    if (!t.word || !t.letters) return false;
    const Grammar& g = grammar();
    if (g.person_nouns.count(t.w) || g.fault_nouns.count(t.w) || t.name_shape) return false;
    return has(kIrregular, t) || g.report_verbs.count(t.w) || (t.w.size() > 4 && ends_with(t.w, "ed")) ||
           has(kAux, t);
}
bool np_word(const Tok& t) {
    return t.word && !has(kPrep, t) && !has(kConj, t) && !has(kRel, t) && !has(kAux, t) && !adverb(t) &&
           !verbish(t);
}
bool participle(const Tok& t) {
    return t.word && (has(kParticiple, t) || (t.w.size() > 3 && (ends_with(t.w, "ed") || ends_with(t.w, "en"))));
}

Who who_of(const Tok& t) {
    if (!t.word) return Who::None;
    if (t.listed) return t.listed_thing ? Who::Thing : Who::Person;
    static const Words persons = {"he", "she", "him", "i", "me", "someone", "somebody", "whoever", "nobody",
                                  "everyone", "everybody", "anyone", "anybody", "himself", "herself", "myself"};
    if (has(persons, t)) return Who::Person;
    if (t.w == "they" || t.w == "them") return Who::They;
    if (t.w == "we" || t.w == "us") return Who::We;
    const Grammar& g = grammar();
    if (g.person_nouns.count(t.w)) return Who::Person;
    if (g.system_words.count(t.w)) return Who::Thing;
    if (t.name_shape && !g.common_words.count(t.w)) return Who::Name;
    return Who::Thing;
}
bool personal(Who w) { return w == Who::Person || w == Who::Name || w == Who::They; }

struct Subject {
    Who who = Who::None;
    int start = -1;  // first token of the subject as it is underlined (-1: none)
};

// The noun phrase that ends at token i, backwards: its first token, or -1 when token i cannot end one.
int np_back(const Sentence& s, int i) {
    if (i < 0 || !np_word(s[size_t(i)])) return -1;
    int j = i;
    while (j > 0 && j > i - kReach) {
        const Tok& p = s[size_t(j - 1)];
        if (has(kDet, p)) return j - 1;  // a noun phrase starts with its determiner
        if (np_word(p)) {
            --j;
            continue;
        }
        if (p.word && ends_with(p.w, "ed") && j > 1 && has(kDet, s[size_t(j - 2)])) return j - 2;  // the failed deploy
        break;
    }
    return j;
}

Subject make_subject(const Sentence& s, int j, int i) {
    int head = i;
    while (head > j && !s[size_t(head)].letters) --head;
    Subject sub;
    sub.who = who_of(s[size_t(head)]);
    if (s[size_t(head)].poss) sub.who = Who::Thing;
    sub.start = (sub.who == Who::Name || s[size_t(head)].listed) ? head : j;
    return sub;
}

// Who the subject is of the verb whose first token is t.
Subject subject_before(const Sentence& s, int t, int depth = 0) {
    int i = t - 1;
    for (;;) {
        while (i >= 0 && (adverb(s[size_t(i)]) || has(kAux, s[size_t(i)]))) --i;
        if (i < 0 || s[size_t(i)].word) break;
        // "Ana (SRE) broke", "the engineer, who had been up all night, missed", "our on-call, Ana, forgot"
        const std::string close = s[size_t(i)].w;
        if (close != ")" && close != ",") return {};
        int o = i - 1;
        while (o >= 0 && o > i - kReach && s[size_t(o)].w != (close == ")" ? "(" : ",")) --o;
        if (o < 0 || s[size_t(o)].w != (close == ")" ? "(" : ",")) return {};
        if (close == ",") {
            const bool relative = o + 1 < i && (s[size_t(o + 1)].w == "who" || s[size_t(o + 1)].w == "which");
            if (!relative) {  // an apposition names the subject when it is a person
                const int j = np_back(s, i - 1);
                if (j != o + 1) return {};
                Subject sub = make_subject(s, j, i - 1);
                return personal(sub.who) ? sub : Subject{};
            }
        }
        i = o - 1;
    }
    if (i < 0) return {};
    auto rel_search = [&](int from) -> Subject {  // a relative clause: the subject is the noun phrase before it
        for (int r = from; r >= 0 && r > from - kReach && !boundary(s[size_t(r)]); --r) {
            const Tok& x = s[size_t(r)];
            if (x.w == "whoever") return {Who::Person, r};
            if (!has(kRel, x)) continue;
            int e = r - 1;
            int j = np_back(s, e);
            if (j < 0) return x.w == "who" ? Subject{Who::Person, r} : Subject{};
            Subject sub = make_subject(s, j, e);
            if (x.w == "who" && sub.who == Who::Thing) sub.who = Who::Person;
            return sub;
        }
        return {};
    };
    const Tok& b = s[size_t(i)];
    if (has(kConj, b)) {
        // "Jin was supposed to renew it and did not": the subject of the clause before "and".
        if ((b.w == "and" || b.w == "but" || b.w == "or" || b.w == "yet") && depth < 2) {
            int cs = i - 1;
            while (cs >= 0 && cs > i - kReach && !boundary(s[size_t(cs)])) --cs;
            for (int v = cs + 1; v < i; ++v)
                if (verbish(s[size_t(v)]) && !(v > cs + 1 && has(kDet, s[size_t(v - 1)])))
                    return subject_before(s, v, depth + 1);
        }
        return {};
    }
    if (has(kRel, b)) {  // "the bug that broke checkout"
        int j = np_back(s, i - 1);
        if (j < 0) return b.w == "who" ? Subject{Who::Person, i} : Subject{};
        Subject sub = make_subject(s, j, i - 1);
        if (b.w == "who" && sub.who == Who::Thing) sub.who = Who::Person;
        return sub;
    }
    int j = np_back(s, i);
    if (j < 0) return rel_search(i);  // "the change that Ana pushed broke checkout"
    Subject sub = make_subject(s, j, i);
    int k = j - 1;
    while (k >= 1 && has(kPrep, s[size_t(k)])) {  // "someone on the DB team", "the engineer on call"
        int j2 = np_back(s, k - 1);
        if (j2 < 0) break;
        sub = make_subject(s, j2, k - 1);
        k = j2 - 1;
    }
    if (k >= 0 && verbish(s[size_t(k)]) && !grammar().report_verbs.count(s[size_t(k)].w)) {
        Subject rel = rel_search(k - 1);  // "whoever pushed that config broke", "the intern who joined last week"
        if (rel.who != Who::None) return rel;
    }
    return sub;
}

// Matches a word sequence at token t; a particle ("took the site down") may come a few words after the verb.
// Returns the index of the last matched token, or -1.
int match_seq(const Sentence& s, int t, const std::vector<std::string>& seq) {
    if (seq.empty() || size_t(t) >= s.size()) return -1;
    size_t k = size_t(t);
    for (size_t q = 0; q < seq.size(); ++q, ++k) {
        if (k < s.size() && s[k].word && s[k].w == seq[q]) continue;
        if (q == 1 && seq.size() == 2 && kParticles.count(seq[1])) {
            for (size_t m = k; m < s.size() && m < k + 5 && !boundary(s[m]); ++m)
                if (s[m].w == seq[1]) return int(m);
        }
        return -1;
    }
    return int(k) - 1;
}
int match_any(const Sentence& s, int t, const std::vector<std::vector<std::string>>& seqs) {
    for (const auto& seq : seqs)
        if (!seq.empty() && s[size_t(t)].w == seq[0]) {
            int e = match_seq(s, t, seq);
            if (e >= 0) return e;
        }
    return -1;
}

// The tokens after a verb up to the end of its clause (its object and what follows).
int clause_end(const Sentence& s, int from) {
    int e = from;
    while (e < int(s.size()) && e < from + kReach && !boundary(s[size_t(e)]) && !has(kRel, s[size_t(e)])) ++e;
    return e;
}
bool has_object(const Sentence& s, int after) {
    if (after >= int(s.size())) return false;
    const Tok& o = s[size_t(after)];
    return o.word && !has(kPrep, o) && !has(kConj, o) && !has(kRel, o) && !adverb(o);
}

struct PersonHit {
    size_t start, end;
};

// blame-person: a person as the subject of a failure, an omission or a counterfactual, or a person's fault.
void person_rules(const Sentence& s, std::vector<PersonHit>& hits) {
    const Grammar& g = grammar();
    const int n = int(s.size());
    auto hit = [&](const Subject& sub, int last) {
        if (sub.start < 0 || !personal(sub.who) || last < sub.start) return;
        hits.push_back({s[size_t(sub.start)].start, s[size_t(last)].end});
    };
    auto passive_after = [&](int e) { return e + 2 < n && s[size_t(e + 1)].w == "been" && participle(s[size_t(e + 2)]); };
    for (int t = 0; t < n; ++t) {
        const Tok& tok = s[size_t(t)];
        if (!tok.word) continue;
        int e;
        // Possessive fault: "Ana's mistake", "his fault", "the intern's careless typo".
        static const Words poss_pron = {"his", "her", "their", "my"};
        if ((tok.poss && personal(who_of(tok)) && tok.w != "nobody") || has(poss_pron, tok)) {
            for (int f = t + 1; f < n && f <= t + 3 && s[size_t(f)].word; ++f) {
                if (g.fault_nouns.count(s[size_t(f)].w)) {
                    hits.push_back({tok.start, s[size_t(f)].end});
                    break;
                }
                if (!np_word(s[size_t(f)])) break;
            }
        }
        if ((e = match_any(s, t, g.omission_verbs)) >= 0) {
            hit(subject_before(s, t), e);
        } else if ((e = match_any(s, t, g.miss_verbs)) >= 0) {
            if (!(e + 1 < n && has(g.miss_exceptions, s[size_t(e + 1)]))) {
                Subject sub = subject_before(s, t);
                if (sub.who != Who::They) hit(sub, e);
            }
        } else if ((e = match_any(s, t, g.modal_blame)) >= 0) {
            if (!passive_after(e)) hit(subject_before(s, t), e);
        } else if ((e = match_any(s, t, g.break_verbs)) >= 0) {
            const int after = e == t + 1 ? e + 1 : t + 1;  // "knocked over the queue": the object after the particle
            const int end = clause_end(s, after);
            bool exception = e == t && after < n && s[size_t(after)].w == "down";
            for (int k = after; k < end; ++k)
                if (has(g.break_exceptions, s[size_t(k)])) exception = true;
            Subject sub = subject_before(s, t);
            if (!exception && has_object(s, after) && sub.who != Who::They) hit(sub, t);
        } else if ((e = match_any(s, t, g.destroy_verbs)) >= 0) {
            Subject sub = subject_before(s, t);
            if (sub.start >= 0 && sub.who != Who::They && has_object(s, e + 1)) {
                bool prod = false;
                const int end = clause_end(s, e + 1);
                for (int k = sub.start; k < end; ++k) prod = prod || has(g.production_words, s[size_t(k)]);
                if (prod) hit(sub, e);
            }
        } else if ((e = match_any(s, t, g.act_verbs)) >= 0) {
            // "pushed a bad config", "ran the migration against the wrong database", "made a mistake"; not "the PR
            // that Kenji merged contained the bug", where the object is elsewhere
            if (e + 1 < n && verbish(s[size_t(e + 1)]) &&
                (e + 2 >= n || has(kDet, s[size_t(e + 2)]) || boundary(s[size_t(e + 2)])))
                continue;
            const int end = clause_end(s, e + 1);
            bool in_np = true;
            for (int k = e + 1; k < end; ++k) {
                const Tok& o = s[size_t(k)];
                if (has(kPrep, o)) in_np = false;
                if (o.w == "wrong" || (in_np && (g.fault_adjectives.count(o.w) || g.fault_nouns.count(o.w)))) {
                    Subject sub = subject_before(s, t);
                    if (sub.who != Who::They) hit(sub, k);
                    break;
                }
            }
        } else if (tok.w == "had" || tok.w == "hadn't") {
            if (passive_after(t)) continue;
            Subject sub = subject_before(s, t);
            if (sub.start >= 0) {  // "if Ana had checked": only after "if"
                int k = sub.start - 1;
                while (k >= 0 && (s[size_t(k)].w == "only" || has(kDet, s[size_t(k)]) || !s[size_t(k)].letters)) --k;
                if (k >= 0 && s[size_t(k)].w == "if") hit(sub, t + 1 < n && s[size_t(t + 1)].word ? t + 1 : t);
            }
            if (tok.w == "had" && (t == 0 || boundary(s[size_t(t - 1)]))) {  // "Had the on-call engineer read ..."
                int k = t + 1;
                while (k < n && has(kDet, s[size_t(k)])) ++k;
                int head = -1;
                while (k < n && np_word(s[size_t(k)])) head = k++;
                if (head >= 0 && k < n && s[size_t(k)].w != "been" && s[size_t(k)].word)
                    hit(Subject{who_of(s[size_t(head)]), t}, k);
            }
        } else if (tok.w == "didn't" || tok.w == "didnt" || tok.w == "never" ||
                   (tok.w == "did" && t + 1 < n && s[size_t(t + 1)].w == "not")) {
            int v = t + (tok.w == "did" ? 2 : 1);
            if (tok.w == "never" && v < n && s[size_t(v)].w == "did") ++v;
            const bool ends = v >= n || boundary(s[size_t(v)]);  // "... and did not."
            if (ends || g.careful_verbs.count(s[size_t(v)].w)) hit(subject_before(s, t), ends ? v - 1 : v);
        }
    }
}

// The sentence and the first token that starts at or after byte `pos` (binary searches: sentences and their tokens
// are in text order). False when there is none.
bool locate(const std::vector<Sentence>& sentences, size_t pos, size_t& sentence, size_t& token) {
    auto it = std::partition_point(sentences.begin(), sentences.end(),
                                   [&](const Sentence& s) { return s.back().end <= pos; });
    for (; it != sentences.end(); ++it) {
        auto tok = std::partition_point(it->begin(), it->end(), [&](const Tok& t) { return t.start < pos; });
        if (tok != it->end()) {
            sentence = size_t(it - sentences.begin());
            token = size_t(tok - it->begin());
            return true;
        }
    }
    return false;
}

// Does a person follow at `pos` (after spaces)? The end of the person's name or role, or npos.
size_t person_after(const Ctx& c, const std::string& text, size_t pos, const std::vector<Sentence>& sentences) {
    size_t t = pos;
    while (t < text.size() && is_space(text[t])) ++t;
    if (t == pos) return std::string::npos;
    for (const std::string& name : c.people) {
        if (text.compare(t, name.size(), name) == 0 && !joins_after(text, t + name.size())) return t + name.size();
    }
    for (const std::string& w : data().person_words) {
        size_t e = match_at(text, t, w);
        if (e != std::string::npos && !joins_after(text, e)) return e;
    }
    // A name or a described person: "because of Mateo", "due to the new intern".
    size_t si, k;
    if (!locate(sentences, t, si, k) || sentences[si][k].start != t) return std::string::npos;
    const Sentence& s = sentences[si];
    while (k < s.size() && has(kDet, s[k])) ++k;
    for (; k < s.size() && np_word(s[k]); ++k) {
        Who w = who_of(s[k]);
        if (!s[k].poss && (w == Who::Person || w == Who::Name) && s[k].w != "nobody") return s[k].end;
    }
    return std::string::npos;
}

// A phrase with "subject": "person" counts unless its subject is a system, a process or "we", or it is passive.
bool person_subject_ok(const std::vector<Sentence>& sentences, size_t start, size_t end) {
    size_t si, k;
    if (!locate(sentences, start, si, k)) return true;
    const Sentence& s = sentences[si];
    if (s[k].start >= end) return true;
    size_t last = k;
    while (last + 1 < s.size() && s[last + 1].start < end) ++last;
    if (last + 2 < s.size() && s[last + 1].w == "been" && participle(s[last + 2])) return false;
    const Who w = subject_before(s, int(k)).who;
    return w != Who::Thing && w != Who::We;
}

// The findings of blame_phrases for this text are c.out[before, end).
void blame_person(Ctx& c, const std::string& text, const std::vector<Sentence>& sentences, size_t before,
                  const std::string& section, const std::string& item_id, const std::string& field) {
    std::vector<PersonHit> hits;
    for (const Sentence& s : sentences) person_rules(s, hits);
    std::sort(hits.begin(), hits.end(), [](const PersonHit& a, const PersonHit& b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    std::vector<PersonHit> kept;  // overlapping hits are one finding
    for (const PersonHit& h : hits) {
        if (!kept.empty() && h.start < kept.back().end) kept.back().end = std::max(kept.back().end, h.end);
        else kept.push_back(h);
    }
    // A phrase found in a hit ("the on-call should have") is the one finding: it has its own hint. The phrases'
    // findings are in text order and do not overlap, so one pass over both lists finds the overlaps.
    const size_t phrases_end = c.out.size();
    size_t p = before;
    for (const PersonHit& h : kept) {
        while (p < phrases_end && c.out[p].end <= h.start) ++p;
        if (p < phrases_end && c.out[p].start < h.end) continue;
        Finding f = make("blame-person", "warning", section, item_id, field,
                         quote_excerpt(text, h.start, h.end) + " names a person as the cause of a failure.",
                         "Describe what the system allowed, not who did it");
        f.start = h.start;
        f.end = h.end;
        c.out.push_back(std::move(f));
    }
}

void blame_phrases(Ctx& c, const std::string& text, const std::vector<Sentence>& sentences,
                   const std::string& section, const std::string& item_id, const std::string& field) {
    struct Hit {
        size_t start, end;
        const BlamePhrase* p;
    };
    std::vector<Hit> hits;
    for (size_t i = 0; i < c.phrases.size(); ++i) {
        const BlamePhrase& p = c.phrases[i];
        for (auto& r : find_normalised(text, c.normalised[i])) {
            size_t end = r.second;
            if (p.person_follows) {
                end = person_after(c, text, r.second, sentences);
                if (end == std::string::npos) continue;
            }
            if (p.person_subject && !person_subject_ok(sentences, r.first, r.second)) continue;
            hits.push_back({r.first, end, &p});
        }
    }
    // Overlapping phrases ("blame" inside "to blame", "should have" inside "should have known"): keep the longest.
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    std::vector<Hit> kept;
    for (const Hit& h : hits) {
        bool overlaps = false;
        for (Hit& k : kept) {
            if (h.start < k.end && k.start < h.end) {
                if (h.end - h.start > k.end - k.start) k = h;
                overlaps = true;
                break;
            }
        }
        if (!overlaps) kept.push_back(h);
    }
    std::sort(kept.begin(), kept.end(), [](const Hit& a, const Hit& b) { return a.start < b.start; });
    for (const Hit& h : kept) {
        Finding f = make("blame-language", "warning", section, item_id, field,
                         quote_excerpt(text, h.start, h.end) + " puts the focus on a person rather than the system.",
                         h.p->hint);
        f.start = h.start;
        f.end = h.end;
        c.out.push_back(std::move(f));
    }
}

void scan_text(Ctx& c, const std::string& text, const std::string& section, const std::string& item_id,
               const std::string& field) {
    if (blank(text)) return;
    std::string key;
    if (c.cache) {
        key.reserve(section.size() + item_id.size() + field.size() + text.size() + 3);
        key.append(section).append(1, '\x1f').append(item_id).append(1, '\x1f').append(field).append(1, '\x1f');
        key.append(text);
        auto hit = c.cache->scans.find(key);
        if (hit != c.cache->scans.end()) {
            c.out.insert(c.out.end(), hit->second.begin(), hit->second.end());
            c.scanned.emplace(std::move(key), hit->second);  // a copy: the same field may come twice (repeated ids)
            return;
        }
    }
    size_t before = c.out.size();
    const std::vector<Sentence> sentences = tokenise(text, c.people);
    blame_phrases(c, text, sentences, section, item_id, field);
    blame_person(c, text, sentences, before, section, item_id, field);
    std::stable_sort(c.out.begin() + long(before), c.out.end(),
                     [](const Finding& a, const Finding& b) { return a.start < b.start; });
    if (c.cache) c.scanned.emplace(std::move(key), std::vector<Finding>(c.out.begin() + long(before), c.out.end()));
}

void scan_items(Ctx& c, const std::vector<Item>& items, const std::string& section) {
    for (const Item& it : items) scan_text(c, it.text, section, it.id, "text");
}

std::string item_name(const std::string& title) {
    std::string t = sanitize_text(title);
    for (char& ch : t)
        if (ch == '\n' || ch == '\t') ch = ' ';
    t = shorten_utf8(t, 60);
    return blank(t) ? std::string("(untitled)") : "\"" + t + "\"";
}

void add_person(std::vector<std::string>& people, std::string name) {
    size_t b = name.find_first_not_of(" \t\r\n@");
    if (b == std::string::npos) return;
    size_t e = name.find_last_not_of(" \t\r\n");
    name = name.substr(b, e - b + 1);
    if (name.size() < 2 || name[0] == '#' || name.find('\n') != std::string::npos) return;
    bool letter = std::any_of(name.begin(), name.end(), [](char ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (static_cast<unsigned char>(ch) >= 0x80);
    });
    if (!letter) return;
    // Tools and channels appear as event authors; they are sources, not people.
    static const std::set<std::string> sources = {
        "pagerduty", "opsgenie", "slack", "datadog", "grafana", "prometheus", "alertmanager", "system", "bot",
        "automation", "jenkins", "github", "gitlab", "statuspage", "unknown", "monitoring", "sentry", "new relic",
        "cloudwatch", "on-call", "oncall"};
    std::string low;
    for (char ch : name) low += lower(ch);
    if (sources.count(low)) return;
    people.push_back(name);
    // The first name on its own, when it is one: not for a role made of system words ("DB On-call", "Search
    // on-call"), whose first word is the name of a system in other sentences ("Primary DB failed over").
    size_t sp = name.find(' ');
    if (sp == std::string::npos || sp < 2) return;
    const std::string first = name.substr(0, sp), folded = fold_word(name, 0, sp);
    const Grammar& g = grammar();
    if (name_shaped(first, 0, first.size()) && !g.system_words.count(folded) && !g.common_words.count(folded) &&
        !g.person_nouns.count(folded))
        people.push_back(first);
}

}  // namespace

std::vector<std::pair<size_t, size_t>> find_phrase(const std::string& text, const std::string& phrase) {
    return find_normalised(text, normalise_phrase(phrase));
}

bool parse_blame_phrases(const std::string& json_text, std::vector<BlamePhrase>& phrases, std::string* error) {
    try {
        PhraseData pd;
        if (!parse_data(json_text, pd, error)) return false;
        phrases = std::move(pd.phrases);
        return true;
    } catch (...) {
        if (error) *error = "The phrase list could not be read.";
        return false;
    }
}

const std::vector<BlamePhrase>& default_blame_phrases() { return data().phrases; }
const std::vector<std::string>& blame_person_words() { return data().person_words; }
const std::vector<std::string>& blame_cause_words() { return grammar().cause_words; }

namespace {
std::vector<Finding> run_lint(Ctx& c);
}  // namespace

std::vector<Finding> lint(const Document& d, const std::vector<BlamePhrase>& phrases) {
    Ctx c{d, phrases, {}, {}};
    return run_lint(c);
}

std::vector<Finding> lint(const Document& d, const std::vector<BlamePhrase>& phrases, LintCache& cache) {
    Ctx c{d, phrases, {}, {}};
    c.cache = &cache;
    std::vector<Finding> out = run_lint(c);
    cache.scans = std::move(c.scanned);  // only this run's fields: the cache never outgrows the document
    return out;
}

namespace {
std::vector<Finding> run_lint(Ctx& c) {
    const Document& d = c.d;
    try {
        for (const BlamePhrase& p : c.phrases) c.normalised.push_back(normalise_phrase(p.phrase));
        for (const std::string& a : d.authors) add_person(c.people, a);
        add_person(c.people, d.owner);
        for (const std::string& r : d.reviewers) add_person(c.people, r);
        for (const Approval& a : d.approvals) add_person(c.people, a.reviewer);
        for (const Event& e : d.timeline) add_person(c.people, e.author);
        for (const ActionItem& a : d.action_items) add_person(c.people, a.owner);
        std::sort(c.people.begin(), c.people.end(), [](const std::string& a, const std::string& b) {
            return a.size() != b.size() ? a.size() > b.size() : a < b;
        });
        c.people.erase(std::unique(c.people.begin(), c.people.end()), c.people.end());
        if (c.cache) {  // scans made with other phrases or other people's names do not count
            std::string context;
            for (const BlamePhrase& p : c.phrases) {
                context.append(p.phrase).append(1, '\x1e').append(p.hint).append(p.person_follows ? "\x1d" : "\x1c");
                context.append(p.person_subject ? "\x1d" : "\x1c");
            }
            context.append(1, '\x1f');
            for (const std::string& person : c.people) context.append(person).append(1, '\x1e');
            if (context != c.cache->context) {
                c.cache->scans.clear();
                c.cache->context = std::move(context);
            }
        }

        const std::vector<std::string> order = export_detail::section_order(d);
        auto visible = [&](const std::string& key) { return std::find(order.begin(), order.end(), key) != order.end(); };
        auto required = [&](const std::string& key) {
            static const std::set<std::string> base = {"summary", "impact", "timeline", "root_causes", "action_items"};
            if (!visible(key)) return false;
            if (base.count(key)) return true;
            // The template's prose sections count when the document names its sections (a template was chosen).
            return !d.sections.empty() && export_detail::prose_field(d, key) != nullptr;
        };
        auto empty_check = [&](const std::string& key) {
            if (!required(key) || !export_detail::section_is_empty(d, key)) return;
            std::string hint = section_hint(key);
            c.out.push_back(make("empty-section", "warning", key, "", "",
                                 "The " + export_detail::heading(key) + " section is empty.",
                                 hint.empty() ? "Fill in this section, or remove it from the document." : hint));
        };

        // Header.
        scan_text(c, d.title, "header", "", "title");
        if (d.status == "final") {
            bool approved = std::any_of(d.approvals.begin(), d.approvals.end(),
                                        [](const Approval& a) { return a.decision == "approved"; });
            if (!approved)
                c.out.push_back(make("final-no-approval", "warning", "header", "", "approvals",
                                     "The postmortem is final but nobody has approved it.",
                                     "Ask a reviewer to approve it, or move it back to in review."));
        }

        std::vector<std::string> keys = order;
        for (const std::string& k : vocab::kSections)
            if (!visible(k)) keys.push_back(k);  // text in hidden sections is still checked for blame
        std::set<std::string> done;
        for (const std::string& key : keys) {
            if (!done.insert(key).second) continue;
            empty_check(key);
            if (const std::string* p = export_detail::prose_field(d, key)) {
                scan_text(c, *p, key, "", key);
            } else if (key == "impact") {
                scan_text(c, d.impact.description, key, "", "description");
            } else if (key == "timeline") {
                if (!d.timeline.empty()) {
                    auto has = [&](const char* type) {
                        return std::any_of(d.timeline.begin(), d.timeline.end(),
                                           [&](const Event& e) { return e.type == type; });
                    };
                    if (!has("impact_start"))
                        c.out.push_back(make("timeline-no-impact-start", "warning", key, "", "",
                                             "The timeline has no \"impact start\" event.",
                                             "Mark when the impact began, so time to detect and the impact duration "
                                             "can be computed."));
                    if (!has("detected"))
                        c.out.push_back(make("timeline-no-detected", "warning", key, "", "",
                                             "The timeline has no \"detected\" event.",
                                             "Mark the event when the problem was noticed, so time to detect can "
                                             "be computed."));
                    if (!has("resolved"))
                        c.out.push_back(make("timeline-no-resolved", "warning", key, "", "",
                                             "The timeline has no \"resolved\" event.",
                                             "Mark the event when the incident was resolved, so time to resolve can "
                                             "be computed."));
                }
                const Instant* prev = nullptr;
                for (const Event& e : d.timeline) {
                    if (e.time.set) {
                        if (prev && e.time.unix_ms < prev->unix_ms)
                            c.out.push_back(make("timeline-order", "info", key, e.id, "time",
                                                 "This event is earlier than the event before it.",
                                                 "Sort the timeline by time, or check this event's time and offset."));
                        prev = &e.time;
                    }
                    scan_text(c, e.description, key, e.id, "description");
                }
            } else if (key == "root_causes") {
                scan_items(c, d.root_causes, key);
            } else if (key == "contributing_factors") {
                scan_items(c, d.contributing_factors, key);
            } else if (key == "five_whys") {
                scan_items(c, d.five_whys, key);
            } else if (key == "lessons") {
                scan_items(c, d.lessons.went_well, key);
                scan_items(c, d.lessons.went_wrong, key);
                scan_items(c, d.lessons.got_lucky, key);
            } else if (key == "action_items") {
                for (const ActionItem& a : d.action_items) {
                    bool closed = a.status == "done" || a.status == "wont_do";
                    if (blank(a.owner) && a.status != "wont_do")
                        c.out.push_back(make("action-no-owner", "warning", key, a.id, "owner",
                                             "Action item " + item_name(a.title) + " has no owner.",
                                             "Name one owner who will drive it to done."));
                    if (blank(a.due) && !closed)
                        c.out.push_back(make("action-no-due", "warning", key, a.id, "due",
                                             "Action item " + item_name(a.title) + " has no due date.",
                                             "Agree on a due date, so it can be tracked and reminded."));
                    scan_text(c, a.title, key, a.id, "title");
                    scan_text(c, a.description, key, a.id, "description");
                }
            } else if (key == "open_questions") {
                for (const Item& q : d.open_questions) {
                    if (d.status == "final" && !q.resolved && !blank(q.text))
                        c.out.push_back(make("final-open-question", "warning", key, q.id, "resolved",
                                             "The postmortem is final but this question is still open.",
                                             "Answer and resolve the question, or move the postmortem back to in "
                                             "review."));
                    scan_text(c, q.text, key, q.id, "text");
                }
            }
        }
    } catch (...) {
        // Lint is advisory: never let an unexpected failure reach the UI. Return what was found so far.
    }
    return std::move(c.out);
}
}  // namespace

}  // namespace hs
