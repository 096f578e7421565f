#pragma once
// A synthetic event at a chosen multiple of the CNFPT scale (14 teams, 5,000 notes, 500 votes,
// 100 prototypes, 1,000 feedback entries per unit of scale), for benchmarks and load tests.
// Deterministic for a given seed, so figures are comparable between runs.
#include "storage/store.hpp"

#include <cstdint>
#include <memory>
#include <string>

namespace atelier {

struct GenerateOptions {
    int scale = 10;
    std::uint64_t seed = 2018;
    Millis start = 1531123200000; // 2018-07-09 08:00 UTC, the Rennes summer university
    // When > 0, team 1's board holds exactly this many notes (and nothing else) on the peer
    // benchmark's grid: 160x120 notes on a 220x160 pitch, the grid as wide as 16:9, about 40
    // French characters each. For the whole-frame benchmark and the memory budget.
    int boardNotes = 0;
    // Photos per prototype: JPEGs as the app stores them (1600 × 1200, about 170 KB each), so
    // that an event with photos can be measured (the 10x event with one each: a 200 MB bundle).
    int photosPerPrototype = 0;
};

struct GenerateCounts {
    std::size_t teams = 0, members = 0, notes = 0, clusters = 0, votes = 0, prototypes = 0, feedback = 0, photos = 0;
};

// Creates the event file `path` (which must not exist) in one transaction, the search index
// rebuilt in one pass at the end. Throws FileError or StorageError; leaves no file on failure.
GenerateCounts generateEvent(const std::string& path, const GenerateOptions& options);

} // namespace atelier
