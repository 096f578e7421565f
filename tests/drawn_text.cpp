#include "drawn_text.hpp"

#include <imgui_internal.h> // ImTextCharFromUtf8, ImTextCharToUtf8

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <utility>

namespace atelier::test {

namespace {

bool isSpace(unsigned c) { return c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0xA0 || c == 0x202F || c == 0x2009 || c == 0x200B; }

std::vector<unsigned> visibleCodepoints(const std::string& text) {
    std::vector<unsigned> out;
    const char* p = text.c_str();
    const char* end = p + text.size();
    while (p < end) {
        unsigned c = 0;
        int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        p += n;
        if (!isSpace(c)) out.push_back(c);
    }
    return out;
}

void appendUtf8(std::string& out, unsigned c) {
    char buf[5] = {};
    out += ImTextCharToUtf8(buf, c);
}

} // namespace

DrawnText DrawnText::capture() {
    DrawnText out;
    ImDrawData* data = ImGui::GetDrawData();
    if (!data || !data->Valid) return out;
    out.m_display = ImVec2(data->DisplayPos.x + data->DisplaySize.x, data->DisplayPos.y + data->DisplaySize.y);
    // Every glyph of every font by its place in the atlas (fonts of one atlas never share one),
    // by either corner: a glyph clipped on the CPU (a button's text at its frame's edge) keeps
    // the texture coordinates of the corner that was not cut.
    std::map<std::pair<float, float>, const ImFontGlyph*> byTopLeft, byBottomRight;
    std::map<const ImFontGlyph*, bool> isFallback;
    for (ImFont* font : ImGui::GetIO().Fonts->Fonts)
        for (const ImFontGlyph& g : font->Glyphs) {
            if (!g.Visible) continue;
            byTopLeft.emplace(std::make_pair(g.U0, g.V0), &g);
            byBottomRight.emplace(std::make_pair(g.U1, g.V1), &g);
            isFallback[&g] = &g == font->FallbackGlyph;
        }
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;
            std::vector<DrawnGlyph> run;
            // A glyph is one quad: indices a, a+1, a+2, a, a+2, a+3 over corners whose texture
            // coordinates are the glyph's (U0,V0) (U1,V0) (U1,V1) (U0,V1).
            // Other shapes (a check mark, rounded corners) are made of any number of triangles, so
            // the quads are looked for at every triangle.
            for (unsigned i = 0; i + 6 <= cmd.ElemCount; i += 3) {
                const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset + i;
                unsigned a = idx[0];
                if (idx[1] != a + 1 || idx[2] != a + 2 || idx[3] != a || idx[4] != a + 2 || idx[5] != a + 3) continue;
                const ImDrawVert* v = list->VtxBuffer.Data + cmd.VtxOffset + a;
                if (v[1].uv.y != v[0].uv.y || v[1].uv.x != v[2].uv.x || v[3].uv.x != v[0].uv.x) continue; // not a textured quad
                const ImFontGlyph* g = nullptr;
                if (auto it = byTopLeft.find({v[0].uv.x, v[0].uv.y}); it != byTopLeft.end()) g = it->second;
                else if (auto it2 = byBottomRight.find({v[2].uv.x, v[2].uv.y}); it2 != byBottomRight.end()) g = it2->second;
                if (!g) continue;
                DrawnGlyph d;
                d.codepoint = g->Codepoint;
                d.min = v[0].pos;
                d.max = v[2].pos;
                d.clip = cmd.ClipRect;
                d.fallback = isFallback[g];
                // The scale from a side that was not cut; how much the other side lost.
                float w = d.max.x - d.min.x, h = d.max.y - d.min.y;
                bool fullX = v[0].uv.x == g->U0 && v[2].uv.x == g->U1, fullY = v[0].uv.y == g->V0 && v[2].uv.y == g->V1;
                float scale = fullX && g->X1 > g->X0 ? w / (g->X1 - g->X0) : fullY && g->Y1 > g->Y0 ? h / (g->Y1 - g->Y0) : 0.0f;
                if (!fullX && !fullY) d.cut = 1e9f;
                else if (!fullX) d.cut = (g->X1 - g->X0) * scale - w;
                else if (!fullY) d.cut = (g->Y1 - g->Y0) * scale - h;
                float top = v[0].uv.y == g->V0 ? d.min.y : d.max.y - (g->Y1 - g->Y0) * scale;
                d.lineTop = top - g->Y0 * scale;
                run.push_back(d);
                i += 3; // the quad's second triangle
            }
            if (!run.empty()) out.m_runs.push_back(std::move(run));
        }
    }
    return out;
}

