// Helpers shared by the exporters, the read view and lint: escaping, URL policy, labels, display times, numbers.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "../strings.h"
#include "../templates.h"
#include "../time.h"
#include "../time_units.h"
#include "exporters.h"

namespace hs {

namespace {

bool starts_with_ci(const std::string& s, const char* prefix) {
    size_t i = 0;
    for (; prefix[i]; ++i) {
        if (i >= s.size()) return false;
        if (lower(s[i]) != prefix[i]) return false;
    }
    return true;
}

std::string humanize(const std::string& key) {
    std::string out = key;
    for (char& c : out)
        if (c == '_' || c == '-') c = ' ';
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = char(out[0] - 'a' + 'A');
    return out;
}

struct Civil {
    int64_t y;
    unsigned mo, d, h, mi, s, ms;
};

Civil to_civil(int64_t unix_ms) {
    // Floor division so times before 1970 still come out right.
    const int64_t days = floor_div(unix_ms, kDayMs);
    const int64_t rem = unix_ms - days * kDayMs;
    Civil c{};
    civil_from_days(days, c.y, c.mo, c.d);
    c.h = unsigned(rem / 3600000);
    c.mi = unsigned(rem / 60000 % 60);
    c.s = unsigned(rem / 1000 % 60);
    c.ms = unsigned(rem % 1000);
    return c;
}

std::string date_str(const Civil& c) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(c.y), c.mo, c.d);
    return buf;
}

std::string clock_str(const Civil& c) {
    char buf[32];
    if (c.s != 0 || c.ms != 0)
        std::snprintf(buf, sizeof buf, "%02u:%02u:%02u", c.h, c.mi, c.s);
    else
        std::snprintf(buf, sizeof buf, "%02u:%02u", c.h, c.mi);
    return buf;
}

std::string offset_str(int offset_min) {
    char buf[16];
    int a = offset_min < 0 ? -offset_min : offset_min;
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset_min < 0 ? '-' : '+', (a / 60) % 100, a % 60);
    return buf;
}

// Guards against absurd values from hand-built documents: keep the arithmetic inside int64.
constexpr int64_t kMaxAbsMs = int64_t(1) << 52;
int64_t clamp_ms(int64_t v) { return std::max(-kMaxAbsMs, std::min(kMaxAbsMs, v)); }

}  // namespace

bool is_http_url(const std::string& url) {
    size_t host;
    if (starts_with_ci(url, "https://"))
        host = 8;
    else if (starts_with_ci(url, "http://"))
        host = 7;
    else
        return false;
    if (url.size() <= host || url[host] == '/' || url[host] == '?' || url[host] == '#') return false;
    for (unsigned char c : url)
        if (c <= 0x20 || c == 0x7F) return false;  // no spaces, line breaks or control characters
    return true;
}

std::string ticket_label(const std::string& url) {
    size_t scheme = url.find("://");
    std::string rest = scheme == std::string::npos ? url : url.substr(scheme + 3);
    size_t cut = rest.find_first_of("?#");
    if (cut != std::string::npos) rest.resize(cut);
    while (!rest.empty() && rest.back() == '/') rest.pop_back();
    size_t slash = rest.find('/');
    if (slash == std::string::npos) return rest.empty() ? url : rest;  // just the host
    std::vector<std::string> segs;
    size_t start = slash + 1;
    for (;;) {
        size_t next = rest.find('/', start);
        std::string seg = rest.substr(start, next == std::string::npos ? std::string::npos : next - start);
        if (!seg.empty()) segs.push_back(seg);
        if (next == std::string::npos) break;
        start = next + 1;
    }
    if (segs.empty()) return rest.substr(0, slash);
    const std::string& last = segs.back();
    bool numeric = std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (numeric && segs.size() >= 2) return segs[segs.size() - 2] + "/" + last;
    return last;
}

std::string html_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string sanitize_text(const std::string& s) {
    static const char kReplacement[] = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(s.size());
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c == '\r') {
                out += '\n';
                if (i + 1 < n && s[i + 1] == '\n') ++i;
            } else if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7F)) {
                out += char(c);
            }
            ++i;
            continue;
        }
        // Multi-byte sequence: validate length, continuation bytes, overlongs, surrogates and the U+10FFFF limit.
        size_t len = 0;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c == 0xE0) { len = 3; lo = 0xA0; }
        else if (c >= 0xE1 && c <= 0xEC) len = 3;
        else if (c == 0xED) { len = 3; hi = 0x9F; }
        else if (c >= 0xEE && c <= 0xEF) len = 3;
        else if (c == 0xF0) { len = 4; lo = 0x90; }
        else if (c >= 0xF1 && c <= 0xF3) len = 4;
        else if (c == 0xF4) { len = 4; hi = 0x8F; }
        bool ok = len > 0 && i + len <= n;
        for (size_t k = 1; ok && k < len; ++k) {
            unsigned char cc = static_cast<unsigned char>(s[i + k]);
            unsigned l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
            if (cc < l || cc > h) ok = false;
        }
        if (ok) {
            out.append(s, i, len);
            i += len;
        } else {
            out += kReplacement;
            ++i;
        }
    }
    return out;
}

