#include "sync/changeset.hpp"

#include "model/errors.hpp"
#include "model/language.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <cstring>

namespace atelier {

namespace {

std::string takeBuffer(int size, void* buffer) {
    std::string out(static_cast<const char*>(buffer), static_cast<std::size_t>(size));
    sqlite3_free(buffer);
    return out;
}

int abortOnConflict(void*, int, sqlite3_changeset_iter*) { return SQLITE_CHANGESET_ABORT; }

} // namespace

Changeset Changeset::inverted() const {
    if (empty()) return {};
    int size = 0;
    void* buffer = nullptr;
    int rc = sqlite3changeset_invert(static_cast<int>(m_bytes.size()), const_cast<char*>(m_bytes.data()), &size, &buffer);
    if (rc != SQLITE_OK) throw StorageError(trf("Changeset illisible (code {}).", "Unreadable changeset (code {}).", rc));
    return Changeset(takeBuffer(size, buffer));
}

Changeset Changeset::concatenated(const Changeset& next) const {
    if (empty()) return next;
    if (next.empty()) return *this;
    int size = 0;
    void* buffer = nullptr;
    int rc = sqlite3changeset_concat(static_cast<int>(m_bytes.size()), const_cast<char*>(m_bytes.data()),
                                     static_cast<int>(next.m_bytes.size()), const_cast<char*>(next.m_bytes.data()), &size,
                                     &buffer);
    if (rc != SQLITE_OK) throw StorageError(trf("Changesets incompatibles (code {}).", "Incompatible changesets (code {}).", rc));
    return Changeset(takeBuffer(size, buffer));
}

void Changeset::applyTo(sqlite3* db) const {
    if (empty()) return;
    int rc = sqlite3changeset_apply(db, static_cast<int>(m_bytes.size()), const_cast<char*>(m_bytes.data()), nullptr,
                                    abortOnConflict, nullptr);
    if (rc == SQLITE_ABORT || rc == SQLITE_CONSTRAINT)
        throw ValidationError(tr("Impossible : ces éléments ont été modifiés depuis (par exemple un retour de visiteur ou un minuteur).",
                                 "Not possible: these items were changed since (for example a visitor's feedback or a timer)."));
    if (rc != SQLITE_OK)
        throw StorageError(trf("La modification n'a pas pu être appliquée ({}).", "The change could not be applied ({}).",
                               sqlite3_errstr(rc)));
}

void Changeset::forEachRow(const std::function<void(const std::string&, Id)>& visit) const {
    if (empty()) return;
    sqlite3_changeset_iter* iter = nullptr;
    if (sqlite3changeset_start(&iter, static_cast<int>(m_bytes.size()), const_cast<char*>(m_bytes.data())) != SQLITE_OK)
        throw StorageError(tr("Changeset illisible.", "Unreadable changeset."));
    while (sqlite3changeset_next(iter) == SQLITE_ROW) {
        const char* table = nullptr;
        int columnCount = 0, op = 0, indirect = 0;
        sqlite3changeset_op(iter, &table, &columnCount, &op, &indirect);
        sqlite3_value* key = nullptr;
        if (op == SQLITE_INSERT) sqlite3changeset_new(iter, 0, &key);
        else sqlite3changeset_old(iter, 0, &key);
        if (key) visit(table, Id{sqlite3_value_int64(key)});
    }
    sqlite3changeset_finalize(iter);
}

// ---- Recording ----
//
// The bytes are those sqlite3session_changeset() writes (see the format described in SQLite's
// sqlite3session.c): per table a header ('T', the column count as a varint, one byte per column
// giving its place in the primary key, the name and a NUL), then per row its operation, its
// indirect flag and its old and/or new record. A record holds one value per column: a type byte
// (0 undefined, then SQLITE_INTEGER, FLOAT, TEXT, BLOB, NULL) followed by 8 big-endian bytes for
// numbers, or a varint length and the bytes for text and blobs.

namespace {

void putVarint(std::string& out, std::uint64_t v) {
    unsigned char buffer[10];
    if (v & (static_cast<std::uint64_t>(0xff000000) << 32)) {
        buffer[8] = static_cast<unsigned char>(v);
        v >>= 8;
        for (int i = 7; i >= 0; --i) {
            buffer[i] = static_cast<unsigned char>((v & 0x7f) | 0x80);
            v >>= 7;
        }
        out.append(reinterpret_cast<const char*>(buffer), 9);
        return;
    }
    int n = 0;
    unsigned char reversed[10];
    do {
        reversed[n++] = static_cast<unsigned char>((v & 0x7f) | 0x80);
        v >>= 7;
    } while (v != 0);
    reversed[0] &= 0x7f;
    for (int i = 0; i < n; ++i) buffer[i] = reversed[n - 1 - i];
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
}

std::size_t getVarint(const unsigned char* p, std::uint64_t& v) {
    v = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        v = (v << 7) | (p[i] & 0x7f);
        if (!(p[i] & 0x80)) return i + 1;
    }
    v = (v << 8) | p[8];
    return 9;
}

void putNumber(std::string& out, int type, std::uint64_t bits) {
    out += static_cast<char>(type);
    for (int shift = 56; shift >= 0; shift -= 8) out += static_cast<char>((bits >> shift) & 0xff);
}

void putBytes(std::string& out, int type, const void* data, int size) {
    out += static_cast<char>(type);
    putVarint(out, static_cast<std::uint64_t>(size));
    if (size > 0) out.append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

// One value, as sessionSerializeValue() writes it; `value` null: undefined.
void putValue(std::string& out, sqlite3_value* value) {
    if (!value) {
        out += '\0';
        return;
    }
    int type = sqlite3_value_type(value);
    switch (type) {
    case SQLITE_INTEGER: putNumber(out, type, static_cast<std::uint64_t>(sqlite3_value_int64(value))); break;
    case SQLITE_FLOAT: {
        double d = sqlite3_value_double(value);
        std::uint64_t bits = 0;
        std::memcpy(&bits, &d, 8);
        putNumber(out, type, bits);
        break;
    }
    case SQLITE_TEXT: {
        const unsigned char* text = sqlite3_value_text(value);
        putBytes(out, type, text, sqlite3_value_bytes(value));
        break;
    }
    case SQLITE_BLOB: {
        const void* blob = sqlite3_value_blob(value);
        putBytes(out, type, blob, sqlite3_value_bytes(value));
        break;
    }
    default: out += static_cast<char>(SQLITE_NULL);
    }
}

// A column of a row just read, as sessionAppendCol() writes it.
void putColumn(std::string& out, sqlite3_stmt* st, int i) {
    int type = sqlite3_column_type(st, i);
    switch (type) {
    case SQLITE_INTEGER: putNumber(out, type, static_cast<std::uint64_t>(sqlite3_column_int64(st, i))); break;
    case SQLITE_FLOAT: {
        double d = sqlite3_column_double(st, i);
        std::uint64_t bits = 0;
        std::memcpy(&bits, &d, 8);
        putNumber(out, type, bits);
        break;
    }
    case SQLITE_TEXT: {
        const unsigned char* text = sqlite3_column_text(st, i);
        putBytes(out, type, text, sqlite3_column_bytes(st, i));
        break;
    }
    case SQLITE_BLOB: {
        const void* blob = sqlite3_column_blob(st, i);
        putBytes(out, type, blob, sqlite3_column_bytes(st, i));
        break;
    }
    default: out += static_cast<char>(SQLITE_NULL);
    }
}

// The length of the serialized value at `p`.
std::size_t valueSize(const unsigned char* p) {
    switch (p[0]) {
    case SQLITE_INTEGER:
    case SQLITE_FLOAT: return 9;
    case SQLITE_TEXT:
    case SQLITE_BLOB: {
        std::uint64_t n = 0;
        std::size_t header = 1 + getVarint(p + 1, n);
        return header + static_cast<std::size_t>(n);
    }
    default: return 1; // NULL, undefined
    }
}

std::uint64_t numberAt(const unsigned char* p) {
    std::uint64_t bits = 0;
    for (int i = 1; i <= 8; ++i) bits = (bits << 8) | p[i];
    return bits;
}

void bindValue(sqlite3_stmt* st, int index, const unsigned char* p) {
    switch (p[0]) {
    case SQLITE_INTEGER: sqlite3_bind_int64(st, index, static_cast<sqlite3_int64>(numberAt(p))); break;
    case SQLITE_FLOAT: {
        std::uint64_t bits = numberAt(p);
        double d = 0;
        std::memcpy(&d, &bits, 8);
        sqlite3_bind_double(st, index, d);
        break;
    }
    case SQLITE_TEXT:
    case SQLITE_BLOB: {
        std::uint64_t n = 0;
        std::size_t header = 1 + getVarint(p + 1, n);
        if (p[0] == SQLITE_TEXT)
            sqlite3_bind_text(st, index, reinterpret_cast<const char*>(p + header), static_cast<int>(n), SQLITE_STATIC);
        else sqlite3_bind_blob(st, index, p + header, static_cast<int>(n), SQLITE_STATIC);
        break;
    }
    default: sqlite3_bind_null(st, index);
    }
}

// Whether the serialized value at `p` equals column `i` of the row read, as
// sessionAppendUpdate() decides it.
bool sameValue(const unsigned char* p, sqlite3_stmt* st, int i) {
    int type = sqlite3_column_type(st, i);
    switch (p[0]) {
    case SQLITE_NULL: return type == SQLITE_NULL;
    case SQLITE_INTEGER: return type == SQLITE_INTEGER && static_cast<sqlite3_int64>(numberAt(p)) == sqlite3_column_int64(st, i);
    case SQLITE_FLOAT: {
        if (type != SQLITE_FLOAT) return false;
        std::uint64_t bits = numberAt(p);
        double d = 0;
        std::memcpy(&d, &bits, 8);
        return d == sqlite3_column_double(st, i);
    }
    case SQLITE_TEXT:
    case SQLITE_BLOB: {
        std::uint64_t n = 0;
        std::size_t header = 1 + getVarint(p + 1, n);
        if (type != p[0]) return false;
        const void* now = p[0] == SQLITE_TEXT ? static_cast<const void*>(sqlite3_column_text(st, i)) : sqlite3_column_blob(st, i);
        if (static_cast<std::uint64_t>(sqlite3_column_bytes(st, i)) != n) return false;
        return n == 0 || std::memcmp(p + header, now, static_cast<std::size_t>(n)) == 0;
    }
    default: return false;
    }
}

struct ResetAfter {
    explicit ResetAfter(sqlite3_stmt* statement) : st(statement) {}
    ~ResetAfter() { sqlite3_reset(st); }
    ResetAfter(const ResetAfter&) = delete;
    ResetAfter& operator=(const ResetAfter&) = delete;
    sqlite3_stmt* st;
};

std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

} // namespace

RecordedTables::RecordedTables(sqlite3* db, std::vector<std::string> tables) : m_db(db) {
    m_tables.reserve(tables.size());
    for (auto& name : tables) {
        m_tables.emplace_back();
        m_tables.back().name = std::move(name);
    }
}

RecordedTables::~RecordedTables() {
    for (auto& table : m_tables) sqlite3_finalize(table.read);
}

RecordedTables::Table* RecordedTables::find(const char* name) {
    for (auto& table : m_tables)
        if (sqlite3_stricmp(table.name.c_str(), name) == 0) return &table;
    return nullptr;
}

void RecordedTables::learn(Table& table) {
    sqlite3_stmt* info = nullptr;
    std::string sql = "PRAGMA main.table_info(" + quoted(table.name) + ")";
    if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &info, nullptr) != SQLITE_OK) {
        sqlite3_finalize(info);
        throw StorageError(trf("Impossible de lire la structure de la table {}.", "Cannot read the structure of table {}.", table.name));
    }
    // As the session reads a row: every column, the key's columns compared in column order.
    std::string where;
    table.primaryKey.clear();
    while (sqlite3_step(info) == SQLITE_ROW) {
        int place = sqlite3_column_int(info, 5);
        table.primaryKey += static_cast<char>(place);
        if (place) where += (where.empty() ? "" : " AND ") + quoted(reinterpret_cast<const char*>(sqlite3_column_text(info, 1))) + " IS ?";
    }
    sqlite3_finalize(info);
    if (where.empty())
        throw StorageError(trf("La table {} n'a pas de clé primaire : ses modifications ne peuvent pas être enregistrées.",
                               "Table {} has no primary key: its changes cannot be recorded.", table.name));
    sql = "SELECT * FROM main." + quoted(table.name) + " WHERE " + where;
    if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &table.read, nullptr) != SQLITE_OK) {
        sqlite3_finalize(table.read);
        table.read = nullptr;
        throw StorageError(trf("Impossible de lire la structure de la table {}.", "Cannot read the structure of table {}.", table.name));
    }
    table.columns = static_cast<int>(table.primaryKey.size());
    table.known = true;
}

