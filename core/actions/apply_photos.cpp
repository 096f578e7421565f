// Photos of prototypes: added already scaled (io/photo_import.hpp), stored inside the event
// file, undoable like any other change (the changeset carries the bytes both ways).
#include "actions/action_apply.hpp"

#include "io/bundle.hpp"
#include "io/photo_import.hpp"

namespace atelier {

void run(const AddPhoto& a, ActionContext& ctx) {
    ctx.require<Prototype>(a.prototype, "Prototype", "Prototype");
    Photo photo;
    photo.prototypeId = a.prototype;
    photo.mime = a.mime;
    photo.width = a.width;
    photo.height = a.height;
    photo.caption = a.caption;
    photo.createdAt = ctx.now();
    rules::enforce(rules::checkRow(photo, ctx.state()));
    std::optional<std::string> bytes = base64Decode(a.data);
    if (!bytes || bytes->empty())
        throw ValidationError(tr("« data » : base64 attendu (les octets de l'image).", "\"data\": base64 expected (the image's bytes)."));
    rules::enforce(rules::checkPhotoBytes(photo, *bytes));
    photo.id = ctx.newRowId<Photo>(a.id);
    ctx.store().insertPhoto(photo, *bytes);
}
std::string describe(const AddPhoto& a, const EventState& s) {
    const Prototype* p = s.find<Prototype>(a.prototype);
    return trf("Ajouter une photo à « {} »", "Add a photo to \"{}\"", p ? p->title : a.prototype.str());
}

void run(const DeletePhoto& a, ActionContext& ctx) {
    ctx.require<Photo>(a.photo, "Photo", "Photo");
    ctx.erase<Photo>(a.photo);
}
std::string describe(const DeletePhoto& a, const EventState& s) {
    const Photo* photo = s.find<Photo>(a.photo);
    const Prototype* p = photo ? s.find<Prototype>(photo->prototypeId) : nullptr;
    return trf("Supprimer une photo de « {} »", "Delete a photo of \"{}\"", p ? p->title : a.photo.str());
}

} // namespace atelier
