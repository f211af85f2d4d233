// Single-line text inputs that keep every character: on the web they are edited in the DOM overlay (a real <input>
// laid over the drawn field, so IME composition, dead keys and mobile keyboards work and no character is dropped);
// natively they are ImGui's own InputText. Used for the fields that are not part of a document section: the new
// postmortem's title, Find, the drafts search, passphrases, the timeline list's filters and cells.
#pragma once
#include <string>

namespace hs::ui {

enum : unsigned {
    kInputPassword = 1,  // shown as dots; the text is normalised to NFC (the same passphrase from any keyboard)
    kInputEnter = 2,     // Enter is reported (InputResult::enter) and the field stays in editing
    kInputMono = 4,      // JetBrains Mono (times, ids)
    kInputAutoSelect = 8, // activating the field selects its text
    kInputEnterEnds = 16, // Enter is reported and ends editing (natively both are ImGui's EnterReturnsTrue)
    kInputFitText = 32    // a wrapped document field (App::text_field) as tall as its text, from one line: a long
                          // owner or URL shows whole; natively a one-line field
};

struct InputResult {
    bool changed = false;  // the value changed (not reported for document fields: the app records those itself)
    bool enter = false;    // Enter (with kInputEnter)
    bool shift = false;    // Shift was down with that Enter
    bool escape = false;   // Escape ended editing
    bool activated = false;
};

// `key` names the field: a document path ("timeline/<id>/description") edits that field of the open document,
// recorded for undo as the editor's fields are; any other key ("ui:find") edits `value`, which must outlive frames.
InputResult text_input(const std::string& key, std::string& value, const char* hint, float width, unsigned flags = 0);
// The field `key` starts editing when it is next drawn (e.g. Find opened with Ctrl+F).
void text_input_focus(const std::string& key);
// True while `key` is being edited or has news not yet returned by text_input: the caller must not replace the
// text it shows (e.g. re-format a time over what is being typed).
bool text_input_editing(const std::string& key);

class TextInputHost {
public:
    virtual ~TextInputHost() = default;
    virtual InputResult text_input(const std::string& key, std::string& value, const char* hint, float width,
                                   unsigned flags) = 0;
    virtual void text_input_focus(const std::string& key) = 0;
    virtual bool text_input_editing(const std::string& key) = 0;
};
void set_text_input_host(TextInputHost* host);

}  // namespace hs::ui