ChangeRecorder::ChangeRecorder(sqlite3* db, const std::vector<std::string>& tables)
    : m_own(std::make_unique<RecordedTables>(db, tables)), m_tables(*m_own), m_db(db) {
    m_changes.resize(m_tables.m_tables.size());
    m_outer = static_cast<ChangeRecorder*>(sqlite3_preupdate_hook(m_db, &ChangeRecorder::onPreupdate, this));
}

ChangeRecorder::ChangeRecorder(RecordedTables& tables) : m_tables(tables), m_db(tables.m_db) {
    m_changes.resize(m_tables.m_tables.size());
    m_outer = static_cast<ChangeRecorder*>(sqlite3_preupdate_hook(m_db, &ChangeRecorder::onPreupdate, this));
}

ChangeRecorder::~ChangeRecorder() {
    sqlite3_preupdate_hook(m_db, m_outer ? &ChangeRecorder::onPreupdate : nullptr, m_outer);
}

void ChangeRecorder::onPreupdate(void* self, sqlite3*, int op, const char* database, const char* table, long long, long long) {
    for (auto* recorder = static_cast<ChangeRecorder*>(self); recorder; recorder = recorder->m_outer)
        recorder->preupdate(op, database, table);
}

// Called by SQLite before each row change, with no way to report an error but to keep it for take().
void ChangeRecorder::preupdate(int op, const char* database, const char* name) {
    if (!m_error.empty() || sqlite3_stricmp(database, "main") != 0) return;
    RecordedTables::Table* table = m_tables.find(name);
    if (!table) return;
    try {
        if (!table->known) m_tables.learn(*table);
        if (sqlite3_preupdate_count(m_db) != table->columns) {
            m_error = "schema changed";
            return;
        }
        auto index = static_cast<std::size_t>(table - m_tables.m_tables.data());
        recordOne(op, index, *table);
        // As the session does: an UPDATE also counts as an INSERT of its new key, which is the
        // same row unless the key changed.
        if (op == SQLITE_UPDATE) recordOne(SQLITE_INSERT, index, *table);
    } catch (const std::exception& e) {
        m_error = e.what();
    }
}