DrawnLabel DrawnText::find(const std::string& label) const {
    std::string shown = label.substr(0, label.find("##"));
    std::vector<unsigned> want = visibleCodepoints(shown);
    DrawnLabel best;
    if (want.empty()) return best;
    auto inside = [&](const DrawnGlyph& g) {
        const float e = 0.5f;
        return g.cut <= 2.0f && g.min.x >= g.clip.x - e && g.max.x <= g.clip.z + e && g.min.y >= g.clip.y - e && g.max.y <= g.clip.w + e &&
               g.min.x >= -e && g.min.y >= -e && g.max.x <= m_display.x + e && g.max.y <= m_display.y + e;
    };
    for (const auto& run : m_runs) {
        for (std::size_t start = 0; start + want.size() <= run.size(); ++start) {
            bool match = true;
            for (std::size_t k = 0; k < want.size() && match; ++k) {
                const DrawnGlyph& g = run[start + k];
                match = g.codepoint == want[k];
                if (match && k > 0) {
                    const DrawnGlyph& prev = run[start + k - 1];
                    float lineHeight = (prev.max.y - prev.lineTop) * 1.5f + 4.0f;
                    // On the same line, after the previous glyph, no further than a few spaces.
                    match = std::fabs(g.lineTop - prev.lineTop) < 1.0f && g.min.x >= prev.min.x - 0.5f &&
                            g.min.x - prev.max.x < lineHeight;
                }
            }
            if (!match) continue;
            DrawnLabel found;
            found.found = true;
            found.visible = true;
            found.min = run[start].min;
            found.max = run[start].max;
            for (std::size_t k = 0; k < want.size(); ++k) {
                const DrawnGlyph& g = run[start + k];
                found.visible = found.visible && inside(g);
                found.min = ImVec2(std::min(found.min.x, g.min.x), std::min(found.min.y, g.min.y));
                found.max = ImVec2(std::max(found.max.x, g.max.x), std::max(found.max.y, g.max.y));
            }
            if (found.visible) return found;
            if (!best.found) best = found;
        }
    }
    return best;
}

std::vector<std::string> DrawnText::fallbackContexts() const {
    std::vector<std::string> out;
    for (const auto& run : m_runs)
        for (std::size_t i = 0; i < run.size(); ++i) {
            if (!run[i].fallback) continue;
            std::string context;
            for (std::size_t k = i >= 12 ? i - 12 : 0; k < std::min(run.size(), i + 12); ++k) {
                if (k == i) context += "[?]";
                else appendUtf8(context, run[k].codepoint);
            }
            out.push_back(context);
        }
    return out;
}

std::size_t DrawnText::glyphCount() const {
    std::size_t n = 0;
    for (const auto& run : m_runs) n += run.size();
    return n;
}

std::string DrawnText::dump() const {
    std::string out;
    for (const auto& run : m_runs) {
        for (std::size_t i = 0; i < run.size(); ++i) {
            if (i > 0 && std::fabs(run[i].lineTop - run[i - 1].lineTop) >= 1.0f) out += " / ";
            appendUtf8(out, run[i].codepoint);
        }
        out += "\n";
    }
    return out;
}

} // namespace atelier::test
