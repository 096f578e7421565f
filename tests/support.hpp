#pragma once
// Shared test fixtures: temporary folders and a fresh event on a fake clock.
#include "model/clock.hpp"
#include "engine/engine.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace atelier::test {

// A folder under the system temp dir, removed with everything in it at scope exit.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(const std::string& name) const { return (m_path / name).string(); }
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

// An empty event "Test" in a temp folder, with a fake clock at 2018-07-09 08:00 UTC.
struct Fixture {
    TempDir dir;
    FakeClock clock;
    std::unique_ptr<Engine> engine;
    Fixture();
    std::string dbPath() const { return dir.file("event.db"); }
    // Applies the action and returns the first id it created (0 when none).
    Id add(const Action& action);
    void reopen();
};

// The bytes of a file, for "left untouched" checks.
std::string readBytes(const std::string& path);

// Writes bytes to a file, replacing it.
void writeBytes(const std::string& path, const std::string& bytes);

// Every row of the in-memory state, all fields, ordered by table then id: equal texts, equal
// states. Compared with the same text of Store::loadAll() it proves the state follows the file.
std::string stateText(const EventState& state);

// Whether file permission bits are enforced for this process (false as root: access() and
// open() ignore them), probed on a real read-only file rather than guessed from the uid.
bool permissionsEnforced();

} // namespace atelier::test
