#include "sync/journal.hpp"

#include "storage/store.hpp"

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
    return e;
}

constexpr const char* kColumns = "SELECT id, at, origin, description, changes, effect, event_id FROM journal";

} // namespace

Journal::Journal(Store& store) : m_store(store) {
    auto& db = store.db();
    m_origin = Id{db.execAndGet("SELECT origin FROM replica WHERE id = 1").getInt64()};
    m_event = ownEventId(db);
    m_lastAt = db.execAndGet("SELECT coalesce(max(at), 0) FROM journal").getInt64();
}

Millis Journal::nextTime(Millis now) { return std::max(now, m_lastAt + 1); }

void Journal::append(const JournalEntry& entry) {
    SQLite::Statement& st = m_store.statement("INSERT INTO journal(id, at, origin, description, changes, effect, event_id) VALUES(?,?,?,?,?,?,?)");
    st.bind(1, entry.id.value);
    st.bind(2, entry.at);
    st.bind(3, entry.origin.value);
    st.bind(4, entry.description);
    st.bind(5, entry.changes.bytes().data(), static_cast<int>(entry.changes.bytes().size()));
    if (entry.effect) st.bind(6, entry.effect->bytes().data(), static_cast<int>(entry.effect->bytes().size()));
    else st.bind(6);
    st.bind(7, (entry.event ? entry.event : m_event).value);
    st.exec();
    m_lastAt = std::max(m_lastAt, entry.at);
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
