// Start-up work done once and only where it shows (issue 17: the 10x event to its first frame):
// the atlas's mipmaps made on the CPU, the event's characters read beside the atlas's baking
// and added without a rebuild when it has them, a board laid out ahead of its first frame
// adopting its font without being built again, and the file's rule checks off the open's path.
#include "app_headless.hpp"

#include "board/board_layout.hpp"
#include "font_mipmaps.hpp"
#include "fonts.hpp"
#include "theme.hpp"
#include "views/view_board.hpp"

#include <catch2/catch.hpp>
#include <imgui_internal.h>

#include <algorithm>
#include <random>
#include <set>

using namespace atelier;
using atelier::test::Headless;

TEST_CASE("the atlas's mipmap levels are 2x2 means, sized as OpenGL sizes them", "[app][startup]") {
    // 5x3: an odd last column and row, left out as a box filter does.
    const std::vector<std::uint8_t> level0 = {
        0,   100, 200, 255, 9, //
        50,  250, 255, 255, 9, //
        9,   9,   9,   9,   9, //
    };
    std::vector<MipLevel> levels = mipLevels(level0.data(), 5, 3, 2);
    REQUIRE(levels.size() == 2);
    CHECK(levels[0].width == 2);
    CHECK(levels[0].height == 1);
    CHECK(int(levels[0].texels[0]) == (0 + 100 + 50 + 250 + 2) / 4); // 100
    CHECK(int(levels[0].texels[1]) == (200 + 255 + 255 + 255 + 2) / 4); // 241
    // 2x1 halves to 1x1: the one row counts twice.
    CHECK(levels[1].width == 1);
    CHECK(levels[1].height == 1);
    CHECK(int(levels[1].texels[0]) == (100 + 241 + 100 + 241 + 2) / 4);
    // No level past 1x1.
    CHECK(mipLevels(levels[1].texels.data(), 1, 1, 2).empty());
}

TEST_CASE("the event's characters read while the atlas bakes rebuild it only when it lacks some", "[app][startup][fonts]") {
    EventState state;
    Id team = newId();
    Note plain;
    plain.id = newId();
    plain.teamId = team;
    plain.text = "Café « sûr » — œuvre commune, déjà prête";
    state.notes.emplace(plain.id, plain);
    std::vector<ImWchar> found = Fonts::eventCodepoints(state);
    CHECK(std::is_sorted(found.begin(), found.end()));
    // ASCII and Latin-1 are always baked, so not listed; œ and — are listed (and baked too).
    CHECK(std::none_of(found.begin(), found.end(), [](ImWchar c) { return c < 0x100; }));
    CHECK(std::count(found.begin(), found.end(), ImWchar(0x0153)) == 1);
    Fonts fonts;
    ImFontAtlas atlas;
    fonts.build(atlas);
    CHECK(fonts.builds() == 1);
    std::string listed;
    for (ImWchar c : found) listed += " " + std::to_string(int(c));
    INFO("listed:" << listed);
    CHECK_FALSE(fonts.addCodepoints(found)); // nothing new: the atlas baked early is kept
    CHECK_FALSE(fonts.dirty());

    Note other = plain;
    other.id = newId();
    other.text = "Iași, Łódź";
    state.notes.emplace(other.id, other);
    CHECK(fonts.addCodepoints(Fonts::eventCodepoints(state)));
    CHECK(fonts.dirty());
    fonts.build(atlas);
    CHECK(fonts.builds() == 2);
    CHECK(Fonts::missingGlyphs(fonts.set().regular, "Iași, Łódź").empty());
}

TEST_CASE("the event's characters: the byte-wise scan finds what decoding every character finds, valid UTF-8 or not", "[app][startup][fonts]") {
    // The reference: every character decoded by ImGui, kept by the same rule (past ASCII and
    // Latin-1, within 16 bits), from the first byte that is not printable ASCII.
    auto reference = [](const std::string& text) {
        std::set<ImWchar> found;
        std::size_t plain = 0;
        while (plain < text.size() && text[plain] >= 0x20 && text[plain] < 0x7F) ++plain;
        const char* p = text.data() + plain;
        const char* end = text.data() + text.size();
        while (p < end) {
            unsigned int c = 0;
            int n = ImTextCharFromUtf8(&c, p, end);
            if (n <= 0) break;
            p += n;
            if (c < 0x7F && c >= 0x20) continue;
            if (c < 0x20 || c > 0xFFFF || (c >= 0xA0 && c <= 0xFF)) continue;
            found.insert(static_cast<ImWchar>(c));
        }
        return std::vector<ImWchar>(found.begin(), found.end());
    };
    std::mt19937 random(17);
    const std::vector<std::string> pieces = {"a", "Z", " ", "é", "à", "ç", "Œ", "œ", "’", "«", "»", "—", "€", "\x7F", "\xC2\x85",
                                             "\xC2", "\xC3", "\xC3(", "\x80", "\xE2\x80", "\xF0\x9F\x98\x80", "\xFF", "\xC4\x80",
                                             "Ł", "ș", "\t", "\n"};
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        int length = static_cast<int>(random() % 12);
        for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
        EventState state;
        Note note;
        note.id = newId();
        note.text = text;
        state.notes.emplace(note.id, note);
        INFO("text bytes: " << text.size());
        REQUIRE(Fonts::eventCodepoints(state) == reference(text));
    }
}

