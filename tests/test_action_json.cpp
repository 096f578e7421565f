// Actions as JSON: every action round-trips, ids travel as strings, and every malformed input
// gets an error naming the action and the field.
#include "actions/action_json.hpp"
#include "model/errors.hpp"

#include <catch2/catch.hpp>

#include <set>

// Designated initializers name only the fields a test cares about; the rest keep their defaults.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

using namespace atelier;
using nlohmann::json;
using Catch::Matchers::Contains;

namespace {

template <typename T> struct IsOptional : std::false_type {};
template <typename T> struct IsOptional<std::optional<T>> : std::true_type {};

// Sets every field of an action to a value other than its default, so a round trip that
// drops or mangles a field shows.
struct Filler {
    std::int64_t next = 9007199254740993; // above 2^53: lost by a JSON double
    template <typename F> void operator()(const char*, F& field, Opt = Opt::Required) { fill(field); }
    void fill(Id& id) { id = Id{next++}; }
    void fill(std::string& s) { s = "« Texte » é — " + std::to_string(next++); }
    void fill(int& i) { i = static_cast<int>(next++ % 1000) + 2; }
    void fill(double& d) { d = 0.1 * static_cast<double>(next++ % 100) + 0.05; }
    void fill(bool& b) { b = !b; }
    template <typename E, std::enable_if_t<std::is_enum_v<E>, int> = 0> void fill(E& e) {
        e = static_cast<E>(codesOf<E>().size() - 1);
    }
    void fill(NoteMove& m) { m.fields(*this); }
    template <typename T> void fill(std::vector<T>& v) {
        v.resize(2);
        for (auto& item : v) fill(item);
    }
    template <typename T> void fill(std::optional<T>& o) {
        T value{};
        fill(value);
        o = value;
    }
};

template <typename T> Action filled() {
    T action{};
    Filler filler;
    action.fields(filler);
    return action;
}

template <std::size_t... I> std::vector<Action> allFilled(std::index_sequence<I...>) {
    return {filled<std::variant_alternative_t<I, Action>>()...};
}

std::vector<Action> everyActionFilled() { return allFilled(std::make_index_sequence<std::variant_size_v<Action>>{}); }

// The error an object raises, or "" when it parses.
std::string errorOf(const json& object) {
    try {
        actionFromJson(object);
    } catch (const ValidationError& e) {
        return e.what();
    }
    return {};
}

// A value of the wrong type for a field of the documented type.
json wrongValueFor(const std::string& type) {
    if (type == "text") return 12;
    if (type == "integer") return "3";
    if (type == "number") return "1.5";
    if (type == "boolean") return "true";
    if (type == "id") return true;
    if (type.front() == '[') return json::object();
    return "not-a-code"; // one of: a|b|c
}

} // namespace

TEST_CASE("every action round-trips through JSON with all its fields") {
    auto actions = everyActionFilled();
    REQUIRE(actions.size() == std::variant_size_v<Action>);
    for (const Action& action : actions) {
        INFO(actionName(action));
        json first = actionToJson(action);
        CHECK(first["action"] == actionName(action));
        Action back = actionFromJson(first);
        CHECK(back.index() == action.index());
        CHECK(actionToJson(back) == first);
        // Through text too, as `atelier apply` reads it.
        CHECK(actionToJson(actionFromJson(json::parse(first.dump()))) == first);
    }
}

TEST_CASE("ids are written as strings and keep all 64 bits") {
    Action a = AddNote{.id = Id{9007199254740993}, .team = Id{9223372036854775807}, .text = "x"};
    json j = actionToJson(a);
    CHECK(j["id"] == "9007199254740993");
    CHECK(j["team"] == "9223372036854775807");
    CHECK(std::get<AddNote>(actionFromJson(json::parse(j.dump()))).team == Id{9223372036854775807});
    // An id left at 0 in a create action is not written; a required one is.
    json minimal = actionToJson(AddNote{.team = Id{5}});
    CHECK_FALSE(minimal.contains("id"));
    CHECK(minimal["team"] == "5");
    CHECK(actionToJson(DeleteSlot{Id{7}})["slot"] == "7");
    // A list of ids too.
    json del = actionToJson(DeleteNotes{.notes = {Id{1}, Id{2}}});
    CHECK(del["notes"] == json::array({"1", "2"}));
    // Unquoted positive integers are accepted when reading.
    CHECK(std::get<DeleteSlot>(actionFromJson({{"action", "delete_slot"}, {"slot", 42}})).slot == Id{42});
}

