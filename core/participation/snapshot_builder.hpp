#pragma once
// Makes the phones' snapshots on a thread of its own, off the engine's (the app's UI) thread:
// the engine's thread only copies the changed teams' rows (copyRows) and submits them; this
// thread makes the views and their JSON text and publishes the whole snapshot at once (readers
// get a shared pointer to a finished snapshot, never one being made). Rows submitted while a
// snapshot is being made are merged, so a team changed five times meanwhile is made once.
#include "participation/participant_view.hpp"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace atelier::participation {

class SnapshotBuilder {
public:
    // `onStart` runs first on the builder's thread (the server lowers its priority there).
    explicit SnapshotBuilder(std::function<void()> onStart = {});
    ~SnapshotBuilder();
    SnapshotBuilder(const SnapshotBuilder&) = delete;
    SnapshotBuilder& operator=(const SnapshotBuilder&) = delete;

    // Engine's thread: returns at once. The number it returns is this submission's; a snapshot
    // published with that number or more holds its rows.
    std::uint64_t submit(SnapshotRows rows);
    // Any thread: the latest snapshot published (null before the first).
    std::shared_ptr<const ParticipantSnapshot> latest() const;
    std::uint64_t submitted() const;
    std::uint64_t published() const;
    // Waits until submission `number` is published or `timeout` passes; whether it was.
    bool waitFor(std::uint64_t number, std::chrono::milliseconds timeout) const;

    // Snapshots made, and team views made in them (those merged away are not made).
    std::uint64_t builds() const;
    std::uint64_t teamViewsMade() const;
    // Tests: while held, submissions wait (and merge) unmade.
    void hold();
    void release();

private:
    void run(std::function<void()> onStart);

    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::optional<SnapshotRows> m_pending;
    std::uint64_t m_submitted = 0, m_published = 0, m_builds = 0, m_teamViews = 0;
    std::shared_ptr<const ParticipantSnapshot> m_latest;
    bool m_held = false, m_stopping = false;
    std::thread m_thread; // last: started once the rest is ready
};

} // namespace atelier::participation
