// Texts cut to a card's lines (the home screen's défi questions) end in « … » and never break
// a character; texts that fit are left whole.
#include "fonts.hpp"
#include "text_clip.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace atelier;

namespace {

float widthOf(const ImFont* font, const std::string& s) {
    return font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, s.c_str(), s.c_str() + s.size()).x;
}

std::vector<std::string> linesOf(const std::string& s) {
    std::vector<std::string> lines;
    std::size_t from = 0;
    for (std::size_t at; (at = s.find('\n', from)) != std::string::npos; from = at + 1) lines.push_back(s.substr(from, at - from));
    lines.push_back(s.substr(from));
    return lines;
}

bool validUtf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

} // namespace

TEST_CASE("a défi question cut to two lines ends in an ellipsis, within the width", "[app][home]") {
    Fonts fonts;
    REQUIRE(fonts.found());
    ImFontAtlas atlas;
    fonts.build(atlas);
    const ImFont* font = fonts.set().regular;
    const std::string question =
        "Comment améliorer le parcours des usagers de l’école de natation de la ville de Rennes lors des inscriptions, "
        "ainsi que les conditions de travail des équipes lors des journées d’inscription ?";
    for (float width : {120.0f, 200.0f, 313.0f, 480.0f}) {
        INFO("width " << width);
        std::string cut = clipToLines(font, font->FontSize, width, question, 2);
        auto lines = linesOf(cut);
        REQUIRE(lines.size() == 2);
        CHECK(cut.size() >= 3);
        CHECK(cut.substr(cut.size() - 3) == "…");
        for (const auto& line : lines) CHECK(widthOf(font, line) <= width + 0.5f);
        CHECK(validUtf8(cut));
        // What is shown is the question's beginning, word for word.
        std::string shown = cut.substr(0, cut.size() - 3);
        std::replace(shown.begin(), shown.end(), '\n', ' ');
        CHECK(question.rfind(shown.substr(0, shown.size() / 2), 0) == 0);
        CHECK(shown.back() != ' ');
    }
    // A question that fits is left whole, with no ellipsis.
    CHECK(clipToLines(font, font->FontSize, 480.0f, "Comment faire ?", 2) == "Comment faire ?");
    CHECK(clipToLines(font, font->FontSize, 480.0f, "Comment faire ?\n\n", 2) == "Comment faire ?");
    // Accented letters at the cut are never split, whatever the width.
    const std::string accents = "éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé";
    for (float width = 20; width < 200; width += 7) CHECK(validUtf8(clipToLines(font, font->FontSize, width, accents, 2)));
    CHECK(clipToLines(font, font->FontSize, 100.0f, question, 0).empty());
}
