#include "audio/chime_player.hpp"

#include "assets/assets.hpp"
#include "audio/wav.hpp"
#include "strings.hpp"

#include <AL/al.h>
#include <AL/alc.h>
#include <AL/alext.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <string>
#include <utility>

namespace atelier::audio {

namespace {

// The null backend's only device: OpenAL opens it when nothing else works, and nobody hears it.
constexpr std::string_view kNullDevice = "No Output";

std::vector<std::string> listDevices() {
    std::vector<std::string> out;
    bool all = alcIsExtensionPresent(nullptr, "ALC_ENUMERATE_ALL_EXT") == ALC_TRUE;
    const ALCchar* list = alcGetString(nullptr, all ? ALC_ALL_DEVICES_SPECIFIER : ALC_DEVICE_SPECIFIER);
    for (const ALCchar* p = list; p && *p; p += std::char_traits<char>::length(p) + 1)
        if (kNullDevice != p) out.emplace_back(p);
    return out;
}

} // namespace

struct ChimePlayer::Output {
    ALCdevice* device = nullptr;
    ALCcontext* context = nullptr;
    ALuint source = 0;
    std::array<ALuint, 2> buffers{}; // zero, minute before
    std::string name;

    ~Output() { close(); }

    // Empty on success, else what is wrong (in the UI language).
    std::string open(const std::string& wanted) {
        close();
        device = alcOpenDevice(wanted.empty() ? nullptr : wanted.c_str());
        if (!device && !wanted.empty()) device = alcOpenDevice(nullptr); // the chosen output is gone: the default
        if (!device) return str(Str::SoundNoDevice);
        const ALCchar* spec = alcGetString(device, ALC_ALL_DEVICES_SPECIFIER);
        if (!spec) spec = alcGetString(device, ALC_DEVICE_SPECIFIER);
        name = spec ? spec : "";
        if (name == kNullDevice) {
            close();
            return str(Str::SoundNoDevice);
        }
        context = alcCreateContext(device, nullptr);
        if (!context || alcMakeContextCurrent(context) != ALC_TRUE) {
            close();
            return str(Str::SoundNoDevice);
        }
        alGenSources(1, &source);
        alGenBuffers(2, buffers.data());
        const char* files[2] = {"sounds/chime.wav", "sounds/minute.wav"};
        bool direct = alIsExtensionPresent("AL_SOFT_direct_channels") == AL_TRUE;
        for (std::size_t i = 0; i < 2; ++i) {
            auto asset = assets::find(files[i]);
            Pcm pcm = asset ? decodeWav(asset->data, asset->size) : Pcm{};
            if (!asset || !pcm.ok() || pcm.channels != 1) {
                close();
                return strf(Str::SoundBadFile, files[i]);
            }
            // Mono made stereo and played straight to the channels: no panning halves it, full scale.
            std::vector<std::int16_t> stereo(pcm.samples.size() * 2);
            for (std::size_t s = 0; s < pcm.samples.size(); ++s) stereo[2 * s] = stereo[2 * s + 1] = pcm.samples[s];
            alBufferData(buffers[i], AL_FORMAT_STEREO16, stereo.data(), static_cast<ALsizei>(stereo.size() * sizeof(std::int16_t)),
                         pcm.rate);
        }
        alSourcei(source, AL_SOURCE_RELATIVE, AL_TRUE);
        alSource3f(source, AL_POSITION, 0, 0, 0);
        alSourcef(source, AL_GAIN, 1.0f);
        if (direct) alSourcei(source, AL_DIRECT_CHANNELS_SOFT, AL_TRUE);
        if (alGetError() != AL_NO_ERROR) {
            close();
            return str(Str::SoundNoDevice);
        }
        return {};
    }

    bool connected() const {
        if (!device) return false;
        if (alcIsExtensionPresent(device, "ALC_EXT_disconnect") != ALC_TRUE) return true;
        ALCint value = ALC_TRUE;
        alcGetIntegerv(device, ALC_CONNECTED, 1, &value);
        return value == ALC_TRUE;
    }

    void play(ChimeKind kind) {
        if (!source) return;
        alSourceStop(source);
        alSourcei(source, AL_BUFFER, static_cast<ALint>(buffers[kind == ChimeKind::Zero ? 0 : 1]));
        alSourcePlay(source);
    }

