// Markdown postmortems in: the shapes the common templates give them (the SRE book's example with its labelled
// summary lines and clock-time timeline, Atlassian's headed sections and tables, Hindsight's own export). Headings
// name sections, tables and time-led lines make the timeline and action items, and whatever fits no field stays as
// prose at the end of the summary under its own heading, so nothing a person wrote is lost. The report says what
// each part became.
#include <algorithm>

#include "../exporters/exporters.h"
#include "../strings.h"
#include "markdown_detail.h"

namespace hs {
namespace {

using namespace md_import;

struct Alias {
    const char* folded;
    const char* key;
};
// Headings (and summary labels) as the templates and people spell them, folded by fold_heading.
const Alias kSectionAliases[] = {
    {"summary", "summary"}, {"incidentsummary", "summary"}, {"executivesummary", "summary"},
    {"overview", "summary"}, {"impact", "impact"}, {"customerimpact", "impact"}, {"timeline", "timeline"},
    {"timelineofevents", "timeline"}, {"detailedtimeline", "timeline"}, {"leadup", "leadup"},
    {"trigger", "trigger"}, {"fault", "fault"}, {"detection", "detection"}, {"response", "response"},
    {"recovery", "recovery"}, {"resolution", "resolution"}, {"rootcause", "root_causes"},
    {"rootcauses", "root_causes"}, {"rootcauseanalysis", "root_causes"},
    {"contributingfactors", "contributing_factors"}, {"contributingfactor", "contributing_factors"},
    {"fivewhys", "five_whys"}, {"5whys", "five_whys"}, {"lessonslearned", "lessons"}, {"lessons", "lessons"},
    {"actionitems", "action_items"}, {"correctiveactions", "action_items"}, {"followuptasks", "action_items"},
    {"followupactions", "action_items"}, {"followups", "action_items"}, {"remediationitems", "action_items"},
    {"openquestions", "open_questions"}, {"supportinglinks", "links"}, {"supportinginformation", "links"},
    {"relatedrecords", "links"}, {"links", "links"}, {"references", "links"}};

const char* section_key(const std::string& heading) {
    const std::string f = fold_heading(heading);
    for (const Alias& a : kSectionAliases)
        if (f == a.folded) return a.key;
    return nullptr;
}

// 0 went well, 1 went wrong, 2 got lucky; -1 when the heading is none of those.
int lesson_part(const std::string& heading) {
    const std::string f = fold_heading(heading);
    if (f == "whatwentwell" || f == "wentwell") return 0;
    if (f == "whatwentwrong" || f == "wentwrong" || f == "whatcouldbeimproved") return 1;
    if (f == "wherewegotlucky" || f == "wheregotlucky" || f == "gotlucky") return 2;
    return -1;
}

const char* id_prefix(const std::string& key) {
    if (key == "root_causes") return "rc";
    if (key == "contributing_factors") return "cf";
    if (key == "five_whys") return "why";
    if (key == "open_questions") return "oq";
    return "ll";
}

struct Part {
    std::string heading;        // as written; "" before the first section
    const char* key = nullptr;  // the section it maps to, nullptr when none
    int lesson = -1;
    std::vector<const Block*> blocks;
};

std::vector<std::string> split_list(const std::string& value) {
    std::vector<std::string> out;
    for (size_t p = 0; p <= value.size();) {
        size_t q = value.find(',', p);
        if (q == std::string::npos) q = value.size();
        const std::string item = trim(value.substr(p, q - p));
        if (!item.empty()) out.push_back(item);
        p = q + 1;
    }
    return out;
}

std::optional<Instant> meta_time(const std::string& value) {
    if (value.size() == 10) return parse_iso8601(value + "T00:00:00Z");
    return parse_event_time(value, "");
}

struct Importer {
    Document d = import_detail::new_import_document();
    std::vector<std::string> report;
    std::vector<std::pair<std::string, std::string>> kept;  // (heading, prose) for the end of the summary
    std::string day;  // the incident's date, for clock-only times
    std::vector<std::string> order;  // section keys in the order the headings came

    void add_prose(std::string& field, const std::string& text) {
        if (trim(text).empty()) return;
        field += (field.empty() ? "" : "\n\n") + text;
    }

    void keep(const std::string& heading, const std::string& text) {
        if (!trim(text).empty()) kept.emplace_back(heading, text);
    }

