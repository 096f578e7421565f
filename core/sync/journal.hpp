#pragma once
// The journal: every committed change of an event file, in time order. Each action, undo and
// redo appends one entry inside its own transaction, so the journal is exactly the file's
// history since it was created. Merging two copies exchanges the entries one lacks.
#include "sync/causality.hpp"
#include "sync/changeset.hpp"
#include "model/model.hpp"

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace atelier {

class Store;

struct JournalEntry {
    Id id;
    Millis at = 0;  // commit time, UTC; strictly increasing within one file
    Id origin;      // the copy it was made on
    std::string description;
    Changeset changes;                // as recorded by its action: what travels
    std::optional<Changeset> effect;  // what it did here, when a merge replay changed it
    Id event;                         // the event it was made for (0 on append: this file's own)
    std::int64_t seq = 0;             // its number among its origin's entries (1, 2, …)
    std::optional<VersionVector> seen; // what its file held when it was made (causality.hpp); none: older than schema 6
    std::int64_t checksum = 0;        // over what it claims (entry_checksum.hpp)
    bool checksumNull = false;        // read from a file: no checksum at all
    const Changeset& effective() const { return effect ? *effect : changes; }
};

// The checksum the entry's fields call for.
std::int64_t computeChecksum(const JournalEntry& entry);

// Entries sort by (at, id): the one order every copy agrees on.
inline bool entryBefore(const JournalEntry& a, const JournalEntry& b) {
    return a.at != b.at ? a.at < b.at : a.id < b.id;
}

class Journal {
public:
    explicit Journal(Store& store);

    // The next entry's time: now, or just after the newest entry when the clock is behind it,
    // so a file's own entries are always in time order.
    Millis nextTime(Millis now);
    // A new entry of this file: the next seq of its origin, the file's version vector, checksummed.
    JournalEntry makeLocal(Millis at, std::string description, Changeset changes);
    // Appends inside the caller's transaction (an entry made here or received from a copy,
    // its seq, version vector and checksum as they came).
    void append(const JournalEntry& entry);
    // What this file holds: per origin, the highest seq.
    const VersionVector& held() const { return m_held; }
    // Whether the replica row's count and sum of checksums match the journal (not wiped or cut).
    bool countsMatch();
    void setEffect(Id entryId, const std::optional<Changeset>& effect);

    Id origin() const { return m_origin; }
    Id event() const { return m_event; } // this file's own event
    std::vector<JournalEntry> all();                         // in time order
    std::vector<JournalEntry> after(const JournalEntry& key); // entries sorting after key, in time order
    std::unordered_set<Id> ids();
    std::size_t size();

private:
    Store& m_store;
    Id m_origin;
    Id m_event;
    Millis m_lastAt = 0;
    VersionVector m_held;
};

} // namespace atelier
