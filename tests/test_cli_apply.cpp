// `atelier apply`: JSON lines in, one committed action and one acknowledgement per line.
#include "process.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

using namespace atelier;
using namespace atelier::test;
using nlohmann::json;

namespace {

std::vector<json> lines(const std::string& out) {
    std::vector<json> parsed;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line)) parsed.push_back(json::parse(line));
    return parsed;
}

struct ApplyFixture {
    TempDir dir;
    std::string db = dir.file("e.db");
    ApplyFixture() { REQUIRE(runProcess({ATELIER_BINARY, "new", db, "--name", "Test"}).exitCode == 0); }
    ProcessResult apply(const std::string& input, std::vector<std::string> extra = {}) {
        std::vector<std::string> args{ATELIER_BINARY, "apply", db};
        args.insert(args.end(), extra.begin(), extra.end());
        return runProcess(args, input);
    }
    std::string dump() {
        FakeClock clock;
        return Engine::open(db, clock)->store().canonicalDump();
    }
};

} // namespace

TEST_CASE("apply acknowledges each action with the ids it created, and they are saved") {
    ApplyFixture f;
    auto result = f.apply(R"({"action":"add_team","id":"1001","name":"Équipe 1"})"
                          "\n"
                          R"({"action":"add_note","team":"1001","text":"Un guichet unique","x":10,"y":20})"
                          "\n");
    REQUIRE(result.exitCode == 0);
    auto acks = lines(result.out);
    REQUIRE(acks.size() == 2);
    CHECK(acks[0]["ok"] == true);
    CHECK(acks[0]["created"][0] == "1001");
    CHECK(acks[1]["line"] == 2);
    std::string noteId = acks[1]["created"][0];
    FakeClock clock;
    auto engine = Engine::open(f.db, clock);
    const Note* note = engine->state().find<Note>(*Id::parse(noteId));
    REQUIRE(note);
    CHECK(note->text == "Un guichet unique");
}

TEST_CASE("apply reports malformed lines and unknown actions by line number and changes nothing for them") {
    ApplyFixture f;
    std::string before = f.dump();
    auto result = f.apply("{not json\n"
                          "\n"
                          R"({"action":"frobnicate"})" "\n"
                          R"({"text":"no action"})" "\n"
                          R"({"action":"add_note","team":"42","text":"x"})" "\n"
                          R"({"action":"add_team","name":"A","colour":"rouge"})" "\n"
                          R"({"action":"add_team","name":"A","nickname":"x"})" "\n"
                          "[1,2]\n");
    CHECK(result.exitCode == 1);
    auto acks = lines(result.out);
    REQUIRE(acks.size() == 7); // the blank line is skipped
    for (const auto& ack : acks) CHECK(ack["ok"] == false);
    CHECK(acks[0]["line"] == 1);
    CHECK_THAT(acks[0]["error"].get<std::string>(), Catch::Contains("JSON invalide"));
    CHECK(acks[1]["line"] == 3);
    CHECK_THAT(acks[1]["error"].get<std::string>(), Catch::Contains("frobnicate"));
    CHECK_THAT(acks[2]["error"].get<std::string>(), Catch::Contains("« action »"));
    CHECK_THAT(acks[3]["error"].get<std::string>(), Catch::Contains("introuvable"));
    CHECK_THAT(acks[4]["error"].get<std::string>(), Catch::Contains("rouge"));
    CHECK_THAT(acks[5]["error"].get<std::string>(), Catch::Contains("nickname"));
    CHECK(acks[6]["line"] == 8);
    CHECK(f.dump() == before);
}

