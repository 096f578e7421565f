// Hostile spreadsheets: any bytes through the CSV reader and both import planners (défis,
// teams), against the demo event. Only ImportError/Error may come out.
#include "demo.hpp"
#include "model/errors.hpp"
#include "io/csv_reader.hpp"
#include "io/import_challenges.hpp"
#include "io/import_teams.hpp"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace {

const atelier::EventState& demoState() {
    static const atelier::EventState state = [] {
        atelier::FakeClock clock;
        std::string path = std::filesystem::temp_directory_path() / ("atelier-fuzz-csv-" + std::to_string(::getpid()) + ".db");
        std::filesystem::remove(path);
        atelier::EventState s = atelier::createDemoEvent(path, clock)->state();
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
        return s;
    }();
    return state;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const atelier::EventState& state = demoState();
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        atelier::CsvTable table = atelier::readCsv(bytes);
        try {
            atelier::planChallengeImport(state, table, "fuzz.csv");
        } catch (const atelier::Error&) {
        }
        atelier::planTeamImport(state, table, "fuzz.csv");
    } catch (const atelier::Error&) {
    }
    return 0;
}
