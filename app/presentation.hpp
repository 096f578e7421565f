#pragma once
// What the projector shows: the phase, the giant countdown and the chosen content (défi brief,
// today's programme) in large, high-contrast type. Drawn into a rectangle so the projector view,
// full-screen mode and the separate projection window all show the same thing.
#include "views/view.hpp"

#include <imgui.h>

namespace atelier {

// The countdown colour: white, amber in the last minute, flashing red at zero.
ImU32 countdownColour(const TimedSession* timer, Millis now, ImU32 normal);

// "12:34", or "12:34  PAUSE" when paused: a countdown in a line of text (tables, sidebar).
std::string countdownLabel(const TimedSession& timer, Millis now);

// Draws "MM:SS" centred in the rectangle, `height` pixels tall, with the countdown font.
// Without a timer it shows `idleMs` (the preset the next start would run). Paused, « PAUSE »
// takes the top third of the height above dimmed digits.
void drawCountdown(ImDrawList* list, const FontSet& fonts, const TimedSession* timer, Millis now, ImVec2 center,
                   float height, ImU32 normal, Millis idleMs = 0);

void drawPresentation(ViewContext& ctx, ImVec2 pos, ImVec2 size);

// How long until the presentation looks different (next second, next flash): the idle wait.
double presentationWakeSeconds(const Session& session, Millis now);

} // namespace atelier
