// Built-in templates and new documents. A template is itself a valid postmortem (assets/templates/NAME.json) with
// "template" and "sections" set; "template_label" / "template_description" describe it in the picker.
#include "templates.h"

#include <algorithm>

#include "embedded.h"
#include "format.h"
#include "sort.h"

namespace hs {

namespace {

const char* const kFolder = "templates/";

std::string name_of(const std::string& path) {
    std::string n = path.substr(std::string(kFolder).size());
    if (n.size() > 5 && n.compare(n.size() - 5, 5, ".json") == 0) n.resize(n.size() - 5);
    return n;
}

// The picker shows the classic styles first, then any other template alphabetically.
int rank(const std::string& name) {
    static const char* const kOrder[] = {"google-sre", "atlassian", "minimal", "security"};
    for (int i = 0; i < 4; ++i)
        if (name == kOrder[i]) return i;
    return 4;
}

void fresh_ids(std::vector<Item>& v, const char* prefix) {
    for (Item& it : v) it.id = new_id(prefix);
}

struct SectionText {
    const char* key;
    const char* title;
    const char* hint;
};

// Hints follow the blameless SRE tradition: ask about systems, signals and decisions, never about who to blame.
const SectionText kSectionTexts[] = {
    {"summary", "Summary",
     "In a few sentences: what happened, who or what was affected, for how long, and how it was resolved. Write it "
     "for someone who reads nothing else."},
    {"impact", "Impact",
     "Who and what was affected, and how much: users or customers, failed requests or orders, revenue, support "
     "tickets, the SLO and the error budget consumed, regions and services."},
    {"timeline", "Timeline",
     "The key moments in order, in UTC: when impact started, when it was detected, acknowledged, escalated, "
     "mitigated and resolved, and the decisions made along the way."},
    {"leadup", "Leadup",
     "What circumstances led to the incident? Recent changes, load patterns, known risks or earlier decisions that "
     "set the stage."},
    {"trigger", "Trigger",
     "What change or event set the failure off? A deploy, a config push, a traffic spike, an expiring certificate, a "
     "dependency outage..."},
    {"fault", "Fault",
     "What went wrong in the system? Describe the failing component and the mechanism of the failure, not the people "
     "around it."},
    {"detection", "Detection",
     "How and when did we find out? Which alert, dashboard or customer report, and how could the system have told us "
     "sooner?"},
    {"response", "Response",
     "Who was engaged and how did the response unfold? What helped responders and what slowed them down (access, "
     "runbooks, tooling, communication)?"},
    {"recovery", "Recovery",
     "How was service restored? What mitigations were applied, how long did recovery take, and what made it faster "
     "or slower?"},
    {"resolution", "Resolution",
     "What finally resolved the incident, and how did we confirm that the system was healthy again?"},
    {"root_causes", "Root causes",
     "The underlying conditions that made this failure possible. Ask why the system allowed it; there is usually "
     "more than one cause."},
    {"contributing_factors", "Contributing factors",
     "Conditions that made the incident more likely, larger or longer: missing safeguards, confusing signals, time "
     "pressure, gaps in tooling or documentation."},
    {"five_whys", "Five whys",
     "Start from the impact and ask \"why?\" repeatedly, each answer building on the previous one, until you reach "
     "something the organisation can change."},
    {"lessons", "Lessons learned",
     "What went well, what went wrong, and where we got lucky. Luck is a signal: it marks a safeguard we do not have "
     "yet."},
    {"action_items", "Action items",
     "Concrete changes that prevent recurrence, reduce impact or speed up detection. Give each an owner, a priority "
     "and a due date, and link the ticket."},
    {"open_questions", "Open questions",
     "What is still unknown or needs follow-up? Record questions so that they are answered before the postmortem is "
     "final."},
    {"links", "Supporting links",
     "Dashboards, graphs, chat channels, tickets, runbooks and related postmortems that support this analysis."},
};

const SectionText* find_section(const std::string& key) {
    for (const SectionText& s : kSectionTexts)
        if (key == s.key) return &s;
    return nullptr;
}

}  // namespace

std::vector<TemplateInfo> list_templates() {
    // Embedded files never change while the program runs: read them once.
    static const std::vector<TemplateInfo> kCached = [] {
        std::vector<TemplateInfo> out;
        for (const std::string& path : list_embedded(kFolder)) {
            if (path.size() < 5 || path.compare(path.size() - 5, 5, ".json") != 0) continue;
            const EmbeddedFile* f = find_embedded(path);
            if (!f) continue;
            TemplateInfo info;
            info.name = name_of(path);
            info.label = info.name;
            // Read the labels straight from the JSON: a template that fails to load is still listed (and then
            // refused by new_from_template with a message), rather than silently disappearing.
            Json j = Json::parse(std::string(f->data, f->size), nullptr, false);
            if (j.is_object()) {
                auto l = j.find("template_label");
                if (l != j.end() && l->is_string() && !l->get_ref<const std::string&>().empty())
                    info.label = l->get<std::string>();
                auto d = j.find("template_description");
                if (d != j.end() && d->is_string()) info.description = d->get<std::string>();
            }
            out.push_back(std::move(info));
        }
        sort_stable(out.begin(), out.end(), [](const TemplateInfo& a, const TemplateInfo& b) {
            const int ra = rank(a.name), rb = rank(b.name);
            return ra != rb ? ra < rb : a.name < b.name;
        });
        return out;
    }();
    return kCached;
}

bool new_from_template(const std::string& name, const std::string& title, int64_t now_ms, Document& out) {
    const EmbeddedFile* f = find_embedded(kFolder + name + ".json");
    if (!f) return false;
    LoadResult r = load_document(std::string(f->data, f->size));
    if (!r.ok) return false;
    Document d = std::move(r.doc);
    d.id = new_id("pm");
    if (!title.empty()) d.title = title;
    if (d.template_name.empty()) d.template_name = name;
    d.created = Instant{now_ms, 0, true};
    d.updated = d.created;
    d.status = "draft";
    d.approvals.clear();
    // The picker's metadata describes the template, not the postmortem made from it.
    d.extra.erase("template_label");
    d.extra.erase("template_description");
    for (Event& e : d.timeline) e.id = new_id("ev");
    fresh_ids(d.root_causes, "rc");
    fresh_ids(d.contributing_factors, "cf");
    fresh_ids(d.five_whys, "why");
    fresh_ids(d.lessons.went_well, "ll");
    fresh_ids(d.lessons.went_wrong, "ll");
    fresh_ids(d.lessons.got_lucky, "ll");
    for (ActionItem& a : d.action_items) a.id = new_id("ai");
    fresh_ids(d.open_questions, "oq");
    for (LinkRef& l : d.links) l.id = new_id("ln");
    out = std::move(d);
    return true;
}

std::string section_title(const std::string& key) {
    if (const SectionText* s = find_section(key)) return s->title;
    // Unknown (newer) section: "went_well" -> "Went well".
    std::string t = key;
    for (char& c : t)
        if (c == '_') c = ' ';
    if (!t.empty() && t[0] >= 'a' && t[0] <= 'z') t[0] = static_cast<char>(t[0] - 'a' + 'A');
    return t;
}

std::string section_hint(const std::string& key) {
    if (const SectionText* s = find_section(key)) return s->hint;
    return "";
}

}  // namespace hs