TEST_CASE("optional and defaulted fields") {
    auto move = std::get<MoveNotes>(actionFromJson(json::parse(R"({"action":"move_notes","moves":[{"note":"3","x":1,"y":2.5}]})")));
    REQUIRE(move.moves.size() == 1);
    CHECK(move.moves[0].note == Id{3});
    CHECK(move.moves[0].y == 2.5);
    CHECK_FALSE(move.cluster); // absent: keep the cluster
    auto out = std::get<MoveNotes>(actionFromJson(json::parse(R"({"action":"move_notes","moves":[],"cluster":"0"})")));
    REQUIRE(out.cluster);
    CHECK_FALSE(*out.cluster); // "0": out of any cluster
    auto outNull = std::get<MoveNotes>(actionFromJson(json::parse(R"({"action":"move_notes","moves":[],"cluster":null})")));
    REQUIRE(outNull.cluster);
    CHECK_FALSE(*outNull.cluster);
    auto vote = std::get<CastVote>(actionFromJson(json::parse(R"({"action":"cast_vote","round":"1","member":"2","note":"3"})")));
    CHECK(vote.count == 1);
    CHECK_FALSE(vote.cluster);
    auto edit = std::get<EditSlot>(actionFromJson(json::parse(R"({"action":"edit_slot","slot":"1","title":"Pause"})")));
    CHECK(edit.title == std::optional<std::string>("Pause"));
    CHECK_FALSE(edit.day);
    CHECK_FALSE(edit.kind);
    auto phase = std::get<SetPhase>(actionFromJson(json::parse(R"({"action":"set_phase","phase":"test"})")));
    CHECK_FALSE(phase.team);
    CHECK(phase.phase == Phase::Test);
    auto round = std::get<OpenVoteRound>(actionFromJson(json::parse(R"({"action":"open_vote_round","team":"1","cap":null})")));
    CHECK_FALSE(round.cap);
    CHECK(round.budget == 3);
}

TEST_CASE("malformed objects are refused with a message naming the problem") {
    CHECK_THAT(errorOf(json::array()), Contains("objet JSON"));
    CHECK_THAT(errorOf("add_note"), Contains("objet JSON"));
    CHECK_THAT(errorOf(nullptr), Contains("objet JSON"));
    CHECK_THAT(errorOf(json::object()), Contains("action"));
    CHECK_THAT(errorOf({{"action", 5}}), Contains("action"));
    CHECK_THAT(errorOf({{"action", "fly_away"}}), Contains("fly_away") && Contains("inconnue"));
    CHECK_THAT(errorOf({{"action", "add_note"}}), Contains("add_note") && Contains("team") && Contains("obligatoire"));
    CHECK_THAT(errorOf({{"action", "add_note"}, {"team", "1"}, {"txt", "typo"}}),
               Contains("add_note") && Contains("txt") && Contains("inconnu") && Contains("text"));
    CHECK_THAT(errorOf({{"action", "move_notes"}, {"moves", {{{"note", "1"}, {"x", 0}}}}}),
               Contains("move_notes") && Contains("y"));
    CHECK_THAT(errorOf({{"action", "move_notes"}, {"moves", {5}}}), Contains("moves"));
    CHECK_THAT(errorOf({{"action", "delete_notes"}, {"notes", {"abc"}}}), Contains("delete_notes") && Contains("notes"));
    CHECK_THAT(errorOf({{"action", "add_slot"}, {"day", "2018-07-09"}, {"start", "09:00"}, {"end", "10:00"}, {"title", "T"},
                        {"kind", "party"}}),
               Contains("kind") && Contains("talk|workshop|debrief|exhibition|other") && Contains("party"));
    CHECK_THAT(errorOf({{"action", "add_note"}, {"team", "1"}, {"x", "far"}}), Contains("x") && Contains("nombre"));
    CHECK_THAT(errorOf({{"action", "set_private_writing"}, {"team", "1"}, {"on", 1}}), Contains("on"));
    CHECK_THAT(errorOf({{"action", "cast_vote"}, {"round", "1"}, {"member", "2"}, {"note", "3"}, {"count", 1.5}}),
               Contains("count") && Contains("entier"));
    CHECK_THAT(errorOf({{"action", "open_vote_round"}, {"team", "1"}, {"budget", 4294967296LL}}), Contains("budget"));
    // A number too big for any integer must not wrap around into a small one.
    CHECK_THAT(errorOf(json::parse(R"({"action":"open_vote_round","team":"1","budget":18446744073709551615})")),
               Contains("budget") && Contains("entier"));
}

