#include "changeset.hpp"

#include "errors.hpp"
#include "language.hpp"

#include <sqlite3.h>

namespace atelier {

namespace {

struct SqliteFree {
    void operator()(void* p) const { sqlite3_free(p); }
};

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

ChangeRecorder::ChangeRecorder(sqlite3* db, const std::vector<std::string>& tables) {
    if (sqlite3session_create(db, "main", &m_session) != SQLITE_OK)
        throw StorageError(tr("Impossible d'enregistrer les modifications (session SQLite).",
                              "Cannot record changes (SQLite session)."));
    for (const auto& table : tables) sqlite3session_attach(m_session, table.c_str());
}

ChangeRecorder::~ChangeRecorder() {
    if (m_session) sqlite3session_delete(m_session);
}

Changeset ChangeRecorder::take() {
    int size = 0;
    void* buffer = nullptr;
    int rc = sqlite3session_changeset(m_session, &size, &buffer);
    if (rc != SQLITE_OK) throw StorageError(tr("Impossible de lire les modifications.", "Cannot read the changes."));
    return Changeset(takeBuffer(size, buffer));
}

} // namespace atelier
