// Target 3 of issue 7: open the event at 10x the CNFPT scale and build the first frame of the
// event home, in a fresh process each run (so the peak memory is that of one opening): time
// from opening the file to the end of the first frame, and the process's RSS high-water mark.
#include "bench_app.hpp"
#include "bench_common.hpp"

#include "generate.hpp"

#include <cstdlib>
#include <cstring>
#include <sys/wait.h>

using namespace atelier;
using namespace atelier::bench;

namespace {

// The child: one opening, its figures on stdout as "open atlas frame total rss".
int child(const std::string& path) {
    FakeClock clock(1531126800000); // 2018-07-09 09:00 UTC: a slot is running, the timer too
    HeadlessApp h(clock);
    auto t0 = Steady::now();
    h.open(path);
    double open = msSince(t0);
    auto t1 = Steady::now();
    h.settle(); // the event's characters into the font atlas, as the frame loop does
    double atlas = msSince(t1);
    auto t2 = Steady::now();
    h.session().view = ViewId::Home;
    h.frame();
    double frame = msSince(t2);
    double total = msSince(t0);
    // A few more frames of the home: the cost of every frame after the first.
    std::vector<double> next;
    for (int i = 0; i < 15; ++i) {
        h.settle();
        auto t = Steady::now();
        h.frame();
        next.push_back(msSince(t));
    }
    double peak = peakRssMb();
    // Where the opening goes (after the peak was taken): the store alone, then reading every row.
    auto t3 = Steady::now();
    auto store = Store::open(path, OpenMode::ReadOnly);
    double storeOpen = msSince(t3);
    auto t4 = Steady::now();
    EventState state = store->loadAll();
    double loadAll = msSince(t4);
    store.reset();
    // After an action, on a copy of the file: the frame loop's work once it has drawn (apply
    // the queued note, then note its characters for the atlas).
    TempDir scratch;
    std::string copy = scratch.file("copy.db");
    std::filesystem::copy_file(path, copy);
    h.open(copy);
    h.settle();
    Id team = h.session().state().teamsInOrder().front()->id;
    std::vector<double> afterAction;
    for (int i = 0; i < 11; ++i) {
        h.session().queue(AddNote{{}, team, "Idée n° " + std::to_string(i) + " : l’accueil « sans couture »", "", 0, 0, {}, {}, {}, {}});
        auto t = Steady::now();
        h.app().afterFrames();
        afterAction.push_back(msSince(t));
        h.settle();
    }
    std::printf("%.3f %.3f %.3f %.3f %.1f %.3f %.3f %.3f %.3f\n", open, atlas, frame, total, peak, median(next), storeOpen, loadAll,
                median(afterAction));
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc > 2 && std::strcmp(argv[1], "--child") == 0) return child(argv[2]);
    int runs = argc > 1 ? std::atoi(argv[1]) : 5;
    TempDir dir;
    std::string path = argc > 2 ? argv[2] : dir.file("big.db");
    if (argc <= 2) {
        auto t0 = Steady::now();
        GenerateCounts c = generateEvent(path, GenerateOptions{});
        std::printf("generated: %zu teams, %zu notes, %zu votes, %zu prototypes, %zu feedback in %.0f ms\n", c.teams, c.notes, c.votes,
                    c.prototypes, c.feedback, msSince(t0));
    }
    std::printf("== Opening the event at 10x the CNFPT scale, first frame of the home (fresh process each run) ==\n");
    std::printf("%4s %10s %10s %12s %10s %10s %14s %12s\n", "run", "open ms", "atlas ms", "1st frame ms", "total ms", "peak MB",
                "next frames ms", "loadAll ms");
    std::vector<double> totals, rss, nextFrames, afterActions;
    for (int run = 0; run < runs; ++run) {
        std::string command = "'" + std::filesystem::read_symlink("/proc/self/exe").string() + "' --child '" + path + "'";
        FILE* out = popen(command.c_str(), "r");
        double open = 0, atlas = 0, frame = 0, total = 0, peak = 0, next = 0, storeOpen = 0, loadAll = 0, action = 0;
        if (!out || std::fscanf(out, "%lf %lf %lf %lf %lf %lf %lf %lf %lf", &open, &atlas, &frame, &total, &peak, &next, &storeOpen,
                                &loadAll, &action) != 9) {
            std::fprintf(stderr, "the child run failed\n");
            return 1;
        }
        pclose(out);
        std::printf("%4d %10.1f %10.1f %12.1f %10.1f %10.1f %14.2f %12.1f\n", run + 1, open, atlas, frame, total, peak, next, loadAll);
        totals.push_back(total);
        rss.push_back(peak);
        nextFrames.push_back(next);
        afterActions.push_back(action);
    }
    verdict(median(totals) <= 300, "open + first home frame, median", figure("%.1f ms", median(totals)), "<= 300 ms");
    verdict(percentile(rss, 1.0) <= 200, "peak memory (ru_maxrss), worst run", figure("%.1f MB", percentile(rss, 1.0)), "<= 200 MB");
    std::printf("later home frames: median %.2f ms\n", median(nextFrames));
    std::printf("after an action (apply it, then its characters into the atlas): median %.2f ms\n", median(afterActions));
    return 0;
}
