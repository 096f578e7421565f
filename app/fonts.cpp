#include "fonts.hpp"

#include "strings.hpp"

#include <fontconfig/fontconfig.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace atelier {

namespace {

std::string findFont(const char* pattern) {
    std::string path;
    FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>(pattern));
    if (!pat) return path;
    FcConfigSubstitute(nullptr, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result = FcResultNoMatch;
    if (FcPattern* match = FcFontMatch(nullptr, pat, &result)) {
        FcChar8* file = nullptr;
        // Only a real TrueType/OpenType file will do: ImGui's rasteriser cannot read the rest.
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
            std::string candidate = reinterpret_cast<const char*>(file);
            auto dot = candidate.rfind('.');
            std::string ext = dot == std::string::npos ? "" : candidate.substr(dot);
            if (ext == ".ttf" || ext == ".otf" || ext == ".TTF" || ext == ".OTF") path = candidate;
        }
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pat);
    return path;
}

// Decodes UTF-8 leniently: a broken sequence yields U+FFFD rather than stopping.
template <typename F> void forEachCodepoint(std::string_view s, F f) {
    const char* p = s.data();
    const char* end = p + s.size();
    while (p < end) {
        unsigned int c = 0;
        int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        p += n;
        f(c);
    }
}

// French typography beyond Latin-1, plus the signs the app draws itself.
constexpr ImWchar kTypography[] = {
    0x0152, 0x0153, // Œ œ
    0x0178,         // Ÿ
    0x2013, 0x2014, // – —
    0x2018, 0x2019, 0x201C, 0x201D, // ‘ ’ “ ”
    0x2022, 0x2026, // • …
    0x202F, 0x00A0, // narrow and plain no-break spaces
    0x20AC,         // €
    0x00B0, 0x00AB, 0x00BB, 0x00B7, // ° « » ·
    0x2116,         // №
    0x25B6, 0x25C0, // ▶ ◀
    0x2190, 0x2191, 0x2192, 0x2193, // ← ↑ → ↓ (the phases history, page keys)
    0x2212,         // − (minus sign)
    0x2039, 0x203A, // ‹ › (« Fichier › Enregistrer sous » in the import messages)
    0x2260, 0x2264, 0x2265, // ≠ ≤ ≥
    // The replacement character: ImGui draws it for a character the atlas lacks, which a test
    // can tell apart from a real « ? » (and a user sees as a missing glyph, not a question).
    0xFFFD,
};

// ImGui puts a font's baseline at a whole number of pixels below the top of its line (its
// rounded ascent), which is a different fraction of the size for each size. The small sizes are
// moved to the UI font's fraction, so that a note's text stays in place, scaled, as the zoom
// crosses from one baked size to the next.
template <std::size_t N> void alignBaselines(const std::array<ImFont*, N>& fonts, const ImFont* reference) {
    if (!reference) return;
    const float fraction = std::round(reference->Ascent) / reference->FontSize;
    for (ImFont* font : fonts) {
        if (!font) continue;
        const float dy = font->FontSize * fraction - std::round(font->Ascent);
        for (ImFontGlyph& g : font->Glyphs) {
            g.Y0 += dy;
            g.Y1 += dy;
        }
    }
}

} // namespace

Fonts::Fonts() {
    if (FcInit()) {
        for (const char* family : {"DejaVu Sans", "Noto Sans", "Liberation Sans", "sans-serif"}) {
            m_regularPath = findFont(family);
            if (!m_regularPath.empty()) {
                m_boldPath = findFont((std::string(family) + ":bold").c_str());
                break;
            }
        }
    }
    if (m_boldPath.empty()) m_boldPath = m_regularPath;
    for (ImWchar c = 0x20; c < 0x7F; ++c) m_codepoints.insert(c);
    for (ImWchar c = 0xA0; c <= 0xFF; ++c) m_codepoints.insert(c);
    for (ImWchar c : kTypography) m_codepoints.insert(c);
    for (std::string_view s : allUiStrings()) addText(s);
    m_dirty = true;
}

