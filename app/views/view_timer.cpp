#include "views/view_timer.hpp"

#include "presentation.hpp"
#include "theme.hpp"
#include "model/timer.hpp"
#include "widgets.hpp"

#include <algorithm>

namespace atelier {

namespace {
int idKey(Id id) { return static_cast<int>(id.value ^ (id.value >> 32)); }
} // namespace

void TimerView::drawContent(ViewContext& ctx) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    Millis now = session.now();
    if (session.team && !state.find<Team>(session.team)) session.team = Id{};
    const Team* team = state.find<Team>(session.team);

    // Scope: all teams or one.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(str(Str::TimerScope));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    if (ImGui::BeginCombo("##scope", team ? team->name.c_str() : str(Str::AllTeams))) {
        if (ImGui::Selectable(str(Str::AllTeams), !team)) session.team = Id{};
        for (const Team* t : state.teamsInOrder()) {
            ImGui::PushID(idKey(t->id));
            if (ImGui::Selectable(t->name.c_str(), t == team)) session.team = t->id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    const TimedSession* timer = session.timerFor(session.team);
    // The phase the next countdown is for: the team's, else the one the last timer ran.
    Phase phase = team ? team->phase : (timer ? timer->phase : Phase::Diverge);
    int presetSeconds = ctx.settings.presetMinutes[static_cast<std::size_t>(phase)] * 60;

    // The countdown.
    float height = std::max(ImGui::GetContentRegionAvail().y * 0.30f, ImGui::GetFontSize() * 3);
    ImVec2 p = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(p, ImVec2(p.x + width, p.y + height * 1.3f), colours::kProjectorBg, 8);
    drawCountdown(list, ctx.fonts, timer, now, ImVec2(p.x + width / 2, p.y + height * 0.65f), height * 0.8f, colours::kProjectorText,
                  Millis{presetSeconds} * 1000);
    ImGui::Dummy(ImVec2(width, height * 1.3f));
    TimerState st = timer ? timerState(*timer, now) : TimerState::Ready;
    std::string status = timer ? std::string(timerStateName(st)) + " · " + phaseName(timer->phase) : str(Str::TimerNone);
    if (timer && !timer->teamId && team) status += " · " + std::string(str(Str::AllTeams));
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(status.c_str());
    ImGui::PopFont();

    // Controls: big buttons, one gesture each.
    ImGui::PushFont(ctx.fonts.bold);
    float buttonWidth = ImGui::GetFontSize() * 6;
    for (Str s : {Str::TimerStart, Str::TimerPause, Str::TimerResume, Str::TimerReset, Str::TimerNew})
        buttonWidth = std::max(buttonWidth, ImGui::CalcTextSize(str(s)).x + ImGui::GetFontSize() * 2);
    ImVec2 big(buttonWidth, ImGui::GetFontSize() * 2.4f);
    if (!timer || st == TimerState::Finished) {
        if (button(str(Str::TimerStart), big)) session.toggleTimer(session.team, phase, presetSeconds);
    } else if (st == TimerState::Running) {
        if (button(str(Str::TimerPause), big)) session.queue(PauseTimer{timer->id});
    } else {
        if (button(str(st == TimerState::Ready ? Str::TimerStart : Str::TimerResume), big)) session.queue(ResumeTimer{timer->id});
    }
    ImGui::BeginDisabled(!timer);
    ImGui::SameLine();
    if (button(str(Str::TimerPlus1), big) && timer) session.queue(ExtendTimer{timer->id, 60});
    ImGui::SameLine();
    if (button(str(Str::TimerPlus5), big) && timer) session.queue(ExtendTimer{timer->id, 300});
    ImGui::SameLine();
    if (button(str(Str::TimerReset), big) && timer) session.queue(ResetTimer{timer->id});
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (button(str(Str::TimerNew), big)) {
        StartTimer start;
        start.team = session.team;
        start.phase = phase;
        start.seconds = presetSeconds;
        session.queue(start);
    }
    ImGui::PopFont();
    ImGui::TextDisabled("%s", str(Str::TimerSpaceHint));

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
                std::string text = formatCountdown(timerRemaining(*tt, now));
                ImGui::TextColored(ImColor(countdownColour(tt, now, ImGui::GetColorU32(ImGuiCol_Text))), "%s", text.c_str());
            }
            ImGui::TableNextColumn();
            if (tt) ImGui::TextUnformatted(timerStateName(timerState(*tt, now)));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
}

} // namespace atelier
