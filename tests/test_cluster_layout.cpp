// Regroupements lay out their notes (layout/cluster_layout.hpp): a note dropped on another
// finds a free place, a frame grows and pushes away what it would cover, and every position
// the layout changes is stored by one undoable batch.
#include "demo.hpp"
#include "layout/cluster_layout.hpp"
#include "model/errors.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <random>

#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

using namespace atelier;
using namespace atelier::test;

namespace {

struct BoardWorld : Fixture {
    Id team;
    BoardWorld() { team = add(AddTeam{.name = "Équipe A"}); }
    Id apply(const Action& a) {
        ActionResult r = layout::applyWithLayout(*engine, a);
        return r.created.empty() ? Id{} : r.created.front();
    }
    layout::Board board() const { return layout::Board::ofTeam(engine->state(), team); }
    const Note& note(Id id) const { return *engine->state().find<Note>(id); }
};

std::string describeBoard(const layout::Board& b) {
    std::string out;
    for (const auto& c : b.clusters) {
        layout::Box f = b.frame(c.id);
        out += "cluster " + c.id.str() + " frame " + std::to_string(f.x0) + "," + std::to_string(f.y0) + " - " +
               std::to_string(f.x1) + "," + std::to_string(f.y1) + "\n";
    }
    for (const auto& n : b.notes)
        out += "note " + n.id.str() + " in " + n.cluster.str() + " at " + std::to_string(n.x) + "," + std::to_string(n.y) +
               " " + std::to_string(n.width) + "x" + std::to_string(n.height) + "\n";
    return out;
}

void checkRules(const layout::Board& b) {
    INFO(describeBoard(b));
    CHECK_FALSE(layout::notesOfAClusterOverlap(b));
    CHECK_FALSE(layout::aFrameCoversAForeignNote(b));
    CHECK_FALSE(layout::framesOverlap(b));
}

} // namespace

TEST_CASE("a note dropped on another note of a cluster lands beside it, in one undo with the drop", "[layout]") {
    BoardWorld w;
    Id a = w.apply(AddNote{.team = w.team, .text = "A", .x = 100, .y = 100});
    Id cluster = w.apply(AddCluster{.team = w.team, .title = "Accueil", .x = 80, .y = 54, .notes = {a}});
    Id b = w.apply(AddNote{.team = w.team, .text = "B", .x = 600, .y = 600});
    std::size_t undos = w.engine->history().undoCount();
    // Dropped right on top of A.
    ActionResult r = layout::applyWithLayout(*w.engine, MoveNotes{.moves = {{b, 110, 110}}, .cluster = cluster});
    CHECK(w.note(b).clusterId == cluster);
    CHECK_FALSE(layout::Box{w.note(a).x, w.note(a).y, w.note(a).x + 160, w.note(a).y + 120}.overlaps(
        {w.note(b).x, w.note(b).y, w.note(b).x + 160, w.note(b).y + 120}));
    CHECK(w.note(a).x == 100); // the note already there stays
    CHECK(w.note(a).y == 100);
    // Nearest free place to where it was dropped: just beside A, in line with the drop.
    double dx = w.note(b).x - 110, dy = w.note(b).y - 110;
    CHECK(dx * dx + dy * dy <= (120 + layout::kNoteGap) * (120 + layout::kNoteGap) + 1);
    checkRules(w.board());
    CHECK(w.engine->history().undoCount() == undos + 1);
    CHECK(r.description.find("Accueil") != std::string::npos);
    w.engine->undo();
    CHECK(w.note(b).x == 600);
    CHECK_FALSE(w.note(b).clusterId);
}

TEST_CASE("a frame that grows moves a loose note out from under it, and pushes another cluster away", "[layout]") {
    BoardWorld w;
    Id a = w.apply(AddNote{.team = w.team, .text = "A", .x = 100, .y = 100});
    Id cluster = w.apply(AddCluster{.team = w.team, .title = "Accueil", .x = 80, .y = 54, .notes = {a}});
    // Loose, just below the frame, and another cluster to its right.
    Id loose = w.apply(AddNote{.team = w.team, .text = "libre", .x = 100, .y = 260});
    Id c = w.apply(AddNote{.team = w.team, .text = "C", .x = 400, .y = 100});
    Id other = w.apply(AddCluster{.team = w.team, .title = "Horaires", .x = 380, .y = 54, .notes = {c}});
    checkRules(w.board());
    double looseX = w.note(loose).x, looseY = w.note(loose).y, otherX = w.engine->state().find<Cluster>(other)->x;
    double cX = w.note(c).x;

    // Two notes dropped into the first cluster, below and to the right of A: it grows over both.
    Id d = w.apply(AddNote{.team = w.team, .text = "D", .x = 100, .y = 240});
    Id e = w.apply(AddNote{.team = w.team, .text = "E", .x = 900, .y = 900});
    std::size_t undos = w.engine->history().undoCount();
    layout::applyWithLayout(*w.engine, MoveNotes{.moves = {{d, 100, 240}, {e, 290, 100}}, .cluster = cluster});
    CHECK(w.engine->history().undoCount() == undos + 1);
    checkRules(w.board());
    CHECK((w.note(loose).x != looseX || w.note(loose).y != looseY)); // moved out from under the frame
    // The other cluster moved with its note, by the same offset.
    double movedBy = w.engine->state().find<Cluster>(other)->x - otherX;
    CHECK(movedBy != 0);
    CHECK(w.note(c).x - cX == movedBy);
    // One undo puts everything back.
    w.engine->undo();
    CHECK(w.engine->state().find<Cluster>(other)->x == otherX);
    CHECK(w.note(loose).y == looseY);
}

