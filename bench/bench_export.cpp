// Target 4 of issue 7: exports of the big event (10x the CNFPT scale): JSON bundle and HTML
// report, each written to a file as `atelier export` does, median over repeated runs.
#include "bench_common.hpp"

#include "generate.hpp"
#include "io/export.hpp"

#include <cstdlib>

using namespace atelier;
using namespace atelier::bench;

int main(int argc, char** argv) {
    int runs = argc > 1 ? std::atoi(argv[1]) : 5;
    TempDir dir;
    std::string db = argc > 2 ? argv[2] : dir.file("big.db");
    if (argc <= 2) generateEvent(db, GenerateOptions{});
    std::printf("== Exports of the event at 10x the CNFPT scale (%s) ==\n", db.c_str());
    auto store = Store::open(db, OpenMode::ReadOnly);
    struct Format {
        const char* name;
        ExportFormat format;
        const char* file;
    };
    for (Format f : {Format{"JSON bundle", ExportFormat::Json, "event.json"}, Format{"HTML report", ExportFormat::Html, "report.html"}}) {
        std::vector<double> times;
        for (int run = 0; run < runs; ++run) {
            auto t0 = Steady::now();
            exportEvent(*store, f.format, dir.file(f.file), ReportOptions{});
            times.push_back(msSince(t0));
        }
        auto bytes = std::filesystem::file_size(dir.file(f.file));
        std::printf("%-12s %7.1f MB  median %8.1f ms  max %8.1f ms\n", f.name, static_cast<double>(bytes) / 1e6, median(times),
                    percentile(times, 1.0));
        verdict(median(times) <= 1000, std::string("export ") + f.name + ", median", figure("%.1f ms", median(times)), "<= 1000 ms");
    }
    return 0;
}
