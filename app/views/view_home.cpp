#include "views/view_home.hpp"

#include "presentation.hpp"
#include "text_clip.hpp"
#include "theme.hpp"
#include "model/timer.hpp"
#include "model/timezone.hpp"
#include "widgets.hpp"

#include <algorithm>
#include <cmath>

namespace atelier {

void HomeView::refreshCache(const Engine& engine) {
    const EventState& state = engine.state();
    if (&engine == m_cacheEngine && state.revision == m_cacheRevision) return;
    m_cacheEngine = &engine;
    m_cacheRevision = state.revision;
    m_slots = state.slotsInOrder();
    std::unordered_map<Id, Card> byTeam;
    for (const auto& [id, m] : state.members) ++byTeam[m.teamId].members;
    for (const auto& [id, n] : state.notes) ++byTeam[n.teamId].notes;
    // As the dashboard counts them: a prototype is its lineage, its versions are not more prototypes.
    for (const auto& [id, p] : state.prototypes) {
        ++byTeam[p.teamId].versions;
        if (p.lineageId == p.id || !p.lineageId) ++byTeam[p.teamId].prototypes;
    }
    m_cards.clear();
    for (const Challenge* c : state.challengesInOrder()) {
        Card card;
        card.challenge = c;
        card.team = state.teamOfChallenge(c->id);
        if (card.team) {
            const Card& counts = byTeam[card.team->id];
            card.members = counts.members;
            card.notes = counts.notes;
            card.prototypes = counts.prototypes;
            card.versions = counts.versions;
        }
        m_cards.push_back(card);
    }
}

void HomeView::drawContent(ViewContext& ctx) {
    const EventState& state = ctx.session.state();
    refreshCache(*ctx.session.engine());
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(state.event.name.c_str());
    ImGui::PopFont();
    std::string sub = state.event.place;
    if (!state.event.organiser.empty()) sub = state.event.organiser + (sub.empty() ? "" : " · " + sub);
    if (!sub.empty()) ImGui::TextUnformatted(sub.c_str());
    if (!state.sites.empty()) {
        std::string names;
        for (const EventInfo* site : state.sitesInOrder()) names += (names.empty() ? "" : ", ") + site->name;
        textOneLine(strf(Str::HomeReviewSites, state.sites.size(), names));
    }
    ImGui::Separator();

    float left = std::max(ImGui::GetContentRegionAvail().x * 0.30f, 260.0f * ctx.scale);
    ImGui::BeginChild("##programme", ImVec2(left, 0), true);
    drawProgramme(ctx);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##challenges", ImVec2(0, 0), false);
    drawChallenges(ctx);
    ImGui::EndChild();
}

void HomeView::drawProgramme(ViewContext& ctx) {
    const EventState& state = ctx.session.state();
    LocalTime local = toLocalTime(ctx.session.now(), state.event.timeZone);
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(str(Str::HomeProgramme));
    ImGui::PopFont();
    const auto& slots = m_slots;
    if (slots.empty()) ImGui::TextWrapped("%s", str(Str::HomeNoSlots));
    std::string day;
    bool nowShown = false;
    for (const Slot* s : slots) {
        if (s->day != day) {
            day = s->day;
            ImGui::Spacing();
            ImGui::PushFont(ctx.fonts.bold);
            std::string label = formatDay(day);
            ImGui::PushStyleColor(ImGuiCol_Text, day == local.day ? colours::kNow : ImGui::GetColorU32(ImGuiCol_Text));
            ImGui::TextUnformatted(label.c_str());
            ImGui::PopStyleColor();
            ImGui::PopFont();
        }
        bool today = s->day == local.day;
        bool current = today && s->start <= local.hourMinute && local.hourMinute < s->end;
        // The "now" line goes before the first slot that has not started yet when none is running.
        if (today && !current && !nowShown && local.hourMinute < s->start) {
            ImGui::TextColored(ImColor(colours::kNow), "▶ %s %s", local.hourMinute.c_str(), str(Str::HomeNow));
            nowShown = true;
        }
        if (current) {
            nowShown = true;
            ImVec2 p = ImGui::GetCursorScreenPos();
            float h = ImGui::GetTextLineHeightWithSpacing();
            ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + ImGui::GetContentRegionAvail().x, p.y + h),
                                                      IM_COL32(0xFF, 0xE3, 0xD9, 0xFF));
            ImGui::PushStyleColor(ImGuiCol_Text, colours::kNow);
            ImGui::TextWrapped("▶ %s–%s  %s  (%s)", s->start.c_str(), s->end.c_str(), s->title.c_str(), str(Str::HomeNow));
            ImGui::PopStyleColor();
        } else {
            ImGui::TextWrapped("%s–%s  %s", s->start.c_str(), s->end.c_str(), s->title.c_str());
        }
    }
}

