#pragma once
// The dialogs that open or create an event file: « Ouvrir » and « Nouvel événement » (name,
// organiser, place, days, time zone and where to save it). Problems are said in the dialog,
// which stays open until they are fixed.
#include "session.hpp"
#include "views/event_form.hpp"

#include <string>

namespace atelier {

class EventDialogs {
public:
    void requestOpen() { m_wantOpen = true; }
    void requestNew();
    // Between the views and the toasts, every frame.
    void draw(Session& session);

private:
    void drawOpen(Session& session);
    void drawNew(Session& session);

    bool m_wantOpen = false, m_wantNew = false;
    std::string m_openPath, m_newPath, m_problem;
    EventDraft m_draft;
};

} // namespace atelier
