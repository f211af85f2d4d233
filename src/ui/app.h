// The application: state and the top-level frame. Platform code calls frame() between ImGui::NewFrame() and
// ImGui::Render(); everything drawn lives under src/ui and talks to the document only through src/core.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/model.h"
#include "platform.h"

namespace hs::ui {

class App {
public:
    explicit App(Platform& platform);
    ~App();

    void frame();

    // Open a document (from a template, sample, file or link). Replaces nothing silently: the caller decides.
    void open_document(Document doc);
    // Opens JSON text as a document; on failure shows the problems and keeps what is open. Returns success.
    bool open_json(const std::string& text, const std::string& source_name);
    bool has_document() const { return doc_ != nullptr; }
    const Document* document() const { return doc_.get(); }
    std::string document_json() const;  // canonical JSON, or "" when nothing is open

    void set_dark(bool dark);
    bool dark() const { return dark_; }
    // True while something animates or a timer runs, so the platform keeps drawing frames.
    bool animating() const { return animating_; }

private:
    void draw_top_bar(float height);
    void draw_sidebar();
    void draw_welcome();
    void draw_editor();
    void draw_template_picker();
    void draw_messages();
    void mark_changed();

    Platform& platform_;
    std::unique_ptr<Document> doc_;
    bool dark_ = false;
    bool animating_ = false;
    bool sidebar_open_ = true;
    bool open_template_picker_ = false;
    std::vector<std::string> messages_;  // errors shown to the user
};

}  // namespace hs::ui
