#pragma once
// Which changes are concurrent, decided from what each file had received, never from clocks.
// Every journal entry records the version vector of the file that made it: for each origin
// (copy), how many of its entries that file held. Entry A happened before B when B's file
// held A (B.seen[A.origin] >= A.seq); two entries neither of which happened before the other
// are concurrent. Entries made before version vectors existed (schema 5 and older) have none:
// among themselves they keep their old time order, and none of them saw a newer entry.
#include "model/id.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace atelier {

struct JournalEntry;

// origin -> highest seq of that origin held (a file holds every entry below it too).
using VersionVector = std::map<std::int64_t, std::int64_t>;

std::string formatVersionVector(const VersionVector& seen);
// Throws nothing: an unreadable vector reads as nullopt (the entry's checksum refuses it).
std::optional<VersionVector> parseVersionVector(const std::string& text);

// True when `later`'s file had received `earlier` when it made `later`.
bool happenedBefore(const JournalEntry& earlier, const JournalEntry& later);
inline bool concurrent(const JournalEntry& a, const JournalEntry& b) { return !happenedBefore(a, b) && !happenedBefore(b, a); }

// The order in which a merge replays entries: every entry after all the entries it had seen;
// concurrent entries by how much their file had seen, then by id (random, so no copy is
// favoured). The same set of entries always gives the same order, whatever the clocks said.
bool replayBefore(const JournalEntry& a, const JournalEntry& b);

} // namespace atelier
