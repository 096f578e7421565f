#include "views/view_timer.hpp"

#include "presentation.hpp"
#include "theme.hpp"
#include "model/timer.hpp"
#include "timers/duration.hpp"
#include "timers/timer_scope.hpp"
#include "widgets.hpp"

#include <algorithm>
#include <cstring>

namespace atelier {

namespace {
int idKey(Id id) { return static_cast<int>(id.value ^ (id.value >> 32)); }

// « Tous les ateliers 12:30 (diverger) »: what the replace question names.
std::string describeTimer(const EventState& state, const TimedSession& t, Millis now) {
    const Team* team = state.find<Team>(t.teamId);
    return (team ? team->name : std::string(str(Str::AllTeams))) + " " + countdownLabel(t, now) + " (" + phaseName(t.phase) + ")";
}
} // namespace

Phase defaultTimerPhase(const EventState& state, Id team) {
    if (const Team* t = state.find<Team>(team)) return t->phase;
    std::array<int, 4> count{};
    for (const auto& [id, t] : state.teams) ++count[static_cast<std::size_t>(t.phase)];
    std::size_t best = 0;
    for (std::size_t i = 1; i < count.size(); ++i)
        if (count[i] >= count[best] && count[i] > 0) best = i;
    return static_cast<Phase>(best);
}

void TimerView::requestStart(ViewContext& ctx, const StartTimer& start) {
    Session& session = ctx.session;
    auto replaced = timersReplacedBy(session.state(), start.team, session.now());
    if (replaced.empty()) {
        session.queue(start);
        return;
    }
    m_replaced.clear();
    for (const TimedSession* t : replaced) m_replaced += (m_replaced.empty() ? "" : ", ") + describeTimer(session.state(), *t, session.now());
    m_pendingStart = start;
    m_openQuestion = true;
}

void TimerView::drawReplaceQuestion(ViewContext& ctx) {
    if (m_openQuestion) {
        ImGui::OpenPopup("##replace");
        m_openQuestion = false;
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 32, 0));
    if (!ImGui::BeginPopupModal("##replace", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(str(Str::TimerReplaceTitle));
    ImGui::PopFont();
    ImGui::TextWrapped("%s", strf(Str::TimerReplaceBody, m_replaced).c_str());
    ImGui::Spacing();
    if (button(str(Str::TimerReplaceConfirm)) && m_pendingStart) {
        ctx.session.queue(*m_pendingStart);
        m_pendingStart.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (button(str(Str::ButtonCancel)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        m_pendingStart.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void TimerView::drawContent(ViewContext& ctx) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    Millis now = session.now();
    if (session.team && !state.find<Team>(session.team)) session.team = Id{};
    const Team* team = state.find<Team>(session.team);
    if (m_scope != session.team) {
        m_scope = session.team;
        m_phase.reset();
        m_durationError.clear();
    }

    // Scope: all teams or one; then the phase the countdown is for.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(str(Str::TimerScope));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (ImGui::BeginCombo("##scope", team ? team->name.c_str() : str(Str::AllTeams))) {
        if (ImGui::Selectable(str(Str::AllTeams), !team)) session.team = Id{};
        for (const Team* t : state.teamsInOrder()) {
            ImGui::PushID(idKey(t->id));
            if (ImGui::Selectable(t->name.c_str(), t == team)) session.team = t->id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    recordLastItem("timer:scope");
    Phase phase = m_phase.value_or(defaultTimerPhase(state, session.team));
    ImGui::SameLine();
    ImGui::TextUnformatted(str(Str::TimerPhase));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (ImGui::BeginCombo("##phase", phaseName(phase))) {
        for (int i = 0; i < static_cast<int>(kPhaseCodes.size()); ++i) {
            Phase p = static_cast<Phase>(i);
            if (ImGui::Selectable(phaseName(p), p == phase)) m_phase = p;
            recordLastItem((std::string("timer:phase:") + phaseName(p)).c_str());
        }
        ImGui::EndCombo();
    }
    recordLastItem("timer:phase");
    if (!team && !m_phase && !state.teams.empty() && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", strf(Str::TimerPhaseDefault, phaseName(phase)).c_str());
    const TimedSession* timer = session.timerFor(session.team);
    int presetSeconds = ctx.settings.presetMinutes[static_cast<std::size_t>(phase)] * 60;

    // The countdown.
    float height = std::max(ImGui::GetContentRegionAvail().y * 0.30f, ImGui::GetFontSize() * 3);
    ImVec2 p = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(p, ImVec2(p.x + width, p.y + height * 1.3f), colours::kProjectorBg, 8);
    drawCountdown(list, ctx.fonts, timer, now, ImVec2(p.x + width / 2, p.y + height * 0.65f), height * 0.8f, colours::kProjectorText,
                  Millis{presetSeconds} * 1000, width * 0.95f);
    ImGui::Dummy(ImVec2(width, height * 1.3f));
    TimerState st = timer ? timerState(*timer, now) : TimerState::Ready;
    std::string status = timer ? std::string(timerStateName(st)) + " · " + phaseName(timer->phase) : str(Str::TimerNone);
    if (timer && !timer->teamId && team) status += " · " + std::string(str(Str::AllTeams));
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(status.c_str());
    ImGui::PopFont();

    drawControls(ctx, timer, phase, presetSeconds);

    // Presets per phase (settings, not event data).
    ImGui::Spacing();
    ImGui::TextUnformatted(str(Str::TimerPresets));
    for (int i = 0; i < static_cast<int>(kPhaseCodes.size()); ++i) {
        ImGui::PushID(i);
        if (i) ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        int minutes = ctx.settings.presetMinutes[static_cast<std::size_t>(i)];
        if (ImGui::InputInt(phaseName(static_cast<Phase>(i)), &minutes, 1, 5))
            ctx.settings.presetMinutes[static_cast<std::size_t>(i)] = std::clamp(minutes, 1, 24 * 60);
        ImGui::PopID();
    }

    drawSound(ctx);

    // Every team at a glance.
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(str(Str::TimerTeams));
    ImGui::PopFont();
    if (ImGui::BeginTable("##timers", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(str(Str::PhasesTeam));
        ImGui::TableSetupColumn(str(Str::PhasesCurrent));
        ImGui::TableSetupColumn(str(Str::ViewTimer));
        ImGui::TableSetupColumn("##state");
        ImGui::TableHeadersRow();
        for (const Team* t : state.teamsInOrder()) {
            ImGui::PushID(idKey(t->id));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ImGui::Selectable(t->name.c_str(), t->id == session.team, ImGuiSelectableFlags_SpanAllColumns)) session.team = t->id;
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(phaseName(t->phase));
            const TimedSession* tt = session.timerFor(t->id);
            ImGui::TableNextColumn();
            if (tt) {
                std::string text = countdownLabel(*tt, now);
                ImGui::TextColored(ImColor(countdownColour(tt, now, ImGui::GetColorU32(ImGuiCol_Text))), "%s", text.c_str());
            }
            ImGui::TableNextColumn();
            if (tt) ImGui::TextUnformatted(timerStateName(timerState(*tt, now)));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    drawReplaceQuestion(ctx);
}

void TimerView::drawSound(ViewContext& ctx) {
    Settings& settings = ctx.settings;
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(str(Str::SoundTitle));
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::Checkbox(str(Str::SoundMute), &settings.chimeMuted);
    recordLastItem("sound:mute");
    ImGui::SameLine();
    ImGui::Checkbox(str(Str::SoundMinuteBefore), &settings.chimeMinuteBefore);
    recordLastItem("sound:minute");
    audio::SoundOutput* sound = ctx.sound;
    if (!sound) return;
    ImGui::SameLine();
    if (button(str(Str::SoundTest))) sound->playTest();
    recordLastItem("sound:test");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(str(Str::SoundOutput));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
    const char* shown = settings.soundDevice.empty() ? str(Str::SoundDefaultDevice) : settings.soundDevice.c_str();
    if (ImGui::BeginCombo("##sounddevice", shown)) {
        if (ImGui::Selectable(str(Str::SoundDefaultDevice), settings.soundDevice.empty())) settings.soundDevice.clear();
        for (const std::string& name : sound->devices())
            if (ImGui::Selectable(name.c_str(), name == settings.soundDevice)) settings.soundDevice = name;
        ImGui::EndCombo();
    }
    recordLastItem("sound:device");
    // Whether the room will hear it, in words: no output, muted, or which output.
    std::string inUse = sound->deviceInUse();
    ImU32 colour = inUse.empty() ? colours::kError : settings.chimeMuted ? colours::kWarning : ImGui::GetColorU32(ImGuiCol_TextDisabled);
    std::string status = inUse.empty() ? str(Str::SoundNoDevice) : settings.chimeMuted ? str(Str::SoundMutedNote) : strf(Str::SoundInUse, inUse);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextWrapped("%s", status.c_str());
    ImGui::PopStyleColor();
}

void TimerView::drawControls(ViewContext& ctx, const TimedSession* timer, Phase phase, int presetSeconds) {
    Session& session = ctx.session;
    Millis now = session.now();
    TimerState st = timer ? timerState(*timer, now) : TimerState::Ready;

    // The duration: typed, or the phase's preset when left empty.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(str(Str::TimerDuration));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    std::string hint = formatDuration(presetSeconds);
    if (ImGui::InputTextWithHint("##duration", hint.c_str(), m_duration.data(), m_duration.size())) m_durationError.clear();
    recordLastItem("timer:duration");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", str(Str::TimerDurationHint));
    auto startRequest = [&]() -> std::optional<StartTimer> {
        StartTimer start;
        start.team = session.team;
        start.phase = phase;
        start.seconds = presetSeconds;
        if (m_duration[0]) {
            ParsedDuration d = parseDuration(m_duration.data(), kMaxTimerSeconds);
            if (!d.ok()) {
                m_durationError = d.error;
                return std::nullopt;
            }
            start.seconds = d.seconds;
        }
        m_durationError.clear();
        return start;
    };

    // Controls: big buttons, one gesture each.
    ImGui::PushFont(ctx.fonts.bold);
    float buttonWidth = ImGui::GetFontSize() * 6;
    for (Str s : {Str::TimerStart, Str::TimerPause, Str::TimerResume, Str::TimerReset, Str::TimerNew})
        buttonWidth = std::max(buttonWidth, ImGui::CalcTextSize(str(s)).x + ImGui::GetFontSize() * 2);
    ImVec2 big(buttonWidth, ImGui::GetFontSize() * 2.4f);
    if (!timer || st == TimerState::Finished) {
        if (button(str(Str::TimerStart), big))
            if (auto start = startRequest()) requestStart(ctx, *start);
    } else if (st == TimerState::Running) {
        if (button(str(Str::TimerPause), big)) session.queue(PauseTimer{timer->id});
    } else {
        if (button(str(st == TimerState::Ready ? Str::TimerStart : Str::TimerResume), big)) session.queue(ResumeTimer{timer->id});
    }
    ImGui::BeginDisabled(!timer);
    // The minute buttons as wide as their text: the row stays within 1280 pixels.
    float minuteWidth = 0;
    for (Str s : {Str::TimerPlus1, Str::TimerMinus1, Str::TimerPlus5})
        minuteWidth = std::max(minuteWidth, ImGui::CalcTextSize(str(s)).x + ImGui::GetFontSize() * 1.2f);
    ImVec2 minute(minuteWidth, big.y);
    ImGui::SameLine();
    if (button(str(Str::TimerPlus1), minute) && timer) session.queue(ExtendTimer{timer->id, 60});
    ImGui::SameLine();
    if (button(str(Str::TimerMinus1), minute) && timer) session.queue(ShortenTimer{timer->id, 60});
    ImGui::SameLine();
    if (button(str(Str::TimerPlus5), minute) && timer) session.queue(ExtendTimer{timer->id, 300});
    ImGui::SameLine();
    if (button(str(Str::TimerReset), big) && timer) session.queue(ResetTimer{timer->id});
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (button(str(Str::TimerNew), big))
        if (auto start = startRequest()) requestStart(ctx, *start);
    ImGui::PopFont();
    if (!m_durationError.empty()) ImGui::TextColored(ImColor(colours::kError), "%s", m_durationError.c_str());

    // The countdown a new one replaced, brought back with the time it had left.
    if (const TimedSession* previous = previousTimer(session.state(), session.team, now)) {
        std::string label = strf(Str::TimerRestorePrevious, formatCountdown(timerRemaining(*previous, now)));
        if (button(label.c_str())) session.queue(RestoreTimer{previous->id});
        recordLastItem("timer:restore");
    }
    ImGui::TextDisabled("%s", str(Str::TimerSpaceHint));
}

} // namespace atelier
