#pragma once
// A program run beside the app without blocking its frame loop: started once, polled each
// frame, its output collected. The desktop's file dialog (zenity, kdialog) and the board's PNG
// export (the atelier binary itself, which draws offscreen) run this way.
#include <string>
#include <sys/types.h>
#include <vector>

namespace atelier {

class ChildProcess {
public:
    ChildProcess() = default;
    ~ChildProcess(); // a child still running is stopped
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // Starts argv[0] (searched on PATH) with its arguments. False, with exitCode() 127, when it
    // cannot be started (no such program).
    bool start(const std::vector<std::string>& argv);
    // Reads what it printed so far and checks whether it ended; never waits. True once ended.
    bool poll();
    bool running() const { return m_pid > 0; }
    int exitCode() const { return m_exitCode; } // 128 + signal when killed
    const std::string& output() const { return m_out; }
    const std::string& errors() const { return m_err; }
    // Ends it (SIGTERM, then waits for it) when the user cancels.
    void stop();

private:
    void drain();
    void closePipes();

    pid_t m_pid = -1;
    int m_outFd = -1, m_errFd = -1;
    int m_exitCode = -1;
    std::string m_out, m_err;
};

// How many children run now: the frame loop wakes often enough to poll them.
int runningChildProcesses();

// The path of the running atelier binary (to run one of its commands as a child); tests point it
// at a script.
std::string& atelierExecutable();

// Whether a program is on PATH.
bool programOnPath(const std::string& name);

} // namespace atelier
