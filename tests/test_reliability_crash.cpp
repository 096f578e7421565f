// Crash safety: `atelier apply` killed with SIGKILL at random moments. After each kill the file
// must hold exactly a prefix of the stream: every acknowledged action, at most one more, nothing
// partial, and SQLite's integrity check must pass. ATELIER_CRASH_TRIALS and ATELIER_CRASH_SEED
// make the same test a soak (scripts/soak.sh).
#include "process.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace atelier;
using namespace atelier::test;
using nlohmann::json;

namespace {

struct NoteModel {
    std::string text;
    double x = 0, y = 0;
    bool operator==(const NoteModel&) const = default;
};
using Model = std::map<std::int64_t, NoteModel>;

// One action of the stream and what it does to the model.
struct Step {
    std::string line;
    enum Kind { Add, Edit, Move, Delete } kind = Add;
    std::int64_t note = 0;
    NoteModel value;
};

void applyStep(Model& model, const Step& step) {
    switch (step.kind) {
    case Step::Add: model[step.note] = step.value; break;
    case Step::Edit: model[step.note].text = step.value.text; break;
    case Step::Move:
        model[step.note].x = step.value.x;
        model[step.note].y = step.value.y;
        break;
    case Step::Delete: model.erase(step.note); break;
    }
}

// A stream of valid actions on one team's board: mostly new notes with client-chosen ids (some
// of them large, so a commit spans many pages), edits, moves and deletions of earlier ones.
std::vector<Step> makeStream(const Model& start, const std::string& team, std::int64_t firstId, int count, std::mt19937_64& rng) {
    std::vector<Step> steps;
    std::vector<std::int64_t> alive;
    for (const auto& [id, note] : start) alive.push_back(id);
    std::uniform_int_distribution<int> percent(0, 99);
    std::int64_t nextId = firstId;
    for (int k = 0; k < count; ++k) {
        Step step;
        int roll = percent(rng);
        std::string tag = std::to_string(firstId) + "-" + std::to_string(k);
        if (alive.size() < 5 || roll < 55) {
            step.kind = Step::Add;
            step.note = nextId++;
            step.value.text = "Idée " + tag + (roll % 10 == 0 ? std::string(15000, 'x') : "");
            step.value.x = static_cast<double>(k % 40 * 10);
            step.value.y = static_cast<double>(k % 7 * 10);
            step.line = json{{"action", "add_note"}, {"id", std::to_string(step.note)}, {"team", team},
                             {"text", step.value.text}, {"x", step.value.x}, {"y", step.value.y}}.dump();
            alive.push_back(step.note);
        } else {
            std::size_t index = std::uniform_int_distribution<std::size_t>(0, alive.size() - 1)(rng);
            step.note = alive[index];
            std::string id = std::to_string(step.note);
            if (roll < 75) {
                step.kind = Step::Edit;
                step.value.text = "Modifié " + tag;
                step.line = json{{"action", "edit_note"}, {"note", id}, {"text", step.value.text}}.dump();
            } else if (roll < 92) {
                step.kind = Step::Move;
                step.value.x = 1000.0 + k;
                step.value.y = 500.0 + k;
                step.line = json{{"action", "move_notes"},
                                 {"moves", json::array({json{{"note", id}, {"x", step.value.x}, {"y", step.value.y}}})}}.dump();
            } else {
                step.kind = Step::Delete;
                step.line = json{{"action", "delete_notes"}, {"notes", json::array({id})}}.dump();
                alive.erase(alive.begin() + static_cast<std::ptrdiff_t>(index));
            }
        }
        steps.push_back(std::move(step));
    }
    return steps;
}

Model modelAfter(Model model, const std::vector<Step>& steps, std::size_t prefix) {
    for (std::size_t i = 0; i < prefix; ++i) applyStep(model, steps[i]);
    return model;
}

struct FileContent {
    Model notes;
    std::size_t journal = 0;
    std::string integrity;
};

// Reopens the file the way the next session would (for writing: SQLite recovers the WAL).
FileContent readBack(const std::string& path) {
    FakeClock clock;
    auto engine = Engine::open(path, clock);
    FileContent content;
    for (const auto& [id, note] : engine->state().notes) content.notes[id.value] = {note.text, note.x, note.y};
    content.journal = engine->journal().size();
    content.integrity = engine->store().db().execAndGet("PRAGMA integrity_check").getString();
    return content;
}

std::size_t acknowledged(const std::string& outPath, std::size_t expectedCount) {
    std::ifstream in(outPath);
    std::string line;
    std::size_t count = 0;
    while (std::getline(in, line)) {
        if (in.eof()) break; // a line without its newline was cut by the kill
        json ack = json::parse(line);
        INFO(line);
        REQUIRE(ack.value("ok", false));
        REQUIRE(ack.value("line", 0u) == count + 1);
        ++count;
    }
    REQUIRE(count <= expectedCount);
    return count;
}

int envInt(const char* name, int fallback) {
    const char* value = std::getenv(name);
    return value && *value ? std::atoi(value) : fallback;
}

} // namespace

