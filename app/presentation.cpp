#include "presentation.hpp"

#include "board/board_projection.hpp"
#include "theme.hpp"
#include "model/timer.hpp"
#include "model/timezone.hpp"
#include "widgets.hpp"
#include "views/qr_code.hpp"
#include "model/language.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

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
    // The clip keeps whole lines only; sideways a glyph's bearing may reach past the wrap width.
    ImVec4 clip(pos.x - size * 0.25f, pos.y - size * 0.25f, pos.x + width + size * 0.25f, pos.y + whole);
    list->AddText(font, size, pos, colour, text.c_str(), text.c_str() + text.size(), width, &clip);
    return extent.y;
}

// One line of the brief as laid out for a width: whole lines only, so a page never cuts one.
struct BriefLine {
    ImFont* font;
    float size;
    ImU32 colour;
    std::string text;
    float advance; // height of the line plus the gap after it
};

// The brief (question, owner, then its fields) in lines wrapped at `width`.
std::vector<BriefLine> layoutBrief(const FontSet& fonts, const Challenge& c, float width, float text) {
    std::vector<BriefLine> lines;
    float title = text * 1.2f;
    auto add = [&](ImFont* font, float size, ImU32 colour, const std::string& para, float gap) {
        const char* b = para.c_str();
        const char* end = b + para.size();
        while (b < end) {
            const char* cut = font->CalcWordWrapPositionA(size / font->FontSize, b, end, width);
            if (cut == b) cut = b + 1; // a word wider than the page still advances
            const char* next = cut;
            while (next < end && (*next == ' ' || *next == '\n')) ++next;
            lines.push_back({font, size, colour, std::string(b, cut), size});
            b = next;
        }
        if (!lines.empty()) lines.back().advance += gap;
    };
    add(fonts.largeBold, title, colours::kProjectorText, strf(Str::ChallengeNumber, c.number) + " — " + c.question, text * 0.5f);
    std::string who = c.owner + (c.territory.empty() ? "" : " · " + c.territory);
    add(fonts.large, text, colours::kProjectorDim, who, text * 0.4f);
    std::pair<Str, const std::string*> fields[] = {{Str::ChallengeStakes, &c.stakes},
                                                  {Str::ChallengeStakeholders, &c.stakeholders},
                                                  {Str::ChallengeObstacles, &c.obstacles},
                                                  {Str::ChallengeLevers, &c.levers}};
    for (auto [label, value] : fields) {
        if (value->empty()) continue;
        add(fonts.large, text, colours::kProjectorText,
            std::string(str(label)) + (uiLanguage() == Language::English ? ": " : " : ") + *value, text * 0.3f);
    }
    return lines;
}

// Where each page starts: as many whole lines as fit in `height`.
std::vector<std::size_t> briefPages(const std::vector<BriefLine>& lines, float height) {
    std::vector<std::size_t> starts{0};
    float used = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (used > 0 && used + lines[i].size > height) {
            starts.push_back(i);
            used = 0;
        }
        used += lines[i].advance;
    }
    return starts;
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
                   float height, ImU32 normal, Millis idleMs, float maxWidth) {
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
    const float middle = top + digits / 2;
    ImVec2 extent = fonts.timer->CalcTextSizeA(size, FLT_MAX, 0, text.c_str());
    if (extent.x > maxWidth) { // narrower, centred in the same band
        size *= maxWidth / extent.x;
        extent = fonts.timer->CalcTextSizeA(size, FLT_MAX, 0, text.c_str());
    }
    ImVec2 pos(center.x - extent.x / 2, middle - extent.y / 2);
    list->AddText(fonts.timer, size, pos, paused ? colours::kProjectorDim : countdownColour(timer, now, normal), text.c_str());
}

int drawChallengeBriefPage(ImDrawList* list, const FontSet& fonts, const Challenge& challenge, ImVec2 pos, ImVec2 size,
                           int page, float outputHeight) {
    float text = std::max(kMinProjectorPixels, outputHeight / kBodyDivisor);
    float footer = text * 1.2f; // « Page 2 / 3 » under the text
    auto lines = layoutBrief(fonts, challenge, size.x, text);
    auto starts = briefPages(lines, size.y - footer);
    int pages = static_cast<int>(starts.size());
    page = std::clamp(page, 0, pages - 1);
    if (!list) return pages;
    std::size_t end = page + 1 < pages ? starts[static_cast<std::size_t>(page) + 1] : lines.size();
    float y = pos.y;
    for (std::size_t i = starts[static_cast<std::size_t>(page)]; i < end; ++i) {
        const BriefLine& l = lines[i];
        list->AddText(l.font, l.size, ImVec2(pos.x, y), l.colour, l.text.c_str(), l.text.c_str() + l.text.size());
        y += l.advance;
    }
    if (pages > 1) {
        std::string label = strf(Str::ProjectorPage, page + 1, pages);
        ImVec2 e = fonts.large->CalcTextSizeA(text, FLT_MAX, 0, label.c_str());
        list->AddText(fonts.large, text, ImVec2(pos.x + size.x - e.x, pos.y + size.y - e.y), colours::kWarning, label.c_str());
    }
    return pages;
}

