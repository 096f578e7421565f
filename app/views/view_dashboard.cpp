#include "views/view_dashboard.hpp"

#include "io/labels.hpp"
#include "outcomes/outcome_widgets.hpp"
#include "theme.hpp"
#include "widgets.hpp"

#include <algorithm>

namespace atelier {

namespace {

constexpr Millis kRefreshMs = 30 * 1000; // actual durations move with the clock

std::string minutes(Millis ms) { return ms > 0 ? std::to_string((ms + 30000) / 60000) : "–"; }

constexpr std::array<ImU32, 4> kPhaseColours{IM_COL32(0xE0, 0x8E, 0x0B, 0xFF), IM_COL32(0x7B, 0x3F, 0xB0, 0xFF),
                                             IM_COL32(0x1F, 0x4E, 0x99, 0xFF), IM_COL32(0x1E, 0x7A, 0x46, 0xFF)};

} // namespace

void DashboardView::drawContent(ViewContext& ctx) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    Millis now = session.now();
    if (session.engine() != m_engine || state.revision != m_revision || now - m_builtAt > kRefreshMs || now < m_builtAt) {
        m_dashboard = buildDashboard(session.engine()->store(), state, now);
        m_engine = session.engine();
        m_revision = state.revision;
        m_builtAt = now;
        m_shown.clear();
    }
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(str(Str::ViewDashboard));
    ImGui::PopFont();
    drawTotals(ctx);
    ImGui::Separator();
    drawTable(ctx);
}

void DashboardView::drawTotals(ViewContext& ctx) {
    const Dashboard& d = m_dashboard;
    ImGui::PushFont(ctx.fonts.bold);
    std::string rating = d.ratings ? decimal(d.averageRating) + " / 5" : "–";
    ImGui::TextUnformatted(strf(Str::DashTotals, d.rows.size(), d.notes, d.dots, d.prototypes, d.versions, d.feedback, rating).c_str());
    ImGui::PopFont();
    ImGui::Spacing();

    float gap = ImGui::GetFontSize() * 2;
    float width = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3;
    std::vector<std::string> phaseLabels;
    std::vector<int> phaseCounts(4, 0);
    for (int p = 0; p < 4; ++p) phaseLabels.push_back(phaseLabel(static_cast<Phase>(p)));
    for (const auto& row : d.rows) ++phaseCounts[static_cast<std::size_t>(row.phase)];
    barChart(str(Str::DashChartPhases), phaseLabels, phaseCounts, {kPhaseColours.begin(), kPhaseColours.end()}, width);

    ImGui::SameLine(0, gap);
    std::vector<std::string> kindLabels;
    std::vector<int> kindCounts(3, 0);
    std::vector<ImU32> kindColours;
    for (int k = 0; k < 3; ++k) {
        kindLabels.emplace_back(feedbackKindName(static_cast<FeedbackKind>(k)));
        kindColours.push_back(feedbackKindColour(static_cast<FeedbackKind>(k)));
        for (const auto& row : d.rows) kindCounts[static_cast<std::size_t>(k)] += row.feedbackByKind[static_cast<std::size_t>(k)];
    }
    barChart(str(Str::DashChartFeedback), kindLabels, kindCounts, kindColours, width);

    ImGui::SameLine(0, gap);
    // Notes per défi: the busiest boards first, at most 8 lines so the charts keep one height.
    std::vector<const DashboardRow*> busiest;
    for (const auto& row : d.rows) busiest.push_back(&row);
    std::stable_sort(busiest.begin(), busiest.end(), [](auto* a, auto* b) { return a->notes > b->notes; });
    if (busiest.size() > 8) busiest.resize(8);
    std::vector<std::string> teamLabels;
    std::vector<int> notes;
    std::vector<ImU32> teamColours;
    for (const DashboardRow* row : busiest) {
        teamLabels.push_back(row->number ? std::to_string(row->number) + " · " + row->teamName : row->teamName);
        notes.push_back(row->notes);
        const Team* team = ctx.session.state().find<Team>(row->team);
        teamColours.push_back(team ? colourFromHex(team->colour) : colours::kAccent);
    }
    barChart(str(Str::DashChartNotes), teamLabels, notes, teamColours, width);
}

