#pragma once
// The organiser dashboard's figures, one row per team, computed from the restitution report
// model (io/report_model.hpp) plus planned-versus-actual phase durations. No ImGui: the rows
// are sorted and filtered here so tests can check them directly.
#include "storage/state.hpp"

#include <array>
#include <string>
#include <vector>

namespace atelier {

class Store;

struct DashboardRow {
    Id team;
    int number = 0; // the défi's, 0 without a défi
    std::string site; // a review file's site ("" in an event of one site)
    int siteOrder = 0; // the site's place in the listing (0: the file's own event)
    std::string teamName, theme, question;
    Phase phase = Phase::Diverge;
    Millis phaseSince = 0;
    int notes = 0, dots = 0, prototypes = 0, versions = 0;
    std::string selectedIdea;
    std::array<int, 3> feedbackByKind{};
    int ratings = 0;
    double averageRating = 0;
    std::array<Millis, 4> planned{}, actual{}; // per phase: timed sessions, and time spent in it
    int feedback() const { return feedbackByKind[0] + feedbackByKind[1] + feedbackByKind[2]; }
};

struct Dashboard {
    std::vector<DashboardRow> rows; // in défi order
    std::vector<std::string> themes; // distinct, sorted
    std::vector<std::string> sites;  // a review file's sites, in order (empty otherwise)
    int notes = 0, dots = 0, prototypes = 0, versions = 0, feedback = 0, ratings = 0;
    double averageRating = 0;
};

Dashboard buildDashboard(Store& store, const EventState& state, Millis now);

enum class DashboardColumn { Number, Team, Theme, Phase, Notes, Dots, Selected, Prototypes, Feedback, Rating, Durations, Count };
struct DashboardSort {
    DashboardColumn column = DashboardColumn::Number;
    bool descending = false;
};
struct DashboardFilter {
    std::string theme;      // empty = every thème
    std::string site;       // empty = every site
    int phase = -1;         // -1 = every phase
};
// The rows to show, filtered then sorted (ties keep défi order).
std::vector<const DashboardRow*> dashboardRows(const Dashboard& dashboard, const DashboardFilter& filter,
                                               const std::vector<DashboardSort>& sort);

} // namespace atelier
