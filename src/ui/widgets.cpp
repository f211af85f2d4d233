#include "widgets.h"

#include <algorithm>

#include "core/text.h"
#include "locate.h"
#include "theme.h"

namespace hs::ui {

void badge(const std::string& text, const ImVec4& colour) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    ImVec2 pad(8, 3);
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetFrameHeight();
    p.y += (h - ts.y - pad.y * 2) * 0.5f;
    ImVec2 q(p.x + ts.x + pad.x * 2, p.y + ts.y + pad.y * 2);
    dl->AddRectFilled(p, q, col(colour, palette().dark ? 0.25f : 0.14f), 999.0f);
    dl->AddText(ImVec2(p.x + pad.x, p.y + pad.y), col(colour), text.c_str());
    ImGui::Dummy(ImVec2(q.x - ImGui::GetCursorScreenPos().x, h));
}

std::string fit_text(const std::string& text, float max_w) {
    // Cut at a grapheme cluster boundary: never inside a letter and its marks, a flag or an emoji sequence.
    return truncate_graphemes(text, [max_w](std::string_view t) {
        return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x <= max_w;
    });
}

void same_line_if_fits(float w, float right) {
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
}

void fit_same_line(const char* label) {
    same_line_if_fits(ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2,
                      ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x);
}

bool primary_button(const char* label, const ImVec2& size) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.88f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.75f));
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
    ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0, 0, 0, 0));
    bool r = ImGui::Button(label, size);
    ImGui::PopStyleColor(5);
    return r;
}

bool icon_button(const char* icon, const char* id, const char* tooltip) {
    ImGui::PushID(id);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0, 0, 0, 0));
    bool r = ImGui::Button(icon);
    ImGui::PopStyleColor(2);
    if (tooltip && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
    ImGui::PopID();
    return r;
}

void muted_text(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

void help_tooltip(const char* text) {
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

bool begin_dialog(const char* name, bool& open, float w, float h) {
    if (!open) {
        if (ImGui::IsPopupOpen(name)) ImGui::BeginPopupModal(name, &open);  // closed from elsewhere: ImGui closes it
        return false;
    }
    if (!ImGui::IsPopupOpen(name)) {
        if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return false;
        ImGui::OpenPopup(name);
    }
    const ImVec2 ds = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(w, ds.x - 24), std::min(h, ds.y - 24)), ImGuiCond_Always);
    if (!ImGui::BeginPopupModal(name, &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize |
                                                 ImGuiWindowFlags_NoMove)) {
        open = false;
        return false;
    }
    if (!ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        open = false;
        ImGui::CloseCurrentPopup();
    }
    return true;
}

void end_dialog(bool& open, const char* locate_name, bool at_bottom) {
    if (at_bottom)
        ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowHeight() - ImGui::GetFrameHeight() -
                                                                  ImGui::GetStyle().WindowPadding.y));
    if (ImGui::Button("Close")) {
        open = false;
        ImGui::CloseCurrentPopup();
    }
    mark(locate_name);
    ImGui::EndPopup();
}

}  // namespace hs::ui

namespace hs::ui {

bool escape_to_close() {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) && !ImGui::GetIO().WantTextInput;
}

std::vector<ImRect> text_range_rects(ImFont* font, float size, ImVec2 pos, const std::string& text, float wrap_w,
                                     size_t r0, size_t r1) {
    std::vector<ImRect> out;
    if (!font || r0 >= r1 || r0 >= text.size()) return out;
    const float scale = size / font->FontSize;
    const float line_h = font->FontSize * scale;
    pos.x = IM_FLOOR(pos.x);
    pos.y = IM_FLOOR(pos.y);
    float x = pos.x, y = pos.y;
    const char* begin = text.c_str();
    const char* end = begin + text.size();
    const char* s = begin;
    const char* eol = nullptr;
    bool open = false;  // a rect is being extended on the current line
    auto flush = [&] { open = false; };
    auto extend = [&](float x0, float x1) {
        if (!open) {
            out.emplace_back(ImVec2(x0, y), ImVec2(x1, y + line_h));
            open = true;
        } else {
            out.back().Max.x = x1;
        }
    };
    while (s < end) {
        if (wrap_w > 0.0f) {
            if (!eol) {
                eol = font->CalcWordWrapPositionA(scale, s, end, wrap_w - (x - pos.x));
                if (eol == s) ++eol;
            }
            if (s >= eol) {
                x = pos.x;
                y += line_h;
                eol = nullptr;
                flush();
                while (s < end) {
                    const char c = *s;
                    if (ImCharIsBlankA(c)) ++s;
                    else if (c == '\n') { ++s; break; }
                    else break;
                }
                continue;
            }
        }
        const size_t at = static_cast<size_t>(s - begin);
        if (at >= r1) break;
        unsigned int c = static_cast<unsigned char>(*s);
        if (c < 0x80) ++s;
        else {
            s += ImTextCharFromUtf8(&c, s, end);
            if (c == 0) break;
        }
        if (c == '\n') {
            x = pos.x;
            y += line_h;
            flush();
            continue;
        }
        if (c == '\r') continue;
        const ImFontGlyph* g = font->FindGlyph(static_cast<ImWchar>(c));
        if (!g) continue;
        const float w = g->AdvanceX * scale;
        if (at >= r0) extend(x, x + w);
        x += w;
    }
    return out;
}

