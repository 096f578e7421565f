#pragma once
// Prototypes (prototyper): per team, the log of its prototypes and their versions (v1, v2 …)
// with format, description, what the test should learn, the idea it builds on, status and
// photos (a path, or an image dropped on the window). Every change is an undoable action.
#include "file_picker.hpp"
#include "views/view.hpp"

#include <string>

namespace atelier {

class PrototypesView final : public View {
public:
    PrototypesView() : View(ViewId::Prototypes, Str::ViewPrototypes) {}

private:
    void drawContent(ViewContext& ctx) override;
    void drawPrototype(ViewContext& ctx, const Prototype& p);
    void drawPhotos(ViewContext& ctx, const Prototype& p);
    void addPhoto(ViewContext& ctx, Id prototype, const std::string& path);

    Id m_selected;
    Id m_opened; // the last created prototype opened, so it is opened once
    std::string m_photoPath, m_caption;
    FilePicker m_photoPicker;
};

} // namespace atelier
