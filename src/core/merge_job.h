// The three-way merge as a job by name (core/exporters/jobs.h, ExportJob::Merge), so that the web app's worker runs
// it and the merge code stays out of the editor's first load. Its input and answer are JSON text:
//   arg:    {"base": <document>, "theirs": <document>, "choices": {"<conflict path>": "ours" | "theirs" | "both"}}
//           (the job's document is OURS; "base" may be null: every difference then counts as theirs)
//   answer: {"merged": <the merged document, canonical>, "conflicts": conflicts_to_json(..., &ours)}
#pragma once

#include <map>
#include <string>

#include "model.h"

namespace hs {

// The answer for `ours` and `arg`, or false and a sentence for a person (an argument that is not the above, a
// document that does not load, a merge whose result is not a valid document). Never throws.
bool merge_job(const Document& ours, const std::string& arg, std::string& out);
// The job's argument, as the editor sends it. `choices`: path -> 0 ours, 1 theirs, 2 both.
std::string merge_job_arg(const std::string& base_json, const std::string& theirs_json,
                          const std::map<std::string, int>& choices);

}  // namespace hs
