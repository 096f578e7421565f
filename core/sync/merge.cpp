#include "sync/merge.hpp"

#include "model/errors.hpp"
#include "model/language.hpp"
#include "storage/disk_messages.hpp"
#include "storage/schema.hpp"
#include "storage/store.hpp"
#include "sync/merge_rules.hpp"
#include "sync/replica.hpp"
#include "sync/site_baseline.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

namespace atelier {

std::size_t MergeReport::count(ConflictKind kind) const {
    return static_cast<std::size_t>(
        std::count_if(conflicts.begin(), conflicts.end(), [&](const MergeConflict& c) { return c.kind == kind; }));
}

namespace {

int abortOnConflict(void*, int, sqlite3_changeset_iter*) { return SQLITE_CHANGESET_ABORT; }

// One copy, read and checked before anything is written.
struct CopyRead {
    std::string path;
    std::string label;
    Id event;
    std::string eventName;
    std::vector<JournalEntry> entries;
};

[[noreturn]] void refuse(const std::string& path, const std::string& whatFr, const std::string& whatEn) {
    throw FileError(trf("« {} » n'a pas été fusionné : {}. Rien n'a été fusionné ; refaites une copie depuis un fichier sain "
                        "ou retirez celle-ci de la commande.",
                        "\"{}\" was not merged: {}. Nothing was merged; make the copy again from a sound file or leave "
                        "this one out of the command.",
                        path, messageLanguage() == Language::French ? whatFr : whatEn));
}

bool hasTable(SQLite::Database& db, const char* table) {
    SQLite::Statement st(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
    st.bind(1, table);
    return st.executeStep();
}

// Opens a copy to read. One from an older Atelier is upgraded in a scratch file first:
// the copy itself is never written.
std::unique_ptr<Store> openCopy(const std::string& path, std::string& scratch) {
    try {
        return Store::open(path, OpenMode::ReadOnly);
    } catch (const FileError&) {
        int version = 0;
        try {
            SQLite::Database raw(path, SQLite::OPEN_READONLY);
            version = raw.execAndGet("PRAGMA user_version").getInt();
            if (version >= 1 && version < currentSchemaVersion()) {
                scratch = (std::filesystem::temp_directory_path() / ("atelier-merge-" + newId().str() + ".db")).string();
                SQLite::Statement st(raw, "VACUUM INTO ?");
                st.bind(1, scratch);
                st.exec();
            }
        } catch (const SQLite::Exception&) {
            version = 0;
        }
        if (scratch.empty()) throw;
        return Store::open(scratch, OpenMode::ReadWrite); // migrates the scratch copy
    }
}

CopyRead readCopy(Store& into, const std::string& path, Id intoEvent, bool intoIsReview) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::equivalent(into.path(), path, ec))
        throw FileError(trf("« {} » est le fichier ouvert lui-même : choisissez le fichier d'une autre copie.",
                            "\"{}\" is the open file itself: choose another copy's file.", path));
    if (!fs::exists(path, ec))
        throw FileError(trf("« {} » n'existe pas : rien n'a été fusionné. Vérifiez le chemin de la copie.",
                            "\"{}\" does not exist: nothing was merged. Check the copy's path.", path));
    std::string scratch;
    CopyRead copy;
    copy.path = path;
    try {
        auto from = openCopy(path, scratch);
        SQLite::Database& db = from->db();
        if (!hasTable(db, "journal")) refuse(path, "il n'a pas de journal des modifications", "it has no journal of changes");
        if (!hasTable(db, "replica") || !db.execAndGet("SELECT count(*) FROM replica WHERE id = 1").getInt())
            refuse(path, "il lui manque la ligne qui dit de quelle copie il s'agit (table replica)",
                   "it lacks the row saying which copy it is (table replica)");
        Journal journal(*from);
        copy.event = journal.event();
        copy.label = db.execAndGet("SELECT label FROM replica WHERE id = 1").getString();
        if (copy.label.empty()) copy.label = fs::path(path).filename().string();
        copy.entries = journal.all();
        for (const auto& e : copy.entries) {
            if (e.checksumNull || e.checksum != computeChecksum(e))
                refuse(path,
                       trf("l'entrée « {} » de son journal ne correspond plus à ce qu'elle dit (modifiée à la main ?)",
                           "the entry \"{}\" of its journal no longer matches what it says (edited by hand?)", e.description),
                       trf("the entry \"{}\" of its journal no longer matches what it says (edited by hand?)",
                           "the entry \"{}\" of its journal no longer matches what it says (edited by hand?)", e.description));
            if (e.seq < 0 || (e.seen && e.seen->count(-1)))
                refuse(path, "une entrée de son journal est illisible", "an entry of its journal cannot be read");
        }
        if (!journal.countsMatch())
            refuse(path, "son journal a été vidé ou raccourci (il ne compte plus les modifications qu'il devrait)",
                   "its journal was emptied or cut short (it no longer holds the changes it should)");
        if (copy.event != intoEvent) {
            copy.eventName = db.execAndGet("SELECT name FROM event WHERE id = " + std::to_string(copy.event.value)).getString();
            if (!intoIsReview)
                throw FileError(trf("« {} » est un autre événement (« {} ») : on ne fusionne que des copies d'un même événement. "
                                    "Pour réunir les sites de plusieurs événements, créez un fichier de revue "
                                    "(atelier new revue.db --review --name \"Revue nationale\") et fusionnez-y le fichier de chaque site. "
                                    "Rien n'a été fusionné.",
                                    "\"{}\" is another event (\"{}\"): only copies of one event can be merged. To gather "
                                    "the sites of several events, create a review file (atelier new review.db --review --name "
                                    "\"National review\") and merge each site's file into it. Nothing was merged.",
                                    path, copy.eventName));
            if (auto baseline = siteBaseline(*from, copy.entries)) copy.entries.push_back(std::move(*baseline));
        }
    } catch (...) {
        if (!scratch.empty())
            for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(scratch + suffix, ec);
        throw;
    }
    if (!scratch.empty())
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(scratch + suffix, ec);
    return copy;
}

// A delete replayed, then taken back by a later change in the same merge (the team deleted on
// the organisers' file, its laptop's notes replayed after): the row is there at the end, so
// « a été supprimé » would contradict the line saying it is back. Such a removal goes, with the
// line of its row coming back along with its parent. Dots are counts the report must add up:
// a removal of dots goes only with a line giving the same dots back.
void dropUndoneRemovals(Store& into, MergeReport& report) {
    std::map<std::pair<std::string, std::int64_t>, bool> present;
    auto isThere = [&](const MergeConflict& c) {
        auto key = std::make_pair(c.table, c.row.value);
        auto it = present.find(key);
        if (it != present.end()) return it->second;
        SQLite::Statement st(into.db(), "SELECT 1 FROM \"" + c.table + "\" WHERE id = ?");
        st.bind(1, c.row.value);
        return present[key] = st.executeStep();
    };
    std::vector<bool> drop(report.conflicts.size(), false);
    for (std::size_t i = 0; i < report.conflicts.size(); ++i) {
        const MergeConflict& removal = report.conflicts[i];
        if (removal.kind != ConflictKind::Removed || !isThere(removal)) continue;
        std::optional<std::size_t> back; // the line saying it came back with its parent
        for (std::size_t j = 0; j < report.conflicts.size() && !back; ++j) {
            const MergeConflict& c = report.conflicts[j];
            if (!drop[j] && j != i && c.kind == ConflictKind::Restored && c.table == removal.table && c.row == removal.row &&
                c.dots == -removal.dots)
                back = j;
        }
        if (removal.dots != 0 && !back) continue;
        drop[i] = true;
        if (back) drop[*back] = true;
    }
    std::vector<MergeConflict> kept;
    for (std::size_t i = 0; i < report.conflicts.size(); ++i)
        if (!drop[i]) kept.push_back(std::move(report.conflicts[i]));
    report.conflicts = std::move(kept);
}

} // namespace