TEST_CASE("an id must be a positive integer") {
    for (const json& bad : {json("abc"), json("-1"), json(-1), json(1.5), json("1.5"), json("12abc"), json(" 12"),
                            json("99999999999999999999"), json(true), json::array()}) {
        INFO(bad.dump());
        CHECK_THAT(errorOf({{"action", "delete_slot"}, {"slot", bad}}), Contains("delete_slot") && Contains("slot"));
    }
    // 0 (or "") means "none": refused where an id is required, accepted where it may be left out.
    CHECK_THAT(errorOf({{"action", "delete_slot"}, {"slot", "0"}}), Contains("slot") && Contains("identifiant"));
    CHECK_THAT(errorOf({{"action", "delete_slot"}, {"slot", ""}}), Contains("slot"));
    CHECK(errorOf({{"action", "add_team"}, {"name", "A"}, {"challenge", "0"}}).empty());
}

TEST_CASE("every field of every action: missing, wrong type and unknown fields are named") {
    auto actions = everyActionFilled();
    auto docs = actionReference();
    REQUIRE(docs.size() == actions.size());
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const ActionDoc& doc = docs[i];
        json full = actionToJson(actions[i]);
        REQUIRE(full["action"] == doc.name);
        for (const FieldDoc& field : doc.fields) {
            INFO(doc.name << "." << field.name << " (" << field.type << ")");
            REQUIRE(full.contains(field.name));
            json without = full;
            without.erase(field.name);
            std::string error = errorOf(without);
            if (field.required) {
                CHECK_THAT(error, Contains(doc.name) && Contains(field.name));
            } else {
                CHECK(error.empty());
            }
            json wrong = full;
            wrong[field.name] = wrongValueFor(field.type);
            CHECK_THAT(errorOf(wrong), Contains(doc.name) && Contains(field.name));
        }
        json unknown = full;
        unknown["surprise"] = 1;
        CHECK_THAT(errorOf(unknown), Contains(doc.name) && Contains("surprise"));
    }
}

TEST_CASE("the action reference lists every action once, with its fields") {
    auto docs = actionReference();
    auto actions = everyActionFilled();
    std::set<std::string> names;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        CHECK(docs[i].name == actionName(actions[i]));
        CHECK(docs[i].undoable == isUndoable(actions[i]));
        CHECK(names.insert(docs[i].name).second);
        CHECK_FALSE(docs[i].fields.empty());
    }
    CHECK(names.size() == std::variant_size_v<Action>);
    auto addNote = std::find_if(docs.begin(), docs.end(), [](const ActionDoc& d) { return d.name == "add_note"; });
    REQUIRE(addNote != docs.end());
    auto field = [&](const std::string& name) {
        return *std::find_if(addNote->fields.begin(), addNote->fields.end(), [&](const FieldDoc& f) { return f.name == name; });
    };
    CHECK(field("team").required);
    CHECK(field("team").type == "id");
    CHECK_FALSE(field("text").required);
    CHECK(field("width").type == "number");
    CHECK_FALSE(field("width").required);
    for (const auto& d : docs)
        // Timer controls are not undoable (time has passed), but taking a minute off is a correction.
        if (d.name == "add_feedback" || (d.name.find("timer") != std::string::npos && d.name != "shorten_timer")) CHECK_FALSE(d.undoable);
        else CHECK(d.undoable);
}