TEST_CASE("a note created inside a cluster, a cluster made of overlapping notes, a grown note: no overlap", "[layout]") {
    BoardWorld w;
    Id a = w.apply(AddNote{.team = w.team, .text = "A", .x = 0, .y = 0});
    Id b = w.apply(AddNote{.team = w.team, .text = "B", .x = 40, .y = 30}); // on top of A
    Id cluster = w.apply(AddCluster{.team = w.team, .title = "Idées", .x = -20, .y = -46, .notes = {a, b}});
    checkRules(w.board());
    Id c = w.apply(AddNote{.team = w.team, .text = "C", .x = 10, .y = 10, .cluster = cluster});
    CHECK(w.note(c).clusterId == cluster);
    checkRules(w.board());
    // A grows over its neighbours: it keeps its place, they give way.
    double ax = w.note(a).x, ay = w.note(a).y;
    w.apply(EditNote{.note = a, .width = 400.0, .height = 400.0});
    CHECK(w.note(a).x == ax);
    CHECK(w.note(a).y == ay);
    checkRules(w.board());
}

TEST_CASE("a gesture the engine refuses is refused whole, with the engine's message", "[layout]") {
    BoardWorld w;
    Id a = w.apply(AddNote{.team = w.team, .text = "A", .x = 0, .y = 0});
    std::string before = w.engine->store().canonicalDump();
    CHECK_THROWS_AS(w.apply(MoveNotes{.moves = {{a, 0, 0}}, .cluster = Id{12345}}), ValidationError);
    CHECK_THROWS_AS(w.apply(EditNote{.note = a, .width = 5.0}), ValidationError);
    CHECK_THROWS_AS(w.apply(MoveNotes{.moves = {{a, -3e7, 0}}}), ValidationError);
    CHECK(w.engine->store().canonicalDump() == before);
}

TEST_CASE("property: after any sequence of drops, no two notes of a frame overlap and no frame covers a foreign note", "[layout][property]") {
    for (unsigned seed = 1; seed <= 60; ++seed) {
        INFO("seed " << seed);
        BoardWorld w;
        std::mt19937 rng(seed);
        auto num = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
        std::vector<Id> notes, clusters;
        auto pick = [&](const std::vector<Id>& from) { return from[std::size_t(num(0, int(from.size()) - 1))]; };
        for (int step = 0; step < 40; ++step) {
            INFO("step " << step);
            int kind = num(0, 9);
            Action a = EditEvent{};
            if (kind <= 2 || notes.size() < 3) {
                AddNote add{.team = w.team, .x = double(num(-200, 1500)), .y = double(num(-200, 1000))};
                if (num(0, 2) == 0) add.width = double(num(60, 320));
                if (num(0, 2) == 0) add.height = double(num(60, 320));
                if (!clusters.empty() && num(0, 1)) add.cluster = pick(clusters);
                a = add;
            } else if (kind <= 5) {
                MoveNotes move;
                std::vector<Id> chosen;
                for (int k = num(1, 3); k > 0; --k) {
                    Id n = pick(notes);
                    if (std::find(chosen.begin(), chosen.end(), n) == chosen.end()) chosen.push_back(n);
                }
                for (Id n : chosen) move.moves.push_back({n, double(num(-200, 1500)), double(num(-200, 1000))});
                int target = num(0, 2);
                if (target == 0 && !clusters.empty()) move.cluster = pick(clusters);
                if (target == 1) move.cluster = Id{};
                a = move;
            } else if (kind == 6) {
                AddCluster add{.team = w.team, .title = "R", .x = double(num(-200, 1500)), .y = double(num(-200, 1000))};
                for (Id n : notes)
                    if (!w.note(n).clusterId && num(0, 3) == 0) add.notes.push_back(n);
                a = add;
            } else if (kind == 7 && !clusters.empty()) {
                a = MoveCluster{pick(clusters), double(num(-200, 1500)), double(num(-200, 1000))};
            } else if (kind == 8) {
                a = EditNote{.note = pick(notes), .width = double(num(60, 400)), .height = double(num(60, 400))};
            } else if (!clusters.empty() && num(0, 1)) {
                Id c = pick(clusters);
                a = DissolveCluster{c};
                clusters.erase(std::find(clusters.begin(), clusters.end(), c));
            } else {
                Id n = pick(notes);
                a = DeleteNotes{{n}};
                notes.erase(std::find(notes.begin(), notes.end(), n));
            }
            std::string before = stateText(w.engine->state());
            ActionResult r = layout::applyWithLayout(*w.engine, a);
            if (std::holds_alternative<AddNote>(a)) notes.push_back(r.created.front());
            if (std::holds_alternative<AddCluster>(a)) clusters.push_back(r.created.front());
            checkRules(w.board());
            // Every laid-out gesture is one undo entry that restores the board exactly.
            if (step % 7 == 3 && layout::changesLayout(a)) {
                std::string after = stateText(w.engine->state());
                w.engine->undo();
                CHECK(stateText(w.engine->state()) == before);
                w.engine->redo();
                CHECK(stateText(w.engine->state()) == after);
            }
        }
    }
}

TEST_CASE("the demo event's boards already follow the layout's rules", "[layout]") {
    TempDir dir;
    FakeClock clock;
    auto engine = createDemoEvent(dir.file("demo.db"), clock);
    for (const Team* t : engine->state().teamsInOrder()) {
        INFO(t->name);
        checkRules(layout::Board::ofTeam(engine->state(), t->id));
    }
}
