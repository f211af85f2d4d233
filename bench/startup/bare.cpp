// Baseline for bench/startup: a bare Dear ImGui page (one window, the default font), built with the same toolchain,
// flags and WebGL 2 setup as Hindsight. Its time to first frame is what any ImGui app pays.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include "imgui.h"
#include "imgui_impl_opengl3.h"

static unsigned g_frames = 0;

static EM_BOOL frame(double, void*) {
    double w = 0, h = 0;
    emscripten_get_element_css_size("#canvas", &w, &h);
    emscripten_set_canvas_element_size("#canvas", static_cast<int>(w), static_cast<int>(h));
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    io.DeltaTime = 1.0f / 60;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    ImGui::Begin("Bare ImGui");
    ImGui::Text("Hello from Dear ImGui %s", IMGUI_VERSION);
    ImGui::End();
    ImGui::Render();
    glViewport(0, 0, static_cast<int>(w), static_cast<int>(h));
    glClearColor(0.1f, 0.1f, 0.1f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (++g_frames == 1) EM_ASM({ window['bareReadyAt'] = performance.now(); });
    return EM_FALSE;
}

int main() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.alpha = EM_FALSE;
    attrs.antialias = EM_FALSE;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = emscripten_webgl_create_context("#canvas", &attrs);
    emscripten_webgl_make_context_current(ctx);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_request_animation_frame(frame, nullptr);
    return 0;
}
