#include "presentation.hpp"

#include "board/board_projection.hpp"
#include "theme.hpp"
#include "model/timer.hpp"
#include "model/timezone.hpp"
#include "widgets.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace atelier {

namespace {

// Word-wrapped text at a given font and size; returns the height used. Only whole lines are
// drawn above maxY (never a line cut through its middle); a null list only measures.
float drawWrapped(ImDrawList* list, ImFont* font, float size, ImVec2 pos, float width, ImU32 colour,
                  const std::string& text, float maxY) {
    ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, width, text.c_str(), text.c_str() + text.size());
    if (!list) return extent.y;
    if (pos.y >= maxY) return 0;
    float line = size * font->FontSize > 0 ? font->FontSize * (size / font->FontSize) : size;
    float whole = std::floor((maxY - pos.y) / line) * line;
    if (whole <= 0) return extent.y;
    ImVec4 clip(pos.x, pos.y, pos.x + width, pos.y + whole);
    list->AddText(font, size, pos, colour, text.c_str(), text.c_str() + text.size(), width, &clip);
    return extent.y;
}

// The défi's brief under the countdown: question, owner, then its fields. Returns the height
// it takes (a null list only measures, to size the countdown first).
float drawChallengeBrief(ImDrawList* list, const FontSet& fonts, const Challenge& c, ImVec2 pos, float width, float text,
                         float title, float bottom) {
    float y = pos.y;
    y += drawWrapped(list, fonts.largeBold, title, ImVec2(pos.x, y), width, colours::kProjectorText,
                     strf(Str::ChallengeNumber, c.number) + " — " + c.question, bottom) + text * 0.5f;
    std::string who = c.owner + (c.territory.empty() ? "" : " · " + c.territory);
    y += drawWrapped(list, fonts.large, text, ImVec2(pos.x, y), width, colours::kProjectorDim, who, bottom) + text * 0.4f;
    std::pair<Str, const std::string*> fields[] = {{Str::ChallengeStakes, &c.stakes},
                                                  {Str::ChallengeStakeholders, &c.stakeholders},
                                                  {Str::ChallengeObstacles, &c.obstacles},
                                                  {Str::ChallengeLevers, &c.levers}};
    for (auto [label, value] : fields) {
        if (value->empty()) continue;
        std::string line = std::string(str(label)) + (uiLanguage() == Language::English ? ": " : " : ") + *value;
        y += drawWrapped(list, fonts.large, text, ImVec2(pos.x, y), width, colours::kProjectorText, line, bottom) + text * 0.3f;
    }
    return y - pos.y;
}

} // namespace

ImU32 countdownColour(const TimedSession* timer, Millis now, ImU32 normal) {
    if (!timer) return normal;
    TimerState state = timerState(*timer, now);
    Millis remaining = timerRemaining(*timer, now);
    if (state == TimerState::Finished) {
        Millis overrun = timerOverrun(*timer, now);
        return (overrun / 500) % 2 == 0 ? colours::kAlarm : normal;
    }
    if (remaining <= 60000) return colours::kWarning;
    return normal;
}

std::string countdownLabel(const TimedSession& timer, Millis now) {
    std::string text = formatCountdown(timerRemaining(timer, now));
    if (timerState(timer, now) == TimerState::Paused) text += std::string("  ") + str(Str::TimerPausedBadge);
    return text;
}

void drawCountdown(ImDrawList* list, const FontSet& fonts, const TimedSession* timer, Millis now, ImVec2 center,
                   float height, ImU32 normal, Millis idleMs) {
    std::string text = formatCountdown(timer ? timerRemaining(*timer, now) : idleMs);
    bool paused = timer && timerState(*timer, now) == TimerState::Paused;
    // A paused countdown must not read as a frozen clock: « PAUSE » above dimmed digits, within
    // the same height.
    float digits = paused ? height * 0.66f : height;
    float top = center.y - height / 2;
    if (paused) {
        const char* badge = str(Str::TimerPausedBadge);
        float badgeSize = height * 0.24f / 0.73f;
        ImVec2 e = fonts.largeBold->CalcTextSizeA(badgeSize, FLT_MAX, 0, badge);
        ImVec2 at(center.x - e.x / 2, top);
        list->AddRectFilled(ImVec2(at.x - e.y * 0.4f, at.y), ImVec2(at.x + e.x + e.y * 0.4f, at.y + e.y), colours::kWarning, e.y * 0.2f);
        list->AddText(fonts.largeBold, badgeSize, at, colours::kProjectorBg, badge);
        top += height - digits;
    }
    // The font's cap height is about 0.73 of its size: scale so the digits themselves are `digits` tall.
    float size = digits / 0.73f;
    ImVec2 extent = fonts.timer->CalcTextSizeA(size, FLT_MAX, 0, text.c_str());
    ImVec2 pos(center.x - extent.x / 2, top + digits / 2 - extent.y / 2);
    list->AddText(fonts.timer, size, pos, paused ? colours::kProjectorDim : countdownColour(timer, now, normal), text.c_str());
}

