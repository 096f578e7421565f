// serve: the participant page for phones, without a window (a dedicated machine, scripts,
// tests). The engine lives on this (main) thread; the HTTP threads hand it their writes.
#include "cli/cli.hpp"

#include "actions/action_json.hpp"
#include "model/errors.hpp"

#include "engine/engine.hpp"
#include "model/clock.hpp"
#include "model/language.hpp"
#include "participation/stand_codes.hpp"
#include "server/participant_server.hpp"
#include "sync/replica.hpp"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include <poll.h>
#include <unistd.h>

namespace atelier {

namespace {

using nlohmann::json;

std::atomic<bool> g_stop{false};

void onSignal(int) { g_stop = true; }

struct ServeOptions {
    std::string path;
    ParticipantServerOptions server;
    bool facilitatorStdin = false;
};

// --facilitator-stdin (scripts, tests): the facilitator's actions, one JSON line each as for
// `apply`, read from the standard input while serving and applied on the engine's thread like the
// laptop's own (private writing, « Dévoiler »). Each line is answered on the standard output
// with "facilitator " and the JSON answer. Local only: nothing of it is reachable from the network.
class FacilitatorInput {
public:
    explicit FacilitatorInput(participation::EngineQueue& queue) : m_queue(queue), m_thread([this] { run(); }) {}
    ~FacilitatorInput() {
        m_stop = true;
        m_thread.join();
    }

private:
    void run() {
        std::string buffer;
        bool open = true;
        while (!m_stop && open) {
            pollfd input{STDIN_FILENO, POLLIN, 0};
            if (::poll(&input, 1, 200) <= 0) continue;
            char chunk[4096];
            ssize_t got = ::read(STDIN_FILENO, chunk, sizeof chunk);
            if (got <= 0) open = false;
            else buffer.append(chunk, static_cast<std::size_t>(got));
            for (std::size_t end; (end = buffer.find('\n')) != std::string::npos; buffer.erase(0, end + 1))
                answer(buffer.substr(0, end));
        }
    }
    void answer(std::string line) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) return;
        json reply;
        try {
            auto done = m_queue.submit([line](Engine& engine) {
                ActionResult result = engine.apply(actionFromJson(parseActionLine(line)));
                return json{{"ok", true}, {"description", result.description}};
            });
            reply = done.get();
        } catch (const Error& e) {
            reply = json{{"ok", false}, {"error", e.what()}};
        }
        std::printf("facilitator %s\n", reply.dump(-1, ' ', false, json::error_handler_t::replace).c_str());
        std::fflush(stdout);
    }

    participation::EngineQueue& m_queue;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

int runServe(const ServeOptions& options) {
    SystemClock clock;
    auto engine = Engine::open(options.path, clock);
    ParticipantServerOptions serverOptions = options.server;
    serverOptions.servedTeam = readReplicaInfo(options.path).teamId; // a team laptop's copy: its team only
    ParticipantServer server(serverOptions);
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
    if (const Team* served = engine->state().find<Team>(serverOptions.servedTeam))
        std::printf("%s\n", trf("Copie d’équipe : seule l’équipe « {} » peut rejoindre.", "Team copy: only team \"{}\" can join.",
                                 served->name).c_str());
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
    {
        std::optional<FacilitatorInput> facilitator;
        if (options.facilitatorStdin) facilitator.emplace(server.queue());
        while (!g_stop) {
            server.queue().waitForWork(std::chrono::milliseconds(200));
            server.pump(*engine);
        }
        server.stop(); // before the facilitator's input ends: a line waiting on the queue is refused, not left hanging
    }
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
    // Hidden (no group): for scripts and tests, see FacilitatorInput.
    cmd->add_flag("--facilitator-stdin", options->facilitatorStdin)->group("");
    cmd->callback([&run, options] { run.command = [options] { return runServe(*options); }; });
}

} // namespace atelier
