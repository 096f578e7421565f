#pragma once
// Exhibition stand (tester): a laptop next to each prototype, full screen (F11), big buttons.
// Above the buttons, what is being tested: the prototype's title, latest photo and description.
// A visitor picks "J'aime", "Je suggère" or "Je m'interroge", writes a few words, may give a
// 1–5 rating and a name, sends; the screen thanks them and resets for the next visitor.
// Below, the team sees the feedback received, counted by kind.
#include "views/view.hpp"

#include <string>

namespace atelier {

class StandView final : public View {
public:
    StandView() : View(ViewId::Stand, Str::ViewStand) {}

private:
    enum class Step { Choose, Write, Thanks };
    void drawContent(ViewContext& ctx) override;
    void drawShown(ViewContext& ctx, const Prototype& p);
    void drawChoose(ViewContext& ctx, float height);
    void drawWrite(ViewContext& ctx, const Prototype& p);
    void drawThanks(ViewContext& ctx, float height);
    void reset();

    Id m_prototype;
    Step m_step = Step::Choose;
    FeedbackKind m_kind = FeedbackKind::Like;
    std::string m_text, m_visitor;
    int m_rating = 0; // 0 = none
    Millis m_thankedAt = 0;
    bool m_showFeedback = true;
    bool m_focusText = false; // the text field takes the keyboard when the visitor picked a kind
};

} // namespace atelier
