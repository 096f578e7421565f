#pragma once
// Fonts from the system (fontconfig), baked into one ImGui atlas shared by both windows.
// The glyph ranges hold French typography plus every character of the UI strings and of the
// open event, so nothing shows as a '?' box; new text with new characters triggers a rebuild.
// After an action only the rows it changed are read again (a big event's whole text takes tens
// of milliseconds to scan).
// Only the giant countdown font is big, and it holds digits and a few signs only.
// The board's text is also baked at a few small sizes (kSmallTextSizes), so that a zoomed-out
// board draws glyphs rasterised near the size shown rather than the UI font shrunk (issue 17).
#include "storage/state.hpp"

#include <imgui.h>

#include <array>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace atelier {

// Pixel sizes the board's text is baked at below the UI size: a zoomed-out board (a note's
// 17 px text at 36–97 %, its 12.5 px author at 48 % and more) picks the nearest
// (board_draw.cpp's fontForSize), so glyphs are drawn within about 20 % of the size they were
// rasterised at, where the 18 px font shrunk to 43 % lost its thin strokes to filtering
// (« Idée » read « cée »). Steps of 1.44: each font adds a few milliseconds to the atlas's
// build at start-up (three: 10–20 ms, under load), six measured
// no better; the largest stays under the 17 px of a note at 1:1, drawn from the UI font.
inline constexpr std::array<float, 3> kSmallTextSizes = {7.2f, 10.4f, 14.9f};

struct FontSet {
    ImFont* regular = nullptr;   // UI text
    ImFont* bold = nullptr;      // UI emphasis
    ImFont* heading = nullptr;   // UI titles
    ImFont* large = nullptr;     // projector text
    ImFont* largeBold = nullptr; // projector titles
    ImFont* timer = nullptr;     // giant countdown: digits and ':' only
    // The board's regular text at kSmallTextSizes, aligned on the UI font's baseline.
    std::array<ImFont*, kSmallTextSizes.size()> small{};
};

class Fonts {
public:
    Fonts(); // finds the system fonts (DejaVu Sans, Noto Sans …) through fontconfig

    bool found() const { return !m_regularPath.empty(); }
    const std::string& regularPath() const { return m_regularPath; }

    // Records characters that must be in the atlas. Returns true when some are new.
    bool addText(std::string_view utf8);
    bool addEventText(const EventState& state);
    // The characters of an event's text beyond printable ASCII (always baked), sorted: read on
    // the thread that opens the event, while another bakes the atlas, then added at the join
    // (addCodepoints), so that the atlas is built once unless the event needs more.
    static std::vector<ImWchar> eventCodepoints(const EventState& state);
    bool addCodepoints(const std::vector<ImWchar>& codepoints);
    // The same for one row of the state (after an action: only the rows it changed).
    bool addRowText(const EventState& state, std::string_view table, Id id);

    void setUiScale(float scale);
    // Height of the tallest window showing the projector; sizes the projector fonts.
    void setProjectorHeight(float pixels);
    bool dirty() const { return m_dirty; }

    // Clears the atlas and bakes every font into it (no GL: the caller uploads the texture).
    void build(ImFontAtlas& atlas);
    // How many times build() ran (a start-up should need one).
    unsigned builds() const { return m_builds; }
    const FontSet& set() const { return m_set; }
    float timerBakedSize() const { return m_timerSize; }
    float projectorTextSize() const { return m_largeSize; }

    // Code points of the text that `font` has no glyph for.
    static std::vector<unsigned> missingGlyphs(const ImFont* font, std::string_view utf8);

private:
    std::string m_regularPath, m_boldPath;
    std::set<ImWchar> m_codepoints;
    ImVector<ImWchar> m_ranges, m_timerRanges;
    float m_uiScale = 1.0f;
    float m_projectorHeight = 1080.0f;
    float m_largeSize = 48.0f, m_timerSize = 256.0f;
    bool m_dirty = true;
    unsigned m_builds = 0;
    FontSet m_set;
};

// Base UI font size in pixels at scale 1.
inline constexpr float kUiFontSize = 18.0f;

} // namespace atelier
