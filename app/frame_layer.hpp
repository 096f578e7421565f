#pragma once
// A part of the frame drawn once into an offscreen image and copied onto the window while it
// stays the same (issue 17): the board's notes, while only the view moves. A software
// rasteriser (llvmpipe) pays for every shaded pixel; a panning frame then costs one copy of the
// board's rectangle instead of its background, cards, shadows and glyphs, all blended.
//
// The view builds the layer's draw list in the image's own coordinates and says whether it
// differs from the one last drawn; the OpenGL side of the frame (window.cpp) draws it into the
// image when needed and copies the image's visible part under everything ImGui draws.
// Without an OpenGL frame (headless tests), layers are off and views draw as before.
#include <imgui.h>

#include <cstddef>
#include <optional>
#include <vector>

namespace atelier {

struct FrameLayer {
    // In image coordinates: (0, 0) is the image's top-left. The frame loop may rewrite it while
    // drawing the image (its owner builds it anew each frame).
    ImDrawList* list = nullptr;
    // Drawn over the image every frame, in screen coordinates (hover outlines); may be null.
    const ImDrawList* overlay = nullptr;
    ImVec2 size{0, 0};                // the image, in ImGui units
    ImU32 background = 0;             // the image is cleared to it before the list is drawn
    bool changed = true;              // the list differs from the last one given
    // On this frame's screen: the rectangle it shows in (integer pixels), and where the image's
    // top-left corner lands (integer pixels: a copy, never a resampling).
    ImVec2 screenMin{0, 0}, screenMax{0, 0};
    ImVec2 imageAt{0, 0};
};

// A run of a list's commands uploaded and drawn together. The GL backend keeps a vertex buffer
// as large as the largest list it was ever given, and llvmpipe holds its own copy of it: a
// 50,000-note board's list given whole kept 24 MB alive beside the list itself. Drawn in chunks
// of at most `maxBytes` of vertices and indices, that copy stays small, and so do the triangles
// llvmpipe bins for a chunk before drawing it (several times the chunk's bytes: 8 MB for one
// 1.3 MB command of the fitted board, sometimes twice when the last chunk's are not yet freed).
struct DrawChunk {
    int firstCmd = 0, cmdCount = 0;      // its first and last command may be cut (idxStart, idxCount)
    unsigned vtxStart = 0, vtxCount = 0; // the vertices the chunk's indices reach
    unsigned idxStart = 0, idxCount = 0;
    std::size_t bytes() const { return vtxCount * sizeof(ImDrawVert) + idxCount * sizeof(ImDrawIdx); }
};
// Whole triangles of consecutive commands grouped until a chunk would pass `maxBytes` or reach
// past 65,536 vertices; a command larger than that (ImGui lets one hold 65,536 vertices) is cut.
std::vector<DrawChunk> splitIntoChunks(const ImDrawList& list, std::size_t maxBytes);
// Fills `out` with the chunk's commands, vertices and indices, offsets rebased to the chunk.
void copyChunk(const ImDrawList& list, const DrawChunk& chunk, ImDrawList& out);

// Set by the OpenGL frame loop when it can draw layers.
void enableFrameLayers(bool on);
bool frameLayersEnabled();

// The frame loop forgets the last frame's layer before each window's frame.
void resetFrameLayer();
void submitFrameLayer(const FrameLayer& layer);
const std::optional<FrameLayer>& frameLayer();

} // namespace atelier
