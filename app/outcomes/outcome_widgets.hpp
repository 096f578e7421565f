#pragma once
// Pieces shared by the prototypes, stand, dashboard and search screens.
#include "views/view.hpp"

#include <array>
#include <string>
#include <vector>

namespace atelier {

int idKey(Id id);
// A combo of the teams ("3 · Équipe 3") bound to session.team; picks the first when none.
const Team* teamPicker(ViewContext& ctx, const char* id);
// "J'aime", "Je suggère", "Je m'interroge" and their colours.
const char* feedbackKindName(FeedbackKind kind);
ImU32 feedbackKindColour(FeedbackKind kind);
// Counts by kind, the average rating, then every piece of feedback (clipped list).
void feedbackSummary(ViewContext& ctx, const std::vector<const Feedback*>& feedback, bool large);
// Horizontal bars with labels and values, drawn with the window's draw list.
void barChart(const char* title, const std::vector<std::string>& labels, const std::vector<int>& values,
              const std::vector<ImU32>& colours, float width);

} // namespace atelier
