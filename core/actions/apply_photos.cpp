// Photos of prototypes: added already scaled (io/photo_import.hpp), stored inside the event
// file, undoable like any other change (the changeset carries the bytes both ways).
#include "actions/action_apply.hpp"

#include "io/bundle.hpp"
#include "io/photo_import.hpp"

namespace atelier {

void run(const AddPhoto& a, ActionContext& ctx) {
    ctx.require<Prototype>(a.prototype, "Prototype", "Prototype");
    check::text(a.caption, "caption", kMaxShortText, false);
    if (a.mime != "image/jpeg" && a.mime != "image/png")
        throw ValidationError(trf("« mime » : « {} » n'est pas accepté (image/jpeg ou image/png).",
                                  "\"mime\": \"{}\" is not accepted (image/jpeg or image/png).", a.mime));
    check::range(a.width, "width", 1, kMaxPhotoFileSide);
    check::range(a.height, "height", 1, kMaxPhotoFileSide);
    std::optional<std::string> bytes = base64Decode(a.data);
    if (!bytes || bytes->empty())
        throw ValidationError(tr("« data » : base64 attendu (les octets de l'image).", "\"data\": base64 expected (the image's bytes)."));
    if (bytes->size() > kMaxStoredPhotoBytes)
        throw ValidationError(trf("« data » : photo trop lourde ({} octets, au plus {}).", "\"data\": photo too large ({} bytes, at most {}).",
                                  bytes->size(), kMaxStoredPhotoBytes));
    if (photoMime(*bytes) != a.mime)
        throw ValidationError(trf("« data » n'est pas une image {}.", "\"data\" is not an {} image.", a.mime));
    Photo photo;
    photo.id = ctx.newRowId<Photo>(a.id);
    photo.prototypeId = a.prototype;
    photo.mime = a.mime;
    photo.width = a.width;
    photo.height = a.height;
    photo.caption = a.caption;
    photo.createdAt = ctx.now();
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
