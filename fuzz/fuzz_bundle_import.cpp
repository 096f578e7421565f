// Hostile JSON bundles: any bytes through the bundle importer. Only Error may come out, and a
// bundle that imports must satisfy two invariants, not only "no crash":
//   imported ⇒ `atelier check` finds nothing (its SQL queries, written apart from the rules);
//   imported ⇒ exported, imported again and exported again gives the same bundle.
#include "io/bundle.hpp"
#include "model/errors.hpp"
#include "storage/content_check.hpp"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace {

// A fresh folder per process: bundles now create a real file (built beside, then renamed).
const std::filesystem::path& scratch() {
    static const std::filesystem::path dir = [] {
        auto d = std::filesystem::temp_directory_path() / ("atelier-fuzz-bundle-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d;
    }();
    return dir;
}

void clear(const std::string& path) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ec);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view json(reinterpret_cast<const char*>(data), size);
    const std::string first = (scratch() / "first.db").string(), second = (scratch() / "second.db").string();
    clear(first);
    clear(second);
    try {
        auto store = atelier::importBundle(first, json);
        if (!atelier::findRuleBreaks(store->db(), 1).empty()) std::abort(); // the rules let in what check refuses
        std::string exported = atelier::exportBundle(*store);
        auto again = atelier::importBundle(second, exported);
        if (atelier::exportBundle(*again) != exported) std::abort(); // not lossless
    } catch (const atelier::Error&) {
    }
    clear(first);
    clear(second);
    return 0;
}
