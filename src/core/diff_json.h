// The history view's diff as JSON, so that it can be made as a job (core/exporters/jobs.h, ExportJob::Diff) in the
// web app's worker and drawn by the editor, which then carries no diff code:
//   [{"path", "label", "kind": "added" | "removed" | "changed" | "moved", "before", "after",
//     "spans": [["=" | "+" | "-", text], ...], "capped": true}]   (empty members left out)
#pragma once

#include <string>
#include <vector>

#include "diff.h"

namespace hs {

Json changes_to_json(const std::vector<Change>& changes);
// The list back; members of the wrong type are taken as empty, so a damaged answer shows less, never crashes.
std::vector<Change> changes_from_json(const Json& j);
// The job: the changes from `before` to the document in `after_json`; false and a sentence when it does not load.
bool diff_job(const Document& before, const std::string& after_json, std::string& out);

}  // namespace hs
