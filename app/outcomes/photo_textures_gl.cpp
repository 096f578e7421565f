#include "outcomes/photo_textures_gl.hpp"

#include "io/photo_import.hpp"
#include "storage/store.hpp"

#include <GL/gl.h>

#include <cstdint>

namespace atelier {

namespace {
constexpr int kThumbnailSide = 480; // enough for a large preview, small in video memory
}

PhotoTexturesGl::~PhotoTexturesGl() { clear(); }

void PhotoTexturesGl::clear() {
    for (auto& [id, entry] : m_entries)
        if (entry.name) glDeleteTextures(1, &entry.name);
    m_entries.clear();
}

ImTextureID PhotoTexturesGl::texture(Store& store, Id photoId, ImVec2& size) {
    if (&store != m_store) { // another event: its ids mean other photos
        clear();
        m_store = &store;
    }
    auto it = m_entries.find(photoId);
    if (it == m_entries.end()) {
        Entry entry;
        PhotoPixels pixels = decodePhoto(store.photoBytes(photoId), kThumbnailSide);
        if (!pixels.rgba.empty()) {
            GLint previous = 0;
            glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
            glGenTextures(1, &entry.name);
            glBindTexture(GL_TEXTURE_2D, entry.name);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
            glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, pixels.width, pixels.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels.rgba.data());
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
            entry.size = ImVec2(static_cast<float>(pixels.width), static_cast<float>(pixels.height));
        }
        it = m_entries.emplace(photoId, entry).first;
    }
    size = it->second.size;
    if (!it->second.name) return nullptr;
    return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(it->second.name));
}

} // namespace atelier
