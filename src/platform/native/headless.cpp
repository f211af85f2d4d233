#include "headless.h"

#include <algorithm>
#include <chrono>

#include "core/exporters/jobs.h"
#include "core/format.h"
#include "core/link.h"
#include "core/model.h"
#include "core/qr.h"
#include "fonts.h"
#include "glyphs.h"
#include "glyphs_native.h"
#include "imgui.h"
#include "locate.h"
#include "platform/library_job.h"
#include "platform/review_job.h"
#include "platform/trends_job.h"
#include "theme.h"

namespace hs::native {

void HeadlessPlatform::make_link(const std::string& doc_json, const std::string& base_url,
                                 const std::string& passphrase, LinkAnswer answer) {
    LoadResult d = load_document(doc_json);
    if (!d.ok) return answer(kLinkFailed, "the document could not be read");
    EncodeOptions o;
    o.base_url = base_url;
    o.passphrase = passphrase;
    const std::string link = encode_link(d.doc, o);
    answer(link.empty() ? kLinkFailed : kLinkOk, link.empty() ? "the link could not be made" : link);
}

void HeadlessPlatform::make_qr(const std::string& text, LinkAnswer answer) {
    const QrCode qr = qr_encode(text);
    answer(qr.ok ? kLinkOk : kLinkFailed, qr_to_text(qr));
}

void HeadlessPlatform::export_document(ExportJob job, const std::string& doc_json, const std::string& arg,
                                       LinkAnswer answer) {
    const ExportJobResult r = run_export_job(static_cast<int>(job), doc_json, arg);
    answer(r.ok ? kLinkOk : kLinkFailed, r.text);
}

void HeadlessPlatform::read_link(const std::string& fragment, const std::string& passphrase, LinkAnswer answer) {
    DecodeResult r = decode_link(fragment, passphrase);
    if (r.ok) return answer(kLinkOk, save_document(r.doc));
    answer(r.error.kind == LinkError::NeedsPassphrase ? kLinkNeedsPassphrase : kLinkFailed, r.error.message);
}

void HeadlessPlatform::review_job(const std::string& job, const std::vector<std::string>& args, LinkAnswer answer) {
    std::string text;
    const int status = hs::review_job::run(job, args, now_ms(), text);
    answer(status, text);
}

void HeadlessPlatform::trends_job(const std::string& job, const std::string& docs_json, const std::string& today,
                                  LinkAnswer answer) {
    std::string text;
    const int status = hs::trends_job::run(job, docs_json, today, text);
    answer(status, text);
}

void HeadlessPlatform::library_job(const std::string& job, const std::string& arg, LinkAnswer answer) {
    if (!library) library = std::make_shared<library_job::Library>();
    ++library_calls[job];
    std::string text;
    const int status = library->run(job, arg, text);
    answer(status, text);
}

void HeadlessPlatform::journal_write(const std::vector<JournalRecord>& records) {
    ++journal_writes;
    for (const JournalRecord& r : records) journal[r.key] = r;
}

void HeadlessPlatform::journal_read(const std::string& draft_id, JournalAnswer answer) {
    std::vector<std::string> texts;
    for (const auto& kv : journal)
        if (kv.second.draft_id == draft_id) texts.push_back(kv.second.text);
    answer(texts);
}

void HeadlessPlatform::journal_drop(const std::string& draft_id, int64_t below_base) {
    for (auto it = journal.begin(); it != journal.end();)
        it = it->second.draft_id == draft_id && it->second.base < below_base ? journal.erase(it) : std::next(it);
}

int64_t HeadlessPlatform::now_ms() {
    if (fixed_now_ms) return fixed_now_ms;
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// The app's fonts in an atlas that is built but never uploaded.
static void load_headless_fonts() {
    ui::load_fonts(1.0f);
    unsigned char* pixels = nullptr;
    int tw = 0, th = 0;
    ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &tw, &th);
    ImGui::GetIO().Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
}

HeadlessRunner::HeadlessRunner(float width, float height, bool dark) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;  // key indices are the ImGuiKey_ values
    install_native_glyphs();
    load_headless_fonts();
    ui::apply_theme(dark);
}

HeadlessRunner::~HeadlessRunner() { ImGui::DestroyContext(); }

void HeadlessRunner::mouse_move(float x, float y) { ImGui::GetIO().MousePos = ImVec2(x, y); }
void HeadlessRunner::mouse_button(int button, bool down) { ImGui::GetIO().MouseDown[button] = down; }
void HeadlessRunner::wheel(float dy, float dx) {
    ImGui::GetIO().MouseWheel += dy;
    ImGui::GetIO().MouseWheelH += dx;
}
void HeadlessRunner::key(int imgui_key, bool down) { ImGui::GetIO().KeysDown[imgui_key] = down; }
void HeadlessRunner::modifiers(bool ctrl, bool shift) {
    ImGui::GetIO().KeyCtrl = ctrl;
    ImGui::GetIO().KeyShift = shift;
}

double HeadlessRunner::frame(const std::function<void()>& body) {
    const auto t0 = std::chrono::steady_clock::now();
    if (ui::text_size_pending()) load_headless_fonts();  // the user's text size changed (Settings)
    ui::locate_begin_frame();
    ui::glyphs_new_frame();
    ImGui::NewFrame();
    body();
    ImGui::Render();
    if (rendered) rendered(ImGui::GetDrawData());
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheel = io.MouseWheelH = 0;
    vertices_ = static_cast<size_t>(ImGui::GetDrawData()->TotalVtxCount);
    return ms;
}

bool HeadlessRunner::locate(const std::string& name, float& x, float& y, float& w, float& h) const {
    Json j = Json::parse(ui::locate_json(), nullptr, false);
    if (!j.is_object() || !j.contains(name)) return false;
    const Json& r = j[name];
    x = r[0].get<float>(), y = r[1].get<float>(), w = r[2].get<float>(), h = r[3].get<float>();
    return true;
}

Stats Stats::of(std::vector<double> ms) {
    Stats s;
    if (ms.empty()) return s;
    std::sort(ms.begin(), ms.end());
    s.median = ms[ms.size() / 2];
    s.p95 = ms[std::min(ms.size() - 1, static_cast<size_t>(static_cast<double>(ms.size()) * 0.95))];
    double sum = 0;
    for (double v : ms) sum += v;
    s.mean = sum / static_cast<double>(ms.size());
    return s;
}

}  // namespace hs::native
