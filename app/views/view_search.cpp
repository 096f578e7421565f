#include "views/view_search.hpp"

#include "outcomes/outcome_focus.hpp"
#include "outcomes/outcome_widgets.hpp"
#include "theme.hpp"
#include "widgets.hpp"

#include <imgui_stdlib.h>

#include <utility>

#include <algorithm>

namespace atelier {

namespace {

constexpr int kLimit = 200;

Str kindName(SearchKind kind) {
    switch (kind) {
    case SearchKind::Challenge: return Str::SearchKindChallenge;
    case SearchKind::Note: return Str::SearchKindNote;
    case SearchKind::Prototype: return Str::SearchKindPrototype;
    case SearchKind::Feedback: return Str::SearchKindFeedback;
    }
    return Str::SearchKindNote;
}

} // namespace

void SearchView::open(Session& session, const SearchHit& hit) {
    const EventState& s = session.state();
    if (hit.teamId) session.team = hit.teamId;
    switch (hit.kind) {
    case SearchKind::Challenge:
        session.challenge = hit.id;
        session.view = ViewId::Challenge;
        break;
    case SearchKind::Note:
        if (const Note* n = s.find<Note>(hit.id)) session.team = n->teamId;
        session.view = ViewId::Board;
        break;
    case SearchKind::Prototype:
        outcomeFocus().prototype = hit.id;
        session.view = ViewId::Prototypes;
        break;
    case SearchKind::Feedback:
        if (const Feedback* f = s.find<Feedback>(hit.id)) outcomeFocus().prototype = f->prototypeId;
        session.view = ViewId::Prototypes;
        break;
    }
}

void SearchView::drawContent(ViewContext& ctx) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    if (std::exchange(m_focus, false)) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextWithHint("##search", str(Str::SearchHint), &m_query);
    recordLastItem("##search");
    ImGui::PopFont();
    // Searched again when the text or the event changes; never per frame.
    if (m_query != m_searched || state.revision != m_revision || session.engine() != m_engine) {
        m_searched = m_query;
        m_revision = state.revision;
        m_engine = session.engine();
        m_hits = searchEvent(session.engine()->store(), m_query, kLimit);
    }
    if (m_query.empty()) {
        ImGui::TextDisabled("%s", str(Str::SearchEmpty));
        return;
    }
    ImGui::TextUnformatted(m_hits.empty() ? str(Str::SearchNone) : strCount(Str::SearchCountOne, Str::SearchCount, static_cast<long long>(m_hits.size()), m_hits.size()).c_str());
    ImGui::Separator();
    ImGui::BeginChild("##hits");
    float line = ImGui::GetTextLineHeightWithSpacing();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_hits.size()), line * 2 + ImGui::GetStyle().ItemSpacing.y);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const SearchHit& hit = m_hits[static_cast<std::size_t>(i)];
            ImGui::PushID(i);
            ImVec2 start = ImGui::GetCursorScreenPos();
            std::string label = "##hit" + std::to_string(i);
            if (ImGui::Selectable(label.c_str(), false, 0, ImVec2(0, line * 2))) open(session, hit);
            recordLastItem(("hit" + std::to_string(i)).c_str());
            ImGui::SetCursorScreenPos(start);
            const Team* team = state.find<Team>(hit.teamId);
            ImGui::PushFont(ctx.fonts.bold);
            ImGui::TextColored(ImColor(colours::kAccent), "%s", str(kindName(hit.kind)));
            ImGui::PopFont();
            ImGui::SameLine();
            ImGui::TextUnformatted(team ? team->name.c_str() : "");
            if (!hit.title.empty()) {
                ImGui::SameLine();
                ImGui::TextDisabled("·");
                ImGui::SameLine();
                ImGui::TextUnformatted(hit.title.c_str());
            }
            // The snippet with every match highlighted.
            std::string s = hit.snippet;
            std::replace(s.begin(), s.end(), '\n', ' '); // one line per hit
            std::size_t at = 0;
            for (const TextRange& m : hit.matches) {
                std::size_t a = std::min(m.start, s.size()), b = std::min(m.start + m.length, s.size());
                if (a < at || a >= b) continue;
                if (a > at) {
                    ImGui::TextUnformatted(s.c_str() + at, s.c_str() + a);
                    ImGui::SameLine(0, 0);
                }
                ImGui::PushFont(ctx.fonts.bold);
                ImGui::PushStyleColor(ImGuiCol_Text, colours::kNow);
                ImGui::TextUnformatted(s.c_str() + a, s.c_str() + b);
                ImGui::PopStyleColor();
                ImGui::PopFont();
                ImGui::SameLine(0, 0);
                at = b;
            }
            ImGui::TextUnformatted(s.c_str() + at, s.c_str() + s.size());
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

} // namespace atelier
