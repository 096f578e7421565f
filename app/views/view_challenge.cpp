#include "views/view_challenge.hpp"

#include "presentation.hpp"
#include "theme.hpp"
#include "widgets.hpp"

#include <algorithm>

namespace atelier {

namespace {
int idKey(Id id) { return static_cast<int>(id.value ^ (id.value >> 32)); }

// The brief as the projector shows it in a rectangle of the projector's shape: the team's header,
// the countdown band (dimmed: no timer runs in a preview) and the brief in the projector's own
// pages and type size (drawChallengeBriefPage), with the heights drawPresentation gives them,
// so the pages here are the pages the room will see. Returns the page count.
int drawProjectorBrief(ViewContext& ctx, const Challenge& c, ImVec2 pos, ImVec2 size, int page) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    const EventState& state = ctx.session.state();
    list->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), colours::kProjectorBg);
    float margin = size.y * 0.035f;
    float text = std::max(kMinProjectorPixels, size.y / 22.0f);
    float title = text * 1.2f;
    float x = pos.x + margin, width = size.x - 2 * margin;
    float y = pos.y + margin;
    const Team* team = state.teamOfChallenge(c.id);
    std::string header = (team ? team->name : std::string(str(Str::AllTeams))) + "  ·  " + phaseName(team ? team->phase : Phase::Diverge);
    if (team) list->AddRectFilled(pos, ImVec2(pos.x + margin * 0.5f, pos.y + size.y), colourFromHex(team->colour));
    list->PushClipRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), true);
    list->AddText(ctx.fonts.largeBold, title, ImVec2(x, y), colours::kProjectorText, header.c_str());
    y += title * 1.4f;
    float digits = size.y * 0.16f;
    float boxHeight = digits * 1.35f;
    Millis idle = Millis{ctx.settings.presetMinutes[static_cast<std::size_t>(team ? team->phase : Phase::Diverge)]} * 60000;
    drawCountdown(list, ctx.fonts, nullptr, ctx.session.now(), ImVec2(pos.x + size.x / 2, y + boxHeight / 2), digits,
                  colours::kProjectorDim, idle, width);
    y += boxHeight + margin * 0.5f;
    ImVec2 area(width, std::max(1.0f, pos.y + size.y - margin - y));
    int pages = drawChallengeBriefPage(list, ctx.fonts, c, ImVec2(x, y), area, page, size.y);
    list->PopClipRect();
    return pages;
}

// Swapping two défis' numbers as one undoable step: the first goes through 0 (no number, so no
// clash) while the second takes its place.
EditChallenge renumber(Id challenge, int number) {
    EditChallenge e;
    e.challenge = challenge;
    e.number = number;
    return e;
}

void queueSwap(Session& session, const Challenge& a, const Challenge& b) {
    std::vector<Action> steps{renumber(a.id, 0), renumber(b.id, a.number), renumber(a.id, b.number)};
    std::string description = strf(Str::ChallengeMove, a.number);
    session.defer([steps, description](Engine& engine) { engine.applyBatch(steps, description); });
}
} // namespace

void ChallengeView::drawContent(ViewContext& ctx) {
    Session& session = ctx.session;
    auto challenges = session.state().challengesInOrder();
    float listWidth = std::clamp(ImGui::GetContentRegionAvail().x * 0.2f, 160.0f * ctx.scale, 260.0f * ctx.scale);
    ImGui::BeginChild("##challengelist", ImVec2(listWidth, 0), true);
    drawList(ctx, challenges);
    ImGui::EndChild();
    ImGui::SameLine();
    const Challenge* c = session.state().find<Challenge>(session.challenge);
    if (!c && !challenges.empty()) {
        c = challenges.front();
        session.challenge = c->id;
    }
    if (!c) {
        ImGui::BeginChild("##empty");
        ImGui::TextWrapped("%s", str(Str::NoChallenges));
        ImGui::EndChild();
        return;
    }
    float rest = ImGui::GetContentRegionAvail().x;
    ImGui::BeginChild("##challengeform", ImVec2(rest * 0.5f, 0), false);
    drawForm(ctx, *c);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##challengepreview", ImVec2(0, 0), false);
    drawPreview(ctx, *c);
    ImGui::EndChild();
}

void ChallengeView::drawList(ViewContext& ctx, const std::vector<const Challenge*>& challenges) {
    Session& session = ctx.session;
    float width = ImGui::GetContentRegionAvail().x;
    if (button(str(Str::ChallengeAdd), ImVec2(width, 0))) {
        AddChallenge add;
        add.question = str(Str::ChallengeNewQuestion);
        session.queue(add, [&session](const std::vector<Id>& created) {
            if (!created.empty()) session.challenge = created.front();
        });
    }
    auto it = std::find_if(challenges.begin(), challenges.end(), [&](const Challenge* c) { return c->id == session.challenge; });
    bool canUp = it != challenges.end() && it != challenges.begin() && (*(it - 1))->siteId == (*it)->siteId;
    bool canDown = it != challenges.end() && it + 1 != challenges.end() && (*(it + 1))->siteId == (*it)->siteId;
    ImGui::BeginDisabled(!canUp);
    if (button(str(Str::ChallengeMoveUp), ImVec2(width, 0)) && canUp) queueSwap(session, **it, **(it - 1));
    ImGui::EndDisabled();
    ImGui::BeginDisabled(!canDown);
    if (button(str(Str::ChallengeMoveDown), ImVec2(width, 0)) && canDown) queueSwap(session, **it, **(it + 1));
    ImGui::EndDisabled();
    ImGui::Separator();
    for (const Challenge* c : challenges) {
        ImGui::PushID(idKey(c->id));
        std::string label = std::to_string(c->number) + ". " + (c->owner.empty() ? c->question : c->owner);
        if (ImGui::Selectable(label.c_str(), c->id == session.challenge)) {
            session.challenge = c->id;
            m_page = 0;
        }
        ImGui::PopID();
    }
}

