// Derived metrics from the timeline's typed events. Never typed in. Undefined (nullopt) where an event is missing.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model.h"

namespace hs {

// Where a metric is measured from. Paging tools (PagerDuty, Opsgenie) know when the alert fired, not when users
// started to feel it, so without an impact_start the durations run from the first detected event instead.
enum class Basis { none, impact_start, detected };

const char* basis_key(Basis b);    // "impact_start", "detected"; "" for none (as the CLI prints it)
const char* basis_words(Basis b);  // "from impact start", "from detection"; "" for none (panel and exports)

struct Metrics {
    std::optional<int64_t> time_to_detect_s;       // impact_start -> first detected
    std::optional<int64_t> time_to_acknowledge_s;  // first detected (the alert) -> first acknowledged
    std::optional<int64_t> time_to_mitigate_s;     // impact_start (else first detected) -> first mitigated
    std::optional<int64_t> time_to_resolve_s;      // impact_start (else first detected) -> first resolved
    std::optional<int64_t> impact_duration_s;      // the same origin -> mitigated (or resolved if no mitigation)
    // The origin each figure was measured from; none where the figure is undefined.
    Basis detect_basis = Basis::none, acknowledge_basis = Basis::none, mitigate_basis = Basis::none,
          resolve_basis = Basis::none, impact_basis = Basis::none;
    std::vector<std::string> notes;                // why a metric is undefined, e.g. "No impact_start event."
    // The event types whose absence leaves a metric undefined (or measured from detection), each once, in the order
    // of the incident ("impact_start", "detected", "acknowledged", "mitigated", "resolved"): what the editor offers
    // to add.
    std::vector<std::string> missing;
};

// One metric as the CLI, the panel and the exports list them, in that order.
struct MetricRow {
    const char* key;    // "time_to_detect_s"
    const char* label;  // "Time to detect"
    std::optional<int64_t> seconds;
    Basis basis;
};
std::vector<MetricRow> metric_rows(const Metrics& m);

Metrics compute_metrics(const Document& d);
// {"time_to_detect_s": 120, ..., "basis": {"time_to_detect_s": "impact_start", ...}, "notes": [...]}: the figures
// keyed as the CLI prints them (null where undefined), and beside them the origin of each (null where undefined).
Json metrics_json(const Metrics& m);

}  // namespace hs
