#include "outcomes/dashboard_model.hpp"

#include "io/report_model.hpp"

#include <algorithm>
#include <set>

namespace atelier {

Dashboard buildDashboard(Store& store, const EventState& state, Millis now) {
    Dashboard d;
    Report report = buildReport(store, state, {});
    std::set<std::string> themes;
    double ratingSum = 0;
    std::vector<Id> siteIds;
    for (const EventInfo* site : state.sitesInOrder()) {
        siteIds.push_back(site->id);
        d.sites.push_back(site->name);
    }
    for (const ReportSection& section : report.sections) {
        for (const ReportTeam& t : section.teams) {
            DashboardRow row;
            row.team = t.team->id;
            row.teamName = t.team->name;
            if (t.team->siteId) {
                row.site = state.siteName(t.team->siteId);
                row.siteOrder = 1 + static_cast<int>(std::find(siteIds.begin(), siteIds.end(), t.team->siteId) - siteIds.begin());
            }
            if (section.challenge) {
                row.number = section.challenge->number;
                row.theme = section.challenge->theme;
                row.question = section.challenge->question;
            }
            if (!row.theme.empty()) themes.insert(row.theme);
            row.phase = t.team->phase;
            row.phaseSince = t.phaseSince;
            row.notes = t.notes;
            row.dots = t.dots;
            if (t.selected) row.selectedIdea = t.selected->text;
            for (const ReportPrototype& p : t.prototypes) {
                ++row.prototypes;
                row.versions += static_cast<int>(p.versions.size());
                for (std::size_t k = 0; k < 3; ++k) row.feedbackByKind[k] += p.synthesis.byKind[k];
                ratingSum += p.synthesis.averageRating * p.synthesis.ratings;
                row.ratings += p.synthesis.ratings;
            }
            double teamSum = 0;
            for (const ReportPrototype& p : t.prototypes) teamSum += p.synthesis.averageRating * p.synthesis.ratings;
            row.averageRating = row.ratings ? teamSum / row.ratings : 0;
            // Planned: the countdowns run for this team or for all teams (of its site), by phase.
            for (const auto& [id, s] : state.timedSessions)
                if ((!s.teamId && s.siteId == t.team->siteId) || s.teamId == row.team) row.planned[static_cast<std::size_t>(s.phase)] += s.durationMs;
            // Actual: from each phase change to the next (or to now for the current phase).
            auto history = state.phaseHistory(row.team);
            for (std::size_t i = 0; i < history.size(); ++i) {
                Millis end = i + 1 < history.size() ? history[i + 1]->at : now;
                row.actual[static_cast<std::size_t>(history[i]->phase)] += std::max<Millis>(0, end - history[i]->at);
            }
            d.notes += row.notes;
            d.dots += row.dots;
            d.prototypes += row.prototypes;
            d.versions += row.versions;
            d.feedback += row.feedback();
            d.ratings += row.ratings;
            d.rows.push_back(std::move(row));
        }
    }
    d.averageRating = d.ratings ? ratingSum / d.ratings : 0;
    d.themes.assign(themes.begin(), themes.end());
    return d;
}

namespace {

int compare(const DashboardRow& a, const DashboardRow& b, DashboardColumn column) {
    auto cmp = [](const auto& x, const auto& y) { return x < y ? -1 : y < x ? 1 : 0; };
    switch (column) {
    case DashboardColumn::Number: return a.siteOrder != b.siteOrder ? cmp(a.siteOrder, b.siteOrder) : cmp(a.number, b.number);
    case DashboardColumn::Team: return cmp(a.teamName, b.teamName);
    case DashboardColumn::Theme: return cmp(a.theme, b.theme);
    case DashboardColumn::Phase: return a.phase != b.phase ? cmp(a.phase, b.phase) : cmp(a.phaseSince, b.phaseSince);
    case DashboardColumn::Notes: return cmp(a.notes, b.notes);
    case DashboardColumn::Dots: return cmp(a.dots, b.dots);
    case DashboardColumn::Selected: return cmp(a.selectedIdea, b.selectedIdea);
    case DashboardColumn::Prototypes: return a.prototypes != b.prototypes ? cmp(a.prototypes, b.prototypes) : cmp(a.versions, b.versions);
    case DashboardColumn::Feedback: return cmp(a.feedback(), b.feedback());
    case DashboardColumn::Rating: return cmp(a.averageRating, b.averageRating);
    case DashboardColumn::Durations: {
        Millis x = 0, y = 0;
        for (Millis m : a.actual) x += m;
        for (Millis m : b.actual) y += m;
        return cmp(x, y);
    }
    case DashboardColumn::Count: break;
    }
    return 0;
}

} // namespace

std::vector<const DashboardRow*> dashboardRows(const Dashboard& dashboard, const DashboardFilter& filter,
                                               const std::vector<DashboardSort>& sort) {
    std::vector<const DashboardRow*> rows;
    for (const auto& row : dashboard.rows) {
        if (!filter.theme.empty() && row.theme != filter.theme) continue;
        if (!filter.site.empty() && row.site != filter.site) continue;
        if (filter.phase >= 0 && static_cast<int>(row.phase) != filter.phase) continue;
        rows.push_back(&row);
    }
    std::stable_sort(rows.begin(), rows.end(), [&](const DashboardRow* a, const DashboardRow* b) {
        for (const auto& s : sort) {
            int c = compare(*a, *b, s.column);
            if (c != 0) return s.descending ? c > 0 : c < 0;
        }
        return false;
    });
    return rows;
}

} // namespace atelier
