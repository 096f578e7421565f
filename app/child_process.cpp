#include "child_process.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace atelier {

namespace {
int g_running = 0;

void setNonBlocking(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

void readAvailable(int& fd, std::string& into) {
    if (fd < 0) return;
    char buffer[4096];
    for (;;) {
        ssize_t n = read(fd, buffer, sizeof buffer);
        if (n > 0) {
            into.append(buffer, static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && (errno == EINTR)) continue;
        if (n == 0) { // end of file: the child closed it
            close(fd);
            fd = -1;
        }
        return; // EAGAIN: nothing more for now
    }
}
} // namespace

int runningChildProcesses() { return g_running; }

std::string& atelierExecutable() {
    static std::string path = [] {
        std::error_code ec;
        auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
        return ec ? std::string("atelier") : self.string();
    }();
    return path;
}

bool programOnPath(const std::string& name) {
    const char* path = std::getenv("PATH");
    if (!path) return false;
    std::string all = path;
    std::size_t start = 0;
    while (start <= all.size()) {
        std::size_t end = all.find(':', start);
        if (end == std::string::npos) end = all.size();
        std::string dir = all.substr(start, end - start);
        if (!dir.empty() && access((dir + "/" + name).c_str(), X_OK) == 0) return true;
        start = end + 1;
    }
    return false;
}

ChildProcess::~ChildProcess() { stop(); }

bool ChildProcess::start(const std::vector<std::string>& argv) {
    stop();
    m_out.clear();
    m_err.clear();
    m_exitCode = -1;
    int out[2], err[2];
    // Close-on-exec: only the copies made for the child (dup2) cross into it, never another
    // child's pipes.
    if (argv.empty() || pipe2(out, O_CLOEXEC) != 0) {
        m_exitCode = 127;
        return false;
    }
    if (pipe2(err, O_CLOEXEC) != 0) {
        close(out[0]);
        close(out[1]);
        m_exitCode = 127;
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = -1;
    int failed = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    close(err[1]);
    if (failed != 0) {
        close(out[0]);
        close(err[0]);
        m_exitCode = 127;
        return false;
    }
    m_pid = pid;
    m_outFd = out[0];
    m_errFd = err[0];
    setNonBlocking(m_outFd);
    setNonBlocking(m_errFd);
    ++g_running;
    return true;
}

void ChildProcess::drain() {
    readAvailable(m_outFd, m_out);
    readAvailable(m_errFd, m_err);
}

void ChildProcess::closePipes() {
    if (m_outFd >= 0) close(m_outFd);
    if (m_errFd >= 0) close(m_errFd);
    m_outFd = m_errFd = -1;
}

bool ChildProcess::poll() {
    if (m_pid <= 0) return true;
    drain();
    int status = 0;
    pid_t done = waitpid(m_pid, &status, WNOHANG);
    if (done == 0) return false;
    // Ended: what it wrote last is still in the pipes (a grandchild holding them open is not
    // waited for: the pipes are non-blocking).
    drain();
    closePipes();
    m_exitCode = done < 0 ? 127 : WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    m_pid = -1;
    --g_running;
    return true;
}

void ChildProcess::stop() {
    if (m_pid > 0) {
        kill(m_pid, SIGTERM);
        int status = 0;
        waitpid(m_pid, &status, 0);
        m_pid = -1;
        m_exitCode = 128 + SIGTERM;
        --g_running;
    }
    closePipes();
}

} // namespace atelier
