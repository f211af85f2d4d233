// The classification fields' state (classify.cpp: the team's taxonomy and what is being typed into the chip lists)
// and the trends view's (trends.cpp, trends_charts.cpp: the figures the worker sent, read once into plain rows).
#pragma once
#include <string>
#include <vector>

#include "core/taxonomy.h"

namespace hs::ui {

struct ClassifyState {
    Taxonomy taxonomy;
    bool defaulted = false;     // `taxonomy` holds the default vocabulary (no storage read yet)
    bool loaded = false;        // read from settings storage (or found missing there)
    std::string new_service, new_tag;  // being typed into the chip lists
    // Settings: one text box per list, one value per line, applied with Save.
    bool editing = false;
    std::string services, factor_categories, detection_methods, tags;
    std::string note;           // what the last Save or file import did
    std::string pasted;         // a taxonomy file's text, pasted in Settings
};

// One chart's figures, as the worker computed them (core/trends.h trends_json).
struct TrendsFigures {
    struct Month {
        std::string month;
        int incidents = 0;
        int by_severity[6] = {};  // index 0: not set
        double median_s[3] = {-1, -1, -1};  // detect, acknowledge, resolve; -1 when no postmortem defines it
        int opened = 0, closed = 0;
    };
    struct Count {
        std::string name;
        int count = 0;
    };
    int incidents = 0, undated = 0, open_actions = 0, overdue_actions = 0;
    std::string today;
    std::vector<Month> months;
    std::vector<Count> categories, services, ageing;
    std::string tables[6];  // each chart's table as the worker wrote it: rows of tab-separated cells, heads first
};

struct TrendsState {
    bool open = false;
    bool loading = false;
    int gen = 0;               // answers for an older request are dropped
    std::string error;
    bool have = false;
    TrendsFigures figures;
    static constexpr int kCharts = 6;
    bool table[kCharts] = {};  // each chart shown as its table
};

// Reads trends_json's text; false (and `error`) when it is not that.
bool parse_trends_figures(const std::string& json, TrendsFigures& out, std::string& error);

}  // namespace hs::ui
