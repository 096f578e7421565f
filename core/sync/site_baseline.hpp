#pragma once
// A site's rows that its journal does not explain. Merging another event (a site) into a
// national review file replays that site's journal; but some rows were written before or
// outside any journal entry — the event row itself, made when the file was created, and the
// rows of files written in bulk (`atelier generate`) or before the journal existed. The
// baseline is one synthetic journal entry inserting them, dated just before the event was
// created, with an id derived from the event's: every copy of a site gives the same entry,
// so consolidating two laptops of one site brings it once.
#include "sync/journal.hpp"

#include <optional>

namespace atelier {

class Store;

// The baseline entry of `site`'s own event, given its journal; none when the journal explains
// every row. `site` must be at the current schema version.
std::optional<JournalEntry> siteBaseline(Store& site, const std::vector<JournalEntry>& journal);

} // namespace atelier
