#pragma once
// The written rules of a merge, applied entry by entry in replay order (causality.hpp). Every
// pair of concurrent changes that can touch the same rows falls under one of them:
//
// 1. Same column of one row changed concurrently (two edits of a note's text, two moves):
//    the change later in replay order wins; the other value is named in the report.
//    Different columns of one row: both kept.
// 2. Edit / delete, and delete / add-child (a note added to a deleted team, a dot cast on a
//    deleted note, a note moved into a dissolved regroupement, an idea selected or a
//    prototype based on a deleted note, feedback on a deleted prototype…): a row deleted
//    concurrently with work that changed it or built on it comes back, with what its delete
//    took along (its notes, its dots, the notes it grouped), and the report says so. A delete
//    made after seeing that work stands, and the report names what it took.
// 3. Dots are counts: concurrent casts and withdrawals of one member's dots on one target
//    add up (two laptops each adding a dot give two). A dot follows its note or regroupement;
//    it is given back only when its target is really gone, and the report says so.
// 4. Rules copies break together (dots over a budget, two open rounds, two défis numbered 15…):
//    after each entry, the one validation (core/rules/) checks the rows it touched, and each
//    offence is repaired by its written rule (joint_repairs.hpp), reported.
// 5. A change the database still refuses is left out for that row and reported; nothing a
//    concurrent change can do stops the merge.
#include "sync/journal.hpp"
#include "sync/merge.hpp"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace atelier {

class Store;

class ReplayRules {
public:
    // `entries`: every entry in replay order (the common prefix, then what is replayed).
    ReplayRules(Store& store, const std::vector<const JournalEntry*>& entries, MergeReport& report);
    ~ReplayRules();
    ReplayRules(const ReplayRules&) = delete;
    ReplayRules& operator=(const ReplayRules&) = delete;

    // Applies entry `index` by the rules above, then repairs what it left dangling. `site`: the
    // entry was made for another event, whose new défis, teams, slots and timers are marked so.
    // `incoming`: new to this file (its deletes are reported).
    void apply(std::size_t index, Id site, bool incoming);
    // What entry `index` did here, once applied: a later entry that takes back its delete
    // restores only what it really removed in this file.
    void recordEffect(std::size_t index, const Changeset& effect);

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

} // namespace atelier
