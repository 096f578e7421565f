#pragma once
// The checksum of a journal entry over everything it claims: a copy whose journal was edited
// by hand (a payload emptied, an id changed) no longer matches and is refused by a merge.
#include <cstdint>
#include <string_view>

struct sqlite3;

namespace atelier {

struct EntryFields {
    std::int64_t id = 0, at = 0, origin = 0, event = 0, seq = 0;
    std::string_view seen, description, changes;
    bool seenNull = true;
};

// 32 bits, so that a file's sum of all its entries' checksums fits in an integer column.
std::int64_t entryChecksum(const EntryFields& entry);

// Checksums the entries that have none (those of a file from before schema 6) and sets the
// replica row's count and sum: the second half of migration 6, in its transaction.
void checksumJournal(sqlite3* db);

} // namespace atelier