void ChallengeView::drawForm(ViewContext& ctx, const Challenge& c) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    ImGui::PushID(idKey(c.id));
    // Labels above the fields: the form is half of a 1280-pixel window.
    float fieldWidth = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
    float line = ImGui::GetTextLineHeight();
    auto label = [&](Str s) { ImGui::TextUnformatted(str(s)); };
    std::string edited;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(str(Str::ChallengeNumberLabel));
    ImGui::SameLine();
    if (editText("##number", std::to_string(c.number), edited, ImGui::GetFontSize() * 4)) {
        try {
            std::size_t used = 0;
            int number = std::stoi(edited, &used);
            if (used == edited.size()) session.queue(renumber(c.id, number));
            else session.notify(trf("« {} » n'est pas un numéro : écrivez un nombre entier, par exemple 7.",
                                    "\"{}\" is not a number: write a whole number, for example 7.", edited), true);
        } catch (const std::exception&) {
            session.notify(trf("« {} » n'est pas un numéro : écrivez un nombre entier, par exemple 7.",
                               "\"{}\" is not a number: write a whole number, for example 7.", edited), true);
        }
    }
    // One field of the brief: a change is saved when the user leaves it.
    auto field = [&](Str s, const char* id, const std::string& value, std::optional<std::string> EditChallenge::*member,
                     int lines) {
        label(s);
        bool changed = lines <= 1 ? editText(id, value, edited, fieldWidth)
                                  : editMultiline(id, value, edited, ImVec2(fieldWidth, line * static_cast<float>(lines) + 8));
        if (changed) {
            EditChallenge e;
            e.challenge = c.id;
            e.*member = edited;
            session.queue(e);
        }
    };
    field(Str::ChallengeQuestion, "##question", c.question, &EditChallenge::question, 3);
    field(Str::ChallengeOwner, "##owner", c.owner, &EditChallenge::owner, 1);
    field(Str::ChallengeTerritory, "##territory", c.territory, &EditChallenge::territory, 1);
    field(Str::ChallengeTheme, "##theme", c.theme, &EditChallenge::theme, 1);
    field(Str::ChallengeStakes, "##stakes", c.stakes, &EditChallenge::stakes, 4);
    field(Str::ChallengeStakeholders, "##stakeholders", c.stakeholders, &EditChallenge::stakeholders, 3);
    field(Str::ChallengeObstacles, "##obstacles", c.obstacles, &EditChallenge::obstacles, 3);
    field(Str::ChallengeLevers, "##levers", c.levers, &EditChallenge::levers, 3);
    field(Str::ChallengeLink, "##link", c.link, &EditChallenge::link, 1);
    ImGui::Spacing();
    if (const Team* t = state.teamOfChallenge(c.id)) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(str(Str::ChallengeTeam));
        ImGui::SameLine();
        if (button((t->name + " · " + phaseName(t->phase)).c_str())) {
            session.team = t->id;
            session.view = ViewId::Teams;
        }
    }
    ImGui::Spacing();
    if (button(str(Str::ButtonProject))) {
        session.projectorContent = ProjectorContent::Challenge;
        session.projectorChallenge = c.id;
        if (const Team* t = state.teamOfChallenge(c.id)) session.projectorTeam = t->id;
        session.view = ViewId::Projector;
    }
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0xF6, 0xD5, 0xD5, 0xFF));
    if (button(str(Str::ChallengeDelete))) session.queue(DeleteChallenge{c.id});
    ImGui::PopStyleColor();
    ImGui::PopID();
}

void ChallengeView::drawPreview(ViewContext& ctx, const Challenge& c) {
    ImGui::TextUnformatted(str(Str::ChallengePreview));
    // The projector's shape (16:9) in the width there is.
    float width = ImGui::GetContentRegionAvail().x;
    ImVec2 size(width, std::min(width * 9.0f / 16.0f, ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 1.5f));
    ImVec2 pos = ImGui::GetCursorScreenPos();
    int pages = drawProjectorBrief(ctx, c, pos, size, m_page);
    m_page = std::clamp(m_page, 0, pages - 1);
    m_pages = pages;
    ImGui::Dummy(size);
    // The organiser turns the pages as the facilitator will with ← →.
    ImGui::BeginDisabled(m_page == 0);
    if (button(str(Str::ChallengePagePrevious))) --m_page;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(strf(Str::ChallengePreviewPage, m_page + 1, pages).c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(m_page + 1 >= pages);
    if (button(str(Str::ChallengePageNext))) ++m_page;
    ImGui::EndDisabled();
}

} // namespace atelier
