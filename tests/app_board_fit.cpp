// The board's zoom as the user sees it (issue 17): the toolbar shows the zoom the board is drawn
// at from the first frame, and a fitted board stays fitted when the window is resized, until the
// user zooms or pans.
#include "app_headless.hpp"

#include "views/view_board.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

using namespace atelier;
using atelier::test::Headless;

namespace {

std::string percent(float zoom) { return std::to_string(static_cast<int>(std::lround(zoom * 100))) + " %"; }

} // namespace

TEST_CASE("board: the toolbar's zoom is the board's from the first frame, and a fit follows a resize", "[app]") {
    Headless h;
    h.session().view = ViewId::Board;
    h.session().team = h.state().teamsInOrder().front()->id;
    auto* view = static_cast<BoardView*>(h.app().view(ViewId::Board));
    board::Camera& camera = view->canvas().camera();

    // A small window, so that the fitted zoom is below 100 % from the first frame.
    ImGui::GetIO().DisplaySize = ImVec2(800, 500);
    h.frame();
    const float fittedSmall = camera.zoom();
    REQUIRE(fittedSmall < 0.99f);
    CHECK(view->zoomShown() == percent(fittedSmall)); // before the fix: « 100 % » beside a smaller board

    // A larger window: the board is fitted again to it; and back.
    ImGui::GetIO().DisplaySize = ImVec2(1600, 1000);
    h.frames(2);
    CHECK(camera.zoom() > fittedSmall);
    CHECK(view->zoomShown() == percent(camera.zoom()));
    ImGui::GetIO().DisplaySize = ImVec2(800, 500);
    h.frames(2);
    CHECK(camera.zoom() == Approx(fittedSmall));

    // Once the user zooms, a resize keeps the user's view.
    camera.set(camera.pan(), camera.zoom() * 1.15f);
    h.frame();
    const float chosen = camera.zoom();
    ImGui::GetIO().DisplaySize = ImVec2(1600, 1000);
    h.frames(2);
    CHECK(camera.zoom() == Approx(chosen));
    CHECK(view->zoomShown() == percent(chosen));
}
