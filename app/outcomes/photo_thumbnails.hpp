#pragma once
// Thumbnails of prototype photos as GPU textures. The views (no GL) ask through this interface;
// the windowed app installs a GL implementation (photo_textures_gl.cpp). Headless tests have
// none, and the views draw a placeholder frame instead.
#include "model/id.hpp"

#include <imgui.h>

namespace atelier {

class Store;

class PhotoThumbnails {
public:
    virtual ~PhotoThumbnails() = default;
    // The texture of a photo (decoded from the store on first use) and its pixel size; null
    // when it cannot be shown.
    virtual ImTextureID texture(Store& store, Id photoId, ImVec2& size) = 0;
};

void setPhotoThumbnails(PhotoThumbnails* thumbnails);
PhotoThumbnails* photoThumbnails();

} // namespace atelier