std::string severity_label(const Document& d) {
    if (d.severity < 1 || d.severity > 5) return "";
    if (d.severity_labels.size() == 5 && !d.severity_labels[size_t(d.severity - 1)].empty())
        return d.severity_labels[size_t(d.severity - 1)];
    return "SEV" + std::to_string(d.severity);
}

std::string status_label(const std::string& status) {
    if (status == "in_review") return "In review";
    return humanize(status);
}

std::string event_type_label(const std::string& type) { return humanize(type); }

std::string action_type_label(const std::string& type) { return humanize(type); }

std::string action_status_label(const std::string& status) {
    if (status == "wont_do") return "Won't do";
    return humanize(status);
}

std::string display_utc(const Instant& t) {
    if (!t.set) return "";
    Civil c = to_civil(clamp_ms(t.unix_ms));
    return date_str(c) + " " + clock_str(c);
}

std::string display_local(const Instant& t) {
    if (!t.set) return "";
    int64_t ms = clamp_ms(t.unix_ms);
    Civil u = to_civil(ms);
    Civil l = to_civil(ms + int64_t(t.offset_min) * 60000);
    std::string out;
    if (date_str(l) != date_str(u)) out = date_str(l) + " ";
    return out + clock_str(l) + " " + offset_str(t.offset_min);
}

std::string iso_utc(const Instant& t) {
    if (!t.set) return "";
    Civil c = to_civil(clamp_ms(t.unix_ms));
    char buf[64];
    if (c.ms)
        std::snprintf(buf, sizeof buf, "%sT%02u:%02u:%02u.%03uZ", date_str(c).c_str(), c.h, c.mi, c.s, c.ms);
    else
        std::snprintf(buf, sizeof buf, "%sT%02u:%02u:%02uZ", date_str(c).c_str(), c.h, c.mi, c.s);
    return buf;
}

std::string display_number(double v, bool money) {
    if (!std::isfinite(v)) return "n/a";
    bool neg = v < 0;
    double a = std::fabs(v);
    if (a >= 1e15) {  // beyond exact integers: plain scientific form
        char buf[64];
        std::snprintf(buf, sizeof buf, "%g", v);
        return buf;
    }
    // Two decimals for money unless whole; up to two significant decimals otherwise, trailing zeros trimmed.
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", a);
    std::string s = buf;
    size_t dot = s.find('.');
    std::string ip = s.substr(0, dot), fp = s.substr(dot + 1);
    if (fp == "00") fp.clear();
    else if (!money && fp.back() == '0') fp.pop_back();
    std::string grouped;
    for (size_t i = 0; i < ip.size(); ++i) {
        if (i > 0 && (ip.size() - i) % 3 == 0) grouped += ',';
        grouped += ip[i];
    }
    std::string out = (neg && (grouped != "0" || !fp.empty())) ? "-" : "";
    out += grouped;
    if (!fp.empty()) out += "." + fp;
    return out;
}

namespace export_detail {

std::vector<std::string> section_order(const Document& d) { return d.sections.empty() ? vocab::kSections : d.sections; }

const std::string* prose_field(const Document& d, const std::string& key) {
    if (key == "summary") return &d.summary;
    if (key == "leadup") return &d.leadup;
    if (key == "trigger") return &d.trigger;
    if (key == "fault") return &d.fault;
    if (key == "detection") return &d.detection;
    if (key == "response") return &d.response;
    if (key == "recovery") return &d.recovery;
    if (key == "resolution") return &d.resolution;
    return nullptr;
}

bool impact_is_empty(const Impact& i) {
    auto blank = [](const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; };
    return blank(i.description) && !i.users_affected && !i.requests_failed && !i.revenue_lost && !i.support_tickets &&
           blank(i.slo) && !i.error_budget_consumed_pct && i.regions.empty();
}

bool section_is_empty(const Document& d, const std::string& key) {
    auto blank = [](const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; };
    auto items_blank = [&](const std::vector<Item>& v) {
        return std::all_of(v.begin(), v.end(), [&](const Item& it) { return blank(it.text); });
    };
    if (const std::string* p = prose_field(d, key)) return blank(*p);
    if (key == "impact") return impact_is_empty(d.impact);
    if (key == "timeline") return d.timeline.empty();
    if (key == "root_causes") return items_blank(d.root_causes);
    if (key == "contributing_factors") return items_blank(d.contributing_factors);
    if (key == "five_whys") return items_blank(d.five_whys);
    if (key == "lessons")
        return items_blank(d.lessons.went_well) && items_blank(d.lessons.went_wrong) &&
               items_blank(d.lessons.got_lucky);
    if (key == "action_items") return d.action_items.empty();
    if (key == "open_questions") return items_blank(d.open_questions);
    if (key == "links") return d.links.empty();
    return true;
}

std::string heading(const std::string& key) {
    std::string t = section_title(key);
    return t.empty() ? humanize(key) : t;
}

}  // namespace export_detail

}  // namespace hs
