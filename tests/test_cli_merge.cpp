// `atelier copy` and `atelier merge`, end to end, including a merge killed half-way.
#include "model/errors.hpp"
#include "process.hpp"
#include "storage/store.hpp"
#include "sync/replica.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include <fcntl.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace atelier;
using namespace atelier::test;

namespace {

ProcessResult atelierRun(std::vector<std::string> args, const std::string& input = {}) {
    args.insert(args.begin(), ATELIER_BINARY);
    return runProcess(args, input);
}

std::string dumpOf(const std::string& path) {
    FakeClock clock;
    return Engine::open(path, clock, OpenMode::ReadOnly)->store().canonicalDump();
}

Id teamOfDefi(const std::string& path, int number) {
    FakeClock clock;
    auto engine = Engine::open(path, clock, OpenMode::ReadOnly);
    return engine->state().teamByReference(std::to_string(number))->id;
}

} // namespace

TEST_CASE("the organisers copy the demo to three laptops, each works, the merge brings all back and names conflicts") {
    TempDir dir;
    std::string event = dir.file("event.db");
    REQUIRE(atelierRun({"demo", event}).exitCode == 0);
    std::vector<std::string> laptops;
    for (int defi : {1, 3, 11}) {
        laptops.push_back(dir.file("defi" + std::to_string(defi) + ".db"));
        auto copy = atelierRun({"copy", event, laptops.back(), "--team", std::to_string(defi)});
        REQUIRE(copy.exitCode == 0);
        CHECK_THAT(copy.out, Catch::Contains("Équipe " + std::to_string(defi)));
    }
    Id challenge3;
    {
        FakeClock clock;
        auto e = Engine::open(event, clock, OpenMode::ReadOnly);
        for (const auto& [id, c] : e->state().challenges)
            if (c.number == 3) challenge3 = id;
    }
    int i = 0;
    for (int defi : {1, 3, 11}) {
        std::string team = teamOfDefi(event, defi).str();
        std::string input = "{\"action\":\"add_note\",\"team\":\"" + team + "\",\"text\":\"Idée du portable " + std::to_string(defi) +
                            "\"}\n{\"action\":\"edit_challenge\",\"challenge\":\"" + challenge3.str() +
                            "\",\"levers\":\"Levier vu par l'équipe " + std::to_string(defi) + "\"}\n";
        REQUIRE(atelierRun({"apply", laptops[static_cast<std::size_t>(i++)]}, input).exitCode == 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(5)); // distinct commit times
    }
    auto merge = atelierRun({"merge", event, laptops[0], laptops[1], laptops[2]});
    REQUIRE(merge.exitCode == 0);
    // One transaction, one report naming every copy; the défi named by its number and question.
    CHECK_THAT(merge.out, Catch::Contains("Fusion de " + laptops[0] + ", " + laptops[1] + ", " + laptops[2]));
    CHECK_THAT(merge.out, Catch::Contains("Le défi 3 «") && Catch::Contains("« levers » changé sur deux copies en même temps"));
    CHECK_THAT(merge.out, Catch::Contains("Conflits : 2 champs modifiés sur deux copies"));
    {
        FakeClock clock;
        auto e = Engine::open(event, clock, OpenMode::ReadOnly);
        int found = 0;
        for (const auto& [id, n] : e->state().notes) found += n.text.rfind("Idée du portable", 0) == 0;
        CHECK(found == 3);
        for (const auto& [id, c] : e->state().challenges)
            if (c.number == 3) { // three concurrent edits: one wins (by replay order, not by clock), the others are named
                CHECK_THAT(c.levers, Catch::StartsWith("Levier vu par l'équipe "));
                CHECK_THAT(merge.out, Catch::Contains("gardé : « " + c.levers + " »"));
            }
    }
    auto again = atelierRun({"merge", event, laptops[1]});
    CHECK_THAT(again.out, Catch::Contains("Rien de nouveau"));
}

TEST_CASE("copy and merge refuse what they cannot use, with a message") {
    TempDir dir;
    std::string event = dir.file("event.db"), other = dir.file("other.db");
    REQUIRE(atelierRun({"demo", event}).exitCode == 0);
    REQUIRE(atelierRun({"demo", other}).exitCode == 0);
    auto badTeam = atelierRun({"copy", event, dir.file("x.db"), "--team", "99"});
    CHECK(badTeam.exitCode != 0);
    CHECK_THAT(badTeam.err, Catch::Contains("Aucune équipe « 99 »"));
    std::string before = dumpOf(event);
    auto otherEvent = atelierRun({"merge", event, other});
    CHECK(otherEvent.exitCode != 0);
    CHECK_THAT(otherEvent.err, Catch::Contains("autre événement"));
    writeBytes(dir.file("junk.db"), std::string(8192, '\x42'));
    auto junk = atelierRun({"merge", event, dir.file("junk.db")});
    CHECK(junk.exitCode != 0);
    CHECK(dumpOf(event) == before);
}

