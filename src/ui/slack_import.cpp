// The Slack export dialog: a whole export's .zip, opened or dropped, lists its channels (ticked, with their message
// counts) and the time window from its first to its last message; Import brings in what is chosen, and the timeline
// opens in review as for any import.
#include <algorithm>

#include "app.h"
#include "imgui.h"
#include "locate.h"
#include "misc/cpp/imgui_stdlib.h"
#include "theme.h"
#include "widgets.h"

namespace hs::ui {

namespace {

constexpr const char* kDialog = "Import a Slack export";
constexpr float kDialogWidth = 560.0f;
constexpr float kDialogBaseHeight = 330.0f;  // the texts, the window's fields and the buttons
constexpr float kChannelRowHeight = 36.0f;
constexpr float kDialogMaxHeight = 720.0f;   // more channels scroll

// The choices, or false with `why` when the window cannot be read or no channel is ticked.
bool read_choices(const SlackImportState& s, SlackExportOptions& o, std::string& why) {
    o = {};
    bool all = true;
    for (size_t i = 0; i < s.channels.size(); ++i) {
        if (s.keep[i]) o.channels.push_back(s.channels[i].name);
        all = all && s.keep[i];
    }
    if (o.channels.empty()) {
        why = "Tick at least one channel.";
        return false;
    }
    if (all) o.channels.clear();  // every channel, including any the scan found empty
    const std::pair<const std::string*, std::optional<Instant>*> ends[] = {{&s.from, &o.from}, {&s.to, &o.to}};
    for (const auto& [text, out] : ends) {
        if (text->empty()) continue;
        *out = parse_iso8601(*text);
        if (!*out) {
            why = "\"" + *text + "\" is not a time; write it as 2026-03-01T13:00:00Z (or with an offset, +09:00), or "
                  "leave it empty for no limit.";
            return false;
        }
    }
    if (o.from && o.to && o.from->unix_ms > o.to->unix_ms) {
        why = "The window ends before it starts; swap the two times.";
        return false;
    }
    return true;
}

}  // namespace

void App::slack_choose(const std::string& name, const std::string& scan_json) {
    SlackExportScan scan;
    if (!slack_scan_from_json(scan_json, scan)) {
        show_message(name + " could not be opened: the page's answer about it was not understood.");
        return;
    }
    slack_import_start(name, scan);
}

void App::slack_import_start(const std::string& name, const SlackExportScan& scan) {
    slack_import_ = {};
    slack_import_.open = true;
    slack_import_.name = name;
    slack_import_.channels = scan.channels;
    slack_import_.keep.assign(scan.channels.size(), true);
    if (scan.first.set) slack_import_.from = format_utc(scan.first);
    if (scan.last.set) slack_import_.to = format_utc(scan.last);
    platform_.request_frame();
}

void App::slack_import_run() {
    SlackImportState& s = slack_import_;
    SlackExportOptions o;
    if (!read_choices(s, o, s.error)) return;
    s.error.clear();
    if (!s.import_here) {  // the page holds the archive: its worker imports it and the document comes back
        platform_.import_slack_zip(slack_options_json(o));
        s = {};
        return;
    }
    ImportResult r = s.import_here(s.zip, o);
    if (!r.ok) {
        s.error = r.problems.empty() ? "Nothing could be imported." : r.problems.front().message;
        return;
    }
    const std::string name = s.name;
    s = {};
    open_import_result(name, "slack", std::move(r));
}

void App::draw_slack_import() {
    SlackImportState& s = slack_import_;
    const float h = std::min(kDialogMaxHeight, kDialogBaseHeight + kChannelRowHeight * float(s.channels.size()));
    if (!begin_dialog(kDialog, s.open, kDialogWidth, h)) return;
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(s.name.c_str());
    muted_text("Choose the channels and the time window to import (the incident's start and end).");
    ImGui::Spacing();
    ImGui::TextUnformatted("Channels");
    for (size_t i = 0; i < s.channels.size(); ++i) {
        const SlackChannelCount& c = s.channels[i];
        bool keep = s.keep[i];
        std::string label = "#" + c.name + "  (" + std::to_string(c.messages) + " message" +
                            (c.messages == 1 ? "" : "s") + ")##slack" + std::to_string(i);
        if (ImGui::Checkbox(label.c_str(), &keep)) s.keep[i] = keep;
        mark("slack.channel." + c.name);
    }
    ImGui::Spacing();
    ImGui::TextUnformatted("Time window (ISO 8601; empty: no limit)");
    const float field_w = std::min(260.0f, ImGui::GetContentRegionAvail().x);
    ImGui::SetNextItemWidth(field_w);
    ImGui::InputTextWithHint("From##slack", "2026-03-01T13:00:00Z", &s.from);
    mark("slack.from");
    ImGui::SetNextItemWidth(field_w);
    ImGui::InputTextWithHint("To##slack", "2026-03-01T15:00:00Z", &s.to);
    mark("slack.to");
    if (!s.error.empty()) {
        ImGui::TextColored(palette().danger, "%s", s.error.c_str());
        mark("slack.error");
    }
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (primary_button("Import")) slack_import_run();
    mark("slack.import");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) s = {};
    mark("slack.cancel");
    if (!s.open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace hs::ui
