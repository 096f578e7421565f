// The board's layer is given to OpenGL in chunks (frame_layer.hpp): no chunk above the bound,
// commands larger than it cut between triangles, and the chunks together draw exactly the
// list's triangles under the same clip rectangles.
#include "frame_layer.hpp"

#include <catch2/catch.hpp>
#include <imgui_internal.h>

#include <vector>

using namespace atelier;

namespace {

struct Corner {
    float x, y, u, v;
    ImU32 col;
    bool operator==(const Corner& o) const { return x == o.x && y == o.y && u == o.u && v == o.v && col == o.col; }
};

// Every triangle corner the list draws, in order, with the clip rectangle of its command.
std::vector<Corner> cornersOf(const ImDrawList& list, std::vector<ImVec4>* clips) {
    std::vector<Corner> out;
    for (const ImDrawCmd& c : list.CmdBuffer)
        for (unsigned k = 0; k < c.ElemCount; ++k) {
            const ImDrawVert& v = list.VtxBuffer[static_cast<int>(c.VtxOffset + list.IdxBuffer[static_cast<int>(c.IdxOffset + k)])];
            out.push_back({v.pos.x, v.pos.y, v.uv.x, v.uv.y, v.col});
            if (clips) clips->push_back(c.ClipRect);
        }
    return out;
}

} // namespace

TEST_CASE("the layer's list is drawn in bounded chunks that draw the same triangles", "[frame_layer]") {
    ImDrawListSharedData shared;
    ImDrawList list(&shared);
    list._ResetForNewFrame();
    list.Flags |= ImDrawListFlags_AllowVtxOffset; // as with the GL 3.3 backend: lists past 65,536 vertices
    list.PushClipRect(ImVec2(0, 0), ImVec2(4000, 4000));
    // 30,000 cards (120,000 vertices: several VtxOffset runs) under changing clip rectangles.
    for (int i = 0; i < 30000; ++i) {
        if (i % 700 == 0) {
            list.PopClipRect();
            list.PushClipRect(ImVec2(static_cast<float>(i % 13), 0), ImVec2(4000, 4000));
        }
        const float x = static_cast<float>(i % 200) * 20, y = static_cast<float>(i / 200) * 20;
        list.AddRectFilled(ImVec2(x, y), ImVec2(x + 15, y + 12), IM_COL32(i % 256, 200, 100, 255));
    }
    list._PopUnusedDrawCmd();
    REQUIRE(list.VtxBuffer.Size > 65536);
    const std::size_t whole = list.VtxBuffer.Size * sizeof(ImDrawVert) + list.IdxBuffer.Size * sizeof(ImDrawIdx);

    const std::size_t bound = 64 * 1024;
    std::vector<DrawChunk> chunks = splitIntoChunks(list, bound);
    REQUIRE(chunks.size() > 1);
    std::size_t largest = 0;
    for (const DrawChunk& chunk : chunks) {
        CHECK(chunk.bytes() <= bound);
        CHECK(chunk.idxCount % 3 == 0);
        largest = std::max(largest, chunk.bytes());
    }
    CHECK(largest * 20 < whole);

    std::vector<ImVec4> clipsWhole, clipsChunked;
    const std::vector<Corner> expected = cornersOf(list, &clipsWhole);
    std::vector<Corner> drawn;
    ImDrawList piece(&shared);
    for (const DrawChunk& chunk : chunks) {
        copyChunk(list, chunk, piece);
        CHECK(piece.VtxBuffer.Size * sizeof(ImDrawVert) + piece.IdxBuffer.Size * sizeof(ImDrawIdx) == chunk.bytes());
        std::vector<Corner> part = cornersOf(piece, &clipsChunked);
        drawn.insert(drawn.end(), part.begin(), part.end());
    }
    CHECK(drawn.size() == expected.size());
    CHECK(drawn == expected);
    REQUIRE(clipsChunked.size() == clipsWhole.size());
    bool sameClips = true;
    for (std::size_t i = 0; i < clipsWhole.size(); ++i)
        sameClips = sameClips && clipsWhole[i].x == clipsChunked[i].x && clipsWhole[i].w == clipsChunked[i].w;
    CHECK(sameClips);
}

TEST_CASE("a list bound larger than the list is one chunk", "[frame_layer]") {
    ImDrawListSharedData shared;
    ImDrawList list(&shared);
    list._ResetForNewFrame();
    list.PushClipRect(ImVec2(0, 0), ImVec2(100, 100));
    for (int i = 0; i < 10; ++i) list.AddRectFilled(ImVec2(0, 0), ImVec2(5, 5), IM_COL32_WHITE);
    list._PopUnusedDrawCmd();
    std::vector<DrawChunk> chunks = splitIntoChunks(list, std::size_t{1} << 20);
    REQUIRE(chunks.size() == 1);
    CHECK(chunks[0].vtxCount == 40u);
    CHECK(chunks[0].idxCount == 60u);
}

TEST_CASE("a command larger than the bound is cut between triangles", "[frame_layer]") {
    ImDrawListSharedData shared;
    ImDrawList list(&shared);
    list._ResetForNewFrame();
    list.PushClipRect(ImVec2(0, 0), ImVec2(3000, 3000));
    // One command of 12,000 cards (48,000 vertices, about 1.2 MB), as the fitted board's are.
    for (int i = 0; i < 12000; ++i) {
        const float x = static_cast<float>(i % 100) * 30, y = static_cast<float>(i / 100) * 25;
        list.AddRectFilled(ImVec2(x, y), ImVec2(x + 20, y + 16), IM_COL32(i % 256, 90, 30, 255));
    }
    list.PushClipRect(ImVec2(5, 5), ImVec2(2000, 2000));
    list.AddRectFilled(ImVec2(7, 7), ImVec2(50, 50), IM_COL32_WHITE);
    list.PopClipRect();
    list._PopUnusedDrawCmd();
    REQUIRE(list.CmdBuffer.Size >= 2);
    const std::size_t firstBytes = 48000 * sizeof(ImDrawVert) + list.CmdBuffer[0].ElemCount * sizeof(ImDrawIdx);

    const std::size_t bound = 256 * 1024;
    REQUIRE(firstBytes > 4 * bound);
    std::vector<DrawChunk> chunks = splitIntoChunks(list, bound);
    REQUIRE(chunks.size() >= 5);
    for (const DrawChunk& chunk : chunks) {
        CHECK(chunk.bytes() <= bound);
        CHECK(chunk.idxCount % 3 == 0);
    }
    std::vector<ImVec4> clipsWhole, clipsChunked;
    const std::vector<Corner> expected = cornersOf(list, &clipsWhole);
    std::vector<Corner> drawn;
    ImDrawList piece(&shared);
    for (const DrawChunk& chunk : chunks) {
        copyChunk(list, chunk, piece);
        std::vector<Corner> part = cornersOf(piece, &clipsChunked);
        drawn.insert(drawn.end(), part.begin(), part.end());
    }
    CHECK(drawn == expected);
    REQUIRE(clipsChunked.size() == clipsWhole.size());
    bool sameClips = true;
    for (std::size_t i = 0; i < clipsWhole.size(); ++i)
        sameClips = sameClips && clipsWhole[i].x == clipsChunked[i].x && clipsWhole[i].y == clipsChunked[i].y &&
                    clipsWhole[i].z == clipsChunked[i].z && clipsWhole[i].w == clipsChunked[i].w;
    CHECK(sameClips);
}
