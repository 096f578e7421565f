// `atelier [PATH]`: the desktop app. With --screenshot it renders one view offscreen, writes a
// PNG and exits (for the README and the smoke tests, under Xvfb).
#include "gui.hpp"

#include "app.hpp"
#include "participation/open_participation.hpp"
#include "audio/chime_player.hpp"
#include "diagnostics/startup_timeline.hpp"
#include "projection_memory.hpp"
#include "model/clock.hpp"
#include "settings.hpp"
#include "strings.hpp"
#include "views/view_board.hpp"
#include "window.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <future>
#include <map>
#include <string>
#include <thread>
#include <vector>
#include <memory>

namespace atelier {

namespace {

// A clock frozen at a given instant, so screenshots of "now" are reproducible.
class FixedClock final : public Clock {
public:
    explicit FixedClock(Millis at) : m_at(at) {}
    Millis now() const override { return m_at; }

private:
    Millis m_at;
};

// --team N: the team whose défi has number N, else the Nth team.
void chooseTeam(Session& session, int team) {
    if (!session.isOpen() || team <= 0) return;
    auto teams = session.state().teamsInOrder();
    const Team* chosen = nullptr;
    for (const Team* t : teams)
        if (const Challenge* c = session.state().find<Challenge>(t->challengeId); c && c->number == team) chosen = t;
    if (!chosen && team <= static_cast<int>(teams.size())) chosen = teams[static_cast<std::size_t>(team - 1)];
    if (chosen) {
        session.team = session.projectorTeam = chosen->id;
        if (chosen->challengeId) session.challenge = chosen->challengeId;
    }
}

} // namespace

int runGui(int argc, char** argv) {
    const auto started = std::chrono::steady_clock::now();
    startup::setOrigin(started);
    // The benchmarks say when they launched the process (CLOCK_REALTIME, ns): the time before
    // runGui (exec, the dynamic loader, static constructors) is then in the timeline too.
    if (const char* launched = std::getenv("ATELIER_LAUNCHED_AT_NS"); launched && *launched) {
        const double nowNs = static_cast<double>(
            std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count());
        startup::markAt("process launched", -(nowNs - std::strtod(launched, nullptr)) / 1e6);
    }
    CLI::App cli{"Atelier: public-innovation workshops. Without PATH, opens the default event."};
    std::string path, screenshot, viewName = "home", size = "1920x1080", lang, projectionShot, shortcutLog;
    int team = 0;
    long long clockMs = 0;
    bool projectionWindow = false;
    cli.add_option("path", path, "Event file to open (default: the event in your data folder)");
    cli.add_option("--screenshot", screenshot, "Render one view to this PNG file and exit");
    cli.add_option("--view", viewName, "View for --screenshot")
        ->check(CLI::IsMember({"home", "defi", "teams", "programme", "phases", "timer", "projector", "board", "vote", "prototypes", "stand",
                                        "dashboard", "search", "files"}));
    cli.add_option("--team", team, "Team number (its défi number) for the view");
    std::string projectorContent;
    cli.add_option("--projector-content", projectorContent, "What the projector shows (with --view projector)")
        ->check(CLI::IsMember({"timer", "defi", "programme", "board", "vote"}));
    cli.add_option("--size", size, "Screenshot size, WIDTHxHEIGHT");
    cli.add_option("--lang", lang, "Interface language")->check(CLI::IsMember({"fr", "en"}));
    cli.add_flag("--projection-window", projectionWindow, "Open the projection window at start");
    cli.add_option("--projection-screenshot", projectionShot, "With --screenshot: also capture the projection window");
    cli.add_option("--shortcut-log", shortcutLog, "Append every recognised shortcut to this file (tests)");
    double benchSeconds = 0;
    std::string benchZoom = "fit", benchLabel;
    cli.add_option("--bench-pan", benchSeconds, "Benchmark: pan the --team board for this many seconds, print a JSON record, exit")
        ->check(CLI::Range(0.1, 600.0));
    cli.add_option("--bench-zoom", benchZoom, "With --bench-pan: fit or 1to1")->check(CLI::IsMember({"fit", "1to1"}));
    cli.add_option("--bench-label", benchLabel, "With --bench-pan: text copied into the record");
    // Hidden, for the phones benchmark (bench/phones_bench.py --gui): participation open on
    // 127.0.0.1 at start with a fixed code, and a longer settle before the pan while phones join.
    int participationPort = 0;
    std::string participationCode;
    double benchSettle = 1.0;
    cli.add_option("--participation-port", participationPort)->group("");
    cli.add_option("--participation-code", participationCode)->group("");
    cli.add_option("--bench-settle", benchSettle)->group("")->check(CLI::Range(0.1, 600.0));
    // Hidden, for the start-up benchmark (bench/startup_bench.sh): the app as a user starts it,
    // quitting once its first frame is on screen; with ATELIER_STARTUP_TIMELINE=1 it says where
    // the time went.
    bool quitAfterFirstFrame = false;
    cli.add_flag("--quit-after-first-frame", quitAfterFirstFrame)->group("");
    std::vector<float> boardView;
    cli.add_option("--board-view", boardView, "With --view board: X Y ZOOM, the world point at the board's top-left corner and the zoom")
        ->expected(3);
    cli.add_option("--clock-ms", clockMs, "Freeze the clock at this UTC instant, in ms since 1970 (screenshots)");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e);
    }

    startup::mark("command line read");
    int width = 1920, height = 1080;
    if (std::sscanf(size.c_str(), "%dx%d", &width, &height) != 2 || width < 64 || height < 64 || width > 8192 || height > 8192) {
        std::fprintf(stderr, "atelier: --size must look like 1920x1080\n");
        return 2;
    }

    bool shooting = !screenshot.empty();
    Settings settings = loadSettings(settingsPath());
    if (lang == "en") settings.language = Language::English;
    if (lang == "fr") settings.language = Language::French;

    SystemClock systemClock;
    FixedClock fixedClock(clockMs);
    const Clock& clock = clockMs > 0 ? static_cast<const Clock&>(fixedClock) : systemClock;
    startup::mark("settings read");
    App app(clock, settings);
    startup::mark("app made (fontconfig, views)");
    Session& session = app.session();
    // Three threads until the first frame: the file opens on one (and its text is scanned for
    // the characters the atlas needs), the font atlas is baked on another (CPU work: only its
    // upload needs GL), while this one makes the window and its GL context. The engine and its
    // SQLite connection are handed over at the join and from then on used on this thread only
    // (DESIGN.md, one engine thread); the window's side touches nothing of the session's, the
    // baker only the fonts and the atlas, and is joined before the first ImGui context exists
    // (ImGui's allocations count themselves in the current context).
    Windows windows(app);
    const bool benching = benchSeconds > 0;
    const int windowWidth = benching ? width : shooting ? 640 : 1440, windowHeight = benching ? height : shooting ? 360 : 900;
    double openedMs = 0;
    std::vector<ImWchar> eventCharacters;
    std::thread opener([&] {
        try {
            if (path.empty()) session.openDefault(defaultEventPath());
            else session.open(path);
            if (session.isOpen()) {
                // Both only read the state: the characters on a thread of their own, beside the layout.
                auto characters = std::async(std::launch::async, [&session] {
                    auto found = Fonts::eventCodepoints(session.state());
                    startup::mark("open: event's characters read");
                    return found;
                });
                chooseTeam(session, team);
                // The board the first frame shows is laid out here, while the window is made.
                if (benching || viewName == "board")
                    if (const Team* shown = session.selectedTeamOrFirst())
                        static_cast<BoardView*>(app.view(ViewId::Board))->canvas().prepareLayout(session.state(), shown->id, session.engine());
                startup::mark("open: the shown board laid out");
                eventCharacters = characters.get();
            }
        } catch (const std::exception& e) { // Session::open catches what core throws; anything else ends here
            std::fprintf(stderr, "atelier: %s\n", e.what());
        }
        openedMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    });
    // A screenshot is drawn at its own size, not the hidden window's: its projector fonts too.
    std::thread baker([&] { windows.bakeFonts(shooting ? height : windowHeight); });
    windows.waitForFonts = [&baker] { baker.join(); };
    const bool windowReady = windows.init(benching || !shooting, windowWidth, windowHeight);
    const double windowMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    startup::mark("window ready, waiting for the open and the atlas");
    // While the file is still being read (a big event's tables take longer than the window).
    if (windowReady) windows.warmUp(windowWidth, windowHeight);
    opener.join();
    if (baker.joinable()) baker.join(); // init stopped before its ImGui context
    startup::mark("open and atlas joined");
    if (!windowReady) return 1;
    app.fonts().addCodepoints(eventCharacters);
    windows.finishFonts();
    app.fontsHaveOpenEvent();
    // A picture of the event, not of the file: opened read-only beside a running Atelier (the
    // app's own board export does that), the « lecture seule » notice stays out of the PNG.
    if (shooting) session.toasts().clear();
    if (!session.isOpen() && shooting) {
        std::fprintf(stderr, "atelier: %s\n", session.openError().c_str());
        return 1;
    }

    static const std::map<std::string, ViewId> kViews{{"home", ViewId::Home},         {"defi", ViewId::Challenge},
                                                       {"teams", ViewId::Teams},       {"programme", ViewId::Programme},
                                                       {"phases", ViewId::Phases},     {"timer", ViewId::Timer},
                                                       {"projector", ViewId::Projector}, {"board", ViewId::Board},
                                                       {"vote", ViewId::Votes},        {"prototypes", ViewId::Prototypes},
                                                       {"stand", ViewId::Stand},       {"dashboard", ViewId::Dashboard},
                                                       {"search", ViewId::Search},     {"files", ViewId::Files}};
    session.view = kViews.at(viewName);
    if (shooting && session.view == ViewId::Projector) {
        // The projector as the room sees it: full screen, the team's défi when one is chosen.
        session.presentationFullScreen = true;
        if (session.projectorTeam) session.projectorContent = ProjectorContent::Challenge;
    }
    // The board and vote screens put their own content on the projector.
    if (session.view == ViewId::Board) session.projectorContent = ProjectorContent::Board;
    if (session.view == ViewId::Votes) session.projectorContent = ProjectorContent::Vote;
    static const std::map<std::string, ProjectorContent> kContents{{"timer", ProjectorContent::TimerOnly},
                                                                   {"defi", ProjectorContent::Challenge},
                                                                   {"programme", ProjectorContent::Programme},
                                                                   {"board", ProjectorContent::Board},
                                                                   {"vote", ProjectorContent::Vote}};
    if (!projectorContent.empty()) session.projectorContent = kContents.at(projectorContent);
    session.projectionWindow = projectionWindow;
    if (boardView.size() == 3) {
        if (boardView[2] < board::Camera::kMinZoom || boardView[2] > board::Camera::kMaxZoom) {
            std::fprintf(stderr, "atelier: --board-view: the zoom must be between %g and %g\n", board::Camera::kMinZoom, board::Camera::kMaxZoom);
            return 2;
        }
        static_cast<BoardView*>(app.view(ViewId::Board))->canvas().showAt(ImVec2(boardView[0], boardView[1]), boardView[2]);
    }
    // The projection window as it was at the last quit: open or not, and what it showed (the
    // window's place comes back when it opens). Options given on the command line win.
    bool restoreProjection = !shooting && benchSeconds == 0 && projectorContent.empty() && team == 0;
    if (restoreProjection) {
        restoreProjectionContent(session, app.settings().projection);
        session.projectionWindow = session.projectionWindow || projectionWindow;
    }

    std::unique_ptr<std::ofstream> log;
    if (!shortcutLog.empty()) {
        log = std::make_unique<std::ofstream>(shortcutLog, std::ios::app);
        app.onShortcut = [&log](std::string_view name) { *log << name << std::endl; };
    }

    if (benching) {
        session.view = ViewId::Board;
        std::fprintf(stderr, "bench: event open %.0f ms, window and GL context %.0f ms (side by side)\n", openedMs, windowMs);
        if (participationPort > 0 && session.isOpen()) {
            try {
                openParticipation(session, {.bind = "127.0.0.1", .port = participationPort, .code = participationCode});
            } catch (const std::exception& e) {
                std::fprintf(stderr, "atelier: %s\n", e.what());
                return 1;
            }
            std::fprintf(stderr, "bench: participation open on 127.0.0.1:%d\n", participationPort);
        }
        PanBenchRequest request;
        request.settleSeconds = benchSettle;
        request.width = width;
        request.height = height;
        request.fit = benchZoom == "fit";
        request.panSeconds = benchSeconds;
        request.label = benchLabel;
        request.processStart = started;
        return windows.benchPan(request) ? 0 : 1;
    }
    if (shooting) {
        ScreenshotRequest request;
        request.path = screenshot;
        request.width = width;
        request.height = height;
        request.projectionPath = projectionShot;
        return windows.screenshot(request) ? 0 : 1;
    }
    // The chime, on its own thread: it sounds at zero even while the windows sleep. Without a
    // sound device the app runs all the same and says so once (App::updateSound).
    audio::ChimePlayer chime(clock, app.settings().soundDevice, app.settings().chimeMuted);
    app.setSound(&chime);
    startup::mark("chime player opened");
    if (quitAfterFirstFrame) windows.quitAfterFirstFrame = true;
    windows.run();
    app.setSound(nullptr);
    rememberProjectionContent(session, app.settings().projection);
    if (!saveSettings(app.settings(), settingsPath()))
        std::fprintf(stderr, "atelier: could not save the settings to %s\n", settingsPath().c_str());
    return 0;
}

int renderBoardPng(const std::string& db, int defiNumber, const std::string& out) {
    std::vector<std::string> args{"atelier", db, "--screenshot", out, "--view", "projector", "--projector-content", "board",
                                  "--team", std::to_string(defiNumber), "--size", "1920x1080"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    return runGui(static_cast<int>(argv.size()), argv.data());
}

} // namespace atelier
