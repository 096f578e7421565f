#pragma once
// Driving the real App headless, as tests/test_board.cpp does: an ImGui context with the font
// atlas built, 1920x1080, RendererHasVtxOffset (Debian's libimgui has 16-bit indices), frames
// built with NewFrame / drawMainWindow / Render and no GL.
#include "app.hpp"

#include <imgui.h>

#include <stdexcept>

namespace atelier::bench {

class HeadlessApp {
public:
    HeadlessApp(const Clock& clock) : m_app(clock, Settings{}) {
        m_context = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1920, 1080);
        io.DeltaTime = 1.0f / 60.0f;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
        m_app.fonts().build(*io.Fonts);
        m_app.applyStyle(ImGui::GetStyle());
    }
    ~HeadlessApp() { ImGui::DestroyContext(m_context); }
    HeadlessApp(const HeadlessApp&) = delete;
    HeadlessApp& operator=(const HeadlessApp&) = delete;

    App& app() { return m_app; }
    Session& session() { return m_app.session(); }

    void open(const std::string& path) {
        if (!session().open(path)) throw std::runtime_error(session().openError());
    }
    // The work of the frame loop after drawing (queued actions, new glyphs for the atlas).
    void settle() {
        m_app.afterFrames();
        if (m_app.fonts().dirty()) m_app.fonts().build(*ImGui::GetIO().Fonts);
    }
    void frame() {
        ImGui::NewFrame();
        m_app.handleShortcuts(false);
        m_app.drawMainWindow();
        ImGui::Render();
    }

    // Every index of every draw command, offset by its VtxOffset, must land in its list's
    // vertices: what a 16-bit index renderer needs.
    static bool indicesFit(int& vertices) {
        ImDrawData* data = ImGui::GetDrawData();
        vertices = 0;
        if (!data) return false;
        for (int l = 0; l < data->CmdListsCount; ++l) {
            const ImDrawList* list = data->CmdLists[l];
            vertices += list->VtxBuffer.Size;
            for (const ImDrawCmd& cmd : list->CmdBuffer)
                for (unsigned i = cmd.IdxOffset; i < cmd.IdxOffset + cmd.ElemCount; ++i)
                    if (cmd.VtxOffset + list->IdxBuffer[static_cast<int>(i)] >= static_cast<unsigned>(list->VtxBuffer.Size)) return false;
        }
        return true;
    }

private:
    App m_app;
    ImGuiContext* m_context = nullptr;
};

} // namespace atelier::bench