void ChangeRecorder::recordOne(int op, std::size_t tableIndex, RecordedTables::Table& table) {
    std::string key;
    for (int i = 0; i < table.columns; ++i) {
        if (!table.primaryKey[static_cast<std::size_t>(i)]) continue;
        sqlite3_value* value = nullptr;
        if (op == SQLITE_INSERT) sqlite3_preupdate_new(m_db, i, &value);
        else sqlite3_preupdate_old(m_db, i, &value);
        putValue(key, value);
    }
    bool indirect = sqlite3_preupdate_depth(m_db) > 0;
    TableChanges& changes = m_changes[tableIndex];
    auto found = changes.index.find(key);
    if (found != changes.index.end()) {
        Change& change = changes.changes[found->second];
        if (!indirect) change.indirect = false; // a direct change makes the row's change direct
        return;
    }
    Change change;
    change.op = op;
    change.indirect = indirect;
    if (op != SQLITE_INSERT) {
        for (int i = 0; i < table.columns; ++i) {
            sqlite3_value* value = nullptr;
            sqlite3_preupdate_old(m_db, i, &value);
            putValue(change.old, value);
        }
    }
    changes.index.emplace(key, changes.changes.size());
    changes.keys.push_back(std::move(key));
    changes.changes.push_back(std::move(change));
}

