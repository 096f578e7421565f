// The Participation screen in the app: a phone's request is run between frames on the app's
// thread, lands on the board, stays off the laptop's undo; the screen lists the device and
// closes the server.
#include "app_headless.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <thread>

using namespace atelier;
using namespace atelier::test;
using nlohmann::json;

TEST_CASE("Participation: a phone's note arrives between frames, off the undo history; the screen lists it and closes", "[app][participation]") {
    Headless h;
    REQUIRE(h.session().isOpen());
    ParticipantServerOptions options;
    options.bind = "127.0.0.1";
    options.port = 0; // any free port: CI may run other servers
    options.code = "APPT42";
    h.session().participation = std::make_unique<ParticipantServer>(options);
    h.session().participation->start();
    h.session().participationEngine = h.session().engine()->serial();
    h.session().view = ViewId::Participation;
    h.frames(2);
    CHECK(h.has("Fermer la participation"));
    const Team* team = h.session().state().teamsInOrder().front();
    std::string teamId = team->id.str();
    std::size_t notesBefore = h.session().state().notesOfTeam(team->id).size();
    std::size_t undoBefore = h.session().engine()->history().undoCount();

    std::atomic<bool> done{false};
    json answer;
    std::thread phone([&] {
        httplib::Client client("127.0.0.1", h.session().participation->port());
        httplib::Headers headers{{"X-Atelier-Code", "APPT42"}};
        auto post = [&](const json& body) {
            auto res = client.Post("/api/do", headers, body.dump(), "application/json");
            return res ? json::parse(res->body) : json{{"error", "no answer"}};
        };
        json joined = post({{"do", "join"}, {"team", teamId}});
        headers.emplace("X-Atelier-Device", joined.value("token", ""));
        post({{"do", "add_self"}, {"client_id", "00112233445566778899aabbccddeeff"}, {"name", "Léa Téléphone"}});
        answer = post({{"do", "add_note"}, {"client_id", "ffeeddccbbaa99887766554433221100"}, {"text", "Note « du téléphone »"}});
        done = true;
    });
    // The app's loop: frames, and between them App::afterFrames drains the phone's requests.
    for (int i = 0; i < 600 && !done; ++i) {
        h.frame();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    phone.join();
    INFO(answer.dump());
    CHECK(answer.value("ok", false));
    auto notes = h.session().state().notesOfTeam(team->id);
    REQUIRE(notes.size() == notesBefore + 1);
    bool found = false;
    for (const Note* n : notes) found = found || n->text == "Note « du téléphone »";
    CHECK(found);
    CHECK(h.session().engine()->history().undoCount() == undoBefore);
    h.frames(2);
    CHECK(h.has("Retirer"));
    // The A4 stand sheet: one card per prototype, with its stand link and QR code.
    h.click("Feuille A4 des stands");
    h.frames(2);
    std::string sheetPath = h.session().engine()->path();
    sheetPath = sheetPath.substr(0, sheetPath.find_last_of('.')) + "-stands.html";
    std::string sheet = readBytes(sheetPath);
    std::size_t cards = 0;
    for (std::size_t at = sheet.find("class=\"card\""); at != std::string::npos; at = sheet.find("class=\"card\"", at + 1)) ++cards;
    std::size_t lineages = 0;
    for (const auto& [id, p] : h.session().state().prototypes) lineages += p.id == p.lineageId;
    CHECK(lineages > 0);
    CHECK(cards == lineages);
    CHECK(sheet.find("<svg") != std::string::npos);
    CHECK(sheet.find("/?s=") != std::string::npos);
    CHECK(sheet.find("<script") == std::string::npos);
    // The join QR code as a projector content, drawn with the server open.
    h.click("Projeter le QR code");
    h.frames(2);
    CHECK(h.session().projectorContent == ProjectorContent::Join);
    h.click("Fermer la participation");
    h.frames(2);
    CHECK_FALSE(h.session().participation);
    CHECK(h.has("Ouvrir la participation"));
}
