// A headless native runner for the real UI code: a Platform with no window and no GPU, and a frame loop that builds
// ImGui frames (NewFrame .. Render, draw lists included) from scripted input. For benchmarks (bench/timeline; the
// whole editor in bench/ui) and native UI tests. Nothing is rasterized.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "platform.h"

struct ImDrawData;

namespace hs::library_job {
class Library;
}

namespace hs::native {

class HeadlessPlatform : public ui::Platform {
public:
    int64_t now_ms() override;
    void request_frame() override { ++frames_requested; }
    void request_frame_within(double ms) override { ++frames_requested, frame_wait_ms = ms; }
    void download(const std::string& name, const std::string&, const std::string& data) override {
        downloads.push_back(name);
        last_download = data;
    }
    void set_window_title(const std::string& title) override { this->title = title; }
    bool prefers_dark() override { return dark; }
    void open_url(const std::string&) override {}
    void copy_text(const std::string& text) override { clipboard = text; }
    void show_read_view(const std::string&, const std::string&) override {}
    void print_read_view() override {}
    // Links are made and read at once, here (the web app does it in its worker).
    void make_link(const std::string& doc_json, const std::string& base_url, const std::string& passphrase,
                   LinkAnswer answer) override;
    void make_qr(const std::string& text, LinkAnswer answer) override;
    void export_document(ExportJob job, const std::string& doc_json, const std::string& arg,
                         LinkAnswer answer) override;
    void read_link(const std::string& fragment, const std::string& passphrase, LinkAnswer answer) override;
    // Review jobs at once, here (src/platform/review_job.h).
    void review_job(const std::string& job, const std::vector<std::string>& args, LinkAnswer answer) override;
    // Trends jobs at once, here (src/platform/trends_job.h).
    void trends_job(const std::string& job, const std::string& docs_json, const std::string& today,
                    LinkAnswer answer) override;
    std::vector<std::string> downloads;  // file names of the downloads asked for, in order
    std::string last_download;           // the last download's content
    // The library's search index and similar incidents at once, here (src/platform/library_job.h); `library_calls`
    // counts the calls by job.
    void library_job(const std::string& job, const std::string& arg, LinkAnswer answer) override;
    std::shared_ptr<library_job::Library> library;
    std::map<std::string, int> library_calls;
    // The edit journal, kept in memory (by key, as the page's store keeps it); reads answer at once.
    void journal_write(const std::vector<JournalRecord>& records) override;
    void journal_read(const std::string& draft_id, JournalAnswer answer) override;
    void journal_drop(const std::string& draft_id, int64_t below_base) override;
    std::map<std::string, JournalRecord> journal;
    int journal_writes = 0;  // calls of journal_write

    // Accessibility: each change of the mirror (ui/a11y.h's JSON) and each announcement ("!" first when assertive).
    void a11y_update(const std::string& changes_json) override { a11y_updates.push_back(changes_json); }
    void announce(const std::string& text, bool assertive) override {
        announced.push_back((assertive ? "!" : "") + text);
    }
    std::vector<std::string> a11y_updates, announced;
    // The system's display preferences, as a test sets them (then App::media_changed), and the timers asked for.
    MediaPrefs media_prefs() override { return media; }
    MediaPrefs media;
    void set_timer(int ms) override {
        ++timer_calls, last_timer_ms = ms;
        if (soonest_timer_ms < 0 || ms < soonest_timer_ms) soonest_timer_ms = ms;  // the web keeps the soonest
    }
    int timer_calls = 0, last_timer_ms = -1;
    int soonest_timer_ms = -1;  // the soonest asked for since a test set it to -1

    bool dark = false;
    int64_t fixed_now_ms = 0;  // when non-zero, now_ms() returns it (reproducible runs)
    std::string title, clipboard;
    int frames_requested = 0;
    double frame_wait_ms = 0;  // the last request_frame_within's wait
};

class HeadlessRunner {
public:
    // Creates the ImGui context, the fonts (as the app loads them) and the theme, for a display of w x h.
    HeadlessRunner(float width, float height, bool dark = false);
    ~HeadlessRunner();
    HeadlessRunner(const HeadlessRunner&) = delete;
    HeadlessRunner& operator=(const HeadlessRunner&) = delete;

    // Input for the next frame, as a person would give it.
    void mouse_move(float x, float y);
    void mouse_button(int button, bool down);
    void wheel(float dy, float dx = 0);
    void key(int imgui_key, bool down);  // an ImGuiKey_ (mapped to the same index)
    void modifiers(bool ctrl, bool shift);

    // Builds one frame: NewFrame, body(), Render. Returns its wall time in milliseconds.
    double frame(const std::function<void()>& body);
    // Called after Render with the frame's draw data, as the web platform does (App::rendered), when set.
    std::function<void(ImDrawData*)> rendered;
    // Screen rectangle recorded under `name` (hs::ui::mark) in the last frames; false when none.
    bool locate(const std::string& name, float& x, float& y, float& w, float& h) const;
    size_t last_vertex_count() const { return vertices_; }

private:
    size_t vertices_ = 0;
};

// Summary statistics of a series of timings.
struct Stats {
    double median = 0, p95 = 0, mean = 0;
    static Stats of(std::vector<double> ms);
};

}  // namespace hs::native
