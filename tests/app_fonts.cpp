// Fonts and text: no '?' box for the UI strings or the demo event, a bounded atlas, and the
// key translation that makes shortcuts follow an AZERTY keyboard.
#include "fonts.hpp"
#include "keys.hpp"
#include "settings.hpp"
#include "strings.hpp"
#include "widgets.hpp"

#include "app_headless.hpp"
#include "demo.hpp"
#include "support.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace atelier;

namespace {

std::string codepoints(const std::vector<unsigned>& missing) {
    std::string out;
    for (unsigned c : missing) out += fmt::format("U+{:04X} ", c);
    return out;
}

void appendUtf8(std::string& out, unsigned c) {
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

// The string literals of a C++ source, comments left out, \u escapes decoded: every text a
// view may draw that is not in the strings table (« → » between phases, « ▶ » before a slot).
std::vector<std::string> stringLiterals(const std::string& src) {
    std::vector<std::string> out;
    std::size_t i = 0, n = src.size();
    while (i < n) {
        if (src.compare(i, 2, "//") == 0) {
            i = src.find('\n', i);
            if (i == std::string::npos) break;
        } else if (src.compare(i, 2, "/*") == 0) {
            i = src.find("*/", i + 2);
            if (i == std::string::npos) break;
            i += 2;
        } else if (src[i] == '\'' && !(i > 0 && std::isalnum(static_cast<unsigned char>(src[i - 1])))) { // not 2'000
            for (++i; i < n && src[i] != '\''; ++i)
                if (src[i] == '\\') ++i;
            ++i;
        } else if (src.compare(i, 2, "R\"") == 0) {
            std::size_t open = src.find('(', i);
            std::string close = ")" + src.substr(i + 2, open - i - 2) + "\"";
            std::size_t end = src.find(close, open);
            out.push_back(src.substr(open + 1, end - open - 1));
            i = end + close.size();
        } else if (src[i] == '"') {
            std::string lit;
            for (++i; i < n && src[i] != '"'; ++i) {
                if (src[i] != '\\') {
                    lit += src[i];
                    continue;
                }
                ++i;
                if (i < n && (src[i] == 'u' || src[i] == 'U')) {
                    int digits = src[i] == 'u' ? 4 : 8;
                    appendUtf8(lit, unsigned(std::stoul(src.substr(i + 1, std::size_t(digits)), nullptr, 16)));
                    i += std::size_t(digits);
                }
            }
            ++i;
            out.push_back(lit);
        } else {
            ++i;
        }
    }
    return out;
}

} // namespace

TEST_CASE("every character of the strings table, in both languages, and of every text literal the interface draws has its glyph", "[app][fonts]") {
    Fonts fonts;
    REQUIRE(fonts.found());
    ImFontAtlas atlas;
    fonts.build(atlas);
    const FontSet& set = fonts.set();
    // The strings table, French and English, and the names the views build texts from.
    std::vector<std::pair<std::string, std::string>> texts; // (where, text)
    for (auto s : allUiStrings()) texts.emplace_back("strings table", std::string(s));
    for (Language language : {Language::French, Language::English}) {
        setUiLanguage(language);
        for (int p = 0; p < 4; ++p) texts.emplace_back("phase name", phaseName(static_cast<Phase>(p)));
        for (int r = 0; r < 4; ++r) texts.emplace_back("role name", roleName(static_cast<Role>(r)));
    }
    setUiLanguage(Language::French);
    // Every string literal of the interface's sources and of the core's messages it shows; not
    // the command line's (printed to a terminal) nor the exported report's (a browser draws it).
    namespace fs = std::filesystem;
    std::size_t files = 0;
    for (const char* dir : {"app", "core"})
        for (const auto& entry : fs::recursive_directory_iterator(fs::path(ATELIER_SOURCE_DIR) / dir)) {
            std::string path = entry.path().generic_string();
            std::string ext = entry.path().extension().string();
            if (ext != ".cpp" && ext != ".hpp") continue;
            // The demo's and the generator's texts are event content: the atlas takes them from
            // the open event (the next test checks the demo's).
            if (path.find("/app/cli/") != std::string::npos || path.find("/core/io/report_") != std::string::npos ||
                path.ends_with("/core/demo.cpp") || path.ends_with("/core/generate.cpp"))
                continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::stringstream content;
            content << in.rdbuf();
            for (const std::string& lit : stringLiterals(content.str())) texts.emplace_back(entry.path().filename().string(), lit);
            ++files;
        }
    CHECK(files > 50);
    // The phases history's arrow is one of them.
    CHECK(std::any_of(texts.begin(), texts.end(), [](const auto& t) { return t.second.find("→") != std::string::npos; }));
    for (ImFont* font : {set.regular, set.bold, set.heading, set.large, set.largeBold})
        for (const auto& [where, text] : texts) {
            auto missing = Fonts::missingGlyphs(font, text);
            INFO(where << ": " << text << "\nmissing: " << codepoints(missing));
            CHECK(missing.empty());
        }
}

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