    std::vector<Item>* items_of(const char* key, int lesson) {
        const std::string k = key;
        if (k == "root_causes") return &d.root_causes;
        if (k == "contributing_factors") return &d.contributing_factors;
        if (k == "five_whys") return &d.five_whys;
        if (k == "open_questions") return &d.open_questions;
        if (k == "lessons") return lesson == 0 ? &d.lessons.went_well : lesson == 2 ? &d.lessons.got_lucky
                                                                                       : &d.lessons.went_wrong;
        return nullptr;
    }

    // A labelled line before the first section ("**Status:** Final", "Authors: ..."): true when it was read.
    bool metadata(const std::string& label, const std::string& raw_value) {
        const std::string f = fold_heading(label), value = unescape_inline(raw_value);
        if (f == "incident" || f == "incidentid") d.incident_id = value;
        else if (f == "severity" || f == "sev") {
            d.severity = import_detail::severity_from_priority(value);
            if (!d.severity) report.push_back("Severity \"" + value + "\" is not SEV1..SEV5 or P1..P5: left unset");
        } else if (f == "status") {
            bool known = false;
            for (const std::string& s : vocab::kStatuses)
                if (fold_heading(s) == fold_heading(value)) d.status = s, known = true;
            if (!known) report.push_back("Status \"" + value + "\" is not Draft, In review or Final: left as Draft");
        } else if (f == "authors" || f == "author") d.authors = split_list(value);
        else if (f == "owner" || f == "incidentowner") d.owner = value;
        else if (f == "reviewers") d.reviewers = split_list(value);
        else if (f == "services" || f == "service" || f == "servicesaffected") d.services = split_list(value);
        else if (f == "tags" || f == "labels") d.tags = split_list(value);
        else if (f == "relatedincidents") d.related_incidents = split_list(value);
        else if (f == "created" || f == "date" || f == "updated") {
            auto t = meta_time(value);
            if (!t) return false;
            (f == "updated" ? d.updated : d.created) = *t;
            if (f != "updated" && day.empty()) day = format_utc(*t).substr(0, 10);
        } else if (f == "approvals") {
            report.push_back("Approvals: not imported (a reviewer approves the document itself)");
        } else if (const char* key = section_key(label)) {
            Block b;
            b.lines = {raw_value};
            fill_section(Part{label, key, -1, {}}, {&b});
            return true;
        } else {
            return false;
        }
        report.push_back("\"" + label + "\" \xE2\x86\x92 metadata");
        return true;
    }

    void preamble(const Part& p) {
        std::string loose;
        for (const Block* b : p.blocks) {
            std::string label, value;
            if (b->kind == Block::kList) {
                for (const ListItem& it : b->items) {
                    const std::string text = it.paragraphs.empty() ? "" : it.paragraphs[0][0];
                    if (!split_label(text, label, value) || !metadata(label, value)) add_prose(loose, item_text(it));
                }
            } else if (b->kind == Block::kParagraph && split_label(b->lines[0], label, value)) {
                std::vector<std::string> lines = b->lines;
                lines[0] = value;
                if (!metadata(label, b->lines.size() == 1 ? value : paragraph_text(lines)))
                    add_prose(loose, block_text(*b));
            } else {
                add_prose(loose, block_text(*b));
            }
        }
        if (!loose.empty()) {
            add_prose(d.summary, loose);
            report.push_back("Text before the first section \xE2\x86\x92 Summary");
        }
    }

