// The bundle import holds every row to the rules the actions follow (rules/row_rules.hpp):
// a bundle breaking one is refused whole, naming the table, the row, the field and the value
// (shortened), and no file is created. Each case is one of issue 12's findings.
#include "test_io_event.hpp"

#include "io/bundle.hpp"
#include "io/import_error.hpp"
#include "model/language.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace atelier;
using namespace atelier::test;
using nlohmann::ordered_json;

namespace {

std::string refusal(const std::string& json) {
    TempDir dir;
    std::string path = dir.file("copy.db");
    std::string message;
    try {
        importBundle(path, json);
    } catch (const ImportError& e) {
        message = e.what();
    }
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK_FALSE(std::filesystem::exists(path + "-wal"));
    return message;
}

std::size_t indexOf(const ordered_json& table, Id id) {
    for (std::size_t i = 0; i < table.size(); ++i)
        if (table[i]["id"] == id.str()) return i;
    FAIL("row not found");
    return 0;
}

struct BundleCase {
    Fixture f;
    RichEvent r = buildRichEvent(f);
    ordered_json good = ordered_json::parse(exportBundle(f.engine->store()));
    ordered_json& row(ordered_json& j, const char* table, Id id) { return j["tables"][table][indexOf(j["tables"][table], id)]; }
};

} // namespace

TEST_CASE("bundle rows over the limits, with bad colours or positions, are refused whole, named", "[bundle][rules]") {
    setMessageLanguage(Language::French);
    BundleCase c;
    std::string noteRow = "ligne " + std::to_string(indexOf(c.good["tables"]["note"], c.r.heartNote) + 1);
    auto noteWith = [&](const char* field, ordered_json value) {
        auto j = c.good;
        c.row(j, "note", c.r.heartNote)[field] = std::move(value);
        return refusal(j.dump());
    };
    std::string tooLong = noteWith("text", std::string(kMaxLongText + 1, 'a'));
    CHECK_THAT(tooLong, Catch::Contains("Paquet refusé, rien n'a été écrit") && Catch::Contains("« note »") &&
                            Catch::Contains(noteRow) && Catch::Contains(c.r.heartNote.str()) && Catch::Contains("« text »") &&
                            Catch::Contains("trop long (20001 octets"));
    std::string huge = noteWith("text", std::string(50u * 1024 * 1024, 'a'));
    CHECK_THAT(huge, Catch::Contains("« text »") && Catch::Contains("52428800 octets"));
    CHECK(huge.size() < 1000);
    CHECK_THAT(noteWith("colour", "rouge"), Catch::Contains("« colour »") && Catch::Contains("« rouge »"));
    CHECK_THAT(noteWith("x", 1e300), Catch::Contains("« x »") && Catch::Contains("hors du mur"));
    CHECK_THAT(noteWith("width", 0), Catch::Contains("« width »") && Catch::Contains("entre 40 et 2000"));
    {
        // An encoded surrogate: nlohmann cannot even write it, so it goes in as raw bytes.
        auto j = c.good;
        c.row(j, "note", c.r.heartNote)["text"] = "@@";
        std::string text = j.dump();
        text.replace(text.find("\"@@\""), 4, "\"\xed\xa0\x80\"");
        CHECK_THAT(refusal(text), Catch::Contains("Paquet refusé"));
    }
    {
        auto j = c.good;
        c.row(j, "team", c.r.team)["name"] = std::string(501, 'n');
        CHECK_THAT(refusal(j.dump()), Catch::Contains("« team »") && Catch::Contains("« name »") && Catch::Contains("501 octets"));
    }
    {
        auto j = c.good;
        c.row(j, "team", c.r.otherTeam)["name"] = "Équipe Natation";
        CHECK_THAT(refusal(j.dump()), Catch::Contains("s'appelle déjà"));
    }
    {
        auto j = c.good;
        c.row(j, "challenge", c.r.challenge)["number"] = -3;
        CHECK_THAT(refusal(j.dump()), Catch::Contains("« challenge »") && Catch::Contains("« number »") && Catch::Contains("-3"));
    }
}

TEST_CASE("bundle votes and references are held to budgets, caps and teams", "[bundle][rules]") {
    setMessageLanguage(Language::French);
    BundleCase c;
    {
        auto j = c.good;
        c.row(j, "vote_round", c.r.round)["budget"] = -5;
        CHECK_THAT(refusal(j.dump()), Catch::Contains("« vote_round »") && Catch::Contains("« budget »") && Catch::Contains("-5"));
    }
    {
        // 2^32 + 1 dots: refused, not stored as 1.
        auto j = c.good;
        j["tables"]["vote"][0]["count"] = 4294967297ll;
        CHECK_THAT(refusal(j.dump()), Catch::Contains("« vote »") && Catch::Contains("« count »") && Catch::Contains("4294967297"));
    }
    {
        // A dot on another team's note: the note moved to the other board.
        auto j = c.good;
        c.row(j, "note", c.r.scriptNote)["team_id"] = c.r.otherTeam.str();
        c.row(j, "note", c.r.scriptNote)["author_id"] = nullptr;
        CHECK_THAT(refusal(j.dump()), Catch::Contains("« vote »") && Catch::Contains("autre équipe que ce vote"));
    }
    {
        // An author from another team.
        auto j = c.good;
        auto& jean = c.row(j, "member", c.r.jean);
        jean["team_id"] = c.r.otherTeam.str();
        std::string message = refusal(j.dump());
        CHECK_THAT(message, Catch::Contains("L'auteur du post-it n'est pas membre de cette équipe"));
        CHECK_THAT(message, Catch::Contains("n'est pas membre de l'équipe qui vote")); // several offences listed
    }
    {
        // Awa already spends her 3 dots: one more is over the budget.
        auto j = c.good;
        for (auto& vote : j["tables"]["vote"])
            if (vote["member_id"] == c.r.awa.str() && vote["note_id"] == c.r.scriptNote.str()) vote["count"] = 3;
        CHECK_THAT(refusal(j.dump()), Catch::Contains("« vote »") && Catch::Contains("au plus 3 par personne"));
    }
    {
        auto j = c.good;
        c.row(j, "vote_round", c.r.round)["cap"] = 1;
        CHECK_THAT(refusal(j.dump()), Catch::Contains("au plus 1 par idée"));
    }
    {
        auto j = c.good;
        c.row(j, "photo", c.r.photo)["mime"] = "image/jpeg"; // the bytes are a PNG
        CHECK_THAT(refusal(j.dump()), Catch::Contains("« photo »") && Catch::Contains("« data »"));
    }
}

TEST_CASE("every bundle the app exports passes the rules it is imported with", "[bundle][rules]") {
    BundleCase c;
    TempDir dir;
    auto copy = importBundle(dir.file("copy.db"), exportBundle(c.f.engine->store()));
    CHECK(exportBundle(*copy) == exportBundle(c.f.engine->store()));
}
