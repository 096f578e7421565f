#pragma once
// The chime through OpenAL Soft, on a thread of its own that wakes at the next deadline: the
// room hears it even while the app's windows sleep between frames (or are minimised). That
// thread alone calls OpenAL. The sounds are assets/sounds/chime.wav (zero) and minute.wav (a
// minute before), played at full scale, straight to the output's channels.
#include "audio/sound_output.hpp"
#include "model/clock.hpp"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace atelier::audio {

class ChimePlayer final : public SoundOutput {
public:
    // Opens `device` (empty: the default) on the thread; `clock` gives the deadlines' time.
    ChimePlayer(const Clock& clock, std::string device, bool muted);
    ~ChimePlayer() override;
    ChimePlayer(const ChimePlayer&) = delete;
    ChimePlayer& operator=(const ChimePlayer&) = delete;

    void schedule(std::vector<ChimeDeadline> deadlines) override;
    void restart(Millis from) override;
    void setMuted(bool muted) override;
    void setDevice(const std::string& name) override;
    void playTest() override;
    std::vector<std::string> devices() const override;
    std::string deviceInUse() const override;
    std::string takeProblem() override;
    int chimesPlayed() const override;

    // Tests: blocks until the thread has opened (or failed to open) the output.
    void waitReady() const;

    struct Output; // the OpenAL device, context, buffers and source (thread side)

private:
    void run();

    const Clock& m_clock;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_wake;
    // Guarded by m_mutex: what the UI asked and what the thread reports.
    ChimeSchedule m_schedule;
    bool m_muted = false, m_stop = false, m_ready = false, m_deviceChanged = true;
    int m_testRequests = 0, m_played = 0;
    std::string m_device, m_inUse, m_problem, m_lastProblem;
    std::vector<std::string> m_devices;
    std::thread m_thread; // last: started once the rest is set
};

} // namespace atelier::audio