    void fill_section(const Part& p, const std::vector<const Block*>& blocks) {
        const std::string key = p.key;
        Mapped m;
        m.day = day;
        std::string prose;
        for (const Block* b : blocks) {
            if (key == "timeline") {
                if (b->kind == Block::kParagraph && b->lines[0].rfind("**Key durations**", 0) == 0) break;
                if (b->kind == Block::kTable ? !timeline_from_table(*b, d, m) : (timeline_from_lines(*b, d, m), false))
                    m.prose.push_back(block_text(*b));
            } else if (key == "action_items") {
                if (b->kind == Block::kTable && actions_from_table(*b, d, m)) continue;
                if (b->kind == Block::kList) actions_from_list(*b, d, m);
                else m.prose.push_back(block_text(*b));
            } else if (key == "impact") {
                if (b->kind != Block::kTable || !impact_from_table(*b, d.impact, m))
                    add_prose(d.impact.description, block_text(*b));
            } else if (key == "links") {
                links_from_block(*b, d.links, m);
            } else if (std::vector<Item>* items = items_of(p.key, p.lesson)) {
                items_from_block(*b, *items, id_prefix(key), m);
            } else if (std::string* field = const_cast<std::string*>(export_detail::prose_field(d, key))) {
                add_prose(*field, block_text(*b));
                m.count = 1;
            }
        }
        for (const std::string& s : m.prose) add_prose(prose, s);
        keep(p.heading, prose);
        std::string line = "\"" + p.heading + "\" \xE2\x86\x92 " + export_detail::heading(key);
        if (key == "timeline") line += ": " + std::to_string(m.count) + " events";
        else if (key == "action_items") line += ": " + std::to_string(m.count) + " action items";
        else if (key == "impact" && m.count) line += ": " + std::to_string(m.count) + " measures";
        else if (items_of(p.key, p.lesson) || key == "links") line += ": " + std::to_string(m.count) + " entries";
        if (key == "lessons" && p.lesson < 0) line += " (under \"What went wrong\": the heading names no part)";
        if (m.unplaced)
            line += "; " + std::to_string(m.unplaced) + (m.unplaced == 1 ? " row" : " rows") +
                    " without a readable time kept as prose";
        else if (!m.prose.empty()) line += "; the rest kept as prose";
        for (const std::string& n : m.notes) line += "; " + n;
        report.push_back(line);
        if (key == "timeline") day = m.day;
    }

    std::vector<Part> split(const std::vector<Block>& blocks) {
        std::vector<Part> parts(1);
        for (const Block& b : blocks) {
            if (b.kind != Block::kHeading) {
                parts.back().blocks.push_back(&b);
                continue;
            }
            if (b.level == 1 && d.title.empty()) {
                d.title = b.text;
                continue;
            }
            const char* key = section_key(b.text);
            const int lesson = lesson_part(b.text);
            if (lesson >= 0) key = "lessons";
            if (!key && b.level >= 3 && parts.size() > 1) {  // a sub-heading of a section stays in it
                parts.back().blocks.push_back(&b);
                continue;
            }
            parts.push_back(Part{b.text, key, lesson, {}});
            if (key && std::find(order.begin(), order.end(), key) == order.end()) order.push_back(key);
        }
        return parts;
    }

    void finish() {
        for (const auto& k : kept) {
            add_prose(d.summary, k.first.empty() ? k.second : k.first + "\n\n" + k.second);
            if (!k.first.empty())
                report.push_back("\"" + k.first + "\": kept as prose at the end of the Summary (no matching field)");
        }
        import_detail::sort_timeline(d);
        // The sections in the file's order, then the template's others (empty) in theirs.
        for (const std::string& k : d.sections)
            if (std::find(order.begin(), order.end(), k) == order.end()) order.push_back(k);
        d.sections = order;
        if (trim(d.title).empty()) {
            d.title = "Imported postmortem";
            report.push_back("No level-1 heading: titled \"Imported postmortem\"");
        } else {
            report.insert(report.begin(), "Title \xE2\x86\x92 \"" + d.title + "\"");
        }
    }
};

}  // namespace

ImportResult import_markdown(const std::string& text, std::vector<std::string>* report) {
    if (text.size() > kMaxImportBytes)
        return import_detail::import_error("", "the Markdown file is larger than 64 MiB; split it or trim it.");
    std::string clean = sanitize_text(text);
    if (clean.compare(0, 3, "\xEF\xBB\xBF") == 0) clean.erase(0, 3);
    if (trim(clean).empty())
        return import_detail::import_error("", "the Markdown file is empty; write the postmortem under headings such "
                                               "as ## Summary, ## Timeline and ## Action items.");
    const std::vector<Block> blocks = parse_blocks(clean);
    Importer im;
    const std::vector<Part> parts = im.split(blocks);
    for (const Part& p : parts) {
        if (p.heading.empty() && !p.key) im.preamble(p);
        else if (!p.key) {
            std::string prose;
            for (const Block* b : p.blocks) im.add_prose(prose, block_text(*b));
            if (prose.empty()) im.report.push_back("\"" + p.heading + "\": empty, left out");
            im.keep(p.heading, prose);
        } else {
            im.fill_section(p, p.blocks);
        }
    }
    im.finish();
    ImportResult r;
    r.ok = true;
    r.doc = std::move(im.d);
    if (report) *report = std::move(im.report);
    return r;
}

}  // namespace hs
