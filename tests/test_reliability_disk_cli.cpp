// A full or failing disk, end to end: the real atelier binary with the failing VFS
// (failing_vfs_preload.cpp) LD_PRELOADed as SQLite's default, writes failing in the main file,
// the -wal or the -shm, or every fsync failing. `apply` and `merge` refuse with the disk named
// in the one family of messages (« … : rien n'a été perdu, … »), never « abîmé »; `info`,
// `check` and `export` work; nothing saved changes; the same command works once space is back.
#include "process.hpp"
#include "storage/store.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace atelier::test;

namespace {

ProcessResult atelierRun(std::vector<std::string> args, const std::string& input = {}, const std::string& failure = {}) {
    args.insert(args.begin(), ATELIER_BINARY);
    std::vector<std::string> env;
    if (!failure.empty()) env = {std::string("LD_PRELOAD=") + ATELIER_FAILING_VFS, "ATELIER_FAIL_DISK=" + failure};
    return runProcess(args, input, env);
}

std::string contentOf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The event's content as its lossless bundle, exported with a healthy disk.
std::string bundleOf(const TempDir& dir, const std::string& db) {
    const std::string out = dir.file("snapshot.json");
    std::filesystem::remove(out);
    ProcessResult r = atelierRun({"export", db, "--format", "json", "--out", out});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    return contentOf(out);
}

// One of the family: the disk named, nothing lost, never a damaged file.
void checkDiskMessage(const std::string& text) {
    INFO(text);
    CHECK(text.find("rien n'a été perdu") != std::string::npos);
    const bool named = text.find("Le disque est plein") != std::string::npos ||
                       text.find("Le disque refuse d'écrire") != std::string::npos ||
                       text.find("est en lecture seule") != std::string::npos;
    CHECK(named);
    CHECK(text.find("abîmé") == std::string::npos);
    CHECK(text.find("erreur inattendue") == std::string::npos);
}

const char* kAddTeam = "{\"action\":\"add_team\",\"name\":\"Équipe du disque plein\"}\n";

} // namespace

TEST_CASE("apply on a full or failing disk names the disk, keeps the file, and works once space is back", "[disk][cli]") {
    const std::string failure = GENERATE(as<std::string>{}, "wal:full:0", "wal:full:2", "wal:ioerr:0", "shm:full:0",
                                         "shm:ioerr:0", "main:full:0", "main:ioerr:0", "wal:fsync:0", "main:fsync:0");
    CAPTURE(failure);
    TempDir dir;
    const std::string db = dir.file("e.db");
    REQUIRE(atelierRun({"demo", db}).exitCode == 0);
    const std::string before = bundleOf(dir, db);

    ProcessResult r = atelierRun({"apply", db}, std::string(kAddTeam) + "{\"action\":\"add_team\",\"name\":\"Deuxième équipe\"}\n",
                                 failure);
    INFO(r.out << r.err);
    const bool acknowledged = r.out.find("\"ok\":true") != std::string::npos;
    if (r.exitCode != 0) checkDiskMessage(r.out + r.err);
    // The main file and fsync are only written at a checkpoint: the commit is in the -wal, and
    // what was acknowledged is there afterwards, whatever the checkpoint at exit met.
    const std::string after = bundleOf(dir, db);
    if (!acknowledged) CHECK(after == before);
    else CHECK(after.find("Équipe du disque plein") != std::string::npos);
    ProcessResult check = atelierRun({"check", db});
    INFO(check.out << check.err);
    CHECK(check.exitCode == 0);

    // Space is back: the same command works.
    ProcessResult retry = atelierRun({"apply", db}, "{\"action\":\"add_team\",\"name\":\"Après\"}\n");
    INFO(retry.out << retry.err);
    CHECK(retry.exitCode == 0);
    CHECK(bundleOf(dir, db).find("\"Après\"") != std::string::npos);
}

TEST_CASE("the refusals that name the disk are one family of messages, for apply and merge alike", "[disk][cli]") {
    TempDir dir;
    const std::string db = dir.file("e.db"), copy = dir.file("equipe-3.db");
    REQUIRE(atelierRun({"demo", db}).exitCode == 0);
    REQUIRE(atelierRun({"copy", db, copy, "--team", "3"}).exitCode == 0);
    std::string team;
    {
        auto store = atelier::Store::open(copy, atelier::OpenMode::ReadOnly);
        const atelier::EventState state = store->loadAll();
        REQUIRE_FALSE(state.teamsInOrder().empty());
        team = state.teamsInOrder().front()->id.str();
    }
    ProcessResult added =
        atelierRun({"apply", copy}, "{\"action\":\"add_note\",\"team\":\"" + team + "\",\"text\":\"Idée du portable\"}\n");
    INFO(added.out << added.err);
    REQUIRE(added.exitCode == 0);
    const std::string before = bundleOf(dir, db);

    ProcessResult applied = atelierRun({"apply", db}, kAddTeam, "wal:full:0");
    INFO(applied.out << applied.err);
    CHECK(applied.exitCode != 0);
    checkDiskMessage(applied.out);
    CHECK(applied.out.find("Le disque est plein : rien n'a été perdu, libérez de la place puis recommencez.") != std::string::npos);
    CHECK(applied.out.find("La modification n'a pas été enregistrée.") != std::string::npos);

    ProcessResult merged = atelierRun({"merge", db, copy}, {}, "wal:full:0");
    INFO(merged.out << merged.err);
    CHECK(merged.exitCode != 0);
    checkDiskMessage(merged.err);
    CHECK(merged.err.find("Le disque est plein : rien n'a été perdu, libérez de la place puis recommencez.") != std::string::npos);
    CHECK(bundleOf(dir, db) == before);

    ProcessResult failing = atelierRun({"merge", db, copy}, {}, "wal:ioerr:0");
    INFO(failing.out << failing.err);
    CHECK(failing.exitCode != 0);
    checkDiskMessage(failing.err);
    CHECK(failing.err.find("Le disque refuse d'écrire") != std::string::npos);
    CHECK(bundleOf(dir, db) == before);

    // Space is back: the merge goes through and brings the copy's note.
    ProcessResult retry = atelierRun({"merge", db, copy});
    INFO(retry.out << retry.err);
    CHECK(retry.exitCode == 0);
    CHECK(bundleOf(dir, db).find("Idée du portable") != std::string::npos);
}

TEST_CASE("info, check and export work on an event whose disk refuses every write", "[disk][cli]") {
    const std::string failure = GENERATE(as<std::string>{}, "wal:full:0", "main:full:0", "shm:full:0", "shm:ioerr:0", "wal:fsync:0");
    CAPTURE(failure);
    TempDir dir;
    const std::string db = dir.file("e.db");
    REQUIRE(atelierRun({"demo", db}).exitCode == 0);
    const std::string before = bundleOf(dir, db);
    const std::string bytesBefore = contentOf(db);

    ProcessResult info = atelierRun({"info", db}, {}, failure);
    INFO(info.out << info.err);
    CHECK(info.exitCode == 0);
    CHECK(info.out.find("Rennes") != std::string::npos);
    ProcessResult check = atelierRun({"check", db}, {}, failure);
    INFO(check.out << check.err);
    CHECK(check.exitCode == 0);
    // The export writes its own file through stdio, not SQLite.
    const std::string out = dir.file("full.json");
    ProcessResult exported = atelierRun({"export", db, "--format", "json", "--out", out}, {}, failure);
    INFO(exported.out << exported.err);
    CHECK(exported.exitCode == 0);
    CHECK(contentOf(out) == before);
    CHECK(contentOf(db) == bytesBefore);
}
