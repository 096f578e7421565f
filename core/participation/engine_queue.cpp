#include "participation/engine_queue.hpp"

#include "model/errors.hpp"
#include "model/language.hpp"

namespace atelier::participation {

namespace {

std::string busyMessage() {
    return tr("Le serveur de l’atelier est occupé : réessayez dans un instant.",
              "The workshop server is busy: try again in a moment.");
}

std::string closedMessage() {
    return tr("La participation est fermée : demandez à l’animateur de l’ouvrir.",
              "Participation is closed: ask the facilitator to open it.");
}

} // namespace

void EngineQueue::setWake(std::function<void()> wake) {
    std::lock_guard lock(m_mutex);
    m_wake = std::move(wake);
}

std::future<nlohmann::json> EngineQueue::submit(Task task) {
    std::function<void()> wake;
    std::future<nlohmann::json> future;
    {
        std::lock_guard lock(m_mutex);
        if (m_closed) throw ValidationError(closedMessage());
        if (m_items.size() >= m_capacity) throw ValidationError(busyMessage());
        // Only the first task wakes the loop: the ones after it are drained with it.
        if (m_items.empty()) wake = m_wake;
        m_items.push_back(Item{std::move(task), {}});
        future = m_items.back().promise.get_future();
    }
    m_ready.notify_one();
    if (wake) wake();
    return future;
}

std::size_t EngineQueue::drain(Engine& engine) {
    std::deque<Item> items;
    {
        std::lock_guard lock(m_mutex);
        items.swap(m_items);
    }
    for (Item& item : items) {
        try {
            item.promise.set_value(item.task(engine));
        } catch (...) {
            item.promise.set_exception(std::current_exception());
        }
    }
    return items.size();
}

void EngineQueue::waitForWork(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    m_ready.wait_for(lock, timeout, [&] { return !m_items.empty() || m_closed; });
}

void EngineQueue::close() {
    std::deque<Item> items;
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        items.swap(m_items);
    }
    m_ready.notify_all();
    for (Item& item : items) item.promise.set_exception(std::make_exception_ptr(ValidationError(closedMessage())));
}

std::size_t EngineQueue::pending() const {
    std::lock_guard lock(m_mutex);
    return m_items.size();
}

} // namespace atelier::participation