TEST_CASE("a note's colour read from its hex code, and grey where the code is not one", "[app][board]") {
    CHECK(colourFromHex("#FFD54F") == IM_COL32(0xFF, 0xD5, 0x4F, 255));
    CHECK(colourFromHex("#ffd54f") == IM_COL32(0xFF, 0xD5, 0x4F, 255));
    CHECK(colourFromHex("#000000", 0.5f) == IM_COL32(0, 0, 0, 127));
    CHECK(colourFromHex("") == IM_COL32(0x88, 0x88, 0x88, 255));
    CHECK(colourFromHex("FFD54F") == IM_COL32(0x88, 0x88, 0x88, 255));    // no #
    CHECK(colourFromHex("#FFD54") == IM_COL32(0x88, 0x88, 0x88, 255));    // too short
    CHECK(colourFromHex("#12ZZ56") == IM_COL32(0x12, 0x88, 0x88, 255));   // from the bad channel on, grey
}

TEST_CASE("a board laid out before its first frame is not built again there, and only the shown board is laid out", "[app][startup][board]") {
    Headless h;
    h.session().view = ViewId::Home;
    auto* view = static_cast<BoardView*>(h.app().view(ViewId::Board));
    h.frames(2);
    CHECK(view->canvas().layout().builds() == 0); // no board shown, none laid out

    const Team* team = h.state().teamsInOrder().front();
    h.session().team = team->id;
    Id note = h.state().notesOfTeam(team->id).front()->id;
    view->canvas().prepareLayout(h.state(), team->id); // as the opening thread does, with no font yet
    CHECK(view->canvas().layout().builds() == 1);
    CHECK(view->canvas().layout().lines(*view->canvas().layout().note(note)).empty()); // nothing to measure with

    h.session().view = ViewId::Board;
    h.frame();
    const board::BoardLayout& layout = view->canvas().layout();
    CHECK(layout.builds() == 1); // the frame adopted the font
    CHECK_FALSE(layout.lines(*layout.note(note)).empty()); // and wraps with it

    // Another font (the atlas built again) wraps again without a rebuild; a change rebuilds.
    board::BoardLayout fresh;
    fresh.update(h.state(), team->id, h.app().fonts().set().regular);
    std::size_t lines = fresh.lines(*fresh.note(note)).size();
    fresh.update(h.state(), team->id, h.app().fonts().set().large);
    CHECK(fresh.builds() == 1);
    CHECK(fresh.lines(*fresh.note(note)).size() <= lines); // measured at the other font's glyph widths
    h.session().queue(EditTeam{team->id, std::string("Équipe renommée"), {}, {}});
    h.frames(2); // applied after the first, laid out again in the second
    CHECK(layout.builds() == 2);
}

TEST_CASE("a board on screen is laid out again for its own team's changes, not for another team's", "[app][board][participation]") {
    Headless h;
    const std::vector<const Team*> teams = h.state().teamsInOrder();
    REQUIRE(teams.size() >= 2);
    const Id shown = teams[0]->id, other = teams[1]->id;
    h.session().team = shown;
    h.session().view = ViewId::Board;
    h.frames(2);
    const board::BoardLayout& layout = static_cast<BoardView*>(h.app().view(ViewId::Board))->canvas().layout();
    const unsigned built = layout.builds();
    const std::size_t notes = layout.notes().size();

    // Another team's note (a phone's, say): the layout stays.
    h.session().engine()->applyWithoutUndo(AddNote{{}, other, "Idée d’une autre équipe", {}, 40, 40, {}, {}, {}, {}});
    h.frames(2);
    CHECK(layout.builds() == built);
    CHECK(layout.notes().size() == notes);

    // Its own team's note: laid out again, and the note is on it.
    ActionResult added = h.session().engine()->applyWithoutUndo(AddNote{{}, shown, "Idée de l’équipe montrée", {}, 40, 40, {}, {}, {}, {}});
    h.frames(2);
    CHECK(layout.builds() == built + 1);
    REQUIRE(layout.note(added.created.at(0)) != nullptr);

    // A change the engine cannot tie to one team (the event renamed): laid out again, to be safe.
    h.session().engine()->applyWithoutUndo(EditEvent{std::string("Autre nom"), {}, {}, {}, {}, {}});
    h.frames(2);
    CHECK(layout.builds() == built + 2);
}

TEST_CASE("a file's rule checks run beside its open, on their own thread, and are waited for when asked for", "[app][startup]") {
    Headless h;
    h.session().close();
    REQUIRE(h.session().open(h.path()));
    CHECK(h.session().ruleChecksPending());
    CHECK(h.session().ruleBreaks().empty()); // the demo event breaks no rule
    CHECK_FALSE(h.session().ruleChecksPending());
}
