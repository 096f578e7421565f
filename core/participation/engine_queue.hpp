#pragma once
// How another thread (the HTTP server's) gets work done by the engine's thread: it submits a
// task and waits on its future; the thread that owns the Engine drains the queue between
// frames (the app) or in its own loop (`atelier serve`). The task's exception, if any, is
// what the future rethrows. Bounded: past `capacity` waiting tasks, submit refuses at once.
#include "engine/engine.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>

namespace atelier::participation {

class EngineQueue {
public:
    using Task = std::function<nlohmann::json(Engine&)>;

    explicit EngineQueue(std::size_t capacity = 1000) : m_capacity(capacity) {}
    // Called (from the submitting thread) after a task is queued into an empty queue: the app
    // wakes its loop with glfwPostEmptyEvent (the tasks queued behind it are drained with it).
    void setWake(std::function<void()> wake);
    // Throws ValidationError (« serveur occupé ») when full or closed.
    std::future<nlohmann::json> submit(Task task);
    // On the engine's thread: runs what is waiting, in order. Returns how many ran.
    std::size_t drain(Engine& engine);
    // On the engine's thread: waits until a task is queued, the queue is closed, or `timeout`.
    void waitForWork(std::chrono::milliseconds timeout);
    // Refuses new tasks; tasks still waiting fail with the same message.
    void close();
    std::size_t pending() const;

private:
    struct Item {
        Task task;
        std::promise<nlohmann::json> promise;
    };
    std::size_t m_capacity;
    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<Item> m_items;
    std::function<void()> m_wake;
    bool m_closed = false;
};

} // namespace atelier::participation
