#include "board/board_draw.hpp"

#include "strings.hpp"
#include "text_clip.hpp"
#include "theme.hpp"

#include <imgui_internal.h> // ImTextCharFromUtf8

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace atelier::board {

namespace {

bool g_recording = false;

constexpr ImU32 kSelected = IM_COL32(0x1F, 0x4E, 0x99, 0xFF);
constexpr ImU32 kChosen = IM_COL32(0x1B, 0x8A, 0x3C, 0xFF); // piste retenue
constexpr ImU32 kVoteBadge = IM_COL32(0xD9, 0x3A, 0x1A, 0xFF);
constexpr ImU32 kMyDot = IM_COL32(0x1F, 0x4E, 0x99, 0xFF);
constexpr ImU32 kShadow = IM_COL32(0, 0, 0, 0x30);
constexpr ImU32 kDimText = IM_COL32(0x33, 0x33, 0x33, 0xFF);

// Past this many vertices a 16-bit index overflows unless the renderer honours VtxOffset.
constexpr int kVertexGuard = 60000;

struct Screen {
    ImVec2 min, max;
};

Screen toScreen(const Camera& camera, const WorldRect& r, ImVec2 offset = ImVec2(0, 0)) {
    return {camera.toScreen(ImVec2(r.x0 + offset.x, r.y0 + offset.y)), camera.toScreen(ImVec2(r.x1 + offset.x, r.y1 + offset.y))};
}

void record(const char* begin, const char* end) {
    if (g_recording && begin != end) drawnText().emplace_back(begin, end);
}

// One line of glyphs where ImGui's AddText would floor its position to whole pixels: text drawn
// at another size than baked (a zoomed board) then keeps the place it has in the 1:1 view
// scaled, instead of each line jumping by up to a pixel (issue 17, the 43 % legibility test).
void subpixelLine(ImDrawList* list, ImFont* font, float size, ImVec2 pos, ImU32 colour, const char* begin, const char* end) {
    const float scale = size / font->FontSize;
    // The culling AddText does: lines outside the clip rectangle, glyphs wholly beside it.
    const ImVec4 clip = list->_CmdHeader.ClipRect;
    if (pos.y > clip.w || pos.y + size < clip.y) return;
    float x = pos.x;
    for (const char* s = begin; s < end;) {
        unsigned int c = static_cast<unsigned char>(*s);
        if (c < 0x80) ++s;
        else s += ImTextCharFromUtf8(&c, s, end);
        if (c == 0) break;
        if (c == '\n' || c == '\r') continue;
        const ImFontGlyph* g = font->FindGlyph(static_cast<ImWchar>(c));
        if (!g) continue;
        if (g->Visible && x + g->X0 * scale <= clip.z && x + g->X1 * scale >= clip.x) {
            list->PrimReserve(6, 4);
            list->PrimRectUV(ImVec2(x + g->X0 * scale, pos.y + g->Y0 * scale), ImVec2(x + g->X1 * scale, pos.y + g->Y1 * scale),
                             ImVec2(g->U0, g->V0), ImVec2(g->U1, g->V1), g->Colored ? (colour | ~IM_COL32_A_MASK) : colour);
        }
        x += g->AdvanceX * scale;
    }
}

void text(ImDrawList* list, ImFont* font, float size, ImVec2 pos, ImU32 colour, const char* begin, const char* end,
          const ImVec4* clip = nullptr) {
    record(begin, end);
    // Drawn at its baked size, ImGui's whole pixels are right; scaled (a zoomed board), each line
    // keeps its sub-pixel place.
    if (!clip && size != font->FontSize && std::find(begin, end, '\n') == end) subpixelLine(list, font, size, pos, colour, begin, end);
    else list->AddText(font, size, pos, colour, begin, end, 0.0f, clip);
}

// A round badge with a number: votes on a note or a cluster.
void badge(ImDrawList* list, const FontSet& fonts, ImVec2 centre, float radius, ImU32 fill, int count) {
    list->AddCircleFilled(centre, radius, fill, 20);
    char digits[12];
    std::snprintf(digits, sizeof digits, "%d", count);
    float size = radius * 1.25f;
    ImFont* font = fontForSize(fonts, size, true);
    ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0, digits);
    list->AddText(font, size, ImVec2(centre.x - extent.x / 2, centre.y - extent.y / 2), IM_COL32_WHITE, digits);
}

void myDots(ImDrawList* list, ImVec2 bottomRight, float radius, int count) {
    for (int i = 0; i < std::min(count, 10); ++i)
        list->AddCircleFilled(ImVec2(bottomRight.x - radius * (1.5f + 2.6f * float(i)), bottomRight.y - radius * 1.5f), radius,
                              kMyDot, 12);
}

// « ★ Piste retenue » above the chosen idea. A note at the top of a regroupement has its
// title band right above it: there the tag hangs below the note instead, or else sits inside
// the note's top edge, so that it never covers a regroupement's title (issue 14).
void chosenTag(ImDrawList* list, const FontSet& fonts, Screen idea, float zoom, const BoardLayout& layout, const Camera& camera,
               const DrawOptions& o) {
    const char* tag = str(Str::BoardSelectedTag);
    float size = std::max(11.0f, kTextSize * zoom);
    ImFont* font = fontForSize(fonts, size, true);
    ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0, tag);
    ImVec2 box(extent.x + 12, extent.y + 4);
    auto coversTitle = [&](ImVec2 min) {
        for (const ClusterItem& c : layout.clusters()) {
            ImVec2 off = (o.movingCluster && c.id == o.movingCluster) ? o.moveOffset : ImVec2(0, 0);
            Screen band = toScreen(camera, c.header(), off);
            if (min.x < band.max.x && min.x + box.x > band.min.x && min.y < band.max.y && min.y + box.y > band.min.y) return true;
        }
        return false;
    };
    ImVec2 min(idea.min.x, idea.min.y - box.y - 2);                  // above
    if (coversTitle(min)) min = ImVec2(idea.min.x, idea.max.y + 2);  // below
    if (coversTitle(min)) min = ImVec2(idea.min.x + 2, idea.min.y + 2); // inside, at its top
    list->AddRectFilled(min, ImVec2(min.x + box.x, min.y + box.y), kChosen, 4);
    list->AddText(font, size, ImVec2(min.x + 6, min.y + 2), IM_COL32_WHITE, tag);
    lastChosenTag() = ImVec4(min.x, min.y, min.x + box.x, min.y + box.y);
}

