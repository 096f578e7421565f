#pragma once
// The dialogs that open or create an event file: « Ouvrir » and « Nouvel événement » (name,
// organiser, place, days, time zone, where to save it, and whether it is a national review
// file). Paths are typed or chosen with the file picker. Problems are said in the dialog,
// which stays open until they are fixed.
#include "file_picker.hpp"
#include "session.hpp"
#include "views/event_form.hpp"

#include <string>
#include <vector>

namespace atelier {

class EventDialogs {
public:
    void requestOpen();
    void requestNew();
    // Between the views and the toasts, every frame. `recentFiles`: event files opened lately.
    void draw(Session& session, const std::vector<std::string>* recentFiles = nullptr);

private:
    void drawOpen(Session& session, const std::vector<std::string>* recentFiles);
    void drawNew(Session& session, const std::vector<std::string>* recentFiles);

    bool m_wantOpen = false, m_wantNew = false;
    std::string m_openPath, m_newPath, m_problem;
    bool m_review = false; // make a national review file
    EventDraft m_draft;
    FilePicker m_picker;
};

} // namespace atelier