void squiggle(ImDrawList* dl, const ImRect& r, ImU32 colour) {
    const float base = r.Max.y - 1.5f, amp = 1.3f, step = 2.5f;
    ImVec2 pts[129];
    int n = 0, k = 0;
    for (float x = r.Min.x; x <= r.Max.x; x += step, ++k) {
        pts[n++] = ImVec2(x, base + ((k & 1) ? amp : -amp) * 0.5f);
        if (n == 129) {  // draw in chunks; the last point starts the next chunk
            dl->AddPolyline(pts, n, colour, 0, 1.2f);
            pts[0] = pts[128];
            n = 1;
        }
    }
    if (n >= 2) dl->AddPolyline(pts, n, colour, 0, 1.2f);
}

TableRowSkipper::TableRowSkipper(std::vector<float>& heights, float& key_width, float& key_font, size_t rows)
    : h_(heights), table_(ImGui::GetCurrentTable()) {
    ImGuiWindow* win = ImGui::GetCurrentWindow();  // the table's own scrolling window
    // The rows' heights follow the columns' widths (a table's first frame has not sized them yet) and the font.
    float width = 0;
    for (int c = 0; c < table_->ColumnsCount; ++c) width += table_->Columns[c].WidthGiven * static_cast<float>(c + 1);
    const float font = ImGui::GetFontSize();
    if (key_width != width || key_font != font || h_.size() != rows) {
        key_width = width;
        key_font = font;
        h_.assign(rows, 0.0f);
    }
    view_top_ = win->ClipRect.Min.y;
    view_bottom_ = win->ClipRect.Max.y;
    est_ = ImGui::GetTextLineHeight() + table_->CellPaddingY * 2;
    // Where the first row will start: below the header row, which is still open (a frozen header: the rows below it
    // start where the scrolled content does, as TableEndRow places them).
    y_ = table_->RowPosY2;
    if (table_->FreezeRowsCount > 0 && !table_->IsUnfrozenRows)
        y_ = table_->WorkRect.Min.y + table_->RowPosY2 - table_->OuterRect.Min.y;
}

void TableRowSkipper::next_row(float min_height) {
    ImGui::TableNextRow(ImGuiTableRowFlags_None, min_height);
    if (last_ >= 0) h_[static_cast<size_t>(last_)] = table_->RowPosY1 - last_y_;  // the row drawn before ended here
    last_ = -1;
}

void TableRowSkipper::flush() {
    if (pending_rows_ == 0) return;
    if (pending_rows_ % 2) {
        next_row(pending_);
    } else {  // two spacers keep the count's parity
        next_row(pending_ / 2);
        next_row(pending_ / 2);
    }
    pending_ = 0;
    pending_rows_ = 0;
}

bool TableRowSkipper::draw(size_t i) {
    const float known = h_[i];
    const float h = known > 0 ? known : est_;
    const bool in_view = y_ + h >= view_top_ && y_ <= view_bottom_;
    if (!in_view && (known > 0 || measured_ >= kMeasurePerFrame)) {
        pending_ += h;
        ++pending_rows_;
        y_ += h;
        return false;
    }
    if (known <= 0) ++measured_;
    flush();
    next_row(0);
    last_ = static_cast<long>(i);
    last_y_ = table_->RowPosY1;
    y_ = last_y_ + h;  // corrected when the row ends
    return true;
}

void TableRowSkipper::end() {
    flush();
    if (last_ >= 0) {  // the table's last row, still open: it ends below its content, as TableEndRow will place it
        const float bottom = std::max(table_->RowPosY2, ImGui::GetCurrentWindow()->DC.CursorMaxPos.y + table_->CellPaddingY);
        h_[static_cast<size_t>(last_)] = bottom - last_y_;
        last_ = -1;
    }
}

}  // namespace hs::ui
