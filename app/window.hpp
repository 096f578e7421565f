#pragma once
// The GLFW side: the main window and the optional projection window, each with its own ImGui
// context, sharing GL objects and one font atlas; our own callbacks route input to the right
// context. Also renders screenshots offscreen.
#include "app.hpp"
#include "frame_bench.hpp"
#include "frame_layer_gl.hpp"
#include "frame_surround_gl.hpp"
#include "outcomes/photo_textures_gl.hpp"

#include <array>
#include <functional>
#include <memory>
#include <string>
#include <vector>

struct GLFWwindow;
struct ImGuiContext;
struct ImFontAtlas;

namespace atelier {

struct ScreenshotRequest {
    std::string path;
    int width = 1920, height = 1080;
    int frames = 4;
    std::string projectionPath; // also capture the projection window there (empty: none)
};

class Windows {
public:
    explicit Windows(App& app);
    ~Windows();
    Windows(const Windows&) = delete;
    Windows& operator=(const Windows&) = delete;

    // Bakes the font atlas (CPU only) for a window `windowHeight` tall. May run on another thread
    // while init() makes the window and its GL context: init() calls waitForFonts (the join of
    // that thread) before it makes the first ImGui context, and touches neither the fonts nor
    // the atlas before.
    void bakeFonts(int windowHeight);
    std::function<void()> waitForFonts;
    // False with a message on stderr when there is no display or no OpenGL 3.3.
    bool init(bool visible, int width, int height);
    // After init, while the event's file is still being read (issue 17, the first frame): uploads
    // the atlas baked so far and draws once, offscreen and into the back buffer, through the paths
    // the first frame takes, so that llvmpipe compiles their shaders and allocates the board's
    // image now instead of in the first frame. Nothing of it is ever shown.
    void warmUp(int width, int height);
    // After bakeFonts and init (and the characters of the open event added to the fonts):
    // builds the atlas again if they need it, and uploads it unless warmUp uploaded it as it is.
    // Before the first frame.
    void finishFonts();
    // How many times the atlas texture was uploaded.
    unsigned fontUploads() const { return m_fontUploads; }
    void run();
    // Renders a few frames offscreen at the requested size and writes PNGs; false on failure.
    bool screenshot(const ScreenshotRequest& request);
    // Pans the board in the visible window and prints one JSON record (frame_bench.cpp).
    bool benchPan(const PanBenchRequest& request);
    // How many times the main window's frame layer was drawn (0 without one).
    unsigned layerRedraws() const { return m_main.layerImage ? m_main.layerImage->redraws() : 0; }
    // How many frames of the main window reused the last full frame around the layer.
    unsigned surroundReused() const { return m_main.surround ? m_main.surround->reused() : 0; }

    struct Slot {
        Windows* owner = nullptr;
        GLFWwindow* window = nullptr;
        ImGuiContext* imgui = nullptr;
        bool projection = false;
        int styleRevision = -1;
        int keyOf[512] = {}; // translated key per scancode while held, so release matches press
        // ImGui 1.86 reads key state once per frame: a press and its release arriving between two
        // frames would never be seen. Such releases wait until the frame has run.
        std::vector<int> pressedSinceFrame;
        std::vector<std::array<int, 4>> deferredReleases; // key, scancode, action, mods
        std::unique_ptr<FrameLayerImage> layerImage; // this context's image of the frame layer, once one is shown
        std::unique_ptr<FrameSurround> surround;     // the last full frame, reused around the layer
    };

private:
    bool openSlot(Slot& slot, const char* title, int width, int height, bool visible, GLFWwindow* share);
    void closeSlot(Slot& slot);
    void syncProjectionWindow(bool visible);
    // Its monitor, place, size and full screen, into the settings (ProjectionMemory).
    void rememberProjectionWindow();
    void syncFullScreen();
    void rebuildFontsIfNeeded();
    void uploadFontTexture();
    void frame(Slot& slot, int fbWidth, int fbHeight, bool offscreen);
    // The start-up timeline ends at the main window's first swap (diagnostics/startup_timeline.hpp).
    void firstFrameShown();
    bool m_firstFrameShown = false;

    App& m_app;
    Slot m_main, m_projection;
    ImFontAtlas* m_atlas = nullptr; // shared by both ImGui contexts
    unsigned m_fontTexture = 0;
    unsigned m_fontUploads = 0; // the atlas texture's contents changed: cached layers are redrawn
    bool m_fontsUploadedEarly = false; // by warmUp, from the atlas baked before the event was read
    bool m_mainFullScreen = false, m_projectionFullScreen = false;
    int m_savedX = 0, m_savedY = 0, m_savedW = 1280, m_savedH = 800;
    std::string m_title;
    std::unique_ptr<PhotoTexturesGl> m_photoTextures; // needs the GL context: freed before it goes

public:
    int busyFrames = 3; // frames still to draw at full speed after input
    bool quitAfterFirstFrame = false; // the start-up benchmark: run() returns after the first swap
    // Files dropped on either window: to the screen that takes them (images, spreadsheets).
    void dropFiles(const std::vector<std::string>& paths);
};

} // namespace atelier
