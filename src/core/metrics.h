// Derived metrics from the timeline's typed events. Never typed in. Undefined (nullopt) where an event is missing.
#pragma once
#include <optional>
#include <string>

#include "model.h"

namespace hs {

struct Metrics {
    std::optional<int64_t> time_to_detect_s;       // impact_start -> first detected
    std::optional<int64_t> time_to_acknowledge_s;  // impact_start -> first acknowledged
    std::optional<int64_t> time_to_mitigate_s;     // impact_start -> first mitigated
    std::optional<int64_t> time_to_resolve_s;      // impact_start -> first resolved
    std::optional<int64_t> impact_duration_s;      // impact_start -> mitigated (or resolved if no mitigation)
    std::vector<std::string> notes;                // why a metric is undefined, e.g. "No impact_start event."
    // The event types whose absence leaves a metric undefined, each once, in the order of the incident
    // ("impact_start", "detected", "acknowledged", "mitigated", "resolved"): what the editor offers to add.
    std::vector<std::string> missing;
};

Metrics compute_metrics(const Document& d);
Json metrics_json(const Metrics& m);  // keys as the CLI prints them, null where undefined

}  // namespace hs
