// Target 1 of issue 7: the CPU time to build one frame of the board view (the whole main
// window: menu, sidebar, board), headless at 1920x1080, with 2,000 and 20,000 notes on one
// board, zoomed to fit everything and at 1:1. Median over repeated frames.
#include "bench_app.hpp"
#include "bench_common.hpp"

#include "engine/engine.hpp"
#include "io/search.hpp"
#include "views/view_board.hpp"

#include <SQLiteCpp/Transaction.h>

#include <cstdlib>

using namespace atelier;
using namespace atelier::bench;

namespace {

// An event with one team whose board holds `count` notes in a grid, written in one transaction.
Id makeBoard(const std::string& path, int count) {
    EventInfo info;
    info.id = Id{1};
    info.name = "Banc d’essai";
    info.createdAt = 1531123200000;
    auto store = Store::create(path, info);
    SQLite::Transaction tx(store->db());
    setSearchIndexing(store->db().getHandle(), false);
    Challenge challenge;
    challenge.id = Id{2};
    challenge.number = 1;
    challenge.question = "Comment simplifier l’accueil des usagers ?";
    store->put(challenge);
    Team team;
    team.id = Id{3};
    team.name = "Équipe 1";
    team.challengeId = challenge.id;
    store->put(team);
    int columns = count <= 2000 ? 50 : 150;
    for (int i = 0; i < count; ++i) {
        Note n;
        n.id = Id{i + 100};
        n.teamId = team.id;
        n.text = "Idée numéro " + std::to_string(i) + " pour l’accueil des usagers en mairie";
        n.x = (i % columns) * 180.0;
        n.y = (i / columns) * 140.0;
        n.z = i + 1;
        n.createdAt = info.createdAt + i;
        store->put(n);
    }
    rebuildSearchIndex(store->db());
    setSearchIndexing(store->db().getHandle(), true);
    tx.commit();
    return team.id;
}

} // namespace

int main(int argc, char** argv) {
    int frames = argc > 1 ? std::atoi(argv[1]) : 61;
    TempDir dir;
    FakeClock clock(1531123200000);
    std::printf("== Board frame cost (main window with the board view, headless, 1920x1080) ==\n");
    std::printf("%-8s %-5s %12s %12s %12s %10s\n", "notes", "zoom", "cpu median", "cpu p95", "wall median", "vertices");
    for (int count : {2000, 20000}) {
        std::string path = dir.file("board" + std::to_string(count) + ".db");
        Id team = makeBoard(path, count);
        HeadlessApp h(clock);
        h.open(path);
        h.settle();
        h.session().view = ViewId::Board;
        h.session().team = team;
        auto& canvas = static_cast<BoardView*>(h.app().view(ViewId::Board))->canvas();
        for (bool fit : {true, false}) {
            if (fit) canvas.fitAll();
            else canvas.actualSize();
            for (int i = 0; i < 3; ++i) h.frame(), h.settle(); // warm-up: layout, wrapped text caches
            std::vector<double> cpu, wall;
            for (int i = 0; i < frames; ++i) {
                double c0 = cpuMs();
                auto t0 = Steady::now();
                h.frame();
                wall.push_back(msSince(t0));
                cpu.push_back(cpuMs() - c0);
                h.settle();
            }
            int vertices = 0;
            bool fits = HeadlessApp::indicesFit(vertices);
            std::printf("%-8d %-5s %9.3f ms %9.3f ms %9.3f ms %10d\n", count, fit ? "fit" : "1:1", median(cpu),
                        percentile(cpu, 0.95), median(wall), vertices);
            double target = count <= 2000 ? 2.0 : 8.0;
            verdict(median(cpu) <= target, "board frame, " + std::to_string(count) + " notes, " + (fit ? "fit" : "1:1"),
                    figure("median %.3f ms", median(cpu)), figure("<= %.0f ms", target));
            verdict(fits, "16-bit indices with VtxOffset, " + std::to_string(count) + (fit ? " fit" : " 1:1"),
                    std::to_string(vertices) + " vertices", "every index in range");
        }
    }
    return 0;
}
