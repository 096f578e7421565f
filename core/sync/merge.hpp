#pragma once
// Merging copies of one event. Each copy journals every change it commits (journal.hpp), with
// the version vector of what it had received (causality.hpp). A merge brings into INTO the
// entries the copies have and INTO lacks, then puts INTO in the state of all its entries
// replayed in replay order — every entry after all those it had seen, concurrent ones in an
// order that depends on no clock: it rewinds INTO's own entries from the first place where
// that order changes, and replays old and new together by the written rules (merge_rules.hpp),
// then repairs what copies broke together (joint_repairs.hpp). Any two files holding the same
// entries therefore hold the same content, whatever order or direction the merges took;
// merging the same file twice adds nothing.
//
// Sites. The same merge consolidates the files of several events (the sites of a national
// programme) into one national review file: a file made with `atelier new --review` (or one
// that already held sites), which then holds each site's event row, and its défis, teams,
// slots and timers marked with their site (event_id). A site's journal entries say which
// event they were made for, so the marks survive rewinds, replays and further merges; the
// rows a site's journal does not explain (its event row, bulk-written rows) arrive through one
// synthetic entry (site_baseline.hpp). Any order of sites, or of a site's laptops, gives the
// same file.
#include "sync/journal.hpp"
#include "model/model.hpp"

#include <string>
#include <vector>

namespace atelier {

class Store;

// What a merge rule did to one row, for the report (merge_rules.hpp gives the rules).
enum class ConflictKind {
    LaterWins,   // the same field changed on two copies at once: one value kept, the other named
    Kept,        // deleted on one copy, changed on another at the same time: kept
    BroughtBack, // deleted on one copy while work on another built on it: brought back
    Restored,    // taken along by a delete that was undone by the rules above: back with it
    DotsReturned, // dots given back: their note or regroupement is really gone
    Removed,     // deleted on a copy that had seen it: the delete stands
    Refused,     // a change the database refused, left out for that row
    Repaired,    // a rule the copies broke together, repaired (joint_repairs.hpp)
    Overdrawn,   // the same dots withdrawn on two copies at once: withdrawn once (dots < 0: not taken off)
};

struct MergeConflict {
    std::string table;
    Id row;
    std::string what; // one sentence for a facilitator, naming the thing by its words
    ConflictKind kind = ConflictKind::LaterWins;
    int dots = 0;          // dots this rule gave back (negative: dots it brought back)
    bool alongWith = false; // Removed or Restored with another row (a note with its team)
};

struct MergeReport {
    std::size_t newEntries = 0;     // changes brought in from the copies
    std::size_t knownEntries = 0;   // changes of the copies that INTO already had
    std::size_t replayedEntries = 0; // INTO's own changes rewound and replayed in replay order
    std::vector<std::string> copies; // each copy merged, by its label or file name
    std::string site;                // the last copy's event name when it is another event (a site)
    std::vector<std::string> sites;  // every site merged
    std::vector<MergeConflict> conflicts;
    std::size_t count(ConflictKind kind) const;
};

// Brings the new changes of every copy in `fromPaths` into `into`, in one transaction: on any
// failure (a killed process, a full disk, a damaged copy) INTO is left as it was. Every copy
// is read and checked before anything is written: a copy from a newer Atelier, damaged (a
// journal entry that fails its checksum, no journal, no replica row, a journal cut short), or
// of another event while INTO is not a review file, is refused by name and nothing is merged.
MergeReport mergeEventFiles(Store& into, const std::vector<std::string>& fromPaths);
MergeReport mergeEventFiles(Store& into, const std::string& fromPath);

} // namespace atelier