TEST_CASE("the national organisers gather the files of two sites into a review file, and see each site in info and the report") {
    TempDir dir;
    std::string rennes = dir.file("rennes.db"), lyon = dir.file("lyon.db"), review = dir.file("revue.db");
    REQUIRE(atelierRun({"demo", rennes}).exitCode == 0);
    REQUIRE(atelierRun({"new", lyon, "--name", "Lyon 2019", "--place", "Lyon"}).exitCode == 0);
    auto work = atelierRun({"apply", lyon},
                           "{\"action\":\"add_challenge\",\"id\":\"9001\",\"number\":1,\"question\":\"Comment accueillir à Lyon ?\"}\n"
                           "{\"action\":\"add_team\",\"id\":\"9002\",\"name\":\"Équipe lyonnaise\",\"challenge\":\"9001\"}\n"
                           "{\"action\":\"add_note\",\"team\":\"9002\",\"text\":\"Un guide d'accueil\"}\n");
    REQUIRE(work.exitCode == 0);
    REQUIRE(atelierRun({"new", review, "--review", "--name", "Revue nationale 2026"}).exitCode == 0);

    // A running event refuses another event, and says how to gather sites.
    std::string before = dumpOf(rennes);
    auto refused = atelierRun({"merge", rennes, lyon});
    CHECK(refused.exitCode != 0);
    CHECK_THAT(refused.err, Catch::Contains("autre événement") && Catch::Contains("atelier new"));
    CHECK(dumpOf(rennes) == before);

    const std::string demo = "Université d’été de l’innovation publique territoriale — Rennes 2018";
    auto merged = atelierRun({"merge", review, rennes, lyon});
    REQUIRE(merged.exitCode == 0);
    CHECK_THAT(merged.out, Catch::Contains("Site « " + demo + " »") && Catch::Contains("Site « Lyon 2019 »"));
    auto info = atelierRun({"info", review});
    REQUIRE(info.exitCode == 0);
    CHECK_THAT(info.out, Catch::Contains("Sites réunis dans ce fichier de revue (2)"));
    CHECK_THAT(info.out, Catch::Contains("Lyon 2019 (Lyon) — 1 défi, 1 équipe"));
    CHECK_THAT(info.out, Catch::Contains(demo + " (Maison des associations, Rennes) — 14 défis, 14 équipes"));
    std::string report = dir.file("revue.md");
    REQUIRE(atelierRun({"export", review, "--format", "md", "--out", report}).exitCode == 0);
    std::string md = readBytes(report);
    CHECK_THAT(md, Catch::Contains("2 sites : Lyon 2019, " + demo + "."));
    CHECK_THAT(md, Catch::Contains("## Lyon 2019 · Défi n°1 — Comment accueillir à Lyon ?"));
    CHECK_THAT(md, Catch::Contains("## " + demo + " · Défi n°1 — "));
    CHECK(md.find("## Lyon 2019 · Défi") < md.find("## " + demo + " · Défi"));
    auto again = atelierRun({"merge", review, lyon});
    CHECK_THAT(again.out, Catch::Contains("Rien de nouveau"));
}

TEST_CASE("a merge killed at any moment leaves the receiving file as it was, or fully merged") {
    TempDir dir;
    std::string event = dir.file("event.db"), laptop = dir.file("laptop.db");
    REQUIRE(atelierRun({"demo", event}).exitCode == 0);
    REQUIRE(atelierRun({"copy", event, laptop, "--team", "2"}).exitCode == 0);
    std::string team = teamOfDefi(event, 2).str();
    std::string input;
    for (int k = 0; k < 1500; ++k)
        input += "{\"action\":\"add_note\",\"team\":\"" + team + "\",\"text\":\"Note " + std::to_string(k) + "\",\"x\":" +
                 std::to_string(k % 40 * 180) + "}\n";
    REQUIRE(atelierRun({"apply", laptop}, input).exitCode == 0);
    std::string before = dumpOf(event);
    std::string merged;
    {
        std::string probe = dir.file("probe.db");
        std::filesystem::copy_file(event, probe);
        REQUIRE(atelierRun({"merge", probe, laptop}).exitCode == 0);
        merged = dumpOf(probe);
    }
    REQUIRE(merged != before);
    std::mt19937 rng(42);
    int killedMidway = 0;
    for (int trial = 0; trial < 12; ++trial) {
        pid_t pid = fork();
        if (pid == 0) {
            int devnull = ::open("/dev/null", O_WRONLY);
            dup2(devnull, 1);
            dup2(devnull, 2);
            execl(ATELIER_BINARY, ATELIER_BINARY, "merge", event.c_str(), laptop.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(0, 150000)(rng)));
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        std::string now = dumpOf(event);
        CHECK((now == before || now == merged));
        if (now == merged) break; // it finished before the kill: nothing more to learn
        killedMidway += WIFSIGNALED(status);
    }
    CHECK(killedMidway > 0);
    auto check = atelierRun({"check", event});
    CHECK(check.exitCode == 0);
}

TEST_CASE("new --review killed at any moment leaves no file, or a review file; never an ordinary event at its name") {
    TempDir dir;
    std::mt19937 rng(7);
    int killedMidway = 0, whole = 0;
    for (int trial = 0; trial < 30; ++trial) {
        std::string review = dir.file("revue" + std::to_string(trial) + ".db");
        pid_t pid = fork();
        if (pid == 0) {
            int devnull = ::open("/dev/null", O_WRONLY);
            dup2(devnull, 1);
            dup2(devnull, 2);
            execl(ATELIER_BINARY, ATELIER_BINARY, "new", review.c_str(), "--review", "--name", "Revue nationale",
                  static_cast<char*>(nullptr));
            _exit(127);
        }
        std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(0, 60000)(rng)));
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        if (!std::filesystem::exists(review)) {
            killedMidway += WIFSIGNALED(status);
            auto retry = atelierRun({"new", review, "--review", "--name", "Revue nationale"});
            INFO(retry.err);
            REQUIRE(retry.exitCode == 0);
        } else {
            ++whole;
        }
        auto store = Store::open(review, OpenMode::ReadOnly);
        CHECK(isReviewFile(*store)); // whether it was made whole before the kill or by the retry
    }
    INFO("killed before the file existed: " << killedMidway << ", whole: " << whole);
    CHECK(killedMidway > 0);
}