    void close() {
        if (context) {
            if (source) alDeleteSources(1, &source);
            if (buffers[0]) alDeleteBuffers(2, buffers.data());
            alcMakeContextCurrent(nullptr);
            alcDestroyContext(context);
        }
        if (device) alcCloseDevice(device);
        device = nullptr;
        context = nullptr;
        source = 0;
        buffers = {};
        name.clear();
    }
};

ChimePlayer::ChimePlayer(const Clock& clock, std::string device, bool muted)
    : m_clock(clock), m_schedule(clock.now()), m_muted(muted), m_device(std::move(device)) {
    m_thread = std::thread([this] { run(); });
}

ChimePlayer::~ChimePlayer() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void ChimePlayer::schedule(std::vector<ChimeDeadline> deadlines) {
    {
        std::lock_guard lock(m_mutex);
        if (deadlines == m_schedule.deadlines()) return;
        m_schedule.setDeadlines(std::move(deadlines));
    }
    m_wake.notify_all();
}

void ChimePlayer::restart(Millis from) {
    std::lock_guard lock(m_mutex);
    m_schedule.restart(from);
}

void ChimePlayer::setMuted(bool muted) {
    std::lock_guard lock(m_mutex);
    m_muted = muted;
}

void ChimePlayer::setDevice(const std::string& name) {
    {
        std::lock_guard lock(m_mutex);
        if (name == m_device) return;
        m_device = name;
        m_deviceChanged = true;
    }
    m_wake.notify_all();
}

void ChimePlayer::playTest() {
    {
        std::lock_guard lock(m_mutex);
        ++m_testRequests;
        if (m_inUse.empty() && m_ready) m_deviceChanged = true; // speakers plugged in since: try again
    }
    m_wake.notify_all();
}

std::vector<std::string> ChimePlayer::devices() const {
    std::lock_guard lock(m_mutex);
    return m_devices;
}

std::string ChimePlayer::deviceInUse() const {
    std::lock_guard lock(m_mutex);
    return m_inUse;
}

std::string ChimePlayer::takeProblem() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_problem, {});
}

int ChimePlayer::chimesPlayed() const {
    std::lock_guard lock(m_mutex);
    return m_played;
}

void ChimePlayer::waitReady() const {
    std::unique_lock lock(m_mutex);
    m_wake.wait(lock, [&] { return m_ready; });
}

void ChimePlayer::run() {
    Output output;
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        if (m_deviceChanged || (output.device && !output.connected())) {
            // Opening may take a moment (a sound server): the UI is not kept waiting meanwhile.
            std::string wanted = m_device;
            bool lost = !m_deviceChanged;
            m_deviceChanged = false;
            lock.unlock();
            std::vector<std::string> found = listDevices();
            std::string problem = output.open(wanted);
            if (problem.empty() && lost) problem = strf(Str::SoundDeviceLost, output.name);
            lock.lock();
            m_devices = std::move(found);
            m_inUse = output.name;
            // Said once: the same trouble again (every reopening) stays quiet.
            if (problem != m_lastProblem) m_problem = problem;
            m_lastProblem = problem;
            m_ready = true;
            m_wake.notify_all();
            continue;
        }
        std::optional<ChimeKind> sound = m_schedule.due(m_clock.now());
        if (m_testRequests > 0) {
            m_testRequests = 0;
            sound = ChimeKind::Zero; // the test is heard even when muted: that is what it is for
        } else if (m_muted) {
            sound.reset();
        }
        if (sound && output.device) {
            ++m_played;
            output.play(*sound);
        }
        // Asleep until the next deadline, a request, or a second (the clock may jump; the
        // device may go away).
        Millis wait = 1000;
        if (auto next = m_schedule.next()) wait = std::clamp<Millis>(*next - m_clock.now(), 0, 1000);
        m_wake.wait_for(lock, std::chrono::milliseconds(wait + 1), [&] {
            return m_stop || m_deviceChanged || m_testRequests > 0 || (m_schedule.next() && *m_schedule.next() <= m_clock.now());
        });
    }
}

} // namespace atelier::audio