void hoverOutline(ImDrawList* list, Screen s, float zoom) {
    list->AddRect(s.min, s.max, IM_COL32(0, 0, 0, 0x60), std::min(4.0f * zoom, 4.0f), 0, 1.5f);
}

void clusterHoverOutline(ImDrawList* list, Screen s, float zoom) {
    list->AddRect(s.min, s.max, IM_COL32(0, 0, 0, 0x50), std::min(10.0f * zoom, 10.0f), 0, 2.0f);
}

void drawCluster(ImDrawList* list, const ClusterItem& c, const BoardLayout& layout, const Camera& camera, const DrawOptions& o,
                 ImVec2 offset) {
    float zoom = camera.zoom();
    Screen s = toScreen(camera, c.frame, offset);
    float rounding = std::min(10.0f * zoom, 10.0f);
    ImU32 body = (c.fill & 0x00FFFFFF) | (o.projector ? 0x60000000u : 0x90000000u);
    list->AddRectFilled(s.min, s.max, body, rounding);
    float header = kClusterHeader * zoom;
    list->AddRectFilled(s.min, ImVec2(s.max.x, s.min.y + header), c.fill, rounding, ImDrawFlags_RoundCornersTop);
    bool chosen = layout.selectedCluster() == c.id;
    bool selected = !o.projector && o.selection && o.selection->cluster() == c.id;
    if (chosen) list->AddRect(s.min, s.max, kChosen, rounding, 0, std::max(3.0f, 5.0f * zoom));
    else if (selected || c.id == o.dropCluster) list->AddRect(s.min, s.max, kSelected, rounding, 0, 3.0f);
    else if (c.id == o.hoveredCluster) clusterHoverOutline(list, s, zoom);
    float size = kTextSize * 1.25f * zoom;
    if (size >= kMinReadablePixels) {
        ImFont* font = fontForSize(*o.fonts, size, true);
        float pad = kNotePadding * zoom;
        float badgeRoom = (layout.votesShown() && c.votes > 0) ? header : 0;
        // A title wider than its band ends in « … » rather than a letter cut in half (issue 14).
        float room = s.max.x - s.min.x - 2 * pad - badgeRoom;
        std::string title = font->CalcTextSizeA(size, FLT_MAX, 0, c.title.c_str()).x <= room ? c.title
                                                                                             : clipToLines(font, size, room, c.title, 1);
        std::replace(title.begin(), title.end(), '\n', ' ');
        text(list, font, size, ImVec2(s.min.x + pad, s.min.y + (header - size) / 2), textOn(c.fill), title.c_str(),
             title.c_str() + title.size());
    }
    if (layout.votesShown() && c.votes > 0)
        badge(list, *o.fonts, ImVec2(s.max.x - header * 0.55f, s.min.y + header / 2), std::max(9.0f, header * 0.4f), kVoteBadge,
              c.votes);
    if (o.showMyDots && c.myDots > 0) myDots(list, ImVec2(s.max.x - header, s.min.y + header), std::max(3.0f, 6 * zoom), c.myDots);
    if (chosen && zoom * kTextSize >= kMinReadablePixels) chosenTag(list, *o.fonts, s, zoom, layout, camera, o);
}

