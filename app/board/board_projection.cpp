#include "board/board_projection.hpp"

#include "board/board_draw.hpp"
#include "board/ranking.hpp"
#include "presentation.hpp"
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

namespace {

// Where a board too big for the projector is cut, along one axis: at most `tile` apart, and
// never through a note, its tag or badge, or a regroupement's title (`solid`: spans that
// must stay whole, widened by `gap`). A note beyond a cut lies wholly outside the region's
// clip rectangle. Only a run of overlapping notes longer than a tile is cut where it must.
std::vector<float> cutsAlong(float lo, float hi, float tile, std::vector<std::pair<float, float>> solid, float gap) {
    std::sort(solid.begin(), solid.end());
    std::vector<std::pair<float, float>> merged; // disjoint, sorted
    for (auto [a, b] : solid) {
        a -= gap;
        b += gap;
        if (!merged.empty() && a < merged.back().second) merged.back().second = std::max(merged.back().second, b);
        else merged.push_back({a, b});
    }
    std::vector<float> cuts{lo};
    while (hi - cuts.back() > tile) {
        float start = cuts.back(), target = start + tile;
        auto it = std::upper_bound(merged.begin(), merged.end(), target,
                                   [](float v, const std::pair<float, float>& span) { return v < span.second; });
        float cut = target;
        if (it != merged.end() && it->first < target && it->first > start + 1) cut = it->first; // before that span
        cuts.push_back(cut);
    }
    cuts.push_back(hi);
    return cuts;
}

} // namespace

int drawBoardOnProjector(ImDrawList* list, const FontSet& fonts, const EventState& state, Id teamId, ImVec2 pos, ImVec2 size,
                         float outputHeight, int page, const Engine* engine) {
    // Both windows (presentation and projection) show the same board: one layout serves them.
    static BoardLayout layout;
    layout.update(state, teamId, fonts.regular, Id{}, engine);
    float line = std::max(kMinProjectorPixels, outputHeight / kBodyDivisor);
    float top = 0;
    if (layout.hiddenCount() > 0) {
        std::string banner = strCount(Str::BoardProjectorHiddenOne, Str::BoardProjectorHidden, static_cast<long long>(layout.hiddenCount()),
                                      layout.hiddenCount());
        list->AddText(fonts.largeBold, line, pos, colours::kWarning, banner.c_str(), nullptr, size.x);
        top = fonts.largeBold->CalcTextSizeA(line, FLT_MAX, size.x, banner.c_str()).y + line * 0.5f;
    }
    float footer = line * 1.3f; // « Page 2 / 5 » under the board, never over a note
    ImVec2 origin(pos.x, pos.y + top);
    ImVec2 area(size.x, std::max(10.0f, size.y - top));
    if (layout.notes().empty() && layout.clusters().empty()) {
        centred(list, fonts.large, line, origin, area.x, origin.y + area.y / 3, colours::kProjectorDim, str(Str::BoardEmpty));
        return 1;
    }
    WorldRect framed = layout.bounds().padded(8);
    framed.y0 -= kTextSize * 1.6f; // room above the top row for the « Piste retenue » tag
    framed.y1 += kTextSize * 1.6f; // and below, where it hangs under a note at the top of a regroupement
    Camera camera;
    camera.setViewport(origin, area);
    camera.fit(framed, 0.0f, 2.5f);
    // Every text of a note (its author's name is the smallest) at least 1/45 of the output
    // height: a board too big for that is shown region by region (← →), never shrunk into
    // grey lines, and no region cuts a note.
    float minZoom = outputHeight / kNoteDivisor / kAuthorSize;
    int pages = 1;
    WorldRect region = framed;
    if (camera.zoom() < minZoom) {
        area.y = std::max(10.0f, area.y - footer);
        float tileW = area.x / minZoom, tileH = area.y / minZoom;
        // What sticks out of a note: its shadow, a vote badge on its corner, and for the piste
        // retenue its tag above (or below, under a regroupement's title).
        float tag = kTextSize * 1.6f, shadow = 5.0f, badge = layout.votesShown() ? 12.0f : shadow;
        std::vector<std::pair<float, float>> solidX, solidY;
        for (const NoteItem& n : layout.notes()) {
            bool chosen = layout.selectedNote() == n.id;
            solidX.push_back({n.rect.x0 - (n.votes > 0 ? badge : 1.0f), n.rect.x1 + (n.votes > 0 ? badge : shadow)});
            solidY.push_back({n.rect.y0 - (chosen ? tag : n.votes > 0 ? badge : 1.0f), n.rect.y1 + (chosen ? tag : shadow)});
        }
        for (const ClusterItem& c : layout.clusters()) {
            float title = fonts.bold->CalcTextSizeA(kTextSize * 1.25f, FLT_MAX, 0, c.title.c_str()).x + 2 * kNotePadding;
            solidX.push_back({c.frame.x0, std::min(c.frame.x1, c.frame.x0 + title)});
            solidY.push_back({c.frame.y0 - (layout.selectedCluster() == c.id ? tag : 1.0f), c.frame.y0 + kClusterHeader});
        }
        std::vector<float> xs = cutsAlong(framed.x0, framed.x1, tileW, solidX, 0.0f);
        std::vector<float> ys = cutsAlong(framed.y0, framed.y1, tileH, solidY, 0.0f);
        // Only the regions with something in them, row by row.
        std::vector<WorldRect> regions;
        for (std::size_t r = 0; r + 1 < ys.size(); ++r)
            for (std::size_t c = 0; c + 1 < xs.size(); ++c) {
                WorldRect cell{xs[c], ys[r], xs[c + 1], ys[r + 1]};
                bool used = std::any_of(layout.notes().begin(), layout.notes().end(), [&](const NoteItem& n) { return n.rect.overlaps(cell); }) ||
                            std::any_of(layout.clusters().begin(), layout.clusters().end(),
                                        [&](const ClusterItem& k) { return k.header().overlaps(cell); });
                if (used) regions.push_back(cell);
            }
        if (regions.empty()) regions.push_back(framed);
        pages = static_cast<int>(regions.size());
        page = std::clamp(page, 0, pages - 1);
        region = regions[static_cast<std::size_t>(page)];
        // The viewport is the region itself: the camera culls what lies beyond its cuts.
        ImVec2 shown(std::min(area.x, region.width() * minZoom), std::min(area.y, region.height() * minZoom));
        camera.setViewport(ImVec2(origin.x + (area.x - shown.x) / 2, origin.y), shown);
        camera.set(ImVec2(region.x0, region.y0), minZoom);
    }
    ImVec2 clipMin = camera.origin(), clipMax(camera.origin().x + camera.size().x, camera.origin().y + camera.size().y);
    lastProjection() = {region, ImVec4(clipMin.x, clipMin.y, clipMax.x, clipMax.y)};
    list->PushClipRect(clipMin, clipMax, true);
    DrawOptions options;
    options.fonts = &fonts;
    options.projector = true;
    drawBoard(list, layout, camera, options);
    list->PopClipRect();
    if (pages > 1) {
        std::string label = strf(Str::ProjectorPage, page + 1, pages);
        ImVec2 e = fonts.largeBold->CalcTextSizeA(line, FLT_MAX, 0, label.c_str());
        list->AddText(fonts.largeBold, line, ImVec2(origin.x + size.x - e.x, pos.y + size.y - e.y), colours::kWarning, label.c_str());
    }
    return pages;
}

ProjectedRegion& lastProjection() {
    static ProjectedRegion last;
    return last;
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
