// The blame grammar: a small rule-based reading of each sentence (docs/lint.md), to tell a person as the cause of a
// failure from a system, a process or "we". Word classes come from assets/lint/blame-grammar.json.
//
// Index of this file:
//   the word classes
//   tokens
//   the subject of a verb
//   the blame-person rules
//   where phrases meet people
#include <algorithm>
#include <set>

#include "embedded.h"
#include "format.h"
#include "lint_detail.h"
#include "strings.h"
#include "text.h"

namespace hs::lint_detail {

// ---- sentence analysis: who is the subject of a failure ----------------------------------------------------------
// A small rule-based reading of each sentence (docs/lint.md): tokens, the noun phrase that is the subject of a verb
// (found backwards from the verb, across adverbs, prepositional phrases and relative clauses), and whether that
// subject is a person (a name, a role, a pronoun), a system (assets/lint/blame-grammar.json) or "we".


// ---- the word classes -----------------------------------------------------------------------------------------------
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


// ---- tokens ---------------------------------------------------------------------------------------------------------
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
// ---- the subject of a verb ------------------------------------------------------------------------------------------
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
// ---- the blame-person rules -----------------------------------------------------------------------------------------
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

// ---- where phrases meet people --------------------------------------------------------------------------------------
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
size_t person_after(const std::vector<std::string>& people, const std::string& text, size_t pos, const std::vector<Sentence>& sentences) {
    size_t t = pos;
    while (t < text.size() && is_space(text[t])) ++t;
    if (t == pos) return std::string::npos;
    for (const std::string& name : people) {
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

}  // namespace hs::lint_detail