// Lines of a note's text, at `size` pixels from `origin`; stops (with "…") where the note ends.
void noteText(ImDrawList* list, const FontSet& fonts, std::string_view body, const std::vector<TextLine>& lines, ImVec2 origin,
              float size, float bottom, ImU32 colour) {
    ImFont* font = fontForSize(fonts, size, false);
    float lineHeight = size * 1.15f;
    float y = origin.y;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        bool lastFitting = y + 2 * lineHeight > bottom && i + 1 < lines.size();
        const char* b = body.data() + lines[i].begin;
        const char* e = body.data() + lines[i].end;
        text(list, font, size, ImVec2(origin.x, y), colour, b, e);
        if (lastFitting) {
            float w = font->CalcTextSizeA(size, FLT_MAX, 0, b, e).x;
            list->AddText(font, size, ImVec2(origin.x + w, y), colour, "…");
            break;
        }
        y += lineHeight;
    }
}

void drawNote(ImDrawList* list, const NoteItem& n, const BoardLayout& layout, const Camera& camera, const DrawOptions& o,
              ImVec2 offset, DrawStats& stats) {
    float zoom = camera.zoom();
    Screen s = toScreen(camera, n.rect, offset);
    float textPx = kTextSize * zoom;
    bool full = textPx >= kMinReadablePixels;
    bool editing = o.editor && o.editor->active() && o.editor->note() == n.id;
    ++stats.notesDrawn;
    if (!full) {
        // Lighter detail: the card, and greyed lines standing for the text when there is one.
        list->AddRectFilled(s.min, s.max, n.fill);
        bool blank = n.hidden && o.projector;
        if (textPx >= 2.5f && !blank && !layout.lines(n).empty()) {
            float lh = textPx * 1.15f, pad = kNotePadding * zoom;
            std::size_t shown = std::min<std::size_t>(layout.lines(n).size(), 4);
            for (std::size_t i = 0; i < shown; ++i) {
                float y = s.min.y + pad + lh * float(i);
                if (y + lh > s.max.y - pad) break;
                float w = (s.max.x - s.min.x - 2 * pad) * (i + 1 == shown ? 0.6f : 0.95f);
                list->AddRectFilled(ImVec2(s.min.x + pad, y + lh * 0.25f), ImVec2(s.min.x + pad + w, y + lh * 0.7f),
                                    IM_COL32(0, 0, 0, 0x40));
            }
        }
        if (layout.selectedNote() == n.id) list->AddRect(s.min, s.max, kChosen, 0, 0, 2.0f);
        else if (!o.projector && o.selection && o.selection->contains(n.id)) list->AddRect(s.min, s.max, kSelected, 0, 0, 2.0f);
        return;
    }
    float rounding = std::min(4.0f * zoom, 4.0f);
    float lift = std::max(1.0f, 4.0f * zoom);
    // The shadow as the two strips that show beside the card, not a second card underneath:
    // the same look for a tenth of the shaded pixels (issue 17).
    list->AddRectFilled(ImVec2(s.max.x, s.min.y + lift), ImVec2(s.max.x + lift, s.max.y + lift), kShadow);
    list->AddRectFilled(ImVec2(s.min.x + lift, s.max.y), ImVec2(s.max.x, s.max.y + lift), kShadow);
    list->AddRectFilled(s.min, s.max, n.fill, rounding);
    bool chosen = layout.selectedNote() == n.id;
    bool selected = !o.projector && o.selection && o.selection->contains(n.id);
    if (chosen) list->AddRect(s.min, s.max, kChosen, rounding, 0, std::max(3.0f, 5.0f * zoom));
    if (selected || editing) list->AddRect(s.min, s.max, kSelected, rounding, 0, std::max(2.0f, 3.0f * zoom));
    else if (!chosen && n.id == o.hoveredNote && !o.projector) hoverOutline(list, s, zoom);

    float pad = kNotePadding * zoom;
    ImU32 ink = textOn(n.fill);
    ImVec2 origin(s.min.x + pad, s.min.y + pad);
    float authorPx = kAuthorSize * zoom;
    bool showAuthor = !n.author.empty() && authorPx >= kMinReadablePixels && !(n.hidden && o.projector);
    float textBottom = s.max.y - pad - (showAuthor ? authorPx * 1.3f : 0);

    if (n.hidden && o.projector) {
        // Private writing: the room sees that a note exists, never what it says.
    } else if (editing) {
        const std::string& live = o.editor->text();
        auto lines = wrapText(o.fonts->regular, kTextSize, n.rect.width() - 2 * kNotePadding, live);
        ImFont* font = fontForSize(*o.fonts, textPx, false);
        if (o.editor->hasSelection()) {
            // The selected part of each line, behind the text (Ctrl+A, Shift+arrows, a mouse drag).
            std::uint32_t a = o.editor->selectionStart(), z = o.editor->selectionEnd();
            for (std::size_t i = 0; i < lines.size(); ++i) {
                std::uint32_t b0 = std::max(a, lines[i].begin), b1 = std::min(z, lines[i].end);
                bool wholeBreak = a <= lines[i].end && z > lines[i].end; // the line's end is selected too
                if (b0 > b1 || (b0 == b1 && !wholeBreak)) continue;
                const char* base = live.c_str();
                float x0 = origin.x + font->CalcTextSizeA(textPx, FLT_MAX, 0, base + lines[i].begin, base + b0).x;
                float x1 = origin.x + font->CalcTextSizeA(textPx, FLT_MAX, 0, base + lines[i].begin, base + b1).x + (wholeBreak ? textPx * 0.3f : 0);
                float y = origin.y + textPx * 1.15f * float(i);
                list->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + textPx * 1.15f), IM_COL32(0x1F, 0x4E, 0x99, 0x50));
            }
        }
        noteText(list, *o.fonts, live, lines, origin, textPx, s.max.y - pad, ink);
        std::size_t line = lineOfOffset(lines, o.editor->caret());
        const char* b = live.c_str() + (lines.empty() ? 0 : lines[line].begin);
        const char* c = live.c_str() + std::max<std::uint32_t>(o.editor->caret(), lines.empty() ? 0 : lines[line].begin);
        float x = origin.x + font->CalcTextSizeA(textPx, FLT_MAX, 0, b, c).x;
        float y = origin.y + textPx * 1.15f * float(line);
        list->AddLine(ImVec2(x + 1, y), ImVec2(x + 1, y + textPx * 1.1f), kSelected, std::max(1.5f, 2.0f * zoom));
        ++stats.notesWithText;
    } else {
        noteText(list, *o.fonts, n.text, layout.lines(n), origin, textPx, textBottom, ink);
        ++stats.notesWithText;
    }
    if (showAuthor) {
        ImFont* font = fontForSize(*o.fonts, authorPx, false);
        // A name longer than the note ends in « … », never a letter cut in half (issue 14).
        float room = s.max.x - pad - origin.x;
        const char* name = n.author.data();
        std::string author = font->CalcTextSizeA(authorPx, FLT_MAX, 0, name, name + n.author.size()).x <= room
                                 ? std::string(n.author)
                                 : clipToLines(font, authorPx, room, n.author, 1);
        text(list, font, authorPx, ImVec2(origin.x, s.max.y - pad - authorPx), ink == IM_COL32_WHITE ? ink : kDimText,
             author.c_str(), author.c_str() + author.size());
    }
    else if (!n.author.empty() && authorPx >= 2.5f && !(n.hidden && o.projector)) {
        // Too small to read: a greyed line where the name is, as the lighter detail does for text.
        const ImFont* font = o.fonts->regular;
        float w = std::min(s.max.x - pad - origin.x, font->CalcTextSizeA(authorPx, FLT_MAX, 0, n.author.data(), n.author.data() + n.author.size()).x);
        float y = s.max.y - pad - authorPx;
        list->AddRectFilled(ImVec2(origin.x, y + authorPx * 0.25f), ImVec2(origin.x + w, y + authorPx * 0.8f), IM_COL32(0, 0, 0, 0x30));
    }
    if (n.hidden && !o.projector) {
        // On the laptop the text stays visible to the team; a tag says the room cannot see it.
        const char* tag = str(Str::BoardHiddenTag);
        ImFont* font = fontForSize(*o.fonts, authorPx, true);
        ImVec2 e = font->CalcTextSizeA(authorPx, FLT_MAX, 0, tag);
        ImVec2 p(s.max.x - e.x - pad * 0.6f, s.max.y - e.y - pad * 0.4f);
        list->AddRectFilled(ImVec2(p.x - 3, p.y - 1), ImVec2(p.x + e.x + 3, p.y + e.y + 1), IM_COL32(0x33, 0x33, 0x33, 0xD0), 3);
        list->AddText(font, authorPx, p, IM_COL32_WHITE, tag);
    }
    if (layout.votesShown() && n.votes > 0) {
        float r = std::max(9.0f, 16.0f * zoom);
        badge(list, *o.fonts, ImVec2(s.max.x - r * 0.4f, s.min.y + r * 0.4f), r, kVoteBadge, n.votes);
    }
    if (o.showMyDots && n.myDots > 0) myDots(list, s.max, std::max(3.0f, 6 * zoom), n.myDots);
    if (chosen) chosenTag(list, *o.fonts, s, zoom, layout, camera, o);
}

} // namespace

