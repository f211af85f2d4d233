// hindsight: the command-line contract that scripts and CI rely on (docs/cli.md).
// Exit codes: 0 ok, 1 bad input, 2 usage, 3 merge conflicts (reserved for `merge`). Never crashes: every command
// runs inside a catch-all, and core functions report problems instead of throwing.
//
// Index of this file:
//   commands (their shared helpers are in cli_common.cpp; files, stdin and folders are read in cli_input.cpp;
//   `review` is in cli_review.cpp)
//   the command table and main
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "core/exporters/exporters.h"
#include "core/format.h"
#include "core/importers/importers.h"
#include "core/link.h"
#include "core/lint.h"
#include "core/merge.h"
#include "core/metrics.h"
#include "core/model.h"
#include "core/review_export.h"
#include "core/templates.h"
#include "core/tracker.h"
#include "platform/native/cli_common.h"
#include "platform/native/cli_input.h"
#include "platform/native/cli_library.h"
#include "platform/native/passphrase.h"

namespace fs = std::filesystem;
using namespace hs::cli;
using hs::cli::read_input;
using hs::cli::slack_users_near;

namespace {

// ---- commands --------------------------------------------------------------------------------------------------
int cmd_new(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, {"--list"}, {"--template", "--title"});
    need_count(a, 0, 0, "");
    if (a.options.count("--list")) {
        for (const auto& t : hs::list_templates())
            out(t.name + "\t" + t.label + (t.description.empty() ? "" : "\t" + t.description) + "\n");
        return kOk;
    }
    std::string name = a.options.count("--template") ? a.options["--template"] : "google-sre";
    hs::Document d;
    if (!hs::new_from_template(name, a.options["--title"], now_ms(), d)) {
        std::string names;
        for (const auto& t : hs::list_templates()) names += (names.empty() ? "" : ", ") + t.name;
        err("hindsight new: no usable template \"" + name + "\"; available: " + (names.empty() ? "none" : names) +
            ".\n");
        return kBadInput;
    }
    out(hs::save_document(d, true) + "\n");
    return kOk;
}

int cmd_validate(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, {"--quiet"}, {});
    need_count(a, 1, SIZE_MAX, "FILE (use - for standard input)");
    int rc = kOk;
    for (const auto& path : a.positional) {
        std::string text, why;
        if (!read_input(path, text, why)) {
            err(display_name(path) + ": " + why + "\n");
            rc = kBadInput;
            continue;
        }
        hs::LoadResult r = hs::load_document(text);
        if (!r.ok && r.problems.empty()) r.problems.push_back({"", "the document could not be read."});
        for (const auto& p : r.problems) print_problem(path, p);
        if (!r.ok || !r.problems.empty()) rc = kBadInput;
        else if (!a.options.count("--quiet")) out(display_name(path) + ": ok\n");
    }
    return rc;
}

int cmd_fmt(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, {"--minify"}, {});
    need_count(a, 1, 1, "FILE (use - for standard input)");
    hs::Document d;
    if (!load_file(a.positional[0], d)) return kBadInput;
    out(hs::save_document(d, !a.options.count("--minify")) + "\n");
    return kOk;
}

