#include "sync/site_baseline.hpp"

#include "sync/changeset_walk.hpp"
#include "model/language.hpp"
#include "storage/schema.hpp"
#include "io/search.hpp"
#include "storage/store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <set>
#include <utility>

namespace atelier {

namespace {

using RowKey = std::pair<std::string, std::int64_t>;

// Every (table, id) an INSERT of the journal wrote, as recorded or as replayed here.
void collectInserts(const Changeset& changes, std::set<RowKey>& out) {
    walkChanges(changes, [&](const ChangeStep& step) {
        if (std::int64_t id = insertedId(step)) out.emplace(step.table, id);
    });
}

// A stable 63-bit id from the event's (splitmix64), never 0 and never the event's own.
Id baselineIdOf(Id event) {
    std::uint64_t z = static_cast<std::uint64_t>(event.value) + 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    auto value = static_cast<std::int64_t>(z & 0x7FFFFFFFFFFFFFFFull);
    if (value == 0 || value == event.value) value ^= 1;
    return Id{value};
}

} // namespace

std::optional<JournalEntry> siteBaseline(Store& site, const std::vector<JournalEntry>& journal) {
    std::set<RowKey> journaled;
    for (const auto& entry : journal) {
        collectInserts(entry.changes, journaled);
        if (entry.effect) collectInserts(*entry.effect, journaled);
    }
    SQLite::Database& from = site.db();
    Id event = ownEventId(from);

    // The rows are copied into an empty event database in memory, recorded as a changeset.
    SQLite::Database scratch(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    registerSearchFunctions(scratch.getHandle());
    for (const auto& migration : migrations()) scratch.exec(migration.sql);
    ChangeRecorder recorder(scratch.getHandle(), contentTables());
    std::size_t copied = 0;
    for (const auto& table : contentTables()) {
        SQLite::Statement read(from, "SELECT * FROM \"" + table + "\"");
        std::string insertSql;
        std::unique_ptr<SQLite::Statement> write;
        while (read.executeStep()) {
            std::int64_t id = read.getColumn(0).getInt64();
            if (journaled.count({table, id})) continue;
            if (!write) {
                insertSql = "INSERT INTO \"" + table + "\" VALUES(";
                for (int c = 0; c < read.getColumnCount(); ++c) insertSql += c ? ",?" : "?";
                insertSql += ")";
                write = std::make_unique<SQLite::Statement>(scratch, insertSql);
            }
            write->reset();
            for (int c = 0; c < read.getColumnCount(); ++c) {
                SQLite::Column v = read.getColumn(c);
                if (v.isNull()) write->bind(c + 1);
                else if (v.isInteger()) write->bind(c + 1, v.getInt64());
                else if (v.isFloat()) write->bind(c + 1, v.getDouble());
                else if (v.isBlob()) write->bind(c + 1, v.getBlob(), v.getBytes());
                else write->bind(c + 1, v.getString());
            }
            write->exec();
            ++copied;
        }
    }
    if (copied == 0) return std::nullopt;

    SQLite::Statement info(from, "SELECT name, created_at FROM event WHERE id = ?");
    info.bind(1, event.value);
    std::string name;
    Millis createdAt = 0;
    if (info.executeStep()) {
        name = info.getColumn(0).getString();
        createdAt = info.getColumn(1).getInt64();
    }
    JournalEntry entry;
    entry.id = baselineIdOf(event);
    entry.at = createdAt - 1; // before anything the site's journal holds
    entry.origin = event;
    entry.description = trf("Contenu initial du site « {} »", "Initial content of the site \"{}\"", name);
    entry.changes = recorder.take();
    entry.event = event;
    return entry;
}

} // namespace atelier
