#pragma once
#include <cfloat>
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
// The digits never grow wider than `maxWidth`: on a 4:3 output the height alone would push
// « 20:00 » past both edges.
void drawCountdown(ImDrawList* list, const FontSet& fonts, const TimedSession* timer, Millis now, ImVec2 center,
                   float height, ImU32 normal, Millis idleMs = 0, float maxWidth = FLT_MAX);

// Legible from the back of the room: body text at least 1/36 of the output height, projected
// note text at least 1/45 (issue 14); a floor in pixels for tiny previews.
inline constexpr float kBodyDivisor = 30.0f;
inline constexpr float kNoteDivisor = 45.0f;
inline constexpr float kMinProjectorPixels = 12.0f;

// A défi brief in pages of whole lines at the projector's type size for an output `outputHeight`
// tall, drawn into the rectangle; returns the page count (a null list only counts). The défi
// form's preview (issue 16) calls it with its own rectangle.
int drawChallengeBriefPage(ImDrawList* list, const FontSet& fonts, const Challenge& challenge, ImVec2 pos, ImVec2 size,
                           int page, float outputHeight);

// `preview`: the facilitator's own copy in the projector view (says why a blanked screen is black).
void drawPresentation(ViewContext& ctx, ImVec2 pos, ImVec2 size, bool preview = false);

// The projector's own keys, while presenting: B blanks, ← → turn the brief's pages.
void handleProjectorKeys(Session& session);

// How long until the presentation looks different (next second, next flash): the idle wait.
double presentationWakeSeconds(const Session& session, Millis now);

} // namespace atelier