namespace {
// Secondary text that wraps in its column instead of being cut (long site names, dates).
void disabledWrapped(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}
// A labelled combo of text choices, "Tous" (empty) first, followed on the same line.
void filterCombo(const char* id, Str label, float widthInFonts, const std::vector<std::string>& choices, std::string& chosen) {
    ImGui::TextUnformatted(str(label));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * widthInFonts);
    if (ImGui::BeginCombo(id, chosen.empty() ? str(Str::DashAll) : chosen.c_str())) {
        if (ImGui::Selectable(str(Str::DashAll), chosen.empty())) chosen.clear();
        for (const auto& choice : choices) {
            ImGui::PushID(choice.c_str());
            if (ImGui::Selectable(choice.c_str(), choice == chosen)) chosen = choice;
            recordLastItem(choice.c_str());
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    recordLastItem(id);
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
}

} // namespace

void DashboardView::drawTable(ViewContext& ctx) {
    Session& session = ctx.session;
    // Filters: the site first, in a review file that gathers several.
    ImGui::AlignTextToFramePadding();
    if (!m_dashboard.sites.empty()) filterCombo("##site", Str::DashFilterSite, 14, m_dashboard.sites, m_filter.site);
    filterCombo("##theme", Str::DashFilterTheme, 16, m_dashboard.themes, m_filter.theme);
    ImGui::TextUnformatted(str(Str::DashFilterPhase));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    std::string current = m_filter.phase < 0 ? str(Str::DashAll) : phaseLabel(static_cast<Phase>(m_filter.phase));
    if (ImGui::BeginCombo("##phase", current.c_str())) {
        if (ImGui::Selectable(str(Str::DashAll), m_filter.phase < 0)) m_filter.phase = -1;
        for (int p = 0; p < 4; ++p) {
            std::string label = phaseLabel(static_cast<Phase>(p));
            if (ImGui::Selectable(label.c_str(), p == m_filter.phase)) m_filter.phase = p;
            recordLastItem(label.c_str());
        }
        ImGui::EndCombo();
    }
    recordLastItem("##phase");

    constexpr int kColumns = static_cast<int>(DashboardColumn::Count);
    ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_SortMulti | ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                            ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##dashboard", kColumns, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    const Str headers[kColumns] = {Str::DashColNumber,   Str::DashColTeam,       Str::DashColTheme,    Str::DashColPhase,
                                   Str::DashColNotes,    Str::DashColDots,       Str::DashColSelected, Str::DashColPrototypes,
                                   Str::DashColFeedback, Str::DashColRating,     Str::DashColDurations};
    const float weights[kColumns] = {0.4f, 1.2f, 1.0f, 1.2f, 0.5f, 0.6f, 1.6f, 0.8f, 1.2f, 0.6f, 1.8f};
    for (int c = 0; c < kColumns; ++c) {
        ImGuiTableColumnFlags f = c == 0 ? ImGuiTableColumnFlags_DefaultSort : ImGuiTableColumnFlags_None;
        ImGui::TableSetupColumn(str(headers[c]), f | ImGuiTableColumnFlags_WidthStretch, weights[c], static_cast<ImGuiID>(c));
    }
    // Headers drawn one by one so each can be found by its label (tests click them to sort).
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < kColumns; ++c) {
        ImGui::TableSetColumnIndex(c);
        ImGui::TableHeader(str(headers[c]));
        recordLastItem(str(headers[c]));
    }
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        m_sort.clear();
        for (int i = 0; i < specs->SpecsCount; ++i) {
            const ImGuiTableColumnSortSpecs& s = specs->Specs[i];
            m_sort.push_back({static_cast<DashboardColumn>(s.ColumnUserID), s.SortDirection == ImGuiSortDirection_Descending});
        }
        specs->SpecsDirty = false;
    }
    m_shown = dashboardRows(m_dashboard, m_filter, m_sort);
    const EventState& state = session.state();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_shown.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const DashboardRow& row = *m_shown[static_cast<std::size_t>(i)];
            ImGui::PushID(idKey(row.team));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            std::string number = row.number ? std::to_string(row.number) : "–";
            // The whole row opens the team's prototypes.
            if (ImGui::Selectable(number.c_str(), row.team == session.team, ImGuiSelectableFlags_SpanAllColumns)) session.team = row.team;
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", row.teamName.c_str());
            if (!row.site.empty()) disabledWrapped(row.site);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", row.theme.c_str());
            ImGui::TableNextColumn();
            ImGui::TextColored(ImColor(kPhaseColours[static_cast<std::size_t>(row.phase)]), "%s", phaseLabel(row.phase).c_str());
            if (row.phaseSince)
                disabledWrapped(strf(Str::DashSince, localDateTime(row.phaseSince, state.event.timeZone)));
            ImGui::TableNextColumn();
            ImGui::Text("%d", row.notes);
            ImGui::TableNextColumn();
            ImGui::Text("%d", row.dots);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", row.selectedIdea.empty() ? "–" : row.selectedIdea.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(strCount(Str::DashPrototypesFormatOne, Str::DashPrototypesFormat, static_cast<long long>(row.versions), row.prototypes, row.versions).c_str());
            ImGui::TableNextColumn();
            for (int k = 0; k < 3; ++k) {
                if (k) ImGui::SameLine();
                ImGui::TextColored(ImColor(feedbackKindColour(static_cast<FeedbackKind>(k))), "%d", row.feedbackByKind[static_cast<std::size_t>(k)]);
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.ratings ? decimal(row.averageRating).c_str() : "–");
            ImGui::TableNextColumn();
            for (int p = 0; p < 4; ++p) {
                auto i4 = static_cast<std::size_t>(p);
                if (!row.planned[i4] && !row.actual[i4]) continue;
                std::string line = strf(Str::DashDurationFormat, phaseLabel(static_cast<Phase>(p)), minutes(row.planned[i4]), minutes(row.actual[i4]));
                bool over = row.planned[i4] && row.actual[i4] > row.planned[i4] * 5 / 4;
                if (over) ImGui::TextColored(ImColor(colours::kError), "%s", line.c_str());
                else ImGui::TextUnformatted(line.c_str());
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

} // namespace atelier
