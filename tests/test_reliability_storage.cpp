// Disk full and I/O errors: a refused write is reported as not saved, leaves the state and the
// file as they were, and the same engine works again once space is back.
#include "model/errors.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>

#include <sys/resource.h>

using namespace atelier;
using namespace atelier::test;

namespace {

// A file-size limit for this process (what a full disk looks like to write(2): EFBIG instead of
// ENOSPC, same path through SQLite). SIGXFSZ is ignored so the write fails instead of killing us.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        getrlimit(RLIMIT_FSIZE, &m_saved);
        m_previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_saved;
        limit.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() { lift(); }
    void lift() {
        if (m_lifted) return;
        setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_previousHandler);
        m_lifted = true;
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit m_saved{};
    void (*m_previousHandler)(int) = nullptr;
    bool m_lifted = false;
};

struct Board : Fixture {
    Id team;
    Board() {
        AddTeam t;
        t.name = "Équipe 1";
        team = add(t);
        for (int i = 0; i < 20; ++i) addNote("Idée " + std::to_string(i));
    }
    Id addNote(const std::string& text) {
        AddNote n;
        n.team = team;
        n.text = text;
        return add(n);
    }
    std::uintmax_t largestFileSize() const {
        std::uintmax_t size = 0;
        for (const char* suffix : {"", "-wal"}) {
            std::error_code ec;
            auto s = std::filesystem::file_size(dbPath() + suffix, ec);
            if (!ec) size = std::max(size, s);
        }
        return size;
    }
};

} // namespace

TEST_CASE("a full disk (database size limit) refuses the action, keeps the state, and works once space is back") {
    Board board;
    std::string before = stateText(board.engine->state());
    std::string dumpBefore = board.engine->store().canonicalDump();
    auto& db = board.engine->store().db();
    // No page beyond those the file has: the next write that needs one fails with SQLITE_FULL.
    auto pages = db.execAndGet("PRAGMA page_count").getInt64();
    db.exec("PRAGMA max_page_count=" + std::to_string(pages));

    int refused = 0;
    for (int attempt = 0; attempt < 5; ++attempt) {
        try {
            board.addNote(std::string(19000, 'a' + static_cast<char>(attempt)));
        } catch (const StorageError& e) {
            ++refused;
            CHECK_THAT(e.what(), Catch::Contains("n'a pas été enregistrée"));
            CHECK_THAT(e.what(), Catch::Contains("plein"));
        }
        CHECK(stateText(board.engine->state()) == before);
        CHECK(board.engine->store().canonicalDump() == dumpBefore);
        CHECK(stateText(board.engine->store().loadAll()) == before);
    }
    CHECK(refused == 5);
    CHECK(board.engine->canUndo()); // the history still holds the last saved action
    CHECK(board.engine->history().undoCount() == 21);

    db.exec("PRAGMA max_page_count=1073741823");
    Id saved = board.addNote(std::string(19000, 'z'));
    CHECK(board.engine->state().notes.count(saved) == 1);
    CHECK(board.engine->undo() != "");
    CHECK(board.engine->state().notes.count(saved) == 0);
    board.reopen();
    CHECK(board.engine->store().canonicalDump() == dumpBefore);
    CHECK(board.engine->store().db().execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("a write error from the system (file size limit) refuses the action, keeps the state, and works once lifted") {
    Board board;
    std::string before = stateText(board.engine->state());
    std::string dumpBefore = board.engine->store().canonicalDump();
    std::size_t journalBefore = board.engine->journal().size();
    int refused = 0;
    {
        FileSizeLimit limit(board.largestFileSize() + 512);
        for (int attempt = 0; attempt < 5; ++attempt) {
            try {
                board.addNote(std::string(19000, 'a' + static_cast<char>(attempt)));
            } catch (const StorageError& e) {
                ++refused;
                CHECK_THAT(e.what(), Catch::Contains("n'a pas été enregistrée"));
            }
            CHECK(stateText(board.engine->state()) == before);
        }
        // Undo needs a write too: refused the same way, the history kept.
        CHECK_THROWS_AS(board.engine->undo(), StorageError);
        CHECK(stateText(board.engine->state()) == before);
        limit.lift();
    }
    CHECK(refused == 5);
    CHECK(board.engine->store().canonicalDump() == dumpBefore);
    CHECK(board.engine->journal().size() == journalBefore);

    Id saved = board.addNote("Après");
    CHECK(board.engine->state().notes.at(saved).text == "Après");
    CHECK(board.engine->undoDescription() != "");
    board.reopen();
    CHECK(board.engine->state().notes.count(saved) == 1);
    CHECK(board.engine->journal().size() == journalBefore + 1);
    CHECK(board.engine->store().db().execAndGet("PRAGMA integrity_check").getString() == "ok");
}
