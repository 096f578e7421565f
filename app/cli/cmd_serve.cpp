// serve: the participant page for phones, without a window (a dedicated machine, scripts,
// tests). The engine lives on this (main) thread; the HTTP threads hand it their writes.
#include "cli/cli.hpp"

#include "engine/engine.hpp"
#include "model/clock.hpp"
#include "model/language.hpp"
#include "participation/stand_codes.hpp"
#include "server/participant_server.hpp"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>

namespace atelier {

namespace {

std::atomic<bool> g_stop{false};

void onSignal(int) { g_stop = true; }

struct ServeOptions {
    std::string path;
    ParticipantServerOptions server;
};

int runServe(const ServeOptions& options) {
    SystemClock clock;
    auto engine = Engine::open(options.path, clock);
    ParticipantServer server(options.server);
    server.start();
    server.pump(*engine);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    std::vector<std::string> hosts;
    if (options.server.bind == "0.0.0.0") hosts = localAddresses();
    if (hosts.empty()) hosts.push_back(options.server.bind == "0.0.0.0" ? "127.0.0.1" : options.server.bind);
    std::printf("%s\n", trf("Participation ouverte sur le port {} (code {}). Ctrl+C pour fermer.",
                            "Participation open on port {} (code {}). Ctrl+C to close.", server.port(), server.codes().current())
                            .c_str());
    for (const auto& host : hosts) std::printf("join %s\n", server.joinUrl(host).c_str());
    for (const Prototype* p : [&] {
             std::vector<const Prototype*> latest;
             for (const Team* team : engine->state().teamsInOrder())
                 for (const Prototype* proto : engine->state().prototypesOfTeam(team->id))
                     if (proto->id == proto->lineageId) latest.push_back(proto);
             return latest;
         }())
        std::printf("stand %s %s\n", server.standUrl(hosts.front(), participation::standCode(engine->state().event, p->lineageId)).c_str(),
                    p->title.c_str());
    std::fflush(stdout);
    while (!g_stop) {
        server.queue().waitForWork(std::chrono::milliseconds(200));
        server.pump(*engine);
    }
    server.stop();
    std::printf("%s\n", tr("Participation fermée.", "Participation closed.").c_str());
    return 0;
}

} // namespace

void registerServeCommand(CLI::App& app, CliRun& run) {
    auto* cmd = app.add_subcommand("serve", "Ouvre la page des participants sur le réseau local / serve the participant page on the LAN");
    auto options = std::make_shared<ServeOptions>();
    cmd->add_option("DB", options->path, "événement / event file")->required();
    cmd->add_option("--port", options->server.port, "port (8080; 0 : un port libre / any free port)");
    cmd->add_option("--bind", options->server.bind, "adresse d'écoute / address to listen on (0.0.0.0)");
    cmd->add_option("--code", options->server.code, "code d'accès imposé / fixed join code (tests)");
    cmd->callback([&run, options] { run.command = [options] { return runServe(*options); }; });
}

} // namespace atelier
