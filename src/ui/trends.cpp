// The trends view: figures over every draft (core/trends.h), computed where the platform runs its jobs (web: the
// page's worker, so the editor's first load carries none of it) and drawn as charts (trends_charts.cpp), each with a
// table of the same figures. The report (Markdown or HTML) is made there too and downloaded.
#include "app.h"
#include "core/format.h"
#include "core/store.h"
#include "fonts.h"
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "theme.h"
#include "widgets.h"

namespace hs::ui {
namespace {

constexpr const char* kTrendsDialog = "Trends across all postmortems";

// The drafts' documents as one JSON array (the open one as it is on screen, saved or not).
std::string documents_json(const DraftStore& store, const std::string& open_id, const Document* open_doc) {
    std::string out = "[";
    for (const std::string& id : store.ids()) {
        const Draft* d = store.find(id);
        if (!d) continue;
        if (out.size() > 1) out += ',';
        out += save_document(id == open_id && open_doc ? *open_doc : d->doc);
    }
    return out + "]";
}

int int_of(const Json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<int>() : 0;
}

std::vector<TrendsFigures::Count> counts_of(const Json& j, const char* key, const char* name_key) {
    std::vector<TrendsFigures::Count> out;
    auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return out;
    for (const Json& c : *it) {
        auto n = c.find(name_key);
        out.push_back({n != c.end() && n->is_string() ? n->get<std::string>() : std::string(), int_of(c, "count")});
    }
    return out;
}

TrendsFigures::Month month_of(const Json& m) {
    TrendsFigures::Month r;
    auto name = m.find("month");
    if (name != m.end() && name->is_string()) r.month = name->get<std::string>();
    r.incidents = int_of(m, "incidents");
    auto sev = m.find("by_severity");
    if (sev != m.end() && sev->is_object())
        for (auto& [k, v] : sev->items()) {
            const int s = k.size() == 1 && k[0] >= '0' && k[0] <= '5' ? k[0] - '0' : -1;
            if (s >= 0 && v.is_number_integer()) r.by_severity[s] = v.get<int>();
        }
    const char* medians[] = {"median_time_to_detect_s", "median_time_to_acknowledge_s", "median_time_to_resolve_s"};
    for (int i = 0; i < 3; ++i) {
        auto v = m.find(medians[i]);
        if (v != m.end() && v->is_number()) r.median_s[i] = v->get<double>();
    }
    r.opened = int_of(m, "actions_opened");
    r.closed = int_of(m, "actions_closed");
    return r;
}

}  // namespace

bool parse_trends_figures(const std::string& json, TrendsFigures& out, std::string& error) {
    const Json j = Json::parse(json, nullptr, false);
    if (!j.is_object() || !j.contains("months")) {
        error = "the trends figures could not be read";
        return false;
    }
    out = TrendsFigures();
    out.incidents = int_of(j, "incidents");
    out.undated = int_of(j, "undated");
    out.open_actions = int_of(j, "open_actions");
    out.overdue_actions = int_of(j, "overdue_actions");
    if (j["today"].is_string()) out.today = j["today"].get<std::string>();
    if (j["months"].is_array())
        for (const Json& m : j["months"]) out.months.push_back(month_of(m));
    out.categories = counts_of(j, "factor_categories", "name");
    out.services = counts_of(j, "services", "name");
    out.ageing = counts_of(j, "overdue_ageing", "label");
    auto tables = j.find("tables");
    for (size_t i = 0; tables != j.end() && tables->is_array() && i < tables->size() && i < 6; ++i)
        if ((*tables)[i].is_string()) out.tables[i] = (*tables)[i].get<std::string>();
    return true;
}

void App::open_trends() {
    trends_.open = true;
    request_trends();
}

void App::request_trends() {
    trends_.error.clear();
    if (!store_ || store_->size() == 0) {
        trends_.have = false;
        trends_.loading = false;
        return;
    }
    const int gen = ++trends_.gen;
    trends_.loading = true;
    platform_.trends_job("figures", documents_json(*store_, draft_id_, doc_.get()), utc_date(platform_.now_ms()),
                         [this, gen](int status, const std::string& text) {
                             if (gen != trends_.gen) return;  // a newer request is under way
                             trends_.loading = false;
                             if (status != Platform::kLinkOk) trends_.error = text;
                             else if (parse_trends_figures(text, trends_.figures, trends_.error)) trends_.have = true;
                             platform_.request_frame();
                         });
}

// The report, made by the platform: `job` "markdown" or "html" (src/platform/trends_job.h).
void App::export_trends(const char* job) {
    if (!store_) return;
    const std::string today = utc_date(platform_.now_ms());
    const bool html = std::string(job) == "html";
    platform_.trends_job(job, documents_json(*store_, draft_id_, doc_.get()), today,
                         [this, today, html](int status, const std::string& text) {
                             if (status != Platform::kLinkOk)
                                 return show_message("The trends report could not be made: " + text);
                             platform_.download("hindsight-trends-" + today + (html ? ".html" : ".md"),
                                                html ? "text/html" : "text/markdown", text);
                             confirm("Trends report downloaded");
                         });
}

void App::draw_trends() {
    if (trends_.open || ImGui::IsPopupOpen(kTrendsDialog)) draw_trends_open();
}

void App::draw_trends_open() {
    if (!begin_dialog(kTrendsDialog, trends_.open, 1000, 760)) return;
    const bool empty = !store_ || store_->size() == 0;
    ImGui::BeginDisabled(empty || trends_.loading);
    if (ImGui::Button(ICON_DOWNLOAD "  Export report")) export_trends("markdown");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("The figures as Markdown tables");
    mark("trends.export");
    ImGui::SameLine();
    if (ImGui::Button("HTML")) export_trends("html");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("The report as a web page");
    mark("trends.export_html");
    ImGui::SameLine();
    if (ImGui::Button(ICON_REDO "  Refresh")) request_trends();
    mark("trends.refresh");
    ImGui::EndDisabled();
    ImGui::Spacing();
    if (empty) {
        ImGui::PushTextWrapPos(0);
        muted_text(store_ ? "No postmortems yet. Trends appear here once you have drafts: write one, or import your "
                            "history (a .zip of postmortems) with Open."
                          : "Your drafts are not loaded, so there is nothing to chart.");
        ImGui::PopTextWrapPos();
        mark("trends.empty");
    } else if (!trends_.error.empty()) {
        ImGui::TextColored(palette().danger, ICON_WARNING "  %s", trends_.error.c_str());
        mark("trends.error");
    } else if (trends_.loading && !trends_.have) {
        muted_text("Counting\xe2\x80\xa6");
        mark("trends.loading");
    } else if (trends_.have) {
        const float footer = ImGui::GetFrameHeightWithSpacing() + 6;
        ImGui::BeginChild("charts", ImVec2(0, std::max(200.0f, ImGui::GetContentRegionAvail().y - footer)));
        draw_trends_charts();
        ImGui::EndChild();
    }
    end_dialog(trends_.open, "trends.close", true);
}

}  // namespace hs::ui