int cmd_import(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, {"--minify"}, {"--channel", "--from", "--to", "--incident"});
    const std::string sources = "pagerduty, opsgenie, slack, csv, markdown, alertmanager, grafana or statuspage";
    if (a.positional.empty()) throw UsageError{"missing the source: " + sources + "."};
    const std::string kind = a.positional[0];
    const std::vector<std::string> kinds = {"pagerduty", "opsgenie", "slack",     "csv",
                                            "alertmanager", "grafana", "statuspage", "markdown"};
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end())
        throw UsageError{"unknown import source \"" + kind + "\"; use " + sources + "."};
    if (a.options.count("--incident") && kind != "statuspage")
        throw UsageError{"--incident applies to statuspage only."};
    need_count(a, 2, 2, "FILE (use - for standard input)");
    const std::string path = a.positional[1];
    hs::ImportResult r;
    std::vector<std::string> report;  // markdown: what each part of the file became
    const bool slack_export = kind == "slack" && hs::cli::is_slack_export(path);
    if (!slack_export && (a.options.count("--channel") || a.options.count("--from") || a.options.count("--to")))
        throw UsageError{"--channel, --from and --to apply to a Slack export (its folder or .zip) only."};
    if (slack_export) {
        hs::SlackExportOptions o;
        std::string why;
        if (!hs::cli::slack_options(a.repeated["--channel"], a.options["--from"], a.options["--to"], o, why))
            throw UsageError{why};
        r = hs::cli::import_slack_at(path, o);
    } else {
        std::string text, why;
        if (!read_input(path, text, why)) {
            err(display_name(path) + ": " + why + "\n");
            return kBadInput;
        }
        if (kind == "pagerduty") r = hs::import_pagerduty(text);
        else if (kind == "opsgenie") r = hs::import_opsgenie(text);
        else if (kind == "slack") r = hs::import_slack(text, slack_users_near(path));
        else if (kind == "alertmanager") r = hs::import_alertmanager(text);
        else if (kind == "grafana") r = hs::import_grafana(text);
        else if (kind == "statuspage") r = hs::import_statuspage(text, a.options["--incident"]);
        else if (kind == "markdown") r = hs::import_markdown(text, &report);
        else r = hs::import_csv(text);
    }
    if (!r.ok) {
        for (const auto& p : r.problems) print_problem(path, p);
        if (r.problems.empty()) err(display_name(path) + ": the " + kind + " input could not be imported.\n");
        return kBadInput;
    }
    for (const auto& p : r.problems) print_problem(path, p, "warning: ");
    for (const auto& line : report) err(display_name(path) + ": " + line + "\n");
    out(hs::save_document(r.doc, !a.options.count("--minify")) + "\n");
    return kOk;
}

int cmd_export(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, {"--fragment", "--with-comments"}, {});
    if (a.positional.empty()) throw UsageError{"missing the format: md, html, csv, jira-csv, gitlab-csv or ics."};
    const std::string kind = a.positional[0];
    if (kind != "md" && kind != "html" && kind != "csv" && kind != "ics" && kind != "jira-csv" && kind != "gitlab-csv")
        throw UsageError{"unknown export format \"" + kind + "\"; use md, html, csv, jira-csv, gitlab-csv or ics."};
    if (a.options.count("--fragment") && kind != "html") throw UsageError{"--fragment applies to html only."};
    const bool comments = a.options.count("--with-comments") > 0;
    if (comments && kind != "md" && kind != "html") throw UsageError{"--with-comments applies to md and html only."};
    need_count(a, 2, 2, "FILE (use - for standard input)");
    hs::Document d;
    if (!load_file(a.positional[1], d)) return kBadInput;
    if (kind == "md") out(hs::export_markdown(d) + (comments ? hs::review_comments_markdown(d) : ""));
    else if (kind == "html") {
        hs::HtmlOptions o;
        o.standalone = !a.options.count("--fragment");
        const std::string html = hs::export_html(d, o);
        out(comments ? hs::with_review_comments_html(html, d) : html);
    } else if (kind == "csv") out(hs::export_actions_csv(d));
    else if (kind == "jira-csv") out(hs::export_jira_csv(d));
    else if (kind == "gitlab-csv") out(hs::export_gitlab_csv(d));
    else {
        if (hs::ics_item_count(d) == 0) {
            err("nothing to export: no open or in-progress action item has a due date (YYYY-MM-DD), and a calendar "
                "file cannot be empty. Set due dates first.\n");
            return kBadInput;
        }
        out(hs::export_actions_ics(d, now_ms()));
    }
    return kOk;
}

int cmd_lint(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, {"--strict", "--json"}, {});
    need_count(a, 1, 1, "FILE (use - for standard input)");
    hs::Document d;
    if (!load_file(a.positional[0], d)) return kBadInput;
    std::vector<hs::Finding> fs = hs::lint(d);
    if (a.options.count("--json")) {
        hs::Json arr = hs::Json::array();
        for (const auto& f : fs) {
            hs::Json o = {{"rule", f.rule},       {"severity", f.severity}, {"section", f.section},
                          {"message", f.message}, {"suggestion", f.suggestion}};
            if (!f.item_id.empty()) o["item_id"] = f.item_id;
            if (!f.field.empty()) o["field"] = f.field;
            if (f.end > f.start) {
                o["start"] = f.start;
                o["end"] = f.end;
            }
            arr.push_back(std::move(o));
        }
        out(arr.dump(2, ' ', false, hs::Json::error_handler_t::replace) + "\n");
    } else {
        for (const auto& f : fs) {
            std::string line = f.section + (f.item_id.empty() ? "" : "/" + f.item_id) + ": " + f.message;
            if (!f.suggestion.empty()) line += " (" + f.suggestion + ")";
            out(line + "\n");
        }
    }
    return a.options.count("--strict") && !fs.empty() ? kBadInput : kOk;
}