MergeReport mergeEventFiles(Store& into, const std::string& fromPath) {
    return mergeEventFiles(into, std::vector<std::string>{fromPath});
}

MergeReport mergeEventFiles(Store& into, const std::vector<std::string>& fromPaths) {
    MergeReport report;
    Journal intoJournal(into);
    Id intoEvent = intoJournal.event();
    bool review = isReviewFile(into);

    // Every copy is read and checked first: a refused one stops the command before any write.
    std::vector<CopyRead> copies;
    for (const auto& path : fromPaths) copies.push_back(readCopy(into, path, intoEvent, review));

    auto known = intoJournal.ids();
    std::vector<JournalEntry> incoming;
    std::unordered_set<Id> incomingIds;
    for (auto& copy : copies) {
        report.copies.push_back(copy.label);
        if (copy.event != intoEvent) {
            report.site = copy.eventName;
            report.sites.push_back(copy.eventName);
        }
        for (auto& entry : copy.entries) {
            if (known.count(entry.id)) ++report.knownEntries;
            else if (incomingIds.insert(entry.id).second) incoming.push_back(std::move(entry));
        }
    }
    copies.clear();
    report.newEntries = incoming.size();
    if (incoming.empty()) return report;

    // Replay order of what INTO holds, and of everything together: INTO's entries from the
    // first place the two differ are rewound, then everything from there is replayed.
    std::vector<JournalEntry> history = intoJournal.all();
    std::sort(history.begin(), history.end(), replayBefore);
    std::vector<const JournalEntry*> all;
    all.reserve(history.size() + incoming.size());
    for (const auto& e : history) all.push_back(&e);
    for (const auto& e : incoming) all.push_back(&e);
    std::sort(all.begin(), all.end(), [](const JournalEntry* a, const JournalEntry* b) { return replayBefore(*a, *b); });
    std::size_t common = 0;
    while (common < history.size() && all[common] == &history[common]) ++common;
    report.replayedEntries = history.size() - common;

    sqlite3* db = into.db().getHandle();
    // Changesets carry the rows their cascades touched: apply them with foreign keys off.
    into.db().exec("PRAGMA foreign_keys=OFF");
    try {
        into.db().exec("BEGIN IMMEDIATE");
        try {
            for (std::size_t i = history.size(); i-- > common;) {
                Changeset undo = history[i].effective().inverted();
                if (undo.empty()) continue;
                int rc = sqlite3changeset_apply(db, static_cast<int>(undo.bytes().size()), const_cast<char*>(undo.bytes().data()),
                                                nullptr, abortOnConflict, nullptr);
                if (rc != SQLITE_OK)
                    throw StorageError(trf("La fusion n'a pas pu remonter le journal de ce fichier (« {} »). Rien n'a été modifié.",
                                           "The merge could not rewind this file's journal (\"{}\"). Nothing was changed.",
                                           history[i].description));
            }
            ReplayRules rules(into, all, report);
            for (std::size_t i = common; i < all.size(); ++i) {
                const JournalEntry& entry = *all[i];
                bool isNew = incomingIds.count(entry.id) > 0;
                Changeset effect;
                {
                    ChangeRecorder recorder(db, contentTables());
                    rules.apply(i, entry.event != intoEvent ? entry.event : Id{}, isNew);
                    effect = recorder.take();
                }
                rules.recordEffect(i, effect);
                std::optional<Changeset> stored;
                if (effect.bytes() != entry.changes.bytes()) stored = effect;
                if (isNew) {
                    JournalEntry copy = entry;
                    copy.effect = stored;
                    intoJournal.append(copy);
                } else {
                    intoJournal.setEffect(entry.id, stored);
                }
            }
            dropUndoneRemovals(into, report);
            if (!report.sites.empty()) into.db().exec("UPDATE replica SET review = 1 WHERE id = 1");
            into.db().exec("COMMIT");
        } catch (...) {
            into.db().tryExec("ROLLBACK");
            throw;
        }
    } catch (const SQLite::Exception& e) {
        into.db().tryExec("PRAGMA foreign_keys=ON");
        if (auto problem = diskProblemOf(e.getExtendedErrorCode(), into.path())) // the same words as every command
            throw StorageError(diskMessage(*problem, {}, e.what(), Unsaved::Merge));
        throw StorageError(trf("La fusion a échoué ({}) : le fichier est inchangé.", "The merge failed ({}): the file is unchanged.",
                               e.what()));
    } catch (...) {
        into.db().tryExec("PRAGMA foreign_keys=ON");
        throw;
    }
    into.db().exec("PRAGMA foreign_keys=ON");
    return report;
}

} // namespace atelier
