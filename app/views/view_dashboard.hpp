#pragma once
// Organiser dashboard: event-wide totals and bar charts (drawn with the draw list), then one
// row per défi/team (phase reached and when, notes, dots, piste retenue, prototypes and
// versions, feedback by kind, average rating, planned versus actual phase durations) in a
// sortable table filtered by thème and by phase.
#include "outcomes/dashboard_model.hpp"
#include "views/view.hpp"

#include <array>
#include <cstdint>

namespace atelier {

class DashboardView final : public View {
public:
    DashboardView() : View(ViewId::Dashboard, Str::ViewDashboard) {}

    // What the table shows, in order (tests read it).
    const std::vector<const DashboardRow*>& shownRows() const { return m_shown; }

private:
    void drawContent(ViewContext& ctx) override;
    void drawTotals(ViewContext& ctx);
    void drawTable(ViewContext& ctx);
    // Each column's width: its header, its widest word, and a share of what is left.
    std::array<float, static_cast<std::size_t>(DashboardColumn::Count)> columnWidths(const Str* headers, const float* weights) const;

    Dashboard m_dashboard;
    const Engine* m_engine = nullptr;
    std::uint64_t m_revision = ~0ull;
    Millis m_builtAt = 0;
    DashboardFilter m_filter;
    std::vector<DashboardSort> m_sort;
    std::vector<const DashboardRow*> m_shown;
};

} // namespace atelier