TEST_CASE("apply killed with SIGKILL at random moments keeps exactly a prefix of the acknowledged stream") {
    const int wanted = envInt("ATELIER_CRASH_TRIALS", 120);
    const auto seed = static_cast<std::uint64_t>(envInt("ATELIER_CRASH_SEED", static_cast<int>(std::random_device{}() & 0x7fffffff)));
    INFO("seed " << seed << " (rerun with ATELIER_CRASH_SEED=" << seed << ")");
    std::mt19937_64 rng(seed);

    TempDir dir;
    const std::string db = dir.file("event.db"), in = dir.file("stream.jsonl"), out = dir.file("acks.jsonl");
    const Id team{424242};
    auto freshEvent = [&] {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
        EventInfo info;
        info.name = "Crash";
        FakeClock clock;
        auto engine = Engine::create(db, info, clock);
        AddTeam addTeam;
        addTeam.id = team;
        addTeam.name = "Équipe";
        engine->apply(addTeam);
    };
    freshEvent();
    Model model;
    std::size_t journal = readBack(db).journal;

    int counted = 0, finished = 0, trial = 0, acknowledgedTotal = 0;
    while (counted < wanted) {
        REQUIRE(trial < wanted * 4); // the kills must land mid-stream most of the time
        ++trial;
        if (trial % 15 == 0) { // a growing file slows every reopen: start again now and then
            freshEvent();
            model.clear();
            journal = readBack(db).journal;
        }
        std::vector<Step> steps = makeStream(model, team.str(), 1000000LL * trial, 400, rng);
        {
            std::ofstream stream(in, std::ios::trunc);
            for (const auto& step : steps) stream << step.line << "\n";
        }
        std::filesystem::remove(out);

        // stdin and stdout are files: the acknowledgements written before the kill survive it.
        pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            int input = ::open(in.c_str(), O_RDONLY);
            int output = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            int devnull = ::open("/dev/null", O_WRONLY);
            dup2(input, 0);
            dup2(output, 1);
            dup2(devnull, 2);
            execl(ATELIER_BINARY, ATELIER_BINARY, "apply", db.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        // Wait for the first acknowledgement (or the end), then kill after a random delay.
        int status = 0;
        bool exited = false;
        for (int spin = 0; spin < 20000; ++spin) {
            std::error_code ec;
            if (std::filesystem::file_size(out, ec) > 0 && !ec) break;
            if (waitpid(pid, &status, WNOHANG) == pid) {
                exited = true;
                break;
            }
            std::this_thread::sleep_for(std::chrono::microseconds(100));
        }
        if (!exited) {
            std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(0, 12000)(rng)));
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
        }
        bool killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
        INFO("trial " << trial);
        if (!killed) REQUIRE((WIFEXITED(status) && WEXITSTATUS(status) == 0));

        std::size_t acks = acknowledged(out, steps.size());
        FileContent content = readBack(db);
        REQUIRE(content.integrity == "ok");
        // Exactly a prefix: all acknowledged actions, and at most the one in flight.
        std::size_t landed = content.journal - journal;
        REQUIRE(landed >= acks);
        REQUIRE(landed <= acks + 1);
        if (!killed) REQUIRE(landed == steps.size());
        Model expected = modelAfter(model, steps, landed);
        REQUIRE(content.notes == expected);

        model = std::move(expected);
        journal = content.journal;
        if (killed && acks > 0) {
            ++counted;
            acknowledgedTotal += static_cast<int>(acks);
        } else if (!killed) {
            ++finished;
        }
    }
    // The last file is still a healthy event for the command line.
    CHECK(runProcess({ATELIER_BINARY, "check", db}).exitCode == 0);
    std::printf("crash safety: %d kills mid-stream survived (%d actions acknowledged before them, %d runs finished), seed %llu\n",
                counted, acknowledgedTotal, finished, static_cast<unsigned long long>(seed));
}