void drawPresentation(ViewContext& ctx, ImVec2 pos, ImVec2 size, bool preview) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    Session& session = ctx.session;
    list->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), colours::kProjectorBg);
    if (!session.isOpen()) return;
    if (session.projectorBlank) {
        // B: the room sees black; only the preview on the facilitator's screen says why.
        if (preview) {
            const char* hint = str(Str::ProjectorBlanked);
            float h = std::max(kMinProjectorPixels, size.y / 30.0f);
            ImVec2 e = ctx.fonts.large->CalcTextSizeA(h, FLT_MAX, 0, hint);
            list->AddText(ctx.fonts.large, h, ImVec2(pos.x + (size.x - e.x) / 2, pos.y + (size.y - e.y) / 2), colours::kProjectorDim, hint);
        }
        return;
    }
    const EventState& state = session.state();
    Millis now = session.now();
    const Team* team = state.find<Team>(session.projectorTeam);
    const TimedSession* timer = session.timerFor(session.projectorTeam);

    float margin = size.y * 0.035f;
    float text = std::max(kMinProjectorPixels, size.y / 22.0f);
    float title = text * 1.2f;
    float x = pos.x + margin, width = size.x - 2 * margin;
    float y = pos.y + margin;

    // Header: who and which phase, in the team's colour band.
    std::string who = team ? team->name : str(Str::AllTeams);
    // The phase the countdown runs for, else the team's: never a stale one.
    Phase phase = timer && timerState(*timer, now) != TimerState::Finished ? timer->phase : team ? team->phase : Phase::Diverge;
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
    if (session.projectorContent == ProjectorContent::Join) digits = size.y * 0.10f; // the QR code needs the room
    // A défi brief keeps its type size and is shown in pages the facilitator turns (← →).
    const Challenge* brief = nullptr;
    if (session.projectorContent == ProjectorContent::Challenge) {
        Id cid = session.projectorChallenge ? session.projectorChallenge : (team ? team->challengeId : Id{});
        brief = state.find<Challenge>(cid);
    }
    if (brief) digits = size.y * 0.16f;
    float boxHeight = digits * 1.35f;
    Millis idle = Millis{ctx.settings.presetMinutes[static_cast<std::size_t>(phase)]} * 60000;
    drawCountdown(list, ctx.fonts, timer, now, ImVec2(pos.x + size.x / 2, y + boxHeight / 2), digits, colours::kProjectorText, idle,
                  width);
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
        ImVec2 area(width, std::max(1.0f, bottom - y));
        session.projectorPages = drawChallengeBriefPage(nullptr, ctx.fonts, *brief, ImVec2(x, y), area, 0, size.y);
        session.projectorPage = std::clamp(session.projectorPage, 0, session.projectorPages - 1);
        drawChallengeBriefPage(list, ctx.fonts, *brief, ImVec2(x, y), area, session.projectorPage, size.y);
    } else if (session.projectorContent == ProjectorContent::Programme) {
        LocalTime local = toLocalTime(now, state.event.timeZone);
        auto slots = state.slotsInOrder();
        std::string day = local.day;
        // Before or after the event, show its first day rather than an empty screen.
        if (std::none_of(slots.begin(), slots.end(), [&](const Slot* s) { return s->day == day; }) && !slots.empty())
            day = slots.front()->day;
        y += drawWrapped(list, ctx.fonts.largeBold, title, ImVec2(x, y), width, colours::kProjectorText, formatDay(day), bottom) + text * 0.3f;
        // The day's slots in pages of whole slots (← →) when they do not all fit: none is dropped.
        struct Row {
            std::string text;
            bool current;
            float height;
        };
        std::vector<Row> rows;
        for (const Slot* s : slots) {
            if (s->day != day) continue;
            bool current = s->day == local.day && s->start <= local.hourMinute && local.hourMinute < s->end;
            std::string line = s->start + "–" + s->end + "   " + s->title;
            ImFont* font = current ? ctx.fonts.largeBold : ctx.fonts.large;
            rows.push_back({line, current, drawWrapped(nullptr, font, text, ImVec2(x, y), width, 0, line, bottom) + text * 0.15f});
        }
        float footer = text * 1.2f;
        std::vector<std::size_t> starts{0};
        float used = 0;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (used > 0 && y + used + rows[i].height > bottom - footer) {
                starts.push_back(i);
                used = 0;
            }
            used += rows[i].height;
        }
        session.projectorPages = static_cast<int>(starts.size());
        session.projectorPage = std::clamp(session.projectorPage, 0, session.projectorPages - 1);
        std::size_t first = starts[static_cast<std::size_t>(session.projectorPage)];
        std::size_t last = session.projectorPage + 1 < session.projectorPages ? starts[static_cast<std::size_t>(session.projectorPage) + 1] : rows.size();
        for (std::size_t i = first; i < last; ++i) {
            const Row& r = rows[i];
            ImU32 colour = r.current ? colours::kWarning : colours::kProjectorText;
            if (r.current) list->AddRectFilled(ImVec2(x - margin * 0.3f, y), ImVec2(x - margin * 0.1f, y + text * 1.1f), colours::kWarning);
            y += drawWrapped(list, r.current ? ctx.fonts.largeBold : ctx.fonts.large, text, ImVec2(x, y), width, colour, r.text, pos.y + size.y) +
                 text * 0.15f;
        }
        if (session.projectorPages > 1) {
            std::string label = strf(Str::ProjectorPage, session.projectorPage + 1, session.projectorPages);
            ImVec2 e = ctx.fonts.large->CalcTextSizeA(text, FLT_MAX, 0, label.c_str());
            list->AddText(ctx.fonts.large, text, ImVec2(x + width - e.x, bottom - e.y), colours::kWarning, label.c_str());
        }
        if (rows.empty()) drawWrapped(list, ctx.fonts.large, text, ImVec2(x, y), width, colours::kProjectorDim, str(Str::ProjectorNoProgramme), bottom);
    } else if (session.projectorContent == ProjectorContent::Join) {
        // The join QR code, as large as the room left; beside it (below it on a portrait screen)
        // what to do and the address and code to type for those who cannot scan, in large type.
        ParticipantServer* server = session.participation.get();
        if (!server) {
            drawWrapped(list, ctx.fonts.largeBold, text, ImVec2(x, y), width, colours::kProjectorText,
                        tr("Participation fermée : ouvrez-la dans l’écran Participation.", "Participation closed: open it in the Participation screen."),
                        pos.y + size.y);
            return;
        }
        std::vector<std::string> hosts = localAddresses();
        std::string link = server->joinUrl(hosts.empty() ? "127.0.0.1" : hosts.front());
        std::string code = server->codes().current();
        static std::string encoded;
        static QrModules qr;
        if (encoded != link) {
            qr = encodeQr(link);
            encoded = link;
        }
        const std::string heading = tr("Rejoindre depuis son téléphone", "Join from your phone");
        const std::string how = tr("Sur le Wi-Fi de la salle (pas en données mobiles), scannez le code ou ouvrez :",
                                   "On the room's Wi-Fi (not mobile data), scan the code or open:");
        const std::string codeLabel = tr("Code", "Code");
        const float codeSize = text * 2.2f;
        bool beside = width > (bottom - y) * 1.6f;
        float side = beside ? std::min(bottom - y, width * 0.5f) : std::max(1.0f, std::min(width, (bottom - y) * 0.6f));
        side = std::max(1.0f, side);
        drawQrAt(list, qr, beside ? ImVec2(x, y) : ImVec2(pos.x + (size.x - side) / 2, y), side);
        float tx = beside ? x + side + margin : x, tw = beside ? width - side - margin : width;
        float ty = beside ? y : y + side + text * 0.3f;
        ty += drawWrapped(list, ctx.fonts.largeBold, title, ImVec2(tx, ty), tw, colours::kProjectorText, heading, bottom) + text * 0.4f;
        ty += drawWrapped(list, ctx.fonts.large, text, ImVec2(tx, ty), tw, colours::kProjectorDim, how, bottom) + text * 0.2f;
        // To type: the address alone (the page then asks for the code shown below it).
        std::string address = link.substr(0, link.find("/?"));
        ty += drawWrapped(list, ctx.fonts.largeBold, text, ImVec2(tx, ty), tw, colours::kProjectorText, address, bottom) + text * 0.6f;
        ty += drawWrapped(list, ctx.fonts.large, text, ImVec2(tx, ty), tw, colours::kProjectorDim, codeLabel, bottom);
        drawWrapped(list, ctx.fonts.largeBold, codeSize, ImVec2(tx, ty), tw, colours::kWarning, code, pos.y + size.y);
    } else if (board && team) {
        ImVec2 area(width, std::max(1.0f, bottom - y));
        if (session.projectorContent == ProjectorContent::Board)
        {
            session.projectorPages = board::drawBoardOnProjector(list, ctx.fonts, state, team->id, ImVec2(x, y), area, size.y,
                                                                 session.projectorPage, session.engine());
            session.projectorPage = std::clamp(session.projectorPage, 0, session.projectorPages - 1);
        }
        else
            board::drawVoteResults(list, ctx.fonts, state, team->id, ImVec2(x, y), area);
    }
}

void handleProjectorKeys(Session& session) {
    if (ImGui::GetIO().WantTextInput || ImGui::GetIO().KeyCtrl) return;
    // B (blank) is in the shortcut table (keys.hpp), which works from every screen.
    if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT, true) || ImGui::IsKeyPressed(GLFW_KEY_PAGE_DOWN, true))
        session.projectorPage = std::min(session.projectorPage + 1, std::max(0, session.projectorPages - 1));
    if (ImGui::IsKeyPressed(GLFW_KEY_LEFT, true) || ImGui::IsKeyPressed(GLFW_KEY_PAGE_UP, true))
        session.projectorPage = std::max(0, session.projectorPage - 1);
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
