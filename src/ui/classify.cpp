// Classification in the editor: the services affected and free tags as chips, the detection method, and each
// contributing factor's category, from the team's taxonomy (core/taxonomy.h). The taxonomy is kept in settings
// storage and edited in Settings (one text box per list), downloaded and loaded as a "hindsight.taxonomy" file.
// Values the taxonomy does not list are kept and shown: the lists are open (another team's, an older taxonomy).
#include <algorithm>

#include "app.h"
#include "core/fs.h"
#include "core/store.h"
#include "core/taxonomy.h"
#include "fonts.h"
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "misc/cpp/imgui_stdlib.h"
#include "theme.h"
#include "widgets.h"

namespace hs::ui {
namespace {

constexpr const char* kSettingsDir = "/settings";
constexpr const char* kTaxonomyFile = "/settings/taxonomy.json";
constexpr float kLabelWidth = 80;
constexpr float kAddWidth = 170;
constexpr float kCategoryWidth = 150;  // the category combo beside a contributing factor
constexpr size_t kValueMax = 120;  // bytes of one service, tag, category or method

std::string trimmed(const std::string& s) {
    const size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1).substr(0, kValueMax);
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// A combo of `known` values (and `value` itself when the taxonomy does not list it), with `none` for no value,
// registered as `name` (its choices as "<name>.pick.<value>").
bool choice_combo(const char* id, const std::string& name, std::string& value, const std::vector<std::string>& known,
                  const char* none, float width) {
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    const bool open = ImGui::BeginCombo(id, value.empty() ? none : value.c_str());
    mark(name);  // the combo's own rectangle, before its popup's items
    if (open) {
        if (ImGui::Selectable(none, value.empty())) value.clear(), changed = true;
        std::vector<std::string> all = known;
        if (!value.empty() && !contains(all, value)) all.insert(all.begin(), value);
        for (const std::string& k : all) {
            if (ImGui::Selectable(k.c_str(), k == value) && k != value) value = k, changed = true;
            mark(name + ".pick." + k);
        }
        ImGui::EndCombo();
    }
    return changed;
}

// The lists of a taxonomy file, read without core's load_taxonomy (whose checks and messages the editor's first load
// would carry): the file was written by this app or checked by the page's worker. Values are trimmed, empty ones
// and repeats dropped, as load_taxonomy does; a list that is missing keeps its value in `t`.
bool read_taxonomy(const std::string& text, Taxonomy& t) {
    const Json j = Json::parse(text, nullptr, false);
    auto format = j.is_object() ? j.find("format") : j.end();
    if (!j.is_object() || format == j.end() || *format != kTaxonomyFormat) return false;
    auto list = [&](const char* key, std::vector<std::string>& out) {
        auto it = j.find(key);
        if (it == j.end() || !it->is_array()) return;
        out.clear();
        for (const Json& v : *it) {
            const std::string s = v.is_string() ? trimmed(v.get<std::string>()) : std::string();
            if (!s.empty() && !contains(out, s)) out.push_back(s);
        }
    };
    list("services", t.services);
    list("factor_categories", t.factor_categories);
    list("detection_methods", t.detection_methods);
    list("tags", t.tags);
    return true;
}

std::string lines_of(const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) s += x + "\n";
    return s;
}

std::vector<std::string> values_of(const std::string& lines) {
    std::vector<std::string> out;
    size_t at = 0;
    while (at <= lines.size()) {
        size_t end = lines.find('\n', at);
        if (end == std::string::npos) end = lines.size();
        const std::string v = trimmed(lines.substr(at, end - at));
        if (!v.empty() && !contains(out, v)) out.push_back(v);
        at = end + 1;
    }
    return out;
}

}  // namespace

const Taxonomy& App::taxonomy() {
    Filesystem* fs = platform_.storage();
    if (!classify_.loaded && fs) {
        std::string text;
        classify_.taxonomy = default_taxonomy();
        if (fs->read(kTaxonomyFile, text).ok() && !read_taxonomy(text, classify_.taxonomy)) {
            classify_.taxonomy = default_taxonomy();
            show_message("The team's taxonomy kept in this browser could not be read; the default vocabulary is "
                         "used. Open Settings to set it again.");
        }
        classify_.loaded = true;
    } else if (!classify_.loaded && !classify_.defaulted) {
        classify_.taxonomy = default_taxonomy();
        classify_.defaulted = true;
    }
    return classify_.taxonomy;
}

