// Opening another event in the same window (Fichier → Ouvrir): every screen shows the new event,
// never what it cached of the one before. The views cache by the state's address and revision; a
// new engine may be allocated where the old one was, so revisions must differ between engines.
#include "app_headless.hpp"

#include "demo.hpp"
#include "views/view_board.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace atelier;
using atelier::test::Headless;

TEST_CASE("app: opening another event, again and again, shows the new one on every screen", "[app]") {
    Headless h;
    const std::string first = h.path();
    const std::string second = std::filesystem::path(first).replace_filename("second.db").string();
    createDemoEvent(second, h.clock()); // the same content, other ids: a stale cache would show
    auto* board = static_cast<BoardView*>(h.app().view(ViewId::Board));
    for (int round = 0; round < 8; ++round) {
        Id team = h.state().teamsInOrder().front()->id;
        h.session().team = team;
        for (ViewId v : {ViewId::Board, ViewId::Home, ViewId::Dashboard, ViewId::Search, ViewId::Votes, ViewId::Board}) {
            h.session().view = v;
            h.frames(2);
        }
        // The board shows this event's notes, not the previous one's.
        const auto notes = h.state().notesOfTeam(team);
        REQUIRE(board->canvas().layout().notes().size() == notes.size());
        for (const board::NoteItem& item : board->canvas().layout().notes()) CHECK(h.state().find<Note>(item.id));
        h.session().close();
        h.frame();
        REQUIRE(h.session().open(round % 2 == 0 ? second : first));
    }
}
