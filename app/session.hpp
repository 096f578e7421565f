#pragma once
// The open event as the interface sees it: the engine, what views queued this frame, where the
// user is (view, défi, team) and the messages to show. Views read state() and queue actions;
// applyPending() runs them after drawing, so nothing changes in the middle of a frame.
#include "actions/actions.hpp"
#include "model/clock.hpp"
#include "engine/engine.hpp"
#include "server/participant_server.hpp"

#include <functional>
#include <future>
#include <optional>
#include <memory>
#include <string>
#include <vector>

namespace atelier {

enum class ViewId { Home, Challenge, Teams, Programme, Phases, Timer, Projector, Board, Votes, Prototypes, Stand, Dashboard, Search, Files, Participation, Count };
enum class ProjectorContent { TimerOnly, Challenge, Programme, Board, Vote, Join, Count }; // Join: the participation QR code

struct Toast {
    std::string text;
    bool error = false;
    double shownAt = -1; // ImGui time when first drawn; -1 until then
};

class Session {
public:
    explicit Session(const Clock& clock) : m_clock(clock) {}

    // Opening. Failures are kept as openError(), never thrown: the window shows them.
    bool open(const std::string& path);
    // `review`: a national review file, which takes the files of other sites in a merge.
    bool create(const std::string& path, const EventInfo& event, bool review = false);
    // The default database, created with the demo event on first run.
    bool openDefault(const std::string& path);
    void close();
    // Replaces the event's content with one of its backups (the current state backed up
    // first); the outcome is a toast. Call between frames (Session::defer).
    bool restoreBackup(const std::string& backupPath);
    bool isOpen() const { return m_engine != nullptr; }
    // Phones on the LAN (the Participation screen): open while the event is; closing the event
    // closes it. Its queue is drained by App::afterFrames, between frames; `wakeLoop` (set by
    // the window layer to glfwPostEmptyEvent) wakes the sleeping loop when a phone writes.
    std::unique_ptr<ParticipantServer> participation;
    std::uint64_t participationEngine = 0; // Engine::serial() it serves
    std::function<void()> wakeLoop;
    const std::string& openError() const { return m_openError; }
    void clearOpenError() { m_openError.clear(); }
    Engine* engine() { return m_engine.get(); }
    const Engine* engine() const { return m_engine.get(); }
    const EventState& state() const { return m_engine->state(); }
    Millis now() const { return m_clock.now(); }
    const Clock& clock() const { return m_clock; }

    // Deferred changes.
    void queue(Action action) { m_pending.push_back({std::move(action), nullptr}); }
    // Queues an action and, once it is applied, hands `then` the ids it created (what was
    // just added becomes the one being edited).
    void queue(Action action, std::function<void(const std::vector<Id>&)> then) {
        m_pending.push_back({std::move(action), std::move(then)});
    }
    void requestUndo() { m_pendingUndo.push_back(true); }
    void requestRedo() { m_pendingUndo.push_back(false); }
    void requestOpen(std::string path) { m_pendingOpen = std::move(path); }
    void requestCreate(std::string path, EventInfo event, bool review = false) {
        m_pendingCreate = {std::move(path), std::move(event)};
        m_pendingReview = review;
    }
    // Work that is more than one action (an import's batch, a merge), run after the actions;
    // what it throws becomes an error toast.
    void defer(std::function<void(Engine&)> work) { m_deferred.push_back(std::move(work)); }
    bool hasPending() const {
        return !m_pending.empty() || !m_pendingUndo.empty() || !m_pendingOpen.empty() || !m_pendingCreate.first.empty() ||
               !m_deferred.empty();
    }
    // Applies what views queued; errors become toasts. Returns true when something changed.
    bool applyPending();
    // Ids created by the last applied action (tests, follow-up selection).
    const std::vector<Id>& lastCreated() const { return m_lastCreated; }

    // What `atelier check` finds in the open file's rows (storage/content_check.hpp), the first
    // few, one line each: the app says it in a dialog once the file is open, and opens it anyway.
    // The checks read every table (tens to hundreds of milliseconds on the 10x event): they run
    // on a thread of their own, on a read-only connection of their own, from the open on, so
    // that neither the open nor the first frames wait for them. ruleBreaks() waits for them;
    // pollRuleChecks() takes their result only once it is there.
    static constexpr std::size_t kShownRuleBreaks = 5;
    const std::vector<std::string>& ruleBreaks() {
        if (m_ruleChecksPending) takeRuleChecks(true);
        return m_ruleBreaks;
    }
    void pollRuleChecks() {
        if (m_ruleChecksPending) takeRuleChecks(false);
    }
    bool ruleChecksPending() const { return m_ruleChecksPending; }
    bool moreRuleBreaks() const { return m_moreRuleBreaks; }
    void dismissRuleBreaks() { m_ruleBreaks.clear(); m_moreRuleBreaks = false; }

    // Messages.
    void notify(std::string text, bool error = false);
    std::vector<Toast>& toasts() { return m_toasts; }

    // Where the user is.
    ViewId view = ViewId::Home;
    Id challenge; // défi shown in the défi view
    Id team;      // team selected in the teams, phases and timer views (0 = all teams for the timer)
    // The selected team, falling back to the first one when none (or a deleted one) is selected.
    const Team* selectedTeamOrFirst();
    ProjectorContent projectorContent = ProjectorContent::TimerOnly;
    Id projectorTeam;      // 0 = all teams
    Id projectorChallenge; // défi shown on the projector (0 = the projected team's)
    int projectorPage = 0;   // page of the brief shown (← →)
    int projectorPages = 1;  // how many the last drawing had
    bool projectorBlank = false; // B: the projector shows black
    bool presentationFullScreen = false;
    bool projectionWindow = false; // the second window "Écran de projection" is wanted open
    std::vector<std::string> droppedFiles; // dropped on a window, for the screen that takes them

    // The countdown a scope shows: the newest of the team's own timer and the all-teams timer.
    const TimedSession* timerFor(Id teamId) const;
    // Starts, pauses or resumes the scope's timer (what Space does on the projector).
    void toggleTimer(Id teamId, Phase phase, int presetSeconds);

private:
    void adopt(std::unique_ptr<Engine> engine);
    void findRuleBreaksOfOpenFile();
    void takeRuleChecks(bool wait);

    const Clock& m_clock;
    std::unique_ptr<Engine> m_engine;
    std::string m_openError;
    struct PendingAction {
        Action action;
        std::function<void(const std::vector<Id>&)> then;
    };
    std::vector<PendingAction> m_pending;
    std::vector<bool> m_pendingUndo; // true = undo, false = redo, in order
    std::vector<std::function<void(Engine&)>> m_deferred;
    std::string m_pendingOpen;
    std::pair<std::string, EventInfo> m_pendingCreate;
    bool m_pendingReview = false;
    std::vector<Id> m_lastCreated;
    std::vector<Toast> m_toasts;
    std::vector<std::string> m_ruleBreaks;
    bool m_moreRuleBreaks = false;
    bool m_ruleChecksPending = false; // the open file's rows not checked yet
    // The check's lines and whether there were more; no value when it could not open its own
    // connection (then it runs here, on the engine's).
    std::future<std::optional<std::pair<std::vector<std::string>, bool>>> m_ruleCheck;
};

} // namespace atelier
