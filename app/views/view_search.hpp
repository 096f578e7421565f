#pragma once
// Search across the event (notes, prototypes, feedback, défis) with accents and ligatures
// folded (core/io/search.hpp). A result opens its team's board, its prototype or its défi.
#include "io/search.hpp"
#include "views/view.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace atelier {

class SearchView final : public View {
public:
    SearchView() : View(ViewId::Search, Str::ViewSearch) {}

    const std::vector<SearchHit>& hits() const { return m_hits; }

private:
    void drawContent(ViewContext& ctx) override;
    void open(Session& session, const SearchHit& hit);

    std::string m_query, m_searched;
    std::uint64_t m_revision = ~0ull;
    const Engine* m_engine = nullptr;
    std::vector<SearchHit> m_hits;
    bool m_focus = true;
};

} // namespace atelier