int cmd_metrics(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, {}, {});
    need_count(a, 1, 1, "FILE (use - for standard input)");
    hs::Document d;
    if (!load_file(a.positional[0], d)) return kBadInput;
    hs::Metrics m = hs::compute_metrics(d);
    out(hs::metrics_json(m).dump(2, ' ', false, hs::Json::error_handler_t::replace) + "\n");
    return kOk;
}

// `actions update FILE TRACKER.csv`: the changes a tracker's CSV export proposes, one line each on stdout; notes and
// unmatched rows and items on stderr. --write applies them to FILE (replaced atomically through a temporary file).
void print_tracker_report(const hs::TrackerUpdate& u) {
    for (const auto& c : u.changes)
        out(c.item_id + " " + c.field + ": " + (c.old_value.empty() ? "(none)" : c.old_value) + " -> " +
            c.new_value + "\n");
    for (const auto& r : u.unmatched_rows)
        err("unmatched row (line " + std::to_string(r.line) + (r.key.empty() ? "" : ", " + r.key) +
            (r.title.empty() ? "" : ", \"" + r.title + "\"") + "): it names no action item of this document.\n");
    for (const auto& id : u.unmatched_items) err("unmatched item " + id + ": no row of the tracker export names it.\n");
    for (const auto& n : u.notes) err("note: " + n + "\n");
}

int cmd_actions(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, {"--write"}, {"--jira-url"});
    if (a.positional.empty()) throw UsageError{"missing the action: update."};
    if (a.positional[0] != "update") throw UsageError{"unknown actions action \"" + a.positional[0] + "\"; use update."};
    need_count(a, 3, 3, "FILE and TRACKER.csv");
    const std::string path = a.positional[1], tracker_path = a.positional[2];
    if (a.options.count("--write") && path == "-")
        throw UsageError{"--write replaces FILE, so FILE cannot be standard input."};
    hs::Document d;
    if (!load_file(path, d, true)) return kBadInput;
    std::string csv, why;
    if (!read_input(tracker_path, csv, why)) {
        err(display_name(tracker_path) + ": " + why + "\n");
        return kBadInput;
    }
    hs::TrackerOptions opts;
    opts.jira_base_url = a.options["--jira-url"];
    hs::TrackerUpdate u = hs::tracker_update(d, csv, opts);
    if (!u.ok) {
        err(display_name(tracker_path) + ": " + u.error + "\n");
        return kBadInput;
    }
    print_tracker_report(u);
    if (u.changes.empty()) err("no changes: the action items already match the tracker.\n");
    if (!a.options.count("--write") || u.changes.empty()) return kOk;
    hs::apply_tracker_changes(d, u.changes);
    if (!write_file_atomically(path, hs::save_document(d, true) + "\n", why)) {
        err(display_name(path) + ": " + why + "\n");
        return kBadInput;
    }
    err("wrote " + std::to_string(u.changes.size()) + " change(s) to " + path + ".\n");
    return kOk;
}

// --kdf T,M: Argon2id's passes and memory in MiB for an encrypted link (slower to open, harder to guess), within
// what every reader accepts (DecodeOptions::max_kdf). The default is the app's: 2 passes over 19 MiB.
hs::KdfParams parse_kdf(const std::string& v, const hs::KdfParams& max, bool encrypted) {
    if (!encrypted) throw UsageError{"--kdf needs --passphrase-file: only an encrypted link derives a key."};
    unsigned t = 0, m = 0;
    char tail = 0;
    if (std::sscanf(v.c_str(), "%u,%u%c", &t, &m, &tail) != 2 || t < 1 || m < 8)
        throw UsageError{"--kdf takes PASSES,MEBIBYTES, e.g. --kdf 4,64 (at least 1 pass and 8 MiB)."};
    if (t > max.opslimit || static_cast<uint64_t>(m) * 1024 > max.memlimit_kib)
        throw UsageError{"--kdf " + v + " is more than readers accept (at most " + std::to_string(max.opslimit) +
                         " passes and " + std::to_string(max.memlimit_kib / 1024) + " MiB)."};
    return hs::KdfParams{t, m * 1024u};
}

