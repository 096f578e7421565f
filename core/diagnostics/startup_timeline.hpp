#pragma once
// Where start-up time goes (issue 17): named instants in milliseconds since the process's
// start, recorded from any thread (the open runs beside the window's making). The frame bench
// prints them in its JSON record; ATELIER_STARTUP_TIMELINE=1 prints them on stderr once the
// first frame is shown. Cheap enough to leave on: a few dozen marks, once.
#include <chrono>
#include <string>
#include <vector>

namespace atelier::startup {

struct Mark {
    std::string name;
    double ms = 0; // since the origin
};

// The instant the others count from (the GUI's entry point); marks before it are not kept.
void setOrigin(std::chrono::steady_clock::time_point origin);
// Records `name` now. Thread-safe; after `close()` (the first frame shown) it does nothing.
void mark(const char* name);
// Records `name` at `ms` from the origin (negative: before it, e.g. the process's launch).
void markAt(const char* name, double ms);
// Milliseconds since the origin, now.
double elapsedMs();
// Stops recording: later marks would not be start-up any more.
void close();
std::vector<Mark> marks();
// `name ms` lines, in order of time, for stderr.
std::string describe();

} // namespace atelier::startup
