#include "core/exporters/jobs.h"

#include <cerrno>
#include <cstdlib>

#include "core/exporters/exporters.h"
#include "core/diff_json.h"
#include "core/format.h"
#include "core/merge_job.h"
#include "core/review_export.h"
#include "core/tracker.h"

namespace hs {
namespace {

// A decimal argument (a row index, a time in ms); false when it is not one.
bool parse_arg(const std::string& arg, long long& out) {
    if (arg.empty() || arg.size() > 20) return false;
    char* end = nullptr;
    errno = 0;
    out = std::strtoll(arg.c_str(), &end, 10);
    return errno == 0 && end == arg.c_str() + arg.size();
}

}  // namespace

ExportJobResult run_export_job(ExportJob job, const Document& d, const std::string& arg) {
    ExportJobResult r;
    long long n = 0;
    switch (job) {
        case ExportJob::Markdown: r.text = export_markdown(d); break;
        case ExportJob::Html: r.text = export_html(d); break;
        case ExportJob::ReadView: {
            HtmlOptions o;
            o.standalone = false;
            o.timeline_rows = kReadViewRows;
            r.text = with_margin_comments_html(export_html(d, o), d);  // the read view shows the review's comments
            break;
        }
        case ExportJob::ReadViewRows:
            if (!parse_arg(arg, n) || n < 0) {
                r.text = "the read view asked for rows from \"" + arg.substr(0, 24) + "\", which is not a row number";
                return r;
            }
            r.text = export_html_timeline_rows(d, static_cast<size_t>(n), kReadViewRows);
            break;
        case ExportJob::ActionsCsv: r.text = export_actions_csv(d); break;
        case ExportJob::JiraCsv: r.text = export_jira_csv(d); break;
        case ExportJob::GitlabCsv: r.text = export_gitlab_csv(d); break;
        case ExportJob::Ics:
            if (!parse_arg(arg, n)) {
                r.text = "the calendar export needs the time now, and \"" + arg.substr(0, 24) + "\" is not one";
                return r;
            }
            r.text = export_actions_ics(d, n);
            break;
        case ExportJob::TrackerMatch: return {tracker_match_job(d, arg, r.text), r.text};
        case ExportJob::Merge: return {merge_job(d, arg, r.text), r.text};
        case ExportJob::Diff: return {diff_job(d, arg, r.text), r.text};
        default: r.text = "this version of Hindsight does not know that export"; return r;
    }
    r.ok = true;
    return r;
}

ExportJobResult run_export_job(int job, const std::string& doc_json, const std::string& arg) {
    if (job < 0 || job >= kExportJobCount) return {false, "this version of Hindsight does not know that export"};
    LoadResult l = load_document(doc_json);
    if (!l.ok) return {false, "the document could not be read for the export"};
    return run_export_job(static_cast<ExportJob>(job), l.doc, arg);
}

}  // namespace hs