TEST_CASE("apply survives hostile lines: deep nesting, invalid UTF-8, huge values; each refused alone and the stream goes on") {
    ApplyFixture f;
    std::string before = f.dump();
    std::string deep = R"({"action":"add_note","team":"1","text":)" + std::string(100000, '[') + std::string(100000, ']') + "}";
    std::string deepObjects;
    for (int i = 0; i < 50000; ++i) deepObjects += R"({"a":)";
    deepObjects += "1" + std::string(50000, '}');
    std::string hugeName = R"({"action":")" + std::string(1 << 20, 'x') + R"("})";
    std::string hugeColour = R"({"action":"add_team","name":"A","colour":")" + std::string(1 << 20, 'r') + R"("})";
    std::string unterminated = R"({"action":"add_team","name":")" + std::string(1 << 20, 'n');
    std::string input = deep + "\n" +                                          // 1
                        deepObjects + "\n" +                                   // 2
                        "{\"action\":\"add_team\",\"name\":\"A\xff\"}\n" +     // 3: a byte that is never UTF-8
                        "{\"action\":\"add_team\",\"name\":\"\xc0\xaf\"}\n" +  // 4: overlong '/'
                        "{\"action\":\"add_team\",\"name\":\"\xed\xa0\x80\"}\n" + // 5: encoded surrogate
                        hugeName + "\n" +                                      // 6
                        hugeColour + "\n" +                                    // 7
                        unterminated + "\n" +                                  // 8
                        R"({"action":"add_team","name":"Dernière"})" "\n";     // 9: still applied
    auto result = f.apply(input);
    CHECK(result.exitCode == 1);
    auto acks = lines(result.out); // every reply is valid JSON (json::parse would throw otherwise)
    REQUIRE(acks.size() == 9);
    for (std::size_t i = 0; i < 8; ++i) {
        CHECK(acks[i]["ok"] == false);
        CHECK(acks[i]["line"] == i + 1);
        CHECK(acks[i]["error"].get<std::string>().size() < 600); // echoed values shortened
    }
    CHECK_THAT(acks[0]["error"].get<std::string>(), Catch::Contains("trop profondément"));
    CHECK_THAT(acks[1]["error"].get<std::string>(), Catch::Contains("trop profondément"));
    CHECK_THAT(acks[2]["error"].get<std::string>(), Catch::Contains("UTF-8") && Catch::Contains("octet 31"));
    CHECK_THAT(acks[3]["error"].get<std::string>(), Catch::Contains("UTF-8") && Catch::Contains("octet 30"));
    CHECK_THAT(acks[4]["error"].get<std::string>(), Catch::Contains("UTF-8") && Catch::Contains("octet 30"));
    CHECK_THAT(acks[5]["error"].get<std::string>(), Catch::Contains("action inconnue") && Catch::Contains("octets"));
    CHECK_THAT(acks[6]["error"].get<std::string>(), Catch::Contains("couleur") && Catch::Contains("octets"));
    CHECK_THAT(acks[7]["error"].get<std::string>(), Catch::Contains("JSON invalide"));
    CHECK(acks[8]["ok"] == true);
    FakeClock clock;
    auto engine = Engine::open(f.db, clock);
    REQUIRE(engine->state().teams.size() == 1);
    CHECK(engine->state().teams.begin()->second.name == "Dernière");
}

TEST_CASE("apply goes on after an error unless told to stop") {
    ApplyFixture f;
    std::string input = R"({"action":"add_team","name":""})" "\n" R"({"action":"add_team","name":"B"})" "\n";
    auto goOn = f.apply(input);
    CHECK(goOn.exitCode == 1);
    CHECK(lines(goOn.out).size() == 2);
    CHECK(lines(goOn.out)[1]["ok"] == true);
    auto stop = f.apply(input, {"--stop-on-error"});
    CHECK(stop.exitCode == 1);
    CHECK(lines(stop.out).size() == 1);
}

TEST_CASE("apply understands undo and redo within its session") {
    ApplyFixture f;
    auto result = f.apply(R"({"action":"add_team","id":"7","name":"A"})" "\n"
                          R"({"action":"edit_team","team":"7","name":"B"})" "\n"
                          R"({"action":"undo"})" "\n"
                          R"({"action":"undo"})" "\n"
                          R"({"action":"redo"})" "\n"
                          R"({"action":"undo"})" "\n"
                          R"({"action":"undo"})" "\n");
    auto acks = lines(result.out);
    REQUIRE(acks.size() == 7);
    CHECK(acks[2]["description"] == "Modifier l'équipe « A »");
    CHECK(acks[6]["ok"] == false);
    FakeClock clock;
    CHECK(Engine::open(f.db, clock)->state().teams.empty());
}
