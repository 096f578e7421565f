#include "board/board_projection.hpp"

#include "board/board_draw.hpp"
#include "board/ranking.hpp"
#include "strings.hpp"
#include "theme.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace atelier::board {

namespace {

constexpr ImU32 kChosen = IM_COL32(0x3C, 0xC8, 0x6E, 0xFF);
constexpr ImU32 kBar = IM_COL32(0xFF, 0xB0, 0x00, 0xFF);

void centred(ImDrawList* list, ImFont* font, float size, ImVec2 pos, float width, float y, ImU32 colour, const char* text) {
    ImVec2 e = font->CalcTextSizeA(size, FLT_MAX, width, text);
    list->AddText(font, size, ImVec2(pos.x + (width - e.x) / 2, y), colour, text, nullptr, width);
}

} // namespace

int drawBoardOnProjector(ImDrawList* list, const FontSet& fonts, const EventState& state, Id teamId, ImVec2 pos, ImVec2 size,
                         float outputHeight, int page) {
    // Both windows (presentation and projection) show the same board: one layout serves them.
    static BoardLayout layout;
    layout.update(state, teamId, fonts.regular);
    float line = std::max(16.0f, size.y / 26.0f);
    float top = 0;
    if (layout.hiddenCount() > 0) {
        std::string banner = strCount(Str::BoardProjectorHiddenOne, Str::BoardProjectorHidden, static_cast<long long>(layout.hiddenCount()),
                                      layout.hiddenCount());
        list->AddText(fonts.largeBold, line, pos, colours::kWarning, banner.c_str());
        top = line * 1.5f;
    }
    ImVec2 origin(pos.x, pos.y + top);
    ImVec2 area(size.x, std::max(10.0f, size.y - top));
    if (layout.notes().empty() && layout.clusters().empty()) {
        centred(list, fonts.large, line, origin, area.x, origin.y + area.y / 3, colours::kProjectorDim, str(Str::BoardEmpty));
        return 1;
    }
    Camera camera;
    camera.setViewport(origin, area);
    WorldRect framed = layout.bounds().padded(8);
    framed.y0 -= kTextSize * 1.6f; // room above the top row for the « Piste retenue » tag
    camera.fit(framed, 0.0f, 2.5f);
    // Note text never below 1/45 of the output height: a board too big for that is shown
    // region by region (← →) rather than shrunk into grey lines.
    float minZoom = outputHeight / 45.0f / kTextSize;
    int pages = 1;
    if (camera.zoom() < minZoom) {
        float tileW = area.x / minZoom, tileH = area.y / minZoom;
        int cols = std::max(1, static_cast<int>(std::ceil(framed.width() / tileW)));
        int rows = std::max(1, static_cast<int>(std::ceil(framed.height() / tileH)));
        pages = cols * rows;
        page = std::clamp(page, 0, pages - 1);
        camera.set(ImVec2(framed.x0 + float(page % cols) * tileW, framed.y0 + float(page / cols) * tileH), minZoom);
    }
    list->PushClipRect(origin, ImVec2(origin.x + area.x, origin.y + area.y), true);
    DrawOptions options;
    options.fonts = &fonts;
    options.projector = true;
    drawBoard(list, layout, camera, options);
    list->PopClipRect();
    if (pages > 1) {
        std::string label = strf(Str::ProjectorPage, page + 1, pages);
        ImVec2 e = fonts.largeBold->CalcTextSizeA(line, FLT_MAX, 0, label.c_str());
        ImVec2 at(origin.x + area.x - e.x - line * 0.4f, origin.y + area.y - e.y - line * 0.2f);
        list->AddRectFilled(ImVec2(at.x - line * 0.3f, at.y), ImVec2(at.x + e.x + line * 0.3f, at.y + e.y), colours::kProjectorBg, 4);
        list->AddText(fonts.largeBold, line, at, colours::kWarning, label.c_str());
    }
    return pages;
}

void drawVoteResults(ImDrawList* list, const FontSet& fonts, const EventState& state, Id teamId, ImVec2 pos, ImVec2 size) {
    const VoteRound* round = state.currentVoteRound(teamId);
    const Team* team = state.find<Team>(teamId);
    float text = std::max(18.0f, size.y / 16.0f);
    float y = pos.y;
    float bottom = pos.y + size.y;
    list->AddText(fonts.largeBold, text * 1.1f, ImVec2(pos.x, y), colours::kProjectorText, str(Str::VoteResultsTitle));
    y += text * 1.6f;
    if (!round) {
        list->AddText(fonts.large, text, ImVec2(pos.x, y), colours::kProjectorDim, str(Str::VoteNoRound));
        return;
    }
    if (!round->revealed) {
        auto dots = dotsCast(state, round->id);
        std::string hidden = strCount(Str::VoteHiddenCountOne, Str::VoteHiddenCount, static_cast<long long>(dots), dots);
        list->AddText(fonts.large, text, ImVec2(pos.x, y), colours::kProjectorDim, hidden.c_str(), nullptr, size.x);
        return;
    }
    auto ranking = rankRound(state, round->id);
    if (ranking.empty()) {
        list->AddText(fonts.large, text, ImVec2(pos.x, y), colours::kProjectorDim, str(Str::VoteNoDots));
        return;
    }
    int most = ranking.front().dots;
    float row = text * 1.45f;
    float rankWidth = text * 1.6f, countWidth = text * 2.2f;
    float barMax = size.x * 0.28f;
    float labelX = pos.x + rankWidth + barMax + countWidth + text * 0.6f;
    float labelWidth = pos.x + size.x - labelX;
    for (const RankEntry& e : ranking) {
        if (y + row > bottom) break;
        bool chosen = team && ((e.note && team->selectedNoteId == e.note) || (e.cluster && team->selectedClusterId == e.cluster));
        char rank[16];
        std::snprintf(rank, sizeof rank, "%d.", e.rank);
        ImU32 ink = chosen ? kChosen : colours::kProjectorText;
        list->AddText(fonts.largeBold, text, ImVec2(pos.x, y), ink, rank);
        float bar = barMax * float(e.dots) / float(std::max(1, most));
        list->AddRectFilled(ImVec2(pos.x + rankWidth, y + text * 0.15f), ImVec2(pos.x + rankWidth + bar, y + text * 0.95f),
                            chosen ? kChosen : kBar, 4);
        char dots[16];
        std::snprintf(dots, sizeof dots, "%d", e.dots);
        list->AddText(fonts.largeBold, text, ImVec2(pos.x + rankWidth + bar + text * 0.3f, y), ink, dots);
        std::string label = e.hidden ? std::string(str(Str::VoteHiddenNote)) : e.label;
        if (e.cluster) label = std::string(str(Str::VoteClusterPrefix)) + label;
        if (chosen) label = std::string(str(Str::BoardSelectedTag)) + " — " + label;
        std::replace(label.begin(), label.end(), '\n', ' ');
        // One line per idea: the end of a long text gives way to "…".
        const char* b = label.c_str();
        const char* end = b + label.size();
        ImFont* font = chosen ? fonts.largeBold : fonts.large;
        const char* cut = font->CalcWordWrapPositionA(text / font->FontSize, b, end, labelWidth - text);
        list->AddText(font, text, ImVec2(labelX, y), ink, b, cut);
        if (cut < end) {
            float w = font->CalcTextSizeA(text, FLT_MAX, 0, b, cut).x;
            list->AddText(font, text, ImVec2(labelX + w, y), ink, "…");
        }
        y += row;
    }
}

} // namespace atelier::board
