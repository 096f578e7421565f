#include "views/view_dashboard.hpp"

#include "io/labels.hpp"
#include "outcomes/outcome_widgets.hpp"
#include "theme.hpp"
#include "widgets.hpp"

#include <algorithm>
#include <array>
#include <cmath>

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
    ImGui::PushTextWrapPos(0.0f); // wraps between words on a narrow screen rather than running off it
    ImGui::TextUnformatted(strf(Str::DashTotals, d.rows.size(), d.notes, d.dots, d.prototypes, d.versions, d.feedback, rating).c_str());
    ImGui::PopTextWrapPos();
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

namespace {

// The widest word of a text that wraps; a text that does not wrap counts whole.
float widestWord(const std::string& text, bool wraps = true) {
    if (!wraps) return ImGui::CalcTextSize(text.c_str()).x;
    float widest = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t j = std::min(text.find(' ', i), text.size());
        if (j > i) widest = std::max(widest, ImGui::CalcTextSize(text.data() + i, text.data() + j).x);
        i = j + 1;
    }
    return widest;
}

} // namespace

std::array<float, static_cast<std::size_t>(DashboardColumn::Count)> DashboardView::columnWidths(const Str* headers,
                                                                                                 const float* weights) const {
    constexpr std::size_t kColumns = static_cast<std::size_t>(DashboardColumn::Count);
    const ImGuiStyle& style = ImGui::GetStyle();
    std::array<float, kColumns> least{};
    // A header's first word at least; a header longer than its column ends
    // in « … » (eleven columns do not all show their whole header at 1280x720).
    for (std::size_t c = 0; c < kColumns; ++c) {
        std::string header = str(headers[c]);
        least[c] = ImGui::CalcTextSize(header.substr(0, header.find(' ')).c_str()).x;
    }
    auto need = [&](DashboardColumn column, float width) {
        auto c = static_cast<std::size_t>(column);
        least[c] = std::max(least[c], width);
    };
    for (const DashboardRow& row : m_dashboard.rows) {
        need(DashboardColumn::Number, widestWord(std::to_string(row.number), false));
        need(DashboardColumn::Team, std::max(widestWord(row.teamName), widestWord(row.site)));
        need(DashboardColumn::Theme, widestWord(row.theme));
        need(DashboardColumn::Phase, std::max(widestWord(phaseLabel(row.phase)), widestWord(strf(Str::DashSince, "00/00/0000 00:00"))));
        // A long word of a note (a web address) wraps anyway past 10 characters' widths.
        need(DashboardColumn::Selected, std::min(widestWord(row.selectedIdea), ImGui::GetFontSize() * 10));
        need(DashboardColumn::Prototypes,
             widestWord(strCount(Str::DashPrototypesFormatOne, Str::DashPrototypesFormat, static_cast<long long>(row.versions),
                                 row.prototypes, row.versions)));
        for (int p = 0; p < 4; ++p) {
            auto i4 = static_cast<std::size_t>(p);
            if (row.planned[i4] || row.actual[i4])
                need(DashboardColumn::Durations,
                     widestWord(strf(Str::DashDurationFormat, phaseLabel(static_cast<Phase>(p)), minutes(row.planned[i4]),
                                     minutes(row.actual[i4]))));
        }
    }
    // The sorted column's header keeps room for its arrow.
    auto sorted = static_cast<std::size_t>(m_sort.empty() ? DashboardColumn::Number : m_sort.front().column);
    least[sorted] += ImGui::GetFontSize();
    // Rounded up to whole steps so the same widths come back frame after frame. The widths are
    // the columns' stretch weights, and stretch columns share what is left of the window once
    // every cell's padding, border and the scroll bar are taken: each gets at least its own.
    float step = 4.0f;
    float avail = std::floor((ImGui::GetContentRegionAvail().x - style.ScrollbarSize -
                              float(kColumns) * (2 * style.CellPadding.x + 1)) / step) * step;
    float used = 0, total = 0;
    for (std::size_t c = 0; c < kColumns; ++c) {
        least[c] = std::ceil(least[c] / step) * step;
        used += least[c];
        total += weights[c];
    }
    float spare = std::max(0.0f, avail - used);
    std::array<float, kColumns> widths{};
    for (std::size_t c = 0; c < kColumns; ++c) widths[c] = std::floor(least[c] + spare * weights[c] / total);
    return widths;
}

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
    const Str headers[kColumns] = {Str::DashColNumber,   Str::DashColTeam,       Str::DashColTheme,    Str::DashColPhase,
                                   Str::DashColNotes,    Str::DashColDots,       Str::DashColSelected, Str::DashColPrototypes,
                                   Str::DashColFeedback, Str::DashColRating,     Str::DashColDurations};
    const float weights[kColumns] = {0.4f, 1.2f, 1.0f, 1.2f, 0.5f, 0.6f, 1.6f, 0.8f, 1.2f, 0.6f, 1.8f};
    // Each column at least as wide as its widest word, so that no word is broken across lines
    // (« Développe r » at 1280x720), and its header when that fits. Stretch weights are taken
    // when the table is made: its id follows the widths, rounded, so it is made again only when
    // they really change (another language, a UI scale, a long new word).
    std::array<float, kColumns> widths = columnWidths(headers, weights);
    ImGuiID key = 0;
    for (float w : widths) key = key * 31 + static_cast<ImGuiID>(std::lround(w));
    ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_SortMulti | ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                            ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    ImGui::PushID(static_cast<int>(key)); // popped after EndTable: the table's id sits on top of it
    if (!ImGui::BeginTable("##dashboard", kColumns, flags)) {
        ImGui::PopID();
        return;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    for (int c = 0; c < kColumns; ++c) {
        // A table made again keeps the order the user chose (its first key).
        bool sorted = m_sort.empty() ? c == 0 : static_cast<int>(m_sort.front().column) == c;
        ImGuiTableColumnFlags f = sorted ? ImGuiTableColumnFlags_DefaultSort : ImGuiTableColumnFlags_None;
        if (sorted && !m_sort.empty() && m_sort.front().descending) f |= ImGuiTableColumnFlags_PreferSortDescending;
        ImGui::TableSetupColumn(str(headers[c]), f | ImGuiTableColumnFlags_WidthStretch, widths[static_cast<std::size_t>(c)],
                                static_cast<ImGuiID>(c));
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
            ImGui::TextWrapped("%s", strCount(Str::DashPrototypesFormatOne, Str::DashPrototypesFormat, static_cast<long long>(row.versions), row.prototypes, row.versions).c_str());
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
                ImGui::PushTextWrapPos(0.0f);
                if (over) ImGui::TextColored(ImColor(colours::kError), "%s", line.c_str());
                else ImGui::TextUnformatted(line.c_str());
                ImGui::PopTextWrapPos();
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
    ImGui::PopID();
}

} // namespace atelier