ImFont* fontForSize(const FontSet& fonts, float pixels, bool bold) {
    ImFont* ui = bold ? fonts.bold : fonts.regular;
    ImFont* large = bold ? fonts.largeBold : fonts.large;
    if (large && pixels > ui->FontSize * 1.2f) return large;
    // Below the UI size, the baked size nearest in ratio: glyphs drawn at about the size they
    // were rasterised at keep their strokes (issue 17). Bold is baked at the UI size only.
    ImFont* best = ui;
    float bestDistance = std::abs(std::log(pixels / ui->FontSize));
    for (ImFont* font : fonts.small) {
        if (!font || bold) continue;
        float distance = std::abs(std::log(pixels / font->FontSize));
        if (distance < bestDistance) {
            best = font;
            bestDistance = distance;
        }
    }
    return best;
}

ImVec4& lastChosenTag() {
    static ImVec4 rect;
    return rect;
}

void recordDrawnText(bool on) {
    g_recording = on;
    drawnText().clear();
}

std::vector<std::string>& drawnText() {
    static std::vector<std::string> log;
    return log;
}

DrawStats drawBoard(ImDrawList* list, const BoardLayout& layout, const Camera& camera, const DrawOptions& o) {
    DrawStats stats;
    WorldRect view = camera.visible();
    bool vtxOffset = (ImGui::GetIO().BackendFlags & ImGuiBackendFlags_RendererHasVtxOffset) != 0;
    auto full = [&] { return !vtxOffset && list->VtxBuffer.Size > kVertexGuard; };

    auto offsetOfCluster = [&](Id cluster) {
        return (o.movingCluster && cluster == o.movingCluster) ? o.moveOffset : ImVec2(0, 0);
    };
    for (const ClusterItem& c : layout.clusters()) {
        ImVec2 off = offsetOfCluster(c.id);
        if (!c.frame.offset(off.x, off.y).padded(40).overlaps(view) || full()) continue;
        drawCluster(list, c, layout, camera, o, off);
    }
    // Room for every visible note's card at once: grown by half again from nothing, a
    // 50,000-note board's vertices were copied a dozen times in its first frame (issue 17).
    // (Counted only while the list has not had that room: the layer's list keeps its capacity.)
    const std::size_t all = layout.notes().size();
    std::size_t visible = 0;
    if (all > 1000 && static_cast<std::size_t>(list->VtxBuffer.Capacity - list->VtxBuffer.Size) < 4 * all)
        for (const NoteItem& n : layout.notes()) visible += n.rect.padded(24).overlaps(view) ? 1 : 0;
    if (visible > 1000) {
        list->VtxBuffer.reserve(list->VtxBuffer.Size + static_cast<int>(4 * visible));
        list->IdxBuffer.reserve(list->IdxBuffer.Size + static_cast<int>(6 * visible));
    }
    // Notes in z order; the ones being dragged come last, on top.
    bool dragging = o.moving && !o.moving->empty();
    for (const NoteItem& n : layout.notes()) {
        if (dragging && o.moving->count(n.id)) continue;
        ImVec2 off = offsetOfCluster(n.clusterId);
        if (!n.rect.offset(off.x, off.y).padded(24).overlaps(view)) continue;
        if (full()) break;
        drawNote(list, n, layout, camera, o, off, stats);
    }
    if (dragging)
        for (const NoteItem& n : layout.notes()) {
            if (!o.moving->count(n.id) || !n.rect.offset(o.moveOffset.x, o.moveOffset.y).overlaps(view) || full()) continue;
            drawNote(list, n, layout, camera, o, o.moveOffset, stats);
        }
    return stats;
}

