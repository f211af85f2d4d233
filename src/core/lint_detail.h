// The lint's reading of text, shared by lint.cpp (findings) and lint_grammar.cpp (the blame grammar): phrase
// matching on normalised text, the phrase data, and the sentence analysis that finds who is the subject of a
// failure. Internal to the lint; lint.h is the interface.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "lint.h"

namespace hs::lint_detail {

// ---- phrase matching (lint.cpp) ------------------------------------------------------------------------------------
bool blank(const std::string& s);
uint32_t cp_at(const std::string& s, size_t i);
// A word character at i (tokenising).
bool word_at(const std::string& s, size_t i);
// The character at i goes on with the word that ends just before i (a match ending at i would cut it).
bool joins_after(const std::string& s, size_t i);
// The character before i goes on into the word that starts at i (a match starting at i would cut it).
bool joins_before(const std::string& s, size_t i);
// Matches `phrase` (normalised: case-folded, spaces collapsed) at text[pos]; returns the end offset or npos.
size_t match_at(const std::string& text, size_t pos, const std::string& phrase);
std::string normalise_phrase(const std::string& s);
std::vector<std::pair<size_t, size_t>> find_normalised(const std::string& text, const std::string& ph);

struct PhraseData {
    std::vector<BlamePhrase> phrases;
    std::vector<std::string> person_words;
};
bool parse_data(const std::string& text, PhraseData& out, std::string* error);
// The embedded phrase list (assets/lint/blame-phrases.json), read once.
const PhraseData& data();

// ---- the blame grammar (lint_grammar.cpp) --------------------------------------------------------------------------
struct Grammar {
    std::set<std::string> person_nouns, system_words, common_words, fault_adjectives, fault_nouns, careful_verbs,
        report_verbs, break_exceptions, miss_exceptions, production_words;
    std::vector<std::vector<std::string>> break_verbs, destroy_verbs, act_verbs, omission_verbs, miss_verbs,
        modal_blame;
    std::vector<std::string> cause_words;  // break_verbs as written
};
// The embedded word classes (assets/lint/blame-grammar.json), read once.
const Grammar& grammar();

struct Tok {
    size_t start = 0, end = 0;  // the word without a possessive 's, or a punctuation mark
    std::string w;              // case-folded; the typographic apostrophe as '
    bool word = false, poss = false, listed = false, listed_thing = false, name_shape = false, letters = false;
};
using Sentence = std::vector<Tok>;

// Capitalised like a name: an upper-case letter, then lower-case letters (an upper-case one only after - or ').
bool name_shaped(const std::string& text, size_t b, size_t e);
std::string fold_word(const std::string& text, size_t b, size_t e);
// The text as sentences of tokens. A name of the document's people (case-sensitive, longest first) is one token.
std::vector<Sentence> tokenise(const std::string& text, const std::vector<std::string>& people);

struct PersonHit {
    size_t start, end;
};
// blame-person: a person as the subject of a failure, an omission or a counterfactual, or a person's fault.
void person_rules(const Sentence& s, std::vector<PersonHit>& hits);
// Does a person follow at `pos` (after spaces)? The end of the person's name or role, or npos.
size_t person_after(const std::vector<std::string>& people, const std::string& text, size_t pos,
                    const std::vector<Sentence>& sentences);
// A phrase with "subject": "person" counts unless its subject is a system, a process or "we", or it is passive.
bool person_subject_ok(const std::vector<Sentence>& sentences, size_t start, size_t end);

}  // namespace hs::lint_detail
