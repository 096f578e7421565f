// Issue 14, problem 3: nothing sounded at zero. The real player (OpenAL Soft, its own thread)
// runs OpenAL's wave backend, which writes what the room would hear to a file: no sound card
// needed, as on CI. The tests check the samples: a chime at zero, near full scale, with no
// frame drawn meanwhile; none when muted; one for fourteen timers ending together; the test
// button; and no sound device said once, the player carrying on.
#include "audio/chime_player.hpp"
#include "audio/wav.hpp"
#include "process.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>
#include <unistd.h>

using namespace atelier;
using namespace atelier::audio;
using namespace std::chrono_literals;

namespace {

std::filesystem::path scratch() {
    static std::filesystem::path dir = [] {
        auto d = std::filesystem::temp_directory_path() / ("atelier-audio-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d;
    }();
    return dir;
}

// OpenAL Soft reads its configuration once per process: set before the first OpenAL call.
std::string useWaveBackend() {
    static std::string wav = [] {
        std::string out = (scratch() / "room.wav").string();
        std::string conf = (scratch() / "alsoft.conf").string();
        std::ofstream(conf) << "drivers = wave\nsample-type = int16\nchannels = stereo\nfrequency = 44100\n"
                               "dither = false\noutput-limiter = false\n[wave]\nfile = "
                            << out << "\n";
        if (!std::getenv("ATELIER_AUDIO_CHILD")) {
            ::setenv("ALSOFT_CONF", conf.c_str(), 1);
            ::setenv("ALSOFT_DRIVERS", "wave", 1);
        }
        ::setenv("ALSOFT_LOGLEVEL", "0", 1);
        return out;
    }();
    return wav;
}

struct Heard {
    double peak = 0;          // of full scale
    long clipped = 0;         // samples at the limit: several chimes summed
    int onsets = 0;           // sounds after at least 0.3 s of quiet
    double firstAt = -1;      // seconds from the file's start
    double loudSeconds = 0;   // time above the quiet threshold
    double fileSeconds = 0;
};

Heard listen(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Pcm pcm = decodeWav(bytes.data(), bytes.size());
    INFO(pcm.error);
    REQUIRE(pcm.ok());
    Heard h;
    h.fileSeconds = double(pcm.frames()) / pcm.rate;
    const int quiet = 32767 / 50; // -34 dBFS
    long lastLoud = -1000000;
    long loudFrames = 0;
    for (std::size_t f = 0; f < pcm.frames(); ++f) {
        int frameMax = 0;
        for (int c = 0; c < pcm.channels; ++c) {
            int s = std::abs(int(pcm.samples[f * std::size_t(pcm.channels) + std::size_t(c)]));
            frameMax = std::max(frameMax, s);
            if (s >= 32767) ++h.clipped;
        }
        h.peak = std::max(h.peak, frameMax / 32767.0);
        if (frameMax > quiet) {
            if (long(f) - lastLoud > pcm.rate * 3 / 10) {
                ++h.onsets;
                if (h.firstAt < 0) h.firstAt = double(f) / pcm.rate;
            }
            lastLoud = long(f);
            ++loudFrames;
        }
    }
    h.loudSeconds = double(loudFrames) / pcm.rate;
    return h;
}

} // namespace

TEST_CASE("chime: at zero the output gets the chime near full scale, with no frame drawn", "[audio]") {
    std::string wav = useWaveBackend();
    SystemClock clock;
    {
        ChimePlayer player(clock, "", false);
        player.waitReady();
        REQUIRE_FALSE(player.deviceInUse().empty());
        CHECK(player.takeProblem().empty());
        player.schedule({{clock.now() + 500, ChimeKind::Zero}});
        std::this_thread::sleep_for(2600ms); // nothing else happens: no frame, no poll
        CHECK(player.chimesPlayed() == 1);
    } // the device closes: the file is complete
    Heard h = listen(wav);
    INFO("peak " << h.peak << ", first at " << h.firstAt << " s, loud " << h.loudSeconds << " s of " << h.fileSeconds);
    CHECK(h.onsets == 1);
    CHECK(h.peak >= 0.85); // the sound file peaks at 0.9 of full scale: nothing lost on the way
    CHECK(h.clipped == 0);
    CHECK(h.firstAt > 0.3);
    CHECK(h.firstAt < 2.0); // the file starts as the device opens, a moment before the deadline was set
}

TEST_CASE("chime: muted, the output stays silent", "[audio]") {
    std::string wav = useWaveBackend();
    SystemClock clock;
    {
        ChimePlayer player(clock, "", true);
        player.waitReady();
        player.schedule({{clock.now() + 300, ChimeKind::Zero}, {clock.now() + 900, ChimeKind::MinuteBefore}});
        std::this_thread::sleep_for(2000ms);
        CHECK(player.chimesPlayed() == 0);
    }
    Heard h = listen(wav);
    CHECK(h.fileSeconds > 1.5); // the device ran, and wrote silence
    CHECK(h.onsets == 0);
    CHECK(h.peak < 0.01);
}

TEST_CASE("chime: fourteen team timers ending together are heard as one chime", "[audio]") {
    std::string wav = useWaveBackend();
    SystemClock clock;
    EventState state;
    Millis start = clock.now();
    for (int i = 0; i < 14; ++i) {
        TimedSession t;
        t.id = Id{i + 1};
        t.teamId = Id{100 + i};
        t.state = TimerState::Running;
        t.startedAt = start + i * 15; // started one after the other in one batch
        t.remainingMs = t.durationMs = 500;
        state.timedSessions[t.id] = t;
    }
    {
        ChimePlayer player(clock, "", false);
        player.waitReady();
        player.schedule(chimeDeadlines(state, false));
        std::this_thread::sleep_for(3000ms);
        CHECK(player.chimesPlayed() == 1);
    }
    Heard h = listen(wav);
    INFO("peak " << h.peak << ", clipped " << h.clipped << ", loud " << h.loudSeconds << " s");
    CHECK(h.onsets == 1);
    CHECK(h.clipped == 0); // fourteen chimes at once would add up past full scale
    CHECK(h.peak >= 0.85);
    CHECK(h.loudSeconds < 1.7); // one chime's length (1.6 s), not a smear of fourteen
}

TEST_CASE("chime: the test button plays at once, even when muted", "[audio]") {
    std::string wav = useWaveBackend();
    SystemClock clock;
    {
        ChimePlayer player(clock, "", true);
        player.waitReady();
        std::this_thread::sleep_for(300ms);
        player.playTest();
        std::this_thread::sleep_for(2000ms);
        CHECK(player.chimesPlayed() == 1);
    }
    Heard h = listen(wav);
    CHECK(h.onsets == 1);
    CHECK(h.firstAt < 0.9);
    CHECK(h.peak >= 0.85);
}

// Runs in a child process (OpenAL's configuration is read once per process): a wave backend
// that cannot write its file is a machine with no sound device.
TEST_CASE("chime: no sound device (child)", "[.nodevice]") {
    SystemClock clock;
    ChimePlayer player(clock, "", false);
    player.waitReady();
    REQUIRE(player.deviceInUse().empty());
    std::string problem = player.takeProblem();
    CHECK(problem.find("Aucune sortie son") != std::string::npos);
    CHECK(player.takeProblem().empty()); // said once
    player.schedule({{clock.now() + 100, ChimeKind::Zero}});
    player.playTest();
    std::this_thread::sleep_for(400ms);
    CHECK(player.chimesPlayed() == 0); // and nothing breaks
    CHECK(player.takeProblem().empty());
}

TEST_CASE("chime: with no sound device the player runs, says so once, and plays nothing", "[audio]") {
    std::string conf = (scratch() / "nodevice.conf").string();
    std::ofstream(conf) << "drivers = wave\n[wave]\nfile = /nonexistent-folder/for/sure/room.wav\n";
    std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
    auto result = test::runProcess({self, "[.nodevice]"}, {},
                                   {"ALSOFT_CONF=" + conf, "ALSOFT_DRIVERS=wave", "ATELIER_AUDIO_CHILD=1", "ALSOFT_LOGLEVEL=0"});
    INFO(result.out << result.err);
    CHECK(result.exitCode == 0);
    CHECK(result.out.find("All tests passed") != std::string::npos);
}
