#include "participation/snapshot_builder.hpp"

namespace atelier::participation {

namespace {

// Newer rows over older ones not yet made: the event's parts from the newer, each team's rows
// from the newest submission that had them (a team absent from the newer is unchanged since).
void merge(SnapshotRows& pending, SnapshotRows&& newer) {
    for (auto& [team, rows] : newer.changed) pending.changed.insert_or_assign(team, std::move(rows));
    newer.changed.clear();
    pending.revision = newer.revision;
    pending.eventName = std::move(newer.eventName);
    pending.teams = std::move(newer.teams);
    pending.stands = std::move(newer.stands);
    std::erase_if(pending.changed, [&](const auto& entry) {
        for (const auto& t : pending.teams)
            if (t.id == entry.first) return false;
        return true; // a team gone
    });
}

} // namespace

SnapshotBuilder::SnapshotBuilder(std::function<void()> onStart) : m_thread([this, onStart = std::move(onStart)] { run(onStart); }) {}

SnapshotBuilder::~SnapshotBuilder() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

std::uint64_t SnapshotBuilder::submit(SnapshotRows rows) {
    std::uint64_t number;
    {
        std::lock_guard lock(m_mutex);
        if (m_pending) merge(*m_pending, std::move(rows));
        else m_pending = std::move(rows);
        number = ++m_submitted;
    }
    m_changed.notify_all();
    return number;
}

void SnapshotBuilder::run(std::function<void()> onStart) {
    if (onStart) onStart();
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [&] { return m_stopping || (m_pending && !m_held); });
        if (m_stopping) return;
        SnapshotRows rows = std::move(*m_pending);
        m_pending.reset();
        const std::uint64_t number = m_submitted;
        auto previous = m_latest;
        lock.unlock();
        auto next = buildSnapshot(rows, previous.get());
        // The text of each view made now, here: a poll only copies it.
        for (const auto& [team, view] : next->teams)
            if (rows.changed.count(team)) view->notesText();
        lock.lock();
        m_latest = std::move(next);
        m_published = number;
        ++m_builds;
        m_teamViews += rows.changed.size();
        m_changed.notify_all();
    }
}

std::shared_ptr<const ParticipantSnapshot> SnapshotBuilder::latest() const {
    std::lock_guard lock(m_mutex);
    return m_latest;
}

std::uint64_t SnapshotBuilder::submitted() const {
    std::lock_guard lock(m_mutex);
    return m_submitted;
}

std::uint64_t SnapshotBuilder::published() const {
    std::lock_guard lock(m_mutex);
    return m_published;
}

bool SnapshotBuilder::waitFor(std::uint64_t number, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout, [&] { return m_published >= number || m_stopping; }) && m_published >= number;
}

std::uint64_t SnapshotBuilder::builds() const {
    std::lock_guard lock(m_mutex);
    return m_builds;
}

std::uint64_t SnapshotBuilder::teamViewsMade() const {
    std::lock_guard lock(m_mutex);
    return m_teamViews;
}

void SnapshotBuilder::hold() {
    std::lock_guard lock(m_mutex);
    m_held = true;
}

void SnapshotBuilder::release() {
    {
        std::lock_guard lock(m_mutex);
        m_held = false;
    }
    m_changed.notify_all();
}

} // namespace atelier::participation