void drawHover(ImDrawList* list, const BoardLayout& layout, const Camera& camera, const DrawOptions& o) {
    if (o.projector) return;
    const float zoom = camera.zoom();
    if (const ClusterItem* c = layout.cluster(o.hoveredCluster)) {
        ImVec2 off = (o.movingCluster && c->id == o.movingCluster) ? o.moveOffset : ImVec2(0, 0);
        bool chosen = layout.selectedCluster() == c->id;
        bool selected = o.selection && o.selection->cluster() == c->id;
        if (!chosen && !selected && c->id != o.dropCluster) clusterHoverOutline(list, toScreen(camera, c->frame, off), zoom);
    }
    if (const NoteItem* n = layout.note(o.hoveredNote)) {
        bool moving = o.moving && o.moving->count(n->id);
        ImVec2 off = moving ? o.moveOffset : (o.movingCluster && n->clusterId == o.movingCluster) ? o.moveOffset : ImVec2(0, 0);
        bool full = kTextSize * zoom >= kMinReadablePixels; // the lighter detail has no hover outline
        bool chosen = layout.selectedNote() == n->id;
        bool selected = o.selection && o.selection->contains(n->id);
        bool editing = o.editor && o.editor->active() && o.editor->note() == n->id;
        if (full && !chosen && !selected && !editing) hoverOutline(list, toScreen(camera, n->rect, off), zoom);
    }
}

} // namespace atelier::board
