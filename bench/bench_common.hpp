#pragma once
// Shared by the benchmarks: timing, medians and percentiles, PASS/MISS lines, temp folders.
// Benchmarks print figures; they are not tests and never fail the build.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

namespace atelier::bench {

using Steady = std::chrono::steady_clock;

inline double msSince(Steady::time_point t0) { return std::chrono::duration<double, std::milli>(Steady::now() - t0).count(); }

// Process CPU time (user + system), ms: what a frame costs even when the scheduler interferes.
inline double cpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

inline double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}
inline double median(const std::vector<double>& values) { return percentile(values, 0.5); }

inline double peakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

// "PASS board frame, 2,000 notes, fit: median 1.234 ms (target <= 2 ms)"
inline void verdict(bool pass, const std::string& what, const std::string& figure, const std::string& target) {
    std::printf("%s  %-46s %s (target %s)\n", pass ? "PASS" : "MISS", what.c_str(), figure.c_str(), target.c_str());
    std::fflush(stdout);
}

inline std::string figure(const char* format, double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

// A scratch folder removed at exit.
class TempDir {
public:
    TempDir() {
        std::string base = (std::filesystem::temp_directory_path() / "atelier-bench-XXXXXX").string();
        std::vector<char> buffer(base.begin(), base.end());
        buffer.push_back('\0');
        m_path = mkdtemp(buffer.data());
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(const std::string& name) const { return (std::filesystem::path(m_path) / name).string(); }

private:
    std::string m_path;
};

} // namespace atelier::bench
