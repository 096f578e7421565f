#pragma once
// The limits every row is held to, whoever writes it: an action, a CSV or bundle import, a
// merge. `atelier check` (io/event_check.cpp) states them again in SQL, on purpose separately.
#include <cstddef>

namespace atelier {

inline constexpr std::size_t kMaxShortText = 500;   // names, titles, labels (bytes)
inline constexpr std::size_t kMaxLongText = 20000;  // note texts, descriptions, défi fields (bytes)
inline constexpr int kMaxTimerSeconds = 24 * 3600;
inline constexpr int kMaxChallengeNumber = 9999;
inline constexpr double kMinNoteSide = 40, kMaxNoteSide = 2000; // note width and height
inline constexpr double kMaxCoordinate = 1e7;                   // |x|, |y| on a board
inline constexpr int kMinVoteBudget = 1, kMaxVoteBudget = 100;  // dots per member in a round
inline constexpr int kMaxDots = 1000;                           // dots in one vote or tally
inline constexpr int kMaxPhotoFileSide = 12000;                 // pixels, either side
inline constexpr int kMaxPhotoMegapixels = 40;                  // refused before decoding above
inline constexpr std::size_t kMaxStoredPhotoBytes = 8u * 1024 * 1024; // a stored photo's bytes
// A JSON bundle's size. Far above any export: the 10x event with a photo per prototype is
// about 200 MB, the 100x event (`atelier generate --scale 100`) about 250 MB.
inline constexpr std::size_t kMaxBundleBytes = std::size_t{2} << 30;

} // namespace atelier
