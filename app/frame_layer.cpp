#include "frame_layer.hpp"

#include <algorithm>
#include <cstring>

namespace atelier {

namespace {
bool g_enabled = false;
std::optional<FrameLayer> g_layer; // frames are built one window at a time
} // namespace

void enableFrameLayers(bool on) { g_enabled = on; }
bool frameLayersEnabled() { return g_enabled; }
void resetFrameLayer() { g_layer.reset(); }
void submitFrameLayer(const FrameLayer& layer) { g_layer = layer; }
const std::optional<FrameLayer>& frameLayer() { return g_layer; }

std::vector<DrawChunk> splitIntoChunks(const ImDrawList& list, std::size_t maxBytes) {
    std::vector<DrawChunk> chunks;
    DrawChunk current;
    unsigned vtxEnd = 0; // one past the highest vertex the current chunk reaches
    auto close = [&] {
        if (current.idxCount > 0) chunks.push_back(current);
        current = DrawChunk{};
    };
    for (int i = 0; i < list.CmdBuffer.Size; ++i) {
        const ImDrawCmd& c = list.CmdBuffer[i];
        if (c.UserCallback || c.ElemCount == 0) continue; // the layer's lists have none; nothing to draw
        // A chunk runs on into the next command only where its indices follow on.
        if (current.idxCount > 0 && !(c.IdxOffset == current.idxStart + current.idxCount && i == current.firstCmd + current.cmdCount))
            close();
        // Triangle by triangle: one command may hold 65,536 vertices (1.3 MB), and llvmpipe
        // bins a chunk's triangles into several times that before drawing them.
        for (unsigned k = 0; k < c.ElemCount; k += 3) {
            const unsigned count = std::min(3u, c.ElemCount - k);
            unsigned lowest = 0xFFFFFFFFu, highest = 0;
            for (unsigned j = 0; j < count; ++j) {
                const unsigned index = c.VtxOffset + list.IdxBuffer[static_cast<int>(c.IdxOffset + k + j)];
                lowest = std::min(lowest, index);
                highest = std::max(highest, index);
            }
            if (current.idxCount > 0) {
                // Several commands share one VtxOffset, so a chunk starts at its lowest vertex.
                const unsigned start = std::min(current.vtxStart, lowest), end = std::max(vtxEnd, highest + 1);
                const std::size_t bytes = (end - start) * sizeof(ImDrawVert) + (current.idxCount + count) * sizeof(ImDrawIdx);
                // Indices are rewritten relative to the chunk (copyChunk): 16 bits must reach them all.
                if (bytes <= maxBytes && end - start <= 65536u) {
                    if (current.firstCmd + current.cmdCount - 1 != i) current.cmdCount += 1;
                    current.vtxStart = start;
                    vtxEnd = end;
                    current.vtxCount = end - start;
                    current.idxCount += count;
                    continue;
                }
                close();
            }
            current = DrawChunk{i, 1, lowest, highest + 1 - lowest, c.IdxOffset + k, count};
            vtxEnd = highest + 1;
        }
    }
    close();
    return chunks;
}

void copyChunk(const ImDrawList& list, const DrawChunk& chunk, ImDrawList& out) {
    out.CmdBuffer.resize(chunk.cmdCount);
    out.VtxBuffer.resize(static_cast<int>(chunk.vtxCount));
    out.IdxBuffer.resize(static_cast<int>(chunk.idxCount));
    if (chunk.vtxCount) std::memcpy(out.VtxBuffer.Data, list.VtxBuffer.Data + chunk.vtxStart, chunk.vtxCount * sizeof(ImDrawVert));
    const unsigned idxEnd = chunk.idxStart + chunk.idxCount;
    for (int i = 0; i < chunk.cmdCount; ++i) {
        ImDrawCmd c = list.CmdBuffer[chunk.firstCmd + i];
        // The part of the command's indices in the chunk (its first and last may be cut).
        const unsigned from = std::max(c.IdxOffset, chunk.idxStart), to = std::min(c.IdxOffset + c.ElemCount, idxEnd);
        c.IdxOffset = from;
        c.ElemCount = to > from ? to - from : 0;
        // Each index made relative to the chunk's first vertex (one VtxOffset of 0 for all).
        for (unsigned k = 0; k < c.ElemCount; ++k) {
            const unsigned at = c.IdxOffset + k;
            out.IdxBuffer[static_cast<int>(at - chunk.idxStart)] =
                static_cast<ImDrawIdx>(c.VtxOffset + list.IdxBuffer[static_cast<int>(at)] - chunk.vtxStart);
        }
        c.VtxOffset = 0;
        c.IdxOffset -= chunk.idxStart;
        out.CmdBuffer[i] = c;
    }
}

} // namespace atelier
