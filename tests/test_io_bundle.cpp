// The JSON bundle: lossless round trip, byte-stable re-export, validation with clear errors,
// and a bulk import fast enough for a whole event.
#include "test_io_event.hpp"

#include "demo.hpp"
#include "io/bundle.hpp"
#include "io/import_error.hpp"
#include "io/search.hpp"
#include "model/language.hpp"
#include "rules/limits.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace atelier;
using namespace atelier::test;
using nlohmann::ordered_json;

namespace {

// Imports `json` into a fresh file and expects an ImportError whose message holds every part;
// no file may be left behind.
void expectRefused(const std::string& json, std::initializer_list<std::string> parts) {
    TempDir dir;
    std::string path = dir.file("copy.db");
    try {
        importBundle(path, json);
        FAIL("bundle accepted");
    } catch (const ImportError& e) {
        std::string message = e.what();
        INFO(message);
        for (const auto& part : parts) CHECK(message.find(part) != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(path));
}

} // namespace

TEST_CASE("bundle round trip: same event, same bytes") {
    Fixture f;
    RichEvent r = buildRichEvent(f);
    std::string bundle = exportBundle(f.engine->store());
    CHECK(bundle.find("\"format\": \"atelier-bundle\"") != std::string::npos);
    CHECK(bundle.find("\"id\": \"" + r.team.str() + "\"") != std::string::npos); // ids as strings
    CHECK(bundle.find(base64Encode(tinyPng())) != std::string::npos);

    TempDir dir;
    auto copy = importBundle(dir.file("copy.db"), bundle);
    CHECK(copy->canonicalDump() == f.engine->store().canonicalDump());
    CHECK(copy->photoBytes(r.photo) == tinyPng());
    CHECK(exportBundle(*copy) == bundle);
    // The copy is a full event: it opens, and its search index was filled by the triggers.
    CHECK(searchEvent(*copy, "resume", 10).size() == 1);
    copy.reset();
    FakeClock clock;
    auto engine = Engine::open(dir.file("copy.db"), clock);
    CHECK(engine->state().notes.size() == 3);
}

TEST_CASE("the demo event survives a bundle round trip") {
    TempDir dir;
    FakeClock clock;
    auto demo = createDemoEvent(dir.file("demo.db"), clock);
    std::string bundle = exportBundle(demo->store());
    auto copy = importBundle(dir.file("copy.db"), bundle);
    CHECK(copy->canonicalDump() == demo->store().canonicalDump());
    CHECK(exportBundle(*copy) == bundle);
}

TEST_CASE("a bundle is not written over an existing file") {
    Fixture f;
    std::string bundle = exportBundle(f.engine->store());
    std::string before = readBytes(f.dbPath());
    CHECK_THROWS_WITH(importBundle(f.dbPath(), bundle), Catch::Contains("existe déjà"));
}

TEST_CASE("bad bundles are refused with the table, the row and the field") {
    Fixture f;
    RichEvent r = buildRichEvent(f);
    const ordered_json good = ordered_json::parse(exportBundle(f.engine->store()));
    auto noteIndex = [&](Id id) {
        const auto& notes = good["tables"]["note"];
        for (std::size_t i = 0; i < notes.size(); ++i)
            if (notes[i]["id"] == id.str()) return i;
        return std::size_t(0);
    };
    std::size_t i = noteIndex(r.heartNote);
    std::string row = std::to_string(i + 1);

    expectRefused("{ not json", {"JSON"});
    expectRefused("{\"format\": \"other\"}", {"pas un paquet Atelier"});
    {
        auto j = good;
        j["version"] = 2;
        expectRefused(j.dump(), {"format 2", "format 1"});
    }
    {
        auto j = good;
        j["tables"].erase("vote");
        expectRefused(j.dump(), {"« vote »", "manque"});
    }
    {
        auto j = good;
        j["tables"]["note"][i].erase("text");
        expectRefused(j.dump(), {"« note »", "ligne " + row, r.heartNote.str(), "« text »", "manquant"});
    }
    {
        auto j = good;
        j["tables"]["note"][i]["team_id"] = "12345";
        expectRefused(j.dump(), {"« note »", "ligne " + row, "« team_id »", "12345", "« team »"});
    }
    {
        auto j = good;
        j["tables"]["note"][i]["team_id"] = nullptr;
        expectRefused(j.dump(), {"« note »", "« team_id »", "null"});
    }
    {
        auto j = good;
        j["tables"]["note"][i]["x"] = "left";
        expectRefused(j.dump(), {"« x »", "nombre"});
    }
    {
        auto j = good;
        j["tables"]["note"][i]["phase"] = "dream";
        expectRefused(j.dump(), {"« phase »", "dream", "diverge"});
    }
    {
        auto j = good;
        j["tables"]["note"][i]["mood"] = "happy";
        expectRefused(j.dump(), {"« mood »", "inconnu"});
    }
    {
        auto j = good;
        j["tables"]["note"].push_back(j["tables"]["note"][i]);
        expectRefused(j.dump(), {"en double"});
    }
    {
        auto j = good;
        j["tables"]["photo"][0]["data"] = "not base64!";
        expectRefused(j.dump(), {"« photo »", "« data »", "base64"});
    }
    {
        auto j = good;
        j["tables"]["event"] = ordered_json::array();
        expectRefused(j.dump(), {"au moins une ligne"});
    }
    {
        auto j = good;
        j["tables"]["vote"][0]["cluster_id"] = j["tables"]["vote"][0]["note_id"] = nullptr;
        expectRefused(j.dump(), {"« vote »"});
    }
}

// Its speed is measured by bench/ (bench_actions), not here: this checks the bulk path is right.
TEST_CASE("bundle import takes 10,000 notes in one bulk pass, search index included") {
    Fixture f;
    Id team = f.add(AddTeam{{}, "Équipe 1", "", {}});
    f.add(AddNote{{}, team, "modèle", "", 0, 0, {}, {}, {}, {}});
    ordered_json j = ordered_json::parse(exportBundle(f.engine->store()));
    ordered_json model = j["tables"]["note"][0];
    auto& notes = j["tables"]["note"];
    notes = ordered_json::array();
    for (int n = 1; n <= 10000; ++n) {
        ordered_json note = model;
        note["id"] = std::to_string(n);
        note["text"] = "Idée numéro " + std::to_string(n) + " : un guichet unique pour l’accueil des usagers";
        note["x"] = n % 100 * 170.0;
        note["z"] = n;
        notes.push_back(std::move(note));
    }
    std::string bundle = j.dump(1) + "\n";
    TempDir dir;
    auto copy = importBundle(dir.file("big.db"), bundle);
    CHECK(copy->loadAll().notes.size() == 10000);
    CHECK(exportBundle(*copy) == bundle);
    CHECK(searchEvent(*copy, "numero 4242", 5).size() == 1);
}

TEST_CASE("base64 both ways") {
    for (std::string s : {"", "a", "ab", "abc", "abcd", "\xFF\x00\x10"})
        CHECK(base64Decode(base64Encode(s)) == s);
    CHECK(base64Encode("Man") == "TWFu");
    CHECK_FALSE(base64Decode("TWF"));
    CHECK_FALSE(base64Decode("T=Fu"));
}

// Read as a stream (io/bundle_import.cpp): hostile shapes are refused at once, without a crash,
// and a bundle whose keys come in another order still imports.
TEST_CASE("hostile bundles are refused cleanly: deep nesting, invalid UTF-8, a 1 MB field name, over the size limit") {
    setMessageLanguage(Language::French);
    Fixture f;
    buildRichEvent(f);
    const std::string good = exportBundle(f.engine->store());
    const std::string textField = "\"text\": \"";
    const std::size_t at = good.find(textField);
    REQUIRE(at != std::string::npos);
    {
        // 100,000 nested arrays as a note's text.
        std::string deep = good;
        deep.replace(at, textField.size(), "\"text\": " + std::string(100000, '[') + std::string(100000, ']') + ", \"x0\": \"");
        expectRefused(deep, {"imbriquées sur plus de 32 niveaux"});
    }
    for (const std::string& bad : {std::string("\xff"), std::string("\xc0\xaf"), std::string("\xed\xa0\x80")}) {
        std::string invalid = good;
        invalid.insert(at + textField.size(), bad);
        expectRefused(invalid, {"pas du JSON valide", "octet "});
    }
    {
        std::string longKey = good;
        longKey.insert(at, "\"" + std::string(1 << 20, 'k') + "\": 1, ");
        TempDir dir;
        try {
            importBundle(dir.file("copy.db"), longKey);
            FAIL("bundle accepted");
        } catch (const ImportError& e) {
            CHECK_THAT(e.what(), Catch::Contains("champ inconnu"));
            CHECK(std::string(e.what()).size() < 600); // the name is shortened
        }
    }
    {
        TempDir dir;
        const std::string huge = dir.file("huge.json");
        writeBytes(huge, "{");
        std::filesystem::resize_file(huge, kMaxBundleBytes + 1); // sparse: no disk used
        try {
            importBundleFile(dir.file("copy.db"), huge);
            FAIL("bundle accepted");
        } catch (const ImportError& e) {
            CHECK_THAT(e.what(), Catch::Contains(std::to_string(kMaxBundleBytes + 1) + " octets") &&
                                     Catch::Contains("limite de " + std::to_string(kMaxBundleBytes) + " octets"));
        }
        CHECK_FALSE(std::filesystem::exists(dir.file("copy.db")));
    }
}

TEST_CASE("a bundle with its keys in another order imports the same event (photos before the event, tables before the format)") {
    Fixture f;
    buildRichEvent(f);
    const std::string bundle = exportBundle(f.engine->store());
    const ordered_json good = ordered_json::parse(bundle);
    REQUIRE_FALSE(good["tables"]["photo"].empty());
    ordered_json reordered = ordered_json::object();
    ordered_json tables = ordered_json::object();
    tables["photo"] = good["tables"]["photo"];
    for (const auto& [name, rows] : good["tables"].items())
        if (name != "photo") tables[name] = rows;
    reordered["tables"] = tables;
    reordered["version"] = good["version"];
    reordered["format"] = good["format"];
    TempDir dir;
    auto copy = importBundle(dir.file("copy.db"), reordered.dump());
    CHECK(exportBundle(*copy) == bundle);
}
