// Draws ImGui's draw lists with WebGL 2: one shader, one vertex array, two buffers.
//
// Why not imgui_impl_opengl3: that backend shares the GL context with an unknown host, so every frame it reads back
// the state it changes (13 glGetIntegerv and 6 glIsEnabled) and restores it afterwards, and makes and deletes a
// vertex array. In the browser each of those reads is WebGL's getParameter, a synchronous round trip to the GPU
// process that waits for the previous frame's work: a profile of typing in headless Chromium spent 3.7 ms of an
// 8 ms frame in them. This page owns its context, so nothing is read back: the state this file needs is set at the
// start of each draw (cheap calls, queued without waiting), and the only other GL code (gl.cpp's texture uploads)
// leaves nothing behind that this depends on.
#include <GLES3/gl3.h>

#include <cstdio>

#include "imgui.h"
#include "web.h"

namespace hs::web {
namespace {

// Positions in CSS pixels, the projection maps them to clip space; the atlas's texels multiply the vertex colour
// (fonts as luminance-alpha: white with coverage in alpha; glyphs added on demand as RGBA).
constexpr const char* kVertex = R"(#version 300 es
precision highp float;
layout (location = 0) in vec2 Position;
layout (location = 1) in vec2 UV;
layout (location = 2) in vec4 Color;
uniform mat4 ProjMtx;
out vec2 Frag_UV;
out vec4 Frag_Color;
void main() {
    Frag_UV = UV;
    Frag_Color = Color;
    gl_Position = ProjMtx * vec4(Position.xy, 0, 1);
})";
constexpr const char* kFragment = R"(#version 300 es
precision mediump float;
uniform sampler2D Texture;
in vec2 Frag_UV;
in vec4 Frag_Color;
layout (location = 0) out vec4 Out_Color;
void main() {
    Out_Color = Frag_Color * texture(Texture, Frag_UV.st);
})";

struct Objects {
    GLuint program = 0, vao = 0, vbo = 0, ibo = 0;
    GLint proj = -1;
};
Objects R;

GLuint compile(GLenum type, const char* src) {
    const GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, nullptr);
    glCompileShader(s);
    return s;
}

}  // namespace

void renderer_create() {
    R = Objects{};
    const GLuint vs = compile(GL_VERTEX_SHADER, kVertex), fs = compile(GL_FRAGMENT_SHADER, kFragment);
    R.program = glCreateProgram();
    glAttachShader(R.program, vs);
    glAttachShader(R.program, fs);
    glLinkProgram(R.program);
    // One status query, once (not per frame): a shader that did not build is a broken build, said in the console.
    GLint ok = 0;
    glGetProgramiv(R.program, GL_LINK_STATUS, &ok);
    if (!ok) std::fprintf(stderr, "hindsight: the WebGL shader did not link\n");
    glDetachShader(R.program, vs);
    glDetachShader(R.program, fs);
    glDeleteShader(vs);
    glDeleteShader(fs);
    R.proj = glGetUniformLocation(R.program, "ProjMtx");
    glUseProgram(R.program);
    glUniform1i(glGetUniformLocation(R.program, "Texture"), 0);

    glGenVertexArrays(1, &R.vao);
    glGenBuffers(1, &R.vbo);
    glGenBuffers(1, &R.ibo);
    glBindVertexArray(R.vao);  // the vertex array keeps the layout and the index buffer: bound once per draw
    glBindBuffer(GL_ARRAY_BUFFER, R.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, R.ibo);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    const GLsizei stride = sizeof(ImDrawVert);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(IM_OFFSETOF(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(IM_OFFSETOF(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(IM_OFFSETOF(ImDrawVert, col)));
    glBindVertexArray(0);
    ImGui::GetIO().BackendRendererName = "hindsight_webgl2";
}

void renderer_draw(ImDrawData* dd, int fb_w, int fb_h) {
    if (!dd || fb_w <= 0 || fb_h <= 0 || !R.program) return;
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, fb_w, fb_h);
    const float l = dd->DisplayPos.x, r = dd->DisplayPos.x + dd->DisplaySize.x;
    const float t = dd->DisplayPos.y, b = dd->DisplayPos.y + dd->DisplaySize.y;
    const float proj[16] = {2.0f / (r - l), 0, 0, 0, 0, 2.0f / (t - b), 0, 0, 0, 0, -1, 0,
                            (r + l) / (l - r), (t + b) / (b - t), 0, 1};
    glUseProgram(R.program);
    glUniformMatrix4fv(R.proj, 1, GL_FALSE, proj);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(R.vao);
    glBindBuffer(GL_ARRAY_BUFFER, R.vbo);
    const ImVec2 off = dd->DisplayPos, scale = dd->FramebufferScale;
    GLuint bound = 0;
    for (int n = 0; n < dd->CmdListsCount; ++n) {
        const ImDrawList* list = dd->CmdLists[n];
        // A new store for each list (the driver can hand the old one to the GPU still drawing from it).
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& c : list->CmdBuffer) {
            if (c.UserCallback) {  // the app sets none; ImGui's own reset marker needs nothing here
                if (c.UserCallback != ImDrawCallback_ResetRenderState) c.UserCallback(list, &c);
                continue;
            }
            const float x0 = (c.ClipRect.x - off.x) * scale.x, y0 = (c.ClipRect.y - off.y) * scale.y;
            const float x1 = (c.ClipRect.z - off.x) * scale.x, y1 = (c.ClipRect.w - off.y) * scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            glScissor(static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(fb_h) - y1),
                      static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
            const GLuint tex = static_cast<GLuint>(reinterpret_cast<intptr_t>(c.GetTexID()));
            if (tex != bound) glBindTexture(GL_TEXTURE_2D, bound = tex);
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(c.ElemCount),
                           sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(static_cast<intptr_t>(c.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);
}

}  // namespace hs::web