void HomeView::drawChallenges(ViewContext& ctx) {
    Session& session = ctx.session;
    Millis now = session.now();
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(str(Str::HomeChallenges));
    ImGui::PopFont();

    // Cards of one width, as many per row as fit.
    float cardWidth = 340.0f * ctx.scale;
    float cardHeight = ImGui::GetTextLineHeightWithSpacing() * 6.6f;
    float avail = ImGui::GetContentRegionAvail().x;
    int columns = std::max(1, static_cast<int>(avail / (cardWidth + ImGui::GetStyle().ItemSpacing.x)));
    cardWidth = (avail - (columns - 1) * ImGui::GetStyle().ItemSpacing.x) / columns;
    int index = 0;
    for (Card& card : m_cards) {
        const Challenge* c = card.challenge;
        if (index % columns != 0) ImGui::SameLine();
        ++index;
        ImGui::PushID(static_cast<int>(c->id.value & 0x7FFFFFFF));
        const Team* team = card.team;
        ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(255, 255, 255, 255));
        ImGui::BeginChild("##card", ImVec2(cardWidth, cardHeight), true, ImGuiWindowFlags_NoScrollbar);
        ImDrawList* list = ImGui::GetWindowDrawList();
        ImVec2 p = ImGui::GetWindowPos();
        list->AddRectFilled(p, ImVec2(p.x + 6 * ctx.scale, p.y + cardHeight), team ? colourFromHex(team->colour) : IM_COL32(200, 200, 200, 255));

        ImGui::PushFont(ctx.fonts.bold);
        std::string head = strf(Str::ChallengeNumber, c->number) + (c->owner.empty() ? "" : " · " + c->owner);
        textOneLine(head);
        ImGui::PopFont();
        // The question on two lines so the cards stay even, ending in « … » when cut (cut again
        // only when the card's width changes).
        ImVec2 q = ImGui::GetCursorScreenPos();
        float qWidth = ImGui::GetContentRegionAvail().x;
        float lineH = ImGui::GetTextLineHeight();
        if (card.questionWidth != qWidth || card.questionFont != ctx.fonts.regular) {
            card.question = clipToLines(ctx.fonts.regular, ctx.fonts.regular->FontSize, qWidth, c->question, 2);
            card.questionWidth = qWidth;
            card.questionFont = ctx.fonts.regular;
        }
        ImVec4 clip(q.x, q.y, q.x + qWidth, q.y + lineH * 2.05f);
        list->AddText(ctx.fonts.regular, ctx.fonts.regular->FontSize, q, ImGui::GetColorU32(ImGuiCol_Text), card.question.c_str(),
                      nullptr, 0.0f, &clip);
        ImGui::Dummy(ImVec2(qWidth, lineH * 2.1f));

        if (team) {
            // The team's countdown keeps its whole width at the right of the team's line (a
            // narrow card used to cut it); the name gives way, ending in « … ».
            std::string clock;
            if (const TimedSession* t = session.timerFor(team->id); t && timerState(*t, now) != TimerState::Ready)
                clock = countdownLabel(*t, now);
            float lineWidth = ImGui::GetContentRegionAvail().x;
            float clockWidth = clock.empty() ? 0.0f : ctx.fonts.bold->CalcTextSizeA(ctx.fonts.bold->FontSize, FLT_MAX, 0, clock.c_str()).x;
            // In a review file, the site the team worked on follows (cut first when too long).
            std::string line = team->name + " · " + phaseName(team->phase);
            if (team->siteId) line += " — " + session.state().siteName(team->siteId);
            float textWidth = std::max(lineWidth - (clockWidth > 0 ? clockWidth + ImGui::GetFontSize() : 0.0f), lineWidth * 0.3f);
            ImGui::TextUnformatted(clipToLines(ImGui::GetFont(), ImGui::GetFontSize(), textWidth, line, 1).c_str());
            if (!clock.empty()) {
                const TimedSession* t = session.timerFor(team->id);
                ImGui::SameLine(std::max(ImGui::GetContentRegionMax().x - clockWidth, ImGui::GetCursorPosX()));
                ImGui::PushFont(ctx.fonts.bold);
                ImGui::TextColored(ImColor(countdownColour(t, now, colours::kAccent)), "%s", clock.c_str());
                ImGui::PopFont();
            }
            std::string prototypes = strCount(Str::CountPrototypesOne, Str::CountPrototypes, card.prototypes, card.prototypes);
            if (card.versions > card.prototypes) // « 1 prototype (2 versions) », as on the dashboard
                prototypes = strCount(Str::DashPrototypesFormatOne, Str::DashPrototypesFormat, card.versions, prototypes, card.versions);
            std::string counts = strCount(Str::CountMembersOne, Str::CountMembers, card.members, card.members) + " · " +
                                 strCount(Str::CountNotesOne, Str::CountNotes, card.notes, card.notes) + " · " + prototypes;
            ImGui::TextUnformatted(clipToLines(ImGui::GetFont(), ImGui::GetFontSize(), lineWidth, counts, 1).c_str());
        } else {
            ImGui::TextDisabled("%s", str(Str::HomeNoTeam));
            ImGui::NewLine();
        }
        if (ImGui::SmallButton(str(Str::ViewChallenge))) {
            session.challenge = c->id;
            session.view = ViewId::Challenge;
        }
        if (team) {
            ImGui::SameLine();
            if (ImGui::SmallButton(str(Str::ButtonShowTeam))) {
                session.team = team->id;
                session.view = ViewId::Teams;
            }
        }
        ImGui::EndChild();
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
    if (index == 0) ImGui::TextWrapped("%s", str(Str::NoChallenges));
}

} // namespace atelier