bool App::set_taxonomy(const Taxonomy& t) {
    taxonomy();
    classify_.taxonomy = t;
    Filesystem* fs = platform_.storage();
    if (!fs) return true;  // kept for this session only (no storage here)
    Status st = fs->mkdirs(kSettingsDir);
    if (st.ok()) st = fs->write(kTaxonomyFile, save_taxonomy(t));
    if (!st.ok()) {
        show_message("The taxonomy could not be kept for next time: " + st.message);
        return false;
    }
    platform_.storage_persist();
    return true;
}

bool App::load_taxonomy_text(const std::string& name, const std::string& text) {
    Taxonomy t = default_taxonomy();
    t.services.clear();
    t.tags.clear();
    if (!read_taxonomy(text, t)) {
        show_message(name + " is not a taxonomy file (\"format\": \"" + kTaxonomyFormat +
                     "\"); the taxonomy was not changed. Download one from Settings to see the format.");
        return false;
    }
    if (!set_taxonomy(t)) return false;
    classify_.editing = false;
    classify_.note = "Loaded from " + name + ".";
    return true;
}

// Chips of `values` (a click removes one; Backspace in the empty add field removes the last), a field to type a
// new value (Enter adds it) and a menu of the taxonomy's values not used yet.
void App::draw_chip_list(const char* key, const char* label, const char* hint, std::vector<std::string>& values,
                         std::string& typed, const std::vector<std::string>& known, float w) {
    const Palette& p = palette();
    ImGui::PushID(key);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(p.text_muted, "%s", label);
    ImGui::SameLine(kLabelWidth);
    const float right = ImGui::GetCursorScreenPos().x - kLabelWidth + w;
    int remove = -1;
    for (size_t i = 0; i < values.size(); ++i) {
        const std::string chip = values[i] + "  " ICON_TIMES "##" + std::to_string(i);
        const float cw = ImGui::CalcTextSize(chip.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
        if (i > 0) same_line_if_fits(cw, right);
        ImGui::PushStyleColor(ImGuiCol_Button, p.panel_alt);
        if (ImGui::Button(chip.c_str())) remove = static_cast<int>(i);
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove %s", values[i].c_str());
        mark(std::string("classify.") + key + ".chip." + std::to_string(i));
    }
    const std::string field = std::string("ui:classify.") + key;
    const float pick_w = ImGui::GetFrameHeight();
    if (!values.empty()) same_line_if_fits(kAddWidth + pick_w + 4, right);
    const bool was_empty = typed.empty();
    const InputResult r = text_input(field, typed, hint, kAddWidth, kInputEnter);
    const bool typing = ImGui::IsItemActive() || text_input_editing(field);  // natively, ImGui's own field
    // (The text box is named by text_input, "field.ui:classify.<key>": a second name would take its place in the
    // accessibility tree.)
    std::string add;
    if (r.enter) add = trimmed(typed);
    if (was_empty && typed.empty() && typing && !values.empty() &&
        ImGui::IsKeyPressed(ImGuiKey_Backspace, false))
        remove = static_cast<int>(values.size()) - 1;
    ImGui::SameLine(0, 4);
    const bool menu = ImGui::BeginCombo("##pick", nullptr, ImGuiComboFlags_NoPreview);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Choose from the team's taxonomy");
    mark(std::string("classify.") + key + ".menu");  // the button's own rectangle, before the menu's items
    if (menu) {
        int offered = 0;
        for (const std::string& k : known) {
            if (contains(values, k)) continue;
            if (!typed.empty() && k.find(trimmed(typed)) == std::string::npos) continue;
            ++offered;
            if (ImGui::Selectable(k.c_str())) add = k;
            mark(std::string("classify.") + key + ".pick." + k);
        }
        if (!offered) muted_text("Nothing more in the taxonomy; type a new value and press Enter.");
        ImGui::EndCombo();
    }
    ImGui::PopID();
    if (doc_ && remove >= 0) {
        const std::string gone = values[static_cast<size_t>(remove)];
        values.erase(values.begin() + remove);
        edited("", std::string("Remove ") + label + " " + gone);
    }
    if (doc_ && !add.empty() && !contains(values, add)) {
        values.push_back(add);
        typed.clear();
        edited("", std::string("Add ") + label + " " + add);
    } else if (!add.empty()) {
        typed.clear();
    }
}

void App::draw_classification(float w) {
    Document& d = *doc_;
    const Taxonomy& t = taxonomy();
    draw_chip_list("services", "Services", "Add a service", d.services, classify_.new_service, t.services, w);
    draw_chip_list("tags", "Tags", "Add a tag", d.tags, classify_.new_tag, t.tags, w);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(palette().text_muted, "Detected by");
    ImGui::SameLine(kLabelWidth);
    if (choice_combo("##detection", "classify.detection", d.detection_method, t.detection_methods, "Not recorded",
                     std::min(260.0f, w - kLabelWidth)))
        edited("", "Set detection method");
}

// Beside a contributing factor: its category, from the taxonomy.
void App::draw_factor_category(Item& it, float width) {
    if (choice_combo("##category", "factor.category." + it.id, it.category, taxonomy().factor_categories,
                     "No category", width))
        edited("", "Set factor category");
}

float App::factor_category_width() const { return kCategoryWidth; }

// Settings: the taxonomy, one text box per list, one value per line.
void App::draw_taxonomy_settings() {
    const Taxonomy& t = taxonomy();
    ImGui::PushTextWrapPos(0);
    muted_text("The vocabulary for services, factor categories, detection methods and tags that the editor offers. "
               "One value per line. Share it with your team as a file.");
    ImGui::PopTextWrapPos();
    if (!classify_.editing) {
        classify_.services = lines_of(t.services);
        classify_.factor_categories = lines_of(t.factor_categories);
        classify_.detection_methods = lines_of(t.detection_methods);
        classify_.tags = lines_of(t.tags);
    }
    struct Box {
        const char* label;
        const char* key;
        std::string* text;
    } boxes[] = {{"Services", "services", &classify_.services},
                 {"Factor categories", "categories", &classify_.factor_categories},
                 {"Detection methods", "detection", &classify_.detection_methods},
                 {"Tags", "tags", &classify_.tags}};
    const float bw = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 3) / 4;
    for (size_t i = 0; i < 4; ++i) {
        if (i) ImGui::SameLine();
        ImGui::BeginGroup();
        ImGui::TextColored(palette().text_muted, "%s", boxes[i].label);
        ImGui::PushID(boxes[i].key);
        if (ImGui::InputTextMultiline("##list", boxes[i].text, ImVec2(std::max(bw, 90.0f), 120)))
            classify_.editing = true;
        mark(std::string("settings.taxonomy.") + boxes[i].key);
        ImGui::PopID();
        ImGui::EndGroup();
    }
    ImGui::BeginDisabled(!classify_.editing);
    if (ImGui::Button(ICON_SAVE "  Save taxonomy")) {
        Taxonomy n;
        n.services = values_of(classify_.services);
        n.factor_categories = values_of(classify_.factor_categories);
        n.detection_methods = values_of(classify_.detection_methods);
        n.tags = values_of(classify_.tags);
        if (set_taxonomy(n)) classify_.editing = false, classify_.note = "Saved.";
    }
    mark("settings.taxonomy.save");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(ICON_DOWNLOAD "  Download")) {
        platform_.download("team.hindsight.taxonomy", "application/json", save_taxonomy(t));
        classify_.note = "Downloaded team.hindsight.taxonomy.";
    }
    mark("settings.taxonomy.download");
    ImGui::SameLine();
    if (ImGui::Button("Default")) {
        classify_.editing = false;
        if (set_taxonomy(default_taxonomy())) classify_.note = "The default vocabulary is back.";
    }
    mark("settings.taxonomy.default");
    if (!classify_.note.empty()) {
        ImGui::SameLine();
        muted_text(classify_.note.c_str());
    }
    // A teammate's file: its text pasted here (the browser gives a page no file without a picker of its own).
    if (ImGui::TreeNode("Load a team.hindsight.taxonomy file")) {
        ImGui::InputTextMultiline("##file", &classify_.pasted, ImVec2(-1, 90));
        mark("settings.taxonomy.file");
        ImGui::BeginDisabled(classify_.pasted.empty());
        if (ImGui::Button("Load") && load_taxonomy_text("the pasted file", classify_.pasted)) classify_.pasted.clear();
        mark("settings.taxonomy.load");
        ImGui::EndDisabled();
        ImGui::TreePop();
    }
}

}  // namespace hs::ui
