#pragma once
// What the app and the timer screen ask of the sound, without knowing how it is played
// (audio/chime_player.hpp: OpenAL Soft on its own thread). Headless tests run without one.
#include "audio/chime_schedule.hpp"

#include <string>
#include <vector>

namespace atelier::audio {

class SoundOutput {
public:
    virtual ~SoundOutput() = default;
    // The moments to chime at (chimeDeadlines), replacing the previous ones.
    virtual void schedule(std::vector<ChimeDeadline> deadlines) = 0;
    // From now on only: an event just opened, whose timers may have ended while it was closed.
    virtual void restart(Millis from) = 0;
    virtual void setMuted(bool muted) = 0;
    // The output by its OpenAL name; empty: the system's default.
    virtual void setDevice(const std::string& name) = 0;
    virtual void playTest() = 0;
    virtual std::vector<std::string> devices() const = 0;
    // The output playing, empty when there is none.
    virtual std::string deviceInUse() const = 0;
    // A problem to tell the user (no sound device, the device went away), each one once.
    virtual std::string takeProblem() = 0;
    virtual int chimesPlayed() const = 0;
};

} // namespace atelier::audio
