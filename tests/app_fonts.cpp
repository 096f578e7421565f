// Fonts and text: no '?' box for the UI strings or the demo event, a bounded atlas, and the
// key translation that makes shortcuts follow an AZERTY keyboard.
#include "fonts.hpp"
#include "keys.hpp"
#include "settings.hpp"
#include "strings.hpp"

#include "app_headless.hpp"
#include "demo.hpp"
#include "support.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

using namespace atelier;

namespace {

std::string codepoints(const std::vector<unsigned>& missing) {
    std::string out;
    for (unsigned c : missing) out += fmt::format("U+{:04X} ", c);
    return out;
}

} // namespace

TEST_CASE("the UI strings and the demo event need no missing glyph", "[app][fonts]") {
    test::TempDir dir;
    FakeClock clock;
    auto engine = createDemoEvent(dir.file("demo.db"), clock);
    Fonts fonts;
    REQUIRE(fonts.found());
    fonts.addEventText(engine->state());
    ImFontAtlas atlas;
    fonts.build(atlas);
    const FontSet& set = fonts.set();

    std::vector<std::string> texts;
    for (auto s : allUiStrings()) texts.emplace_back(s);
    const EventState& st = engine->state();
    texts.push_back(st.event.name);
    for (const auto& [id, c] : st.challenges)
        for (const std::string* f : {&c.question, &c.owner, &c.territory, &c.stakes, &c.stakeholders, &c.obstacles, &c.levers, &c.theme})
            texts.push_back(*f);
    for (const auto& [id, s] : st.slots) texts.push_back(s.title);
    for (const auto& [id, t] : st.teams) texts.push_back(t.name);
    for (const auto& [id, m] : st.members) texts.push_back(m.name + m.organisation);
    for (const auto& [id, n] : st.notes) texts.push_back(n.text);
    texts.push_back("é è ê à â ç ù û ô î ï œ Œ æ « » ’ ‘ “ ” — – … • € ° \u202F");

    for (ImFont* font : {set.regular, set.bold, set.heading, set.large, set.largeBold}) {
        for (const auto& text : texts) {
            auto missing = Fonts::missingGlyphs(font, text);
            INFO(text);
            CHECK(codepoints(missing).empty());
        }
    }
    CHECK(Fonts::missingGlyphs(set.timer, "0123456789:").empty());
}

TEST_CASE("new text with new characters triggers an atlas rebuild", "[app][fonts]") {
    Fonts fonts;
    ImFontAtlas atlas;
    fonts.build(atlas);
    CHECK_FALSE(fonts.dirty());
    CHECK_FALSE(fonts.addText("Défi nº 3 — « ça »"));
    CHECK(fonts.addText("Iași, Łódź"));
    CHECK(fonts.dirty());
    fonts.build(atlas);
    CHECK(Fonts::missingGlyphs(fonts.set().regular, "Iași, Łódź").empty());
}

TEST_CASE("an action's new characters reach the atlas, read from the rows it changed", "[app][fonts]") {
    test::Headless h;
    CHECK_FALSE(h.app().fonts().dirty());
    Id team = h.state().teamsInOrder().front()->id;
    h.session().queue(AddNote{{}, team, "Iași, Łódź", "", 0, 0, {}, {}, {}, {}});
    h.frame(); // applies the action, then notes its characters
    CHECK(h.app().fonts().dirty());
    h.frame(); // rebuilds the atlas
    CHECK(Fonts::missingGlyphs(h.app().fonts().set().regular, "Iași, Łódź").empty());
    // Another table's text.
    h.session().queue(EditTeam{team, std::string("Équipe Ǆ"), {}, {}});
    h.frames(2);
    CHECK(Fonts::missingGlyphs(h.app().fonts().set().regular, "Équipe Ǆ").empty());
}

TEST_CASE("the atlas stays small on a 4K projector at the largest UI scale", "[app][fonts]") {
    Fonts fonts;
    fonts.setUiScale(Settings::kMaxScale);
    fonts.setProjectorHeight(2160);
    ImFontAtlas atlas;
    fonts.build(atlas);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
    INFO(w << "x" << h);
    CHECK(static_cast<long>(w) * h * 4 < 48L * 1024 * 1024); // RGBA on the GPU
    CHECK(fonts.timerBakedSize() <= 320.0f);
}

TEST_CASE("shortcut keys follow the printed AZERTY letter", "[app][keys]") {
    // On AZERTY the key at the US W position prints Z, and so on.
    CHECK(translateKey(GLFW_KEY_W, "z") == GLFW_KEY_Z);
    CHECK(translateKey(GLFW_KEY_Z, "w") == GLFW_KEY_W);
    CHECK(translateKey(GLFW_KEY_A, "q") == GLFW_KEY_Q);
    CHECK(translateKey(GLFW_KEY_Q, "a") == GLFW_KEY_A);
    CHECK(translateKey(GLFW_KEY_SEMICOLON, "m") == GLFW_KEY_M);
    CHECK(translateKey(GLFW_KEY_M, ",") == -1);
    CHECK(translateKey(GLFW_KEY_6, "-") == GLFW_KEY_MINUS);
    CHECK(translateKey(GLFW_KEY_MINUS, ")") == -1);
    CHECK(translateKey(GLFW_KEY_EQUAL, "=") == GLFW_KEY_EQUAL);
    CHECK(translateKey(GLFW_KEY_0, "\xC3\xA0") == GLFW_KEY_0); // à
    CHECK(translateKey(GLFW_KEY_1, "&") == GLFW_KEY_1);
    // Non-printable keys are left alone; QWERTY keeps its own letters.
    CHECK(translateKey(GLFW_KEY_F11, nullptr) == GLFW_KEY_F11);
    CHECK(translateKey(GLFW_KEY_SPACE, " ") == GLFW_KEY_SPACE);
    CHECK(translateKey(GLFW_KEY_Z, "z") == GLFW_KEY_Z);
}

TEST_CASE("settings survive a round trip", "[app]") {
    test::TempDir dir;
    Settings s;
    s.uiScale = 1.3f;
    s.language = Language::English;
    s.presetMinutes[2] = 50;
    s.addRecent(dir.file("a.db"));
    REQUIRE(saveSettings(s, dir.file("cfg/settings.ini")));
    Settings back = loadSettings(dir.file("cfg/settings.ini"));
    CHECK(back.uiScale == Approx(1.3f));
    CHECK(back.language == Language::English);
    CHECK(back.presetMinutes[2] == 50);
    REQUIRE(back.recentFiles.size() == 1);
    CHECK(loadSettings(dir.file("missing.ini")).uiScale == Approx(1.0f));
}
