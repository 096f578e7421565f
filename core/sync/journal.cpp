#include "sync/journal.hpp"

#include "storage/store.hpp"
#include "sync/entry_checksum.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace atelier {

namespace {

std::string blobOf(const SQLite::Column& c) {
    return std::string(static_cast<const char*>(c.getBlob()), static_cast<std::size_t>(c.getBytes()));
}

JournalEntry readEntry(SQLite::Statement& st) {
    JournalEntry e;
    e.id = Id{st.getColumn(0).getInt64()};
    e.at = st.getColumn(1).getInt64();
    e.origin = Id{st.getColumn(2).getInt64()};
    e.description = st.getColumn(3).getString();
    e.changes = Changeset(blobOf(st.getColumn(4)));
    if (!st.getColumn(5).isNull()) e.effect = Changeset(blobOf(st.getColumn(5)));
    e.event = Id{st.getColumn(6).getInt64()};
    e.seq = st.getColumn(7).getInt64();
    if (!st.getColumn(8).isNull()) {
        // An unreadable vector is kept as an empty one: the checksum, over the text, refuses it.
        e.seen = parseVersionVector(st.getColumn(8).getString()).value_or(VersionVector{{-1, -1}});
    }
    e.checksumNull = st.getColumn(9).isNull();
    e.checksum = st.getColumn(9).getInt64();
    if (st.getColumn(4).isNull()) e.checksumNull = true; // a payload set to NULL: damaged
    return e;
}

constexpr const char* kColumns = "SELECT id, at, origin, description, changes, effect, event_id, seq, seen, checksum FROM journal";

} // namespace

Journal::Journal(Store& store) : m_store(store) {
    auto& db = store.db();
    m_origin = Id{db.execAndGet("SELECT origin FROM replica WHERE id = 1").getInt64()};
    m_event = ownEventId(db);
    m_lastAt = db.execAndGet("SELECT coalesce(max(at), 0) FROM journal").getInt64();
    SQLite::Statement st(db, "SELECT origin, max(seq) FROM journal GROUP BY origin");
    while (st.executeStep())
        if (st.getColumn(1).getInt64() > 0) m_held[st.getColumn(0).getInt64()] = st.getColumn(1).getInt64();
}

std::int64_t computeChecksum(const JournalEntry& e) {
    std::string seen = e.seen ? formatVersionVector(*e.seen) : std::string();
    EntryFields f;
    f.id = e.id.value;
    f.at = e.at;
    f.origin = e.origin.value;
    f.event = e.event.value;
    f.seq = e.seq;
    f.seenNull = !e.seen;
    f.seen = seen;
    f.description = e.description;
    f.changes = e.changes.bytes();
    return entryChecksum(f);
}

JournalEntry Journal::makeLocal(Millis at, std::string description, Changeset changes) {
    JournalEntry e;
    e.id = newId();
    e.at = at;
    e.origin = m_origin;
    e.description = std::move(description);
    e.changes = std::move(changes);
    e.event = m_event;
    auto own = m_held.find(m_origin.value);
    e.seq = (own == m_held.end() ? 0 : own->second) + 1;
    e.seen = m_held;
    e.checksum = computeChecksum(e);
    return e;
}

bool Journal::countsMatch() {
    auto& db = m_store.db();
    SQLite::Statement st(db, "SELECT journal_count, journal_sum FROM replica WHERE id = 1");
    if (!st.executeStep()) return false;
    std::int64_t count = st.getColumn(0).getInt64(), sum = st.getColumn(1).getInt64();
    SQLite::Statement actual(db, "SELECT count(*), coalesce(sum(checksum), 0) FROM journal");
    actual.executeStep();
    return actual.getColumn(0).getInt64() == count && actual.getColumn(1).getInt64() == sum;
}

Millis Journal::nextTime(Millis now) { return std::max(now, m_lastAt + 1); }

void Journal::append(const JournalEntry& entry) {
    SQLite::Statement& st = m_store.statement(
        "INSERT INTO journal(id, at, origin, description, changes, effect, event_id, seq, seen, checksum) VALUES(?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, entry.id.value);
    st.bind(2, entry.at);
    st.bind(3, entry.origin.value);
    st.bind(4, entry.description);
    st.bind(5, entry.changes.bytes().data(), static_cast<int>(entry.changes.bytes().size()));
    if (entry.effect) st.bind(6, entry.effect->bytes().data(), static_cast<int>(entry.effect->bytes().size()));
    else st.bind(6);
    st.bind(7, (entry.event ? entry.event : m_event).value);
    st.bind(8, entry.seq);
    if (entry.seen) st.bind(9, formatVersionVector(*entry.seen));
    else st.bind(9);
    st.bind(10, entry.checksum);
    st.exec();
    SQLite::Statement& counts =
        m_store.statement("UPDATE replica SET journal_count = journal_count + 1, journal_sum = journal_sum + ? WHERE id = 1");
    counts.bind(1, entry.checksum);
    counts.exec();
    m_lastAt = std::max(m_lastAt, entry.at);
    if (entry.seq > 0) {
        std::int64_t& held = m_held[entry.origin.value];
        held = std::max(held, entry.seq);
    }
}

void Journal::setEffect(Id entryId, const std::optional<Changeset>& effect) {
    SQLite::Statement& st = m_store.statement("UPDATE journal SET effect = ? WHERE id = ?");
    if (effect) st.bind(1, effect->bytes().data(), static_cast<int>(effect->bytes().size()));
    else st.bind(1);
    st.bind(2, entryId.value);
    st.exec();
}

std::vector<JournalEntry> Journal::all() {
    std::vector<JournalEntry> out;
    SQLite::Statement st(m_store.db(), std::string(kColumns) + " ORDER BY at, id");
    while (st.executeStep()) out.push_back(readEntry(st));
    return out;
}

std::vector<JournalEntry> Journal::after(const JournalEntry& key) {
    std::vector<JournalEntry> out;
    SQLite::Statement st(m_store.db(), std::string(kColumns) + " WHERE at > ?1 OR (at = ?1 AND id > ?2) ORDER BY at, id");
    st.bind(1, key.at);
    st.bind(2, key.id.value);
    while (st.executeStep()) out.push_back(readEntry(st));
    return out;
}

std::unordered_set<Id> Journal::ids() {
    std::unordered_set<Id> out;
    SQLite::Statement st(m_store.db(), "SELECT id FROM journal");
    while (st.executeStep()) out.insert(Id{st.getColumn(0).getInt64()});
    return out;
}

std::size_t Journal::size() {
    return static_cast<std::size_t>(m_store.db().execAndGet("SELECT count(*) FROM journal").getInt64());
}

} // namespace atelier
