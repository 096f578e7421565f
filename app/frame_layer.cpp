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
    unsigned vtxEnd = 0;
    for (int i = 0; i < list.CmdBuffer.Size; ++i) {
        const ImDrawCmd& c = list.CmdBuffer[i];
        if (c.UserCallback || c.ElemCount == 0) continue; // the layer's lists have none; nothing to draw
        // The vertices the command reaches: several commands share one VtxOffset, so a chunk
        // starts at its lowest vertex, not at its first command's VtxOffset.
        unsigned lowest = 0xFFFFFFFFu, highest = 0;
        for (unsigned k = 0; k < c.ElemCount; ++k) {
            const unsigned index = list.IdxBuffer[static_cast<int>(c.IdxOffset + k)];
            lowest = std::min(lowest, index);
            highest = std::max(highest, index);
        }
        const unsigned cmdStart = c.VtxOffset + lowest, cmdEnd = c.VtxOffset + highest + 1;
        if (current.cmdCount > 0) {
            const unsigned start = std::min(current.vtxStart, cmdStart);
            const unsigned end = std::max(vtxEnd, cmdEnd);
            const bool contiguous = c.IdxOffset == current.idxStart + current.idxCount && i == current.firstCmd + current.cmdCount;
            const std::size_t bytes = (end - start) * sizeof(ImDrawVert) + (current.idxCount + c.ElemCount) * sizeof(ImDrawIdx);
            // Indices are rewritten relative to the chunk (copyChunk): 16 bits must reach them all.
            if (contiguous && bytes <= maxBytes && end - start <= 65536u) {
                current.cmdCount += 1;
                current.vtxStart = start;
                vtxEnd = end;
                current.vtxCount = end - start;
                current.idxCount += c.ElemCount;
                continue;
            }
            chunks.push_back(current);
        }
        current = DrawChunk{i, 1, cmdStart, cmdEnd - cmdStart, c.IdxOffset, c.ElemCount};
        vtxEnd = cmdEnd;
    }
    if (current.cmdCount > 0) chunks.push_back(current);
    return chunks;
}

void copyChunk(const ImDrawList& list, const DrawChunk& chunk, ImDrawList& out) {
    out.CmdBuffer.resize(chunk.cmdCount);
    out.VtxBuffer.resize(static_cast<int>(chunk.vtxCount));
    out.IdxBuffer.resize(static_cast<int>(chunk.idxCount));
    if (chunk.vtxCount) std::memcpy(out.VtxBuffer.Data, list.VtxBuffer.Data + chunk.vtxStart, chunk.vtxCount * sizeof(ImDrawVert));
    for (int i = 0; i < chunk.cmdCount; ++i) {
        ImDrawCmd c = list.CmdBuffer[chunk.firstCmd + i];
        // Each index made relative to the chunk's first vertex (one VtxOffset of 0 for all).
        for (unsigned k = 0; k < c.ElemCount; ++k) {
            const unsigned from = c.IdxOffset + k;
            out.IdxBuffer[static_cast<int>(from - chunk.idxStart)] =
                static_cast<ImDrawIdx>(c.VtxOffset + list.IdxBuffer[static_cast<int>(from)] - chunk.vtxStart);
        }
        c.VtxOffset = 0;
        c.IdxOffset -= chunk.idxStart;
        out.CmdBuffer[i] = c;
    }
}

} // namespace atelier
