#pragma once
// Photo thumbnails as OpenGL textures, decoded once per photo and kept until the event
// changes file. Needs a current GL context (the windows share theirs).
#include "outcomes/photo_thumbnails.hpp"

#include <unordered_map>

namespace atelier {

class PhotoTexturesGl : public PhotoThumbnails {
public:
    PhotoTexturesGl() = default;
    ~PhotoTexturesGl() override;
    PhotoTexturesGl(const PhotoTexturesGl&) = delete;
    PhotoTexturesGl& operator=(const PhotoTexturesGl&) = delete;

    ImTextureID texture(Store& store, Id photoId, ImVec2& size) override;

private:
    struct Entry {
        unsigned name = 0; // 0: could not be decoded
        ImVec2 size;
    };
    const Store* m_store = nullptr;
    std::unordered_map<Id, Entry> m_entries;
    void clear();
};

} // namespace atelier