int cmd_link(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, {"--minify"}, {"--base-url", "--passphrase-file", "--kdf"});
    if (a.positional.empty()) throw UsageError{"missing the action: encode or decode."};
    const std::string action = a.positional[0];
    if (action == "encode") {
        need_count(a, 2, 2, "FILE (use - for standard input)");
        if (a.options.count("--minify")) throw UsageError{"--minify applies to decode only."};
        hs::Document d;
        if (!load_file(a.positional[1], d)) return kBadInput;
        hs::EncodeOptions o;
        o.base_url = a.options["--base-url"];
        if (!read_passphrase(a, o.passphrase)) return kBadInput;
        if (a.options.count("--kdf")) o.kdf = parse_kdf(a.options["--kdf"], hs::DecodeOptions{}.max_kdf, !o.passphrase.empty());
        std::string link = hs::encode_link(d, o);
        if (link.empty()) {
            err("hindsight link encode: the link could not be made (the cryptography library did not start).\n");
            return kBadInput;
        }
        out(link + "\n");
        return kOk;
    }
    if (action == "decode") {
        need_count(a, 2, 2, "LINK (or - to read it from standard input)");
        if (a.options.count("--base-url")) throw UsageError{"--base-url applies to encode only."};
        if (a.options.count("--kdf")) throw UsageError{"--kdf applies to encode only."};
        std::string link = a.positional[1], why;
        if (link == "-" && !read_input("-", link, why)) {
            err("<stdin>: " + why + "\n");
            return kBadInput;
        }
        std::string pass;
        if (!read_passphrase(a, pass)) return kBadInput;
        hs::DecodeResult r = hs::decode_link(link, pass);
        if (!r.ok) {
            err(std::string("hindsight link decode (") + hs::link_error_name(r.error.kind) + "): " + r.error.message +
                "\n");
            return kBadInput;
        }
        out(hs::save_document(r.doc, !a.options.count("--minify")) + "\n");
        return kOk;
    }
    throw UsageError{"unknown link action \"" + action + "\"; use encode or decode."};
}

int cmd_merge(const std::vector<std::string>& argv) {
    Args a = parse_args(argv, {"--minify"}, {});
    need_count(a, 3, 3, "BASE OURS THEIRS");
    hs::Document base, ours, theirs;
    if (!load_file(a.positional[0], base, true) || !load_file(a.positional[1], ours, true) ||
        !load_file(a.positional[2], theirs, true))
        return kBadInput;
    hs::MergeResult m = hs::merge_documents(base, ours, theirs);
    if (!m.ok) {
        for (const auto& p : m.problems) print_problem("merged document", p);
        return kBadInput;
    }
    out(hs::save_document(m.merged, !a.options.count("--minify")) + "\n");
    if (m.conflicts.empty()) return kOk;
    // Each conflict also says where and what in the editor's words ("label", "what"), and whether keep both applies.
    err(hs::conflicts_to_json(m.conflicts, &ours).dump(2, ' ', false, hs::Json::error_handler_t::replace) + "\n");
    return kConflicts;
}

// The dispatcher is a table so that later commands (link, merge) are one entry each.
// ---- the command table and main -------------------------------------------------------------------------------------
struct Command {
    const char* name;
    const char* usage;    // arguments, shown after "hindsight NAME"
    const char* summary;  // one line
    std::function<int(const std::vector<std::string>&)> run;
};

