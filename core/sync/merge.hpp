#pragma once
// Merging copies of one event. Each copy journals every change it commits (journal.hpp). A
// merge brings into INTO the entries FROM has and INTO lacks, then puts INTO in the state of
// all its entries replayed in time order (at, id): it rewinds INTO's own entries made after
// the earliest new one, and replays old and new together. Any two files holding the same
// entries therefore hold the same content, whatever order the merges happened in; merging the
// same file twice adds nothing; and files can be merged in both directions.
//
// Conflicts, resolved in that time order and each listed in the report:
// - the same column of a row changed on two copies: the later change wins;
//   different columns of one row changed on two copies: both changes are kept;
// - a row deleted on one copy and changed on another: the change wins, the row is kept;
// - a row still referred to by something added or kept on another copy (a note on a team
//   deleted elsewhere): the row it refers to is brought back.
// Votes are rows of their own: each arrives once, never counted twice.
//
// Sites. The same merge consolidates the files of several events (the sites of a national
// programme) into one national review file: an event file with no défi or team of its own
// (`atelier new`), which then holds each site's event row, and its défis, teams, slots and
// timers marked with their site (event_id). A site's journal entries say which event they
// were made for, so the marks survive rewinds, replays and further merges; the rows a site's
// journal does not explain (its event row, bulk-written rows) arrive through one synthetic
// entry (site_baseline.hpp). Any order of sites, or of a site's laptops, gives the same file.
#include "sync/journal.hpp"
#include "model/model.hpp"

#include <string>
#include <vector>

namespace atelier {

class Store;

struct MergeConflict {
    std::string table;
    Id row;
    std::string what; // what happened and which rule decided
};

struct MergeReport {
    std::size_t newEntries = 0;     // changes brought in from FROM
    std::size_t knownEntries = 0;   // changes of FROM that INTO already had
    std::size_t replayedEntries = 0; // INTO's own changes rewound and replayed in time order
    std::string site;                // FROM's event name when it is another event (a site)
    std::vector<MergeConflict> conflicts;
};

// Brings FROM's new changes into `into`, in one transaction: on any failure (a killed process,
// a full disk) INTO is left as it was. Throws FileError when FROM comes from a newer Atelier
// or is damaged, or is another event while INTO has défis or teams of its own (only a
// national review file takes sites).
MergeReport mergeEventFiles(Store& into, const std::string& fromPath);

} // namespace atelier