Changeset ChangeRecorder::take(const RowVisitor& visit) {
    if (!m_error.empty())
        throw StorageError(trf("Impossible d'enregistrer les modifications ({}).", "Cannot record the changes ({}).", m_error));
    std::string out;
    for (std::size_t t = 0; t < m_changes.size(); ++t) {
        TableChanges& changes = m_changes[t];
        if (changes.changes.empty()) continue;
        RecordedTables::Table& table = m_tables.m_tables[t];
        std::size_t rewind = out.size();
        out += 'T';
        putVarint(out, static_cast<std::uint64_t>(table.columns));
        out += table.primaryKey;
        out += table.name;
        out += '\0';
        std::size_t headerEnd = out.size();
        sqlite3_stmt* read = table.read;
        for (std::size_t r = 0; r < changes.changes.size(); ++r) {
            const Change& change = changes.changes[r];
            const auto* key = reinterpret_cast<const unsigned char*>(changes.keys[r].data());
            int parameter = 1;
            for (std::size_t offset = 0; offset < changes.keys[r].size(); offset += valueSize(key + offset))
                bindValue(read, parameter++, key + offset);
            ResetAfter resetAfter{read}; // a statement left on a row would hold its read open
            int rc = sqlite3_step(read);
            if (visit && (rc == SQLITE_ROW || rc == SQLITE_DONE) && key[0] == SQLITE_INTEGER)
                visit(table.name, Id{static_cast<std::int64_t>(numberAt(key))}, rc == SQLITE_ROW ? read : nullptr);
            if (rc == SQLITE_ROW) {
                if (change.op == SQLITE_INSERT) {
                    out += static_cast<char>(SQLITE_INSERT);
                    out += static_cast<char>(change.indirect);
                    for (int i = 0; i < table.columns; ++i) putColumn(out, read, i);
                } else {
                    // What changed since the row's first change: the old record holds the key and
                    // the old values of the columns that changed, the new one their new values.
                    std::size_t start = out.size();
                    out += static_cast<char>(SQLITE_UPDATE);
                    out += static_cast<char>(change.indirect);
                    std::string newRecord;
                    bool changed = false;
                    const auto* old = reinterpret_cast<const unsigned char*>(change.old.data());
                    for (int i = 0; i < table.columns; ++i) {
                        std::size_t size = valueSize(old);
                        bool differs = !sameValue(old, read, i);
                        changed = changed || differs;
                        if (differs || table.primaryKey[static_cast<std::size_t>(i)])
                            out.append(reinterpret_cast<const char*>(old), size);
                        else out += '\0';
                        if (differs) putColumn(newRecord, read, i);
                        else newRecord += '\0';
                        old += size;
                    }
                    if (changed) out += newRecord;
                    else out.resize(start);
                }
            } else if (rc == SQLITE_DONE) {
                if (change.op != SQLITE_INSERT) {
                    out += static_cast<char>(SQLITE_DELETE);
                    out += static_cast<char>(change.indirect);
                    out += change.old;
                }
            } else {
                throw StorageError(trf("Impossible de lire les modifications ({}).", "Cannot read the changes ({}).", sqlite3_errstr(rc)));
            }
        }
        if (out.size() == headerEnd) out.resize(rewind);
    }
    return Changeset(std::move(out));
}

} // namespace atelier
