#pragma once
// SQLite's session extension, wrapped: record what one transaction changed as a changeset,
// invert it (undo), apply it (undo, redo, later merges) and list the rows it touches.
#include "id.hpp"

#include <functional>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_session;

namespace atelier {

class Changeset {
public:
    Changeset() = default;
    explicit Changeset(std::string bytes) : m_bytes(std::move(bytes)) {}
    bool empty() const { return m_bytes.empty(); }
    const std::string& bytes() const { return m_bytes; }

    Changeset inverted() const;
    // This changeset followed by `next`, as one.
    Changeset concatenated(const Changeset& next) const;
    // Applies it in the current transaction; throws ValidationError at the first conflict
    // (a row changed since), leaving the caller to roll back.
    void applyTo(sqlite3* db) const;
    // Calls back once per changed row with its table and id (the first column of every table).
    void forEachRow(const std::function<void(const std::string& table, Id id)>& visit) const;

private:
    std::string m_bytes;
};

// Records changes to the given tables from construction until take().
class ChangeRecorder {
public:
    ChangeRecorder(sqlite3* db, const std::vector<std::string>& tables);
    ~ChangeRecorder();
    ChangeRecorder(const ChangeRecorder&) = delete;
    ChangeRecorder& operator=(const ChangeRecorder&) = delete;
    Changeset take();

private:
    sqlite3_session* m_session = nullptr;
};

} // namespace atelier