namespace {

// Puts the text's characters that may need baking into `into`: printable ASCII is always in
// the atlas (see above) and skipped without a set lookup, since a big event's text (50,000
// notes) is scanned whenever the event opens or changes. Returns true when some were new.
bool collectCodepoints(std::string_view utf8, std::set<ImWchar>& into) {
    std::size_t plain = 0;
    while (plain < utf8.size() && utf8[plain] >= 0x20 && utf8[plain] < 0x7F) ++plain;
    if (plain == utf8.size()) return false;
    bool added = false;
    auto take = [&](unsigned c) {
        // ImWchar is 16-bit in the default imconfig.h: characters past the BMP cannot be baked.
        if (c < 0x20 || c > 0xFFFF) return;
        if (c < 0x7F) return; // printable ASCII, as above
        if (c >= 0xA0 && c <= 0xFF) return; // Latin-1 (French accents) is always baked too
        if (into.insert(static_cast<ImWchar>(c)).second) added = true;
    };
    // Byte by byte past ASCII and well-formed Latin-1 pairs (0xC2/0xC3 and a continuation byte:
    // the accents of French, nearly every other character of a French event); only a sequence
    // that may be something else is decoded. The opening of a 50,000-note event waited 88 ms for this.
    const auto* p = reinterpret_cast<const unsigned char*>(utf8.data()) + plain;
    const auto* end = reinterpret_cast<const unsigned char*>(utf8.data()) + utf8.size();
    while (p < end) {
        unsigned char b = *p;
        if (b < 0x80) {
            take(b);
            ++p;
        } else if ((b == 0xC2 || b == 0xC3) && p + 1 < end && (p[1] & 0xC0) == 0x80) {
            take(((b & 0x1Fu) << 6) | (p[1] & 0x3Fu));
            p += 2;
        } else {
            unsigned int c = 0;
            int n = ImTextCharFromUtf8(&c, reinterpret_cast<const char*>(p), reinterpret_cast<const char*>(end));
            if (n <= 0) break;
            p += n;
            take(c);
        }
    }
    return added;
}

} // namespace

bool Fonts::addText(std::string_view utf8) {
    bool added = collectCodepoints(utf8, m_codepoints);
    if (added) m_dirty = true;
    return added;
}

bool Fonts::addCodepoints(const std::vector<ImWchar>& codepoints) {
    bool added = false;
    for (ImWchar c : codepoints) added |= m_codepoints.insert(c).second;
    if (added) m_dirty = true;
    return added;
}

namespace {

// The texts of each kind of row that the interface draws.
template <typename F> void eachText(const EventInfo& x, F add) { add(x.name); add(x.organiser); add(x.place); }
template <typename F> void eachText(const Slot& x, F add) { add(x.title); add(x.room); }
template <typename F> void eachText(const Challenge& x, F add) {
    add(x.question); add(x.owner); add(x.territory); add(x.stakes); add(x.stakeholders);
    add(x.obstacles); add(x.levers); add(x.theme); add(x.link);
}
template <typename F> void eachText(const Team& x, F add) { add(x.name); }
template <typename F> void eachText(const Member& x, F add) { add(x.name); add(x.organisation); }
template <typename F> void eachText(const Note& x, F add) { add(x.text); }
template <typename F> void eachText(const Cluster& x, F add) { add(x.title); }
template <typename F> void eachText(const Prototype& x, F add) { add(x.title); add(x.description); add(x.learningGoal); }
template <typename F> void eachText(const Feedback& x, F add) { add(x.text); add(x.visitor); }
template <typename F> void eachText(const TimedSession& x, F add) { add(x.label); }

} // namespace

std::vector<ImWchar> Fonts::eventCodepoints(const EventState& s) {
    std::set<ImWchar> found;
    auto add = [&](const std::string& text) { collectCodepoints(text, found); };
    eachText(s.event, add);
    auto all = [&](const auto& rows) {
        for (const auto& [id, x] : rows) eachText(x, add);
    };
    all(s.slots); all(s.challenges); all(s.teams); all(s.members); all(s.notes); all(s.clusters);
    all(s.prototypes); all(s.feedback); all(s.timedSessions);
    return {found.begin(), found.end()};
}

bool Fonts::addEventText(const EventState& s) { return addCodepoints(eventCodepoints(s)); }

bool Fonts::addRowText(const EventState& s, std::string_view table, Id id) {
    bool added = false;
    auto add = [&](const std::string& text) { added |= addText(text); };
    auto row = [&](const auto* x) {
        if (x) eachText(*x, add);
    };
    if (table == "event") eachText(s.event, add);
    else if (table == "slot") row(s.find<Slot>(id));
    else if (table == "challenge") row(s.find<Challenge>(id));
    else if (table == "team") row(s.find<Team>(id));
    else if (table == "member") row(s.find<Member>(id));
    else if (table == "note") row(s.find<Note>(id));
    else if (table == "cluster") row(s.find<Cluster>(id));
    else if (table == "prototype") row(s.find<Prototype>(id));
    else if (table == "feedback") row(s.find<Feedback>(id));
    else if (table == "timed_session") row(s.find<TimedSession>(id));
    return added;
}