void drawPresentation(ViewContext& ctx, ImVec2 pos, ImVec2 size) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    Session& session = ctx.session;
    list->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), colours::kProjectorBg);
    if (!session.isOpen()) return;
    const EventState& state = session.state();
    Millis now = session.now();
    const Team* team = state.find<Team>(session.projectorTeam);
    const TimedSession* timer = session.timerFor(session.projectorTeam);

    float margin = size.y * 0.035f;
    float text = std::max(18.0f, size.y / 22.0f);
    float title = text * 1.2f;
    float x = pos.x + margin, width = size.x - 2 * margin;
    float y = pos.y + margin;

    // Header: who and which phase, in the team's colour band.
    std::string who = team ? team->name : str(Str::AllTeams);
    Phase phase = team ? team->phase : (timer ? timer->phase : Phase::Diverge);
    std::string header = who + "  ·  " + phaseName(phase);
    if (team) list->AddRectFilled(ImVec2(pos.x, pos.y), ImVec2(pos.x + margin * 0.5f, pos.y + size.y), colourFromHex(team->colour));
    drawWrapped(list, ctx.fonts.largeBold, title, ImVec2(x, y), width, colours::kProjectorText, header, pos.y + size.y);
    y += title * 1.4f;

    // The countdown: a third of the height, at least the quarter the issue asks for.
    float digits = size.y * 0.30f;
    bool content = session.projectorContent != ProjectorContent::TimerOnly;
    if (!content) digits = size.y * 0.42f;
    // The board and the vote results need the room: the countdown shrinks to a band.
    bool board = session.projectorContent == ProjectorContent::Board || session.projectorContent == ProjectorContent::Vote;
    if (board && team) digits = size.y * 0.13f;
    // A long défi brief takes room from the countdown (down to the band size), then its text
    // gets smaller (down to 80 %), so that it is read whole rather than cut at the bottom.
    const Challenge* brief = nullptr;
    if (session.projectorContent == ProjectorContent::Challenge) {
        Id cid = session.projectorChallenge ? session.projectorChallenge : (team ? team->challengeId : Id{});
        brief = state.find<Challenge>(cid);
    }
    if (brief) {
        float room = pos.y + size.y - margin - y - margin * 0.5f;
        float need = drawChallengeBrief(nullptr, ctx.fonts, *brief, ImVec2(x, 0), width, text, title, 0);
        digits = std::clamp((room - need) / 1.35f, size.y * 0.13f, digits);
        for (int step = 0; step < 4 && need > room - digits * 1.35f; ++step) {
            text *= 0.95f;
            title = text * 1.2f;
            need = drawChallengeBrief(nullptr, ctx.fonts, *brief, ImVec2(x, 0), width, text, title, 0);
        }
    }
    float boxHeight = digits * 1.35f;
    Millis idle = Millis{ctx.settings.presetMinutes[static_cast<std::size_t>(phase)]} * 60000;
    drawCountdown(list, ctx.fonts, timer, now, ImVec2(pos.x + size.x / 2, y + boxHeight / 2), digits, colours::kProjectorText, idle);
    y += boxHeight;
    if (timer && timerState(*timer, now) == TimerState::Finished) {
        std::string up = str(Str::ProjectorTimeUp);
        ImVec2 e = ctx.fonts.largeBold->CalcTextSizeA(title, FLT_MAX, 0, up.c_str());
        list->AddText(ctx.fonts.largeBold, title, ImVec2(pos.x + (size.x - e.x) / 2, y - title * 0.6f), colours::kAlarm, up.c_str());
        y += title;
    }
    y += margin * 0.5f;
    float bottom = pos.y + size.y - margin;

    if (brief) {
        drawChallengeBrief(list, ctx.fonts, *brief, ImVec2(x, y), width, text, title, bottom);
    } else if (session.projectorContent == ProjectorContent::Programme) {
        LocalTime local = toLocalTime(now, state.event.timeZone);
        auto slots = state.slotsInOrder();
        std::string day = local.day;
        // Before or after the event, show its first day rather than an empty screen.
        if (std::none_of(slots.begin(), slots.end(), [&](const Slot* s) { return s->day == day; }) && !slots.empty())
            day = slots.front()->day;
        y += drawWrapped(list, ctx.fonts.largeBold, title, ImVec2(x, y), width, colours::kProjectorText, formatDay(day), bottom) + text * 0.3f;
        bool any = false;
        for (const Slot* s : slots) {
            if (s->day != day) continue;
            any = true;
            bool current = s->day == local.day && s->start <= local.hourMinute && local.hourMinute < s->end;
            ImU32 colour = current ? colours::kWarning : colours::kProjectorText;
            std::string line = s->start + "–" + s->end + "   " + s->title;
            if (current) list->AddRectFilled(ImVec2(x - margin * 0.3f, y), ImVec2(x - margin * 0.1f, y + text * 1.1f), colours::kWarning);
            y += drawWrapped(list, current ? ctx.fonts.largeBold : ctx.fonts.large, text, ImVec2(x, y), width, colour, line, bottom) + text * 0.15f;
        }
        if (!any) drawWrapped(list, ctx.fonts.large, text, ImVec2(x, y), width, colours::kProjectorDim, str(Str::ProjectorNoProgramme), bottom);
    } else if (board && team) {
        ImVec2 area(width, std::max(1.0f, bottom - y));
        if (session.projectorContent == ProjectorContent::Board)
            board::drawBoardOnProjector(list, ctx.fonts, state, team->id, ImVec2(x, y), area);
        else
            board::drawVoteResults(list, ctx.fonts, state, team->id, ImVec2(x, y), area);
    }
}

double presentationWakeSeconds(const Session& session, Millis now) {
    if (!session.isOpen()) return 30.0;
    double wake = 30.0; // the "now" marker of the programme moves by the minute
    for (const auto& [id, timer] : session.state().timedSessions) {
        TimerState st = timerState(timer, now);
        if (st == TimerState::Running) {
            Millis remaining = timerRemaining(timer, now);
            Millis toNextSecond = remaining % 1000;
            wake = std::min(wake, (toNextSecond == 0 ? 1000 : toNextSecond) / 1000.0 + 0.002);
        } else if (st == TimerState::Finished && timer.state == TimerState::Running) {
            Millis overrun = timerOverrun(timer, now);
            if (overrun < 10 * 60 * 1000) wake = std::min(wake, (500 - overrun % 500) / 1000.0 + 0.002); // flashing
        }
    }
    return wake;
}

} // namespace atelier
