#pragma once
// Event home: the programme by day with "now" marked, and a grid of défis with their team,
// phase, running timer and counts; a card opens the défi or the team.
#include "views/view.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace atelier {

class HomeView final : public View {
public:
    HomeView() : View(ViewId::Home, Str::ViewHome) {}

private:
    void drawContent(ViewContext& ctx) override;
    void drawProgramme(ViewContext& ctx);
    void drawChallenges(ViewContext& ctx);
    void refreshCache(const Engine& engine);

    // What the cards show, derived once per change of the event rather than every frame: counting
    // a team's notes scanned all 50,000 notes of a big event, for each of its 140 cards.
    struct Card {
        const Challenge* challenge = nullptr;
        const Team* team = nullptr;
        int members = 0, notes = 0, prototypes = 0, versions = 0;
        std::string question;      // the question cut to the card's lines, « … » when cut
        float questionWidth = -1;  // the width and font it was cut for
        const ImFont* questionFont = nullptr;
    };
    std::vector<Card> m_cards;
    std::vector<const Slot*> m_slots;
    const Engine* m_cacheEngine = nullptr;
    std::uint64_t m_cacheRevision = ~0ull;
};

} // namespace atelier
