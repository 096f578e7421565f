#include "diagnostics/startup_timeline.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>

namespace atelier::startup {

namespace {

struct Timeline {
    std::mutex mutex;
    std::chrono::steady_clock::time_point origin = std::chrono::steady_clock::now();
    std::vector<Mark> marks;
    std::atomic<bool> closed{false}; // read without the lock: a mark after start-up costs a load
};

Timeline& timeline() {
    static Timeline t;
    return t;
}

} // namespace

void setOrigin(std::chrono::steady_clock::time_point origin) {
    Timeline& t = timeline();
    std::lock_guard lock(t.mutex);
    t.origin = origin;
    t.marks.clear();
    t.closed = false;
}

double elapsedMs() {
    Timeline& t = timeline();
    std::lock_guard lock(t.mutex);
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t.origin).count();
}

void mark(const char* name) {
    Timeline& t = timeline();
    if (t.closed.load(std::memory_order_relaxed)) return;
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(t.mutex);
    if (t.closed || t.marks.size() >= 256) return;
    t.marks.push_back({name, std::chrono::duration<double, std::milli>(now - t.origin).count()});
}

void markAt(const char* name, double ms) {
    Timeline& t = timeline();
    std::lock_guard lock(t.mutex);
    if (!t.closed && t.marks.size() < 256) t.marks.push_back({name, ms});
}

void close() {
    Timeline& t = timeline();
    std::lock_guard lock(t.mutex);
    t.closed = true;
}

std::vector<Mark> marks() {
    Timeline& t = timeline();
    std::lock_guard lock(t.mutex);
    std::vector<Mark> out = t.marks;
    std::stable_sort(out.begin(), out.end(), [](const Mark& a, const Mark& b) { return a.ms < b.ms; });
    return out;
}

std::string describe() {
    std::string out;
    char line[160];
    for (const Mark& m : marks()) {
        std::snprintf(line, sizeof line, "startup %8.1f ms  %s\n", m.ms, m.name.c_str());
        out += line;
    }
    return out;
}

} // namespace atelier::startup
