// Issue 12: importing a JSON bundle in bounded memory. The real `atelier import bundle`, run as
// a child process (fork, exec, wait4) on two bundles the app exports: the 10x event (about
// 25 MB) and the 10x event with a photo per prototype (1,000 photos of 1600 × 1200, about
// 250 MB). Prints each bundle's size, the import's wall time and peak resident memory against
// the promise 2 × S + 100 MB.
//   bench_bundle_import ATELIER_BINARY [RUNS]
#include "bench_common.hpp"

#include <cstdlib>
#include <cstring>

#include <sys/wait.h>

using namespace atelier::bench;

namespace {

struct Run {
    int exitCode = -1;
    double seconds = 0;
    double peakMb = 0;
};

// A child started from this small process: its peak is the command's own (a forked child
// starts with its parent's pages, so a big parent would hide it).
Run runChild(const std::vector<std::string>& argv) {
    auto t0 = Steady::now();
    pid_t pid = fork();
    if (pid == 0) {
        if (!std::freopen("/dev/null", "w", stdout)) _exit(126);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    Run run;
    run.seconds = msSince(t0) / 1000.0;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.peakMb = static_cast<double>(usage.ru_maxrss) / 1024.0;
    return run;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_bundle_import ATELIER_BINARY [RUNS]\n");
        return 2;
    }
    const std::string atelier = argv[1];
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    TempDir dir;
    std::printf("== JSON bundle import: peak memory and time (the real command, %d run(s) each) ==\n", runs);
    struct Case {
        const char* name;
        const char* photos;
    };
    for (Case c : {Case{"10x event", "0"}, Case{"10x event + 1 photo/prototype", "1"}}) {
        const std::string db = dir.file(std::string("event-") + c.photos + ".db");
        const std::string json = dir.file(std::string("event-") + c.photos + ".json");
        if (runChild({atelier, "generate", db, "--scale", "10", "--photos", c.photos}).exitCode != 0 ||
            runChild({atelier, "export", db, "--format", "json", "--out", json}).exitCode != 0) {
            std::printf("MISS  %s: could not be generated and exported\n", c.name);
            continue;
        }
        const double sizeMb = static_cast<double>(std::filesystem::file_size(json)) / (1024.0 * 1024.0);
        const double boundMb = 2 * sizeMb + 100;
        std::vector<double> seconds, peaks;
        bool ok = true;
        for (int r = 0; r < runs; ++r) {
            const std::string copy = dir.file("copy.db");
            std::filesystem::remove(copy);
            Run run = runChild({atelier, "import", "bundle", copy, json});
            ok = ok && run.exitCode == 0;
            seconds.push_back(run.seconds);
            peaks.push_back(run.peakMb);
        }
        std::filesystem::remove(dir.file("copy.db"));
        const double peak = percentile(peaks, 1.0);
        std::printf("%-32s %7.1f MiB  import median %6.2f s  peak %7.1f MiB\n", c.name, sizeMb, median(seconds), peak);
        char what[96];
        std::snprintf(what, sizeof what, "import bundle %.0f MiB, peak memory", sizeMb);
        verdict(ok && peak <= boundMb, what, figure("%.1f MiB", peak), figure("<= 2 x S + 100 = %.0f MiB", boundMb));
        std::filesystem::remove(db);
        std::filesystem::remove(json);
    }
    return 0;
}
