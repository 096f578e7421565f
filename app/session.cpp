#include "session.hpp"

#include "demo.hpp"
#include "diagnostics/startup_timeline.hpp"
#include "layout/cluster_layout.hpp"
#include "model/errors.hpp"
#include "storage/content_check.hpp"
#include "storage/event_file.hpp"
#include "sync/replica.hpp"
#include "model/language.hpp"
#include "strings.hpp"
#include "model/timer.hpp"
#include "timers/timer_scope.hpp"

#include <SQLiteCpp/Database.h>

#include <chrono>
#include <filesystem>
#include <utility>

namespace atelier {

void Session::adopt(std::unique_ptr<Engine> engine) {
    m_engine = std::move(engine);
    m_openError.clear();
    challenge = team = projectorTeam = projectorChallenge = Id{};
    auto challenges = m_engine->state().challengesInOrder();
    if (!challenges.empty()) challenge = challenges.front()->id;
    if (!m_engine->readOnly()) m_engine->enableAutoBackup();
    startup::mark("open: auto backup enabled");
    dismissRuleBreaks();
    m_ruleChecksPending = true;
    m_ruleCheck = std::async(std::launch::async, [path = m_engine->store().path()]()
                                                     -> std::optional<std::pair<std::vector<std::string>, bool>> {
        try {
            SQLite::Database db(path, SQLite::OPEN_READONLY);
            std::pair<std::vector<std::string>, bool> out{{}, false};
            for (const RuleBreak& found : findRuleBreaks(db, kShownRuleBreaks + 1)) {
                if (out.first.size() == kShownRuleBreaks) {
                    out.second = true;
                    break;
                }
                out.first.push_back(found.text());
            }
            return out;
        } catch (const std::exception&) {
            return std::nullopt; // a folder that refuses a second reader: checked on the engine's connection
        }
    });
}

void Session::takeRuleChecks(bool wait) {
    if (m_ruleCheck.valid() && !wait && m_ruleCheck.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    auto found = m_ruleCheck.valid() ? m_ruleCheck.get() : std::nullopt;
    if (!found) {
        findRuleBreaksOfOpenFile();
        return;
    }
    m_ruleChecksPending = false;
    m_ruleBreaks = std::move(found->first);
    m_moreRuleBreaks = found->second;
}

void Session::findRuleBreaksOfOpenFile() {
    dismissRuleBreaks();
    m_ruleChecksPending = false;
    try {
        for (const RuleBreak& found : findRuleBreaks(m_engine->store().db(), kShownRuleBreaks + 1)) {
            if (m_ruleBreaks.size() == kShownRuleBreaks) {
                m_moreRuleBreaks = true;
                break;
            }
            m_ruleBreaks.push_back(found.text());
        }
    } catch (const std::exception&) {
        // The checks only read; a file they cannot read opened anyway, and says so as it is used.
    }
}

namespace {
// What core reports while a file opens (a network share), shown once the open is done.
std::vector<std::string> g_fileWarnings;
void collectFileWarning(const std::string& message) { g_fileWarnings.push_back(message); }
} // namespace

const Team* Session::selectedTeamOrFirst() {
    const EventState& s = state();
    if (!s.find<Team>(team)) {
        auto teams = s.teamsInOrder();
        team = teams.empty() ? Id{} : teams.front()->id;
    }
    return s.find<Team>(team);
}

bool Session::open(const std::string& path) {
    setFileWarningHandler(collectFileWarning);
    g_fileWarnings.clear();
    bool opened = false;
    startup::mark("open: begins");
    try {
        adopt(Engine::open(path, m_clock));
        opened = true;
    } catch (const FileError& e) {
        // Another Atelier writes it, or it is write-protected: show it read-only and say why.
        // A file that cannot be read at all keeps the first message.
        m_openError = e.what();
        try {
            std::string reason = e.what();
            adopt(Engine::open(path, m_clock, OpenMode::ReadOnly));
            notify(trf("Ouvert en lecture seule. {}", "Opened read-only. {}", reason), true);
            opened = true;
        } catch (const std::exception&) {
        }
    } catch (const std::exception& e) {
        m_openError = e.what();
    }
    // With an event already open the error screen is not shown: say it over the open event.
    if (!opened && m_engine)
        notify(trf("Impossible d'ouvrir « {} » : {} L'événement ouvert reste « {} ».", "Cannot open \"{}\": {} The open event is still \"{}\".",
                   path, m_openError, m_engine->state().event.name),
               true);
    for (auto& warning : g_fileWarnings) notify(std::move(warning), true);
    g_fileWarnings.clear();
    return opened;
}

bool Session::restoreBackup(const std::string& backupPath) {
    if (!m_engine) return false;
    try {
        std::string kept = m_engine->restoreBackup(backupPath);
        challenge = team = projectorTeam = projectorChallenge = Id{};
        auto challenges = m_engine->state().challengesInOrder();
        if (!challenges.empty()) challenge = challenges.front()->id;
        notify(trf("Sauvegarde restaurée. L'état d'avant est gardé dans {}.", "Backup restored. The state before is kept in {}.",
                   kept));
        return true;
    } catch (const std::exception& e) {
        notify(e.what(), true);
    }
    return false;
}

bool Session::create(const std::string& path, const EventInfo& event, bool review) {
    try {
        auto engine = Engine::create(path, event, m_clock);
        if (review) markAsReviewFile(engine->store()); // the same step as `atelier new --review`
        adopt(std::move(engine));
        if (review) notify(strf(Str::DialogReviewCreated, event.name));
        return true;
    } catch (const std::exception& e) {
        m_openError = e.what();
        // The open event stays on screen: the failure must be said there too.
        if (m_engine) notify(trf("Impossible de créer « {} » : {}", "Cannot create \"{}\": {}", path, m_openError), true);
    }
    return false;
}

bool Session::openDefault(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) return open(path);
    try {
        std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
        adopt(createDemoEvent(path, m_clock));
        return true;
    } catch (const std::exception& e) {
        m_openError = e.what();
    }
    return false;
}

void Session::close() {
    participation.reset(); // before the engine its queue hands requests to
    m_engine.reset();
    m_ruleChecksPending = false;
    if (m_ruleCheck.valid()) m_ruleCheck.wait(); // its result is of the file just closed
    m_pending.clear();
    m_pendingUndo.clear();
}

bool Session::applyPending() {
    bool changed = false;
    // Opening replaces the event: whatever was queued against the old one is dropped.
    if (!m_pendingCreate.first.empty()) {
        auto [path, event] = std::move(m_pendingCreate);
        m_pendingCreate = {};
        m_pending.clear();
        m_pendingUndo.clear();
        m_deferred.clear();
        create(path, event, std::exchange(m_pendingReview, false));
        return true;
    }
    if (!m_pendingOpen.empty()) {
        std::string path = std::move(m_pendingOpen);
        m_pendingOpen.clear();
        m_pending.clear();
        m_pendingUndo.clear();
        m_deferred.clear();
        open(path);
        return true;
    }
    if (!m_engine) {
        m_pending.clear();
        m_pendingUndo.clear();
        m_deferred.clear();
        return false;
    }
    auto actions = std::move(m_pending);
    m_pending.clear();
    for (const auto& pending : actions) {
        try {
            // A gesture on a board comes with the moves that keep its regroupements laid out,
            // in one undo entry (layout/cluster_layout.hpp).
            ActionResult result = layout::changesLayout(pending.action) ? layout::applyWithLayout(*m_engine, pending.action)
                                                                       : m_engine->apply(pending.action);
            m_lastCreated = result.created;
            changed = true;
            if (pending.then) pending.then(result.created);
        } catch (const Error& e) {
            notify(e.what(), true);
        } catch (const std::exception& e) {
            notify(e.what(), true);
        }
    }
    auto undos = std::move(m_pendingUndo);
    m_pendingUndo.clear();
    for (bool undo : undos) {
        try {
            if (undo && m_engine->canUndo()) notify(strf(Str::ToastUndone, m_engine->undo()));
            else if (!undo && m_engine->canRedo()) notify(strf(Str::ToastRedone, m_engine->redo()));
            changed = true;
        } catch (const Error& e) {
            notify(e.what(), true);
        }
    }
    auto deferred = std::move(m_deferred);
    m_deferred.clear();
    for (auto& work : deferred) {
        try {
            work(*m_engine);
            changed = true;
        } catch (const std::exception& e) {
            notify(e.what(), true);
        }
    }
    return changed;
}

void Session::notify(std::string text, bool error) {
    if (m_toasts.size() > 4) m_toasts.erase(m_toasts.begin());
    m_toasts.push_back({std::move(text), error, -1});
}

const TimedSession* Session::timerFor(Id teamId) const {
    if (!m_engine) return nullptr;
    return shownTimer(state(), teamId);
}

void Session::toggleTimer(Id teamId, Phase phase, int presetSeconds) {
    const TimedSession* timer = timerFor(teamId);
    // A team-scoped toggle never drives the all-teams timer by accident: it acts on what it shows.
    if (timer) {
        switch (timerState(*timer, now())) {
        case TimerState::Running: queue(PauseTimer{timer->id}); return;
        case TimerState::Paused:
        case TimerState::Ready: queue(ResumeTimer{timer->id}); return;
        case TimerState::Finished: break;
        }
    }
    StartTimer start;
    start.team = teamId;
    start.phase = phase;
    start.seconds = presetSeconds;
    queue(start);
}

} // namespace atelier
