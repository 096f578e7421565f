// Hostile `atelier apply` lines: any bytes through the JSON parser and actionFromJson, then
// applied to an in-memory copy of the demo event and undone, so the state stays small. Only
// Error may come out (as `apply` reports it), never a crash.
#include "actions/action_json.hpp"
#include "demo.hpp"
#include "engine/engine.hpp"
#include "model/errors.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace {

atelier::Engine& demoEngine() {
    static atelier::FakeClock clock;
    static std::unique_ptr<atelier::Engine> engine = [] {
        std::string path = std::filesystem::temp_directory_path() / ("atelier-fuzz-apply-" + std::to_string(::getpid()) + ".db");
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
        auto e = atelier::createDemoEvent(path, clock);
        // Off the disk for speed: the engine keeps its file, SQLite keeps it in memory.
        e->store().db().exec("PRAGMA journal_mode=MEMORY");
        e->store().db().exec("PRAGMA synchronous=OFF");
        // Rows with small known ids, so the seeds (and the fuzzer) can refer to them.
        for (const char* line : {
                 R"({"action":"add_challenge","id":"1","number":99,"question":"Comment faire ?"})",
                 R"({"action":"add_team","id":"2","name":"Fuzz","challenge":"1"})",
                 R"({"action":"add_member","id":"3","team":"2","name":"Ada"})",
                 R"({"action":"add_note","id":"4","team":"2","text":"Une idée"})",
                 R"({"action":"add_note","id":"5","team":"2","text":"Une autre"})",
                 R"({"action":"add_cluster","id":"6","team":"2","title":"Groupe","notes":["5"]})",
                 R"({"action":"open_vote_round","id":"7","team":"2","budget":3})",
                 R"({"action":"add_prototype","id":"8","team":"2","title":"Maquette"})",
                 R"({"action":"add_slot","id":"9","day":"2018-07-09","start":"09:00","end":"10:00","title":"Atelier"})"})
            e->apply(atelier::actionFromJson(nlohmann::json::parse(line)));
        return e;
    }();
    return *engine;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    atelier::Engine& engine = demoEngine();
    std::string text(reinterpret_cast<const char*>(data), size);
    nlohmann::json object;
    try {
        object = nlohmann::json::parse(text); // as `atelier apply` parses a line
    } catch (const nlohmann::json::exception&) {
        return 0; // what apply reports as invalid JSON
    }
    try {
        atelier::Action action = atelier::actionFromJson(object);
        engine.describe(action);
        std::size_t done = engine.history().undoCount();
        engine.apply(action);
        if (engine.history().undoCount() > done) engine.undo(); // only what this input did

    } catch (const atelier::Error&) {
    }
    return 0;
}
