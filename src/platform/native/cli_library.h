// hindsight (the CLI): the commands over a folder of postmortems, the learning library (docs/cli.md): search,
// stats (the trends report) and similar. Each takes the arguments after its name and returns the exit code
// (0 ok, 1 bad input, 2 usage); it prints its own usage errors.
#pragma once

#include <string>
#include <vector>

namespace hs::cli {

extern const char* const kSearchUsage;
extern const char* const kStatsUsage;
extern const char* const kSimilarUsage;

int cmd_search(const std::vector<std::string>& argv);
int cmd_stats(const std::vector<std::string>& argv);
int cmd_similar(const std::vector<std::string>& argv);

}  // namespace hs::cli