const std::vector<Command>& commands() {
    static const std::vector<Command> kCommands = {
        {"new", "[--template NAME] [--title TEXT] [--list]", "print a new document (--list: the templates)", cmd_new},
        {"validate", "FILE...", "0 if all valid; else 1 with \"FILE: /pointer: message\" lines", cmd_validate},
        {"fmt", "[--minify] FILE", "print the canonical JSON (pretty by default)", cmd_fmt},
        {"import",
         "pagerduty|opsgenie|slack|csv|alertmanager|grafana|statuspage|markdown FILE [--channel NAME]... "
         "[--from ISO] [--to ISO] [--incident ID]",
         "print the pre-filled document (slack: day file, export folder or .zip, the options filter an export; "
         "statuspage: --incident picks one of a list; markdown: what each part became goes to stderr)",
         cmd_import},
        {"export", "md|html|csv|jira-csv|gitlab-csv|ics [--fragment] [--with-comments] FILE",
         "print the export (csv, jira-csv, gitlab-csv, ics: action items)", cmd_export},
        {"actions", "update [--write] [--jira-url URL] FILE TRACKER.csv",
         "the changes a tracker's CSV export makes to the action items (--write: apply them)", cmd_actions},
        {"lint", "[--strict] [--json] FILE", "findings; exit 0 even with findings (--strict: 1)", cmd_lint},
        {"metrics", "FILE",
         "JSON: time_to_*_s and impact_duration_s (null where undefined), \"basis\" of each "
         "(\"impact_start\" or \"detected\"), notes",
         cmd_metrics},
        {"link", "encode FILE [--base-url URL] [--passphrase-file F] | decode LINK|- [--passphrase-file F] [--minify]",
         "make a share link / print the document a link holds", cmd_link},
        {"merge", "[--minify] BASE OURS THEIRS", "three-way merge; exit 3 with conflicts as JSON on stderr", cmd_merge},
        {"review",
         "apply DRAFT REPLY [--write] [--passphrase-file F] | list FILE [--open] | reply FILE --base BASEFILE "
         "[--reviewer NAME] [--base-url URL] [--passphrase-file F]",
         "apply a reviewer's reply link / list comments (--open: exit 1 while any is open) / make a reply link",
         hs::cli::cmd_review},
        {"search", hs::cli::kSearchUsage, "ranked matches in a folder of postmortems", hs::cli::cmd_search},
        {"stats", hs::cli::kStatsUsage, "the trends report of a folder (Markdown by default)", hs::cli::cmd_stats},
        {"similar", hs::cli::kSimilarUsage, "earlier postmortems of a folder like FILE", hs::cli::cmd_similar},
    };
    return kCommands;
}

std::string usage_text() {
    std::string s = "usage: hindsight COMMAND [ARGS]\n\n";
    for (const auto& c : commands()) {
        std::string line = std::string("  hindsight ") + c.name + " " + c.usage;
        if (line.size() < 56) line.resize(56, ' ');
        else line += "  ";
        s += line + c.summary + "\n";
    }
    s += "\nFILE may be - for standard input. Exit codes: 0 ok, 1 bad input, 2 usage, 3 merge conflicts.\n"
         "hindsight --help, hindsight --version. See docs/cli.md.\n";
    return s;
}

int run(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        err(usage_text());
        return kUsage;
    }
    const std::string cmd = args[0];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
        out(usage_text());
        return kOk;
    }
    if (cmd == "--version" || cmd == "-V" || cmd == "version") {
        out(std::string("hindsight ") + HS_VERSION + " (format " + hs::kFormatName + " version " +
            std::to_string(hs::kFormatVersion) + ")\n");
        return kOk;
    }
    for (const auto& c : commands()) {
        if (cmd != c.name) continue;
        std::vector<std::string> rest(args.begin() + 1, args.end());
        for (const auto& r : rest) {
            if (r == "--") break;
            if (r == "--help" || r == "-h") {
                out(std::string("usage: hindsight ") + c.name + " " + c.usage + "\n  " + c.summary + "\n");
                return kOk;
            }
        }
        try {
            return c.run(rest);
        } catch (const UsageError& e) {
            err(std::string("hindsight ") + c.name + ": " + e.message + "\nusage: hindsight " + c.name + " " +
                c.usage + "\n");
            return kUsage;
        }
    }
    err("hindsight: unknown command \"" + cmd + "\".\n\n" + usage_text());
    return kUsage;
}

}  // namespace

int main(int argc, char** argv) {
    // A closed pipe (`hindsight fmt x | head`) must end the program with an error code, not a signal.
    std::signal(SIGPIPE, SIG_IGN);
    int rc;
    try {
        rc = run(argc, argv);
    } catch (const std::bad_alloc&) {
        err("hindsight: out of memory.\n");
        rc = kBadInput;
    } catch (const std::exception& e) {
        err(std::string("hindsight: internal error: ") + e.what() + "\n");
        rc = kBadInput;
    } catch (...) {
        err("hindsight: internal error.\n");
        rc = kBadInput;
    }
    if (std::fflush(stdout) != 0 && rc == kOk) rc = kBadInput;
    return rc;
}
