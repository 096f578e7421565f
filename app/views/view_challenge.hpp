#pragma once
// Défis: the list (add, delete, reorder), the form of the selected défi's brief — every field,
// each change one undoable action — and beside it the brief as the projector draws it.
#include "views/view.hpp"

namespace atelier {

class ChallengeView final : public View {
public:
    ChallengeView() : View(ViewId::Challenge, Str::ViewChallenge) {}
    // The preview's page (0-based) and page count, as last drawn.
    int previewPage() const { return m_page; }
    int previewPages() const { return m_pages; }

private:
    void drawContent(ViewContext& ctx) override;
    void drawList(ViewContext& ctx, const std::vector<const Challenge*>& challenges);
    void drawForm(ViewContext& ctx, const Challenge& c);
    void drawPreview(ViewContext& ctx, const Challenge& c);
    int m_page = 0;  // page of the brief in the preview
    int m_pages = 1;
};

} // namespace atelier
