#pragma once
// The participant page and its JSON API, served on the room's network by the laptop that holds
// the event (cpp-httplib). HTTP threads never touch the Engine: they read the latest snapshot
// and hand each write to the engine's thread through the queue, answering after the commit.
// The thread that owns the Engine calls pump() (between frames in the app, in a loop in
// `atelier serve`).
//
// API (every request carries the event's code in the X-Atelier-Code header; writes carry the
// device's token in X-Atelier-Device; no cookie, so no cross-site forgery; every message is in
// the phone's language, X-Atelier-Lang: fr|en, else its Accept-Language, French by default):
//   GET  /api/state?since=R   the event's teams (no device), or the device's team view
//   POST /api/do              a participant request (participant_actions.hpp), ≤ 16 KB
//   GET  /api/stand?s=CODE    the prototype a stand code names (the stand code is the code)
//   POST /api/feedback        feedback with a stand code, no join
//   GET  / , /app.js, /style.css, /stand.html …   only the files of assets/web/
#include "participation/device_registry.hpp"
#include "participation/engine_queue.hpp"
#include "participation/join_code.hpp"
#include "participation/participant_actions.hpp"
#include "participation/participant_view.hpp"
#include "participation/rate_limit.hpp"
#include "participation/snapshot_builder.hpp"

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace atelier {

class Engine;

struct ParticipantServerOptions {
    std::string bind = "0.0.0.0";
    int port = 8080;                    // 0: any free port (tests)
    std::string code;                   // empty: a random join code
    std::size_t threads = 16;           // HTTP worker threads
    std::size_t maxConnections = 400;   // accepted and not yet answered; past it: 503 at once
    int readTimeoutSeconds = 3;         // a client that stalls mid-request is dropped
    int writeTimeoutSeconds = 3;
    std::size_t maxBody = 16 * 1024;
    // A team laptop's copy (`atelier copy --team`) serves its own team's phones only; the other
    // teams join the laptop that holds them. 0: every team (the facilitator's whole event).
    Id servedTeam{};
    // The server's own threads (HTTP workers, listener, snapshot builder) under Linux's idle
    // policy (SCHED_IDLE): they run on the CPU time the app's threads leave free, and a frame's
    // thread waking takes its core back at once. At nice +10 they still kept the UI thread waiting
    // in the run queue for 18 % of a pan with 200 phones (read in /proc/PID/task/TID/schedstat).
    // The app sets it (openParticipation); `atelier serve` has no frame to protect and leaves it off.
    bool idleThreads = false;
};

class ParticipantServer {
public:
    explicit ParticipantServer(ParticipantServerOptions options);
    ~ParticipantServer();
    ParticipantServer(const ParticipantServer&) = delete;
    ParticipantServer& operator=(const ParticipantServer&) = delete;

    // Binds and starts listening on its own thread. Throws Error with a French message
    // naming the address and port when it cannot.
    void start();
    void stop();
    bool running() const { return m_running; }
    int port() const { return m_port; }
    const ParticipantServerOptions& options() const { return m_options; }

    // On the engine's thread: runs the phones' waiting requests, then, when the state changed
    // (by them or by the laptop), copies the changed teams' rows for the snapshot builder, which
    // makes and publishes the snapshot on its own thread. Returns how many requests ran. The
    // first call waits for the first snapshot, so that no phone is answered « starting ».
    // With `drainRequests` false, only the snapshot (the app batching the phones' writes).
    std::size_t pump(Engine& engine, bool drainRequests = true);
    // The snapshot builder (its counters, and hold/release for tests).
    const participation::SnapshotBuilder& snapshots() const { return m_builder; }
    participation::SnapshotBuilder& snapshots() { return m_builder; }

    participation::EngineQueue& queue() { return m_queue; }
    participation::JoinCodes& codes() { return m_codes; }
    participation::DeviceRegistry& devices() { return m_devices; }
    // The join link for an address ("http://192.168.1.10:8080/?c=K7P2QX").
    std::string joinUrl(const std::string& host) const;
    std::string standUrl(const std::string& host, const std::string& standCode) const;
    std::size_t connectionsRefused() const { return m_refused; }

private:
    class Http;
    class BoundedQueue;
    void routes();
    // The latest snapshot; for a device that just wrote (`token`), the one holding its write.
    std::shared_ptr<const participation::ParticipantSnapshot> snapshot(const std::string& token = {});

    ParticipantServerOptions m_options;
    participation::JoinCodes m_codes;
    participation::DeviceRegistry m_devices;
    // Writes with a token are limited per device. Those without one (joins, stand feedback) can
    // only be keyed on the address, and a whole room may share one (a NAT'd access point,
    // loopback): those buckets are sized for a room arriving at once, not for one phone.
    participation::RateLimit m_writeLimit, m_joinLimit, m_standLimit;
    participation::EngineQueue m_queue;
    participation::ParticipantActions m_actions{m_devices}; // engine thread only
    std::unique_ptr<Http> m_http;
    std::thread m_listener;
    std::atomic<bool> m_running{false};
    std::atomic<std::size_t> m_refused{0};
    int m_port = 0;
    // The state a snapshot was last asked for (engine thread only), and the teams asked for so far.
    bool m_submittedAny = false;
    std::uint64_t m_snapshotEngine = 0, m_snapshotRevision = 0;
    std::unordered_set<Id> m_knownTeams;
    // The submission a device's next read must see: its own write (set on the engine's thread
    // before the write is answered, so that the phone's next poll shows its note). Only that
    // device waits: the others' polls take the snapshot at hand (2 s allowed to other phones).
    std::mutex m_readAfterMutex;
    std::unordered_map<std::string, std::uint64_t> m_readAfter;
    participation::SnapshotBuilder m_builder; // its thread at the HTTP threads' priority
};

// The machine's IPv4 addresses a phone on the same network may reach (not loopback), for the
// join link and the QR code.
std::vector<std::string> localAddresses();

} // namespace atelier