void Fonts::setUiScale(float scale) {
    if (scale != m_uiScale) {
        m_uiScale = scale;
        m_dirty = true;
    }
}

void Fonts::setProjectorHeight(float pixels) {
    // Quantised so resizing a window does not rebuild the atlas at every pixel; capped so a 4K
    // projector does not bake a huge texture (the countdown is drawn scaled up past the cap).
    float h = std::clamp(std::ceil(pixels / 180.0f) * 180.0f, 540.0f, 1440.0f);
    if (h != m_projectorHeight) {
        m_projectorHeight = h;
        m_dirty = true;
    }
}

void Fonts::build(ImFontAtlas& atlas) {
    atlas.Clear();
    m_ranges.clear();
    // Consecutive code points merge into one range: fewer entries, same glyphs.
    for (auto it = m_codepoints.begin(); it != m_codepoints.end();) {
        ImWchar first = *it, last = *it;
        for (++it; it != m_codepoints.end() && *it == last + 1; ++it) last = *it;
        m_ranges.push_back(first);
        m_ranges.push_back(last);
    }
    m_ranges.push_back(0);
    m_timerRanges.clear();
    for (ImWchar c : {ImWchar('0'), ImWchar('9'), ImWchar(':'), ImWchar(':'), ImWchar('+'), ImWchar('+'),
                      ImWchar('-'), ImWchar('-'), ImWchar(' '), ImWchar(' '), ImWchar(0x2212), ImWchar(0x2212)})
        m_timerRanges.push_back(c);
    m_timerRanges.push_back(0);

    float ui = std::round(kUiFontSize * m_uiScale);
    m_largeSize = std::round(m_projectorHeight / 20.0f);
    m_timerSize = std::round(std::min(m_projectorHeight * 0.30f, 320.0f));

    auto add = [&](const std::string& path, float size, const ImWchar* ranges, int oversample, bool snap) -> ImFont* {
        ImFontConfig config;
        config.OversampleH = oversample;
        config.OversampleV = 1;
        config.PixelSnapH = snap;
        if (path.empty()) {
            config.SizePixels = size;
            return atlas.AddFontDefault(&config);
        }
        return atlas.AddFontFromFileTTF(path.c_str(), size, &config, ranges);
    };
    m_set.regular = add(m_regularPath, ui, m_ranges.Data, 2, false);
    m_set.bold = add(m_boldPath, ui, m_ranges.Data, 2, false);
    m_set.heading = add(m_boldPath, std::round(ui * 1.45f), m_ranges.Data, 1, true);
    m_set.large = add(m_regularPath, m_largeSize, m_ranges.Data, 1, true);
    m_set.largeBold = add(m_boldPath, m_largeSize, m_ranges.Data, 1, true);
    m_set.timer = add(m_boldPath, m_timerSize, m_timerRanges.Data, 1, true);
    // The board's small sizes (regular only: bold titles and badges are short, and each font
    // adds to the atlas's build time at start-up): no oversampling (drawn at about the baked size, a texture twice as
    // wide would be read from its blurrier mipmap level), and advances not rounded to whole
    // pixels, so that a line is as wide as at 1:1 scaled down and keeps its wrapping.
    m_set.small = {};
    if (!m_regularPath.empty())
        for (std::size_t i = 0; i < kSmallTextSizes.size(); ++i)
            m_set.small[i] = add(m_regularPath, kSmallTextSizes[i], m_ranges.Data, 1, false);
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    atlas.TexGlyphPadding = 4; // room for two mipmap levels (window.cpp) without glyphs bleeding
    atlas.TexDesiredWidth = 2048;
    atlas.Build();
    alignBaselines(m_set.small, m_set.regular);
    m_dirty = false;
    ++m_builds;
}

std::vector<unsigned> Fonts::missingGlyphs(const ImFont* font, std::string_view utf8) {
    std::vector<unsigned> missing;
    forEachCodepoint(utf8, [&](unsigned c) {
        if (c < 0x20 || c == 0x7F) return;
        if (c > 0xFFFF || !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) missing.push_back(c);
    });
    std::sort(missing.begin(), missing.end());
    missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
    return missing;
}

} // namespace atelier
