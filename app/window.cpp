#include "window.hpp"

#include "font_mipmaps.hpp"
#include "frame_background.hpp"
#include "diagnostics/startup_timeline.hpp"
#include "frame_layer.hpp"
#include "keys.hpp"
#include "outcomes/dropped_files.hpp"
#include "presentation.hpp"
#include "window_icon.hpp"
#include "projection_memory.hpp"

#define GL_GLEXT_PROTOTYPES
#define GLFW_INCLUDE_GLCOREARB
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace atelier {

namespace {

Windows::Slot* slotOf(GLFWwindow* window) { return static_cast<Windows::Slot*>(glfwGetWindowUserPointer(window)); }

// Runs `f` with the window's ImGui context current, then restores the previous one.
template <typename F> void withContext(GLFWwindow* window, F f) {
    Windows::Slot* slot = slotOf(window);
    if (!slot || !slot->imgui) return;
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(slot->imgui);
    f(*slot);
    ImGui::SetCurrentContext(previous);
    slot->owner->busyFrames = std::max(slot->owner->busyFrames, 3);
}

void onMouseButton(GLFWwindow* w, int button, int action, int mods) {
    withContext(w, [&](Windows::Slot&) {
        if (action == GLFW_PRESS) {
            double x = 0, y = 0;
            glfwGetCursorPos(w, &x, &y);
            inputLog().mouseDown(button, glfwGetTime(), static_cast<float>(x), static_cast<float>(y));
        }
        ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods);
    });
}
void onScroll(GLFWwindow* w, double x, double y) {
    withContext(w, [&](Windows::Slot&) { ImGui_ImplGlfw_ScrollCallback(w, x, y); });
}
void onKey(GLFWwindow* w, int key, int scancode, int action, int mods) {
    withContext(w, [&](Windows::Slot& slot) {
        int translated = key;
        bool tracked = scancode >= 0 && scancode < 512;
        if (action == GLFW_PRESS || !tracked) translated = translateKey(key, glfwGetKeyName(key, scancode));
        else translated = slot.keyOf[scancode] ? slot.keyOf[scancode] - 2 : translateKey(key, glfwGetKeyName(key, scancode));
        if (std::getenv("ATELIER_KEY_DEBUG"))
            std::fprintf(stderr, "key %d sc %d action %d mods %d -> %d name %s\n", key, scancode, action, mods, translated,
                         glfwGetKeyName(key, scancode) ? glfwGetKeyName(key, scancode) : "-");
        if (tracked) slot.keyOf[scancode] = action == GLFW_RELEASE ? 0 : translated + 2;
        if (action == GLFW_PRESS) slot.pressedSinceFrame.push_back(translated);
        if (action != GLFW_RELEASE) inputLog().key(translated, mods, key); // repeats too: a held Backspace erases
        // Every release after a press not yet seen waits, modifiers included: Ctrl released
        // before Z must still be down when the frame reads Z.
        if (action == GLFW_RELEASE && !slot.pressedSinceFrame.empty()) {
            slot.deferredReleases.push_back({translated, scancode, action, mods});
            return;
        }
        ImGui_ImplGlfw_KeyCallback(w, translated, scancode, action, mods);
    });
}
void onChar(GLFWwindow* w, unsigned int c) {
    withContext(w, [&](Windows::Slot&) {
        inputLog().character(c);
        ImGui_ImplGlfw_CharCallback(w, c);
    });
}
void onFocus(GLFWwindow* w, int focused) {
    withContext(w, [&](Windows::Slot&) { ImGui_ImplGlfw_WindowFocusCallback(w, focused); });
}
void onCursorEnter(GLFWwindow* w, int entered) {
    withContext(w, [&](Windows::Slot&) { ImGui_ImplGlfw_CursorEnterCallback(w, entered); });
}
void onCursorPos(GLFWwindow* w, double, double) {
    if (Windows::Slot* slot = slotOf(w)) slot->owner->busyFrames = std::max(slot->owner->busyFrames, 2);
}
void onRefresh(GLFWwindow* w) {
    if (Windows::Slot* slot = slotOf(w)) slot->owner->busyFrames = std::max(slot->owner->busyFrames, 2);
}
void onClose(GLFWwindow* w) {
    // Closing the projection window only hides the projector; the main window quits.
    if (Windows::Slot* slot = slotOf(w); slot && slot->projection) {
        glfwSetWindowShouldClose(w, GLFW_FALSE);
        slot->owner->busyFrames = 3;
    }
}

void onDrop(GLFWwindow* w, int count, const char** paths) {
    if (Windows::Slot* slot = slotOf(w); slot && count > 0) slot->owner->dropFiles(std::vector<std::string>(paths, paths + count));
}

void onGlfwError(int code, const char* message) { std::fprintf(stderr, "atelier: GLFW error %d: %s\n", code, message); }

} // namespace

Windows::Windows(App& app) : m_app(app), m_atlas(IM_NEW(ImFontAtlas)()) {
    m_main.owner = m_projection.owner = this;
    m_projection.projection = true;
}

void Windows::bakeFonts(int windowHeight) {
    m_app.fonts().setProjectorHeight(static_cast<float>(windowHeight));
    m_app.fonts().build(*m_atlas);
    startup::mark("fonts: atlas baked");
}

void Windows::finishFonts() {
    glfwMakeContextCurrent(m_main.window);
    // Baked before the event was read: built again only when its text needs more characters.
    const bool rebuilt = m_app.fonts().dirty();
    if (rebuilt) {
        m_app.fonts().build(*m_atlas);
        startup::mark("fonts: atlas baked again for the event's characters");
    }
    if (rebuilt || !m_fontsUploadedEarly) {
        uploadFontTexture();
        startup::mark("fonts: atlas uploaded");
    }
}

void Windows::warmUp(int width, int height) {
    if (!m_main.window || !m_main.imgui || width <= 0 || height <= 0) return;
    glfwMakeContextCurrent(m_main.window);
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(m_main.imgui);
    uploadFontTexture();
    startup::mark("fonts: atlas uploaded");
    m_fontsUploadedEarly = true;
    // Cards and an outline: the shader, blending and sampling every board and window frame uses,
    // drawn into an image of the window's size (the board's is a little smaller). No rounding: the
    // shared data for arcs is set by the first NewFrame.
    ImDrawList list(ImGui::GetDrawListSharedData());
    list._ResetForNewFrame();
    list.PushClipRect(ImVec2(0, 0), ImVec2(static_cast<float>(width), static_cast<float>(height)));
    list.PushTextureID(m_atlas->TexID);
    list.AddRectFilled(ImVec2(8, 8), ImVec2(64, 48), IM_COL32(255, 213, 79, 255));
    list.AddRectFilled(ImVec2(72, 8), ImVec2(128, 48), IM_COL32(129, 199, 132, 0xC0));
    list.AddRect(ImVec2(8, 56), ImVec2(64, 96), IM_COL32(0, 0, 0, 255), 0.0f, 0, 2.0f);
    FrameLayer layer;
    layer.list = &list;
    layer.size = ImVec2(static_cast<float>(width), static_cast<float>(height));
    layer.background = clearColour();
    layer.screenMin = ImVec2(0, 0);
    layer.screenMax = ImVec2(1, 1);
    if (!m_main.layerImage) m_main.layerImage = std::make_unique<FrameLayerImage>();
    m_main.layerImage->show(layer, 1.0f, 1.0f, height, m_fontUploads);
    m_main.layerImage->forget(); // drawn again, with the board, by the first frame
    // The window's own frame: a clear and the same list into the back buffer, never swapped.
    glViewport(0, 0, width, height);
    glClear(GL_COLOR_BUFFER_BIT);
    ImDrawList* lists[] = {&list};
    ImDrawData data;
    data.Valid = true;
    data.CmdLists = lists;
    data.CmdListsCount = 1;
    data.TotalVtxCount = list.VtxBuffer.Size;
    data.TotalIdxCount = list.IdxBuffer.Size;
    data.DisplayPos = ImVec2(0, 0);
    data.DisplaySize = layer.size;
    data.FramebufferScale = ImVec2(1, 1);
    ImGui_ImplOpenGL3_RenderDrawData(&data);
    glFinish();
    ImGui::SetCurrentContext(previous);
    startup::mark("window: warmed up (shaders compiled, the board's image made)");
}

Windows::~Windows() {
    closeSlot(m_projection);
    if (m_main.window) glfwMakeContextCurrent(m_main.window);
    setPhotoThumbnails(nullptr);
    m_photoTextures.reset();
    if (m_fontTexture) glDeleteTextures(1, &m_fontTexture);
    closeSlot(m_main);
    if (m_atlas) IM_DELETE(m_atlas);
    glfwTerminate();
}

bool Windows::init(bool visible, int width, int height) {
    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit()) {
        std::fprintf(stderr, "atelier: no display available (is DISPLAY set? try xvfb-run)\n");
        return false;
    }
    startup::mark("window: glfwInit");
    if (!openSlot(m_main, "Atelier", width, height, visible, nullptr)) return false;
    // Views may hand the frame a layer drawn once and copied (frame_layer.hpp); ATELIER_NO_FRAME_LAYER=1
    // draws everything every frame, to measure what the layer saves.
    const char* noLayer = std::getenv("ATELIER_NO_FRAME_LAYER");
    enableFrameLayers(!(noLayer && *noLayer && *noLayer != '0'));
    m_photoTextures = std::make_unique<PhotoTexturesGl>();
    setPhotoThumbnails(m_photoTextures.get());
    // A phone's request wakes the loop sleeping in glfwWaitEventsTimeout (thread-safe in GLFW).
    m_app.session().wakeLoop = [] { glfwPostEmptyEvent(); };
    return true;
}

void Windows::dropFiles(const std::vector<std::string>& paths) {
    routeDroppedFiles(m_app.session(), paths);
    busyFrames = std::max(busyFrames, 3);
}

bool Windows::openSlot(Slot& slot, const char* title, int width, int height, bool visible, GLFWwindow* share) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
    hintWindowClass();
    slot.window = glfwCreateWindow(width, height, title, nullptr, share);
    if (!slot.window) {
        std::fprintf(stderr, "atelier: cannot open a window with OpenGL 3.3\n");
        return false;
    }
    startup::mark("window: created with its GL context");
    setWindowIcon(slot.window);
    glfwSetWindowUserPointer(slot.window, &slot);
    glfwMakeContextCurrent(slot.window);
    glfwSwapInterval(slot.projection ? 0 : 1);
    startup::mark("window: icon set, context current");

    // ImGui's allocations count themselves in the current context: none may exist while the
    // atlas bakes on its thread, so the first context waits for it (the GL context above,
    // the long part, did not).
    if (waitForFonts) {
        waitForFonts();
        waitForFonts = nullptr;
        startup::mark("window: atlas joined");
    }
    ImGuiContext* previous = ImGui::GetCurrentContext();
    slot.imgui = ImGui::CreateContext(m_atlas);
    ImGui::SetCurrentContext(slot.imgui);
    ImGui::GetIO().IniFilename = nullptr;
    // Our callbacks, not the backend's: they switch to this window's context first.
    ImGui_ImplGlfw_InitForOpenGL(slot.window, false);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    // The backend uploads io.Fonts as it makes its GL objects, as RGBA converted in memory: for
    // the shared atlas 6 MB converted, uploaded and dropped again (we keep one texture for both
    // windows), and for a second window the whole atlas rebuilt first, its CPU copy being freed
    // once uploaded. A 1x1 stand-in takes the atlas's place meanwhile; the atlas itself may
    // still be baking on another thread (bakeFonts).
    {
        ImFontAtlas standIn;
        standIn.TexPixelsRGBA32 = static_cast<unsigned int*>(IM_ALLOC(sizeof(unsigned int)));
        *standIn.TexPixelsRGBA32 = 0xFFFFFFFFu;
        standIn.TexWidth = standIn.TexHeight = 1;
        ImGuiIO& io = ImGui::GetIO();
        io.Fonts = &standIn;
        ImGui_ImplOpenGL3_CreateDeviceObjects();
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        io.Fonts = m_atlas;
    }
    startup::mark("window: ImGui context and GL objects");
    glfwSetMouseButtonCallback(slot.window, onMouseButton);
    glfwSetScrollCallback(slot.window, onScroll);
    glfwSetKeyCallback(slot.window, onKey);
    glfwSetCharCallback(slot.window, onChar);
    glfwSetWindowFocusCallback(slot.window, onFocus);
    glfwSetCursorEnterCallback(slot.window, onCursorEnter);
    glfwSetCursorPosCallback(slot.window, onCursorPos);
    glfwSetWindowRefreshCallback(slot.window, onRefresh);
    glfwSetWindowCloseCallback(slot.window, onClose);
    glfwSetDropCallback(slot.window, onDrop);
    if (previous) ImGui::SetCurrentContext(previous);
    return true;
}

void Windows::closeSlot(Slot& slot) {
    if (!slot.window) return;
    glfwMakeContextCurrent(slot.window);
    ImGui::SetCurrentContext(slot.imgui);
    slot.layerImage.reset(); // its framebuffer belongs to this context
    slot.surround.reset();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    forgetInputLog(slot.imgui);
    ImGui::DestroyContext(slot.imgui);
    ImGui::SetCurrentContext(m_main.imgui && &slot != &m_main ? m_main.imgui : nullptr);
    glfwDestroyWindow(slot.window);
    slot.window = nullptr;
    slot.imgui = nullptr;
    slot.styleRevision = -1;
    if (m_main.window && &slot != &m_main) glfwMakeContextCurrent(m_main.window);
}

void Windows::uploadFontTexture() {
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    // One channel, as ImGui bakes it: a quarter of the RGBA copy llvmpipe would keep (8 MB for
    // the 2048-wide atlas), and no RGBA conversion in memory. The swizzle gives the shader the
    // white, alpha-covered texels ImGui's RGBA32 would have.
    m_atlas->GetTexDataAsAlpha8(&pixels, &width, &height);
    if (!m_fontTexture) glGenTextures(1, &m_fontTexture);
    glBindTexture(GL_TEXTURE_2D, m_fontTexture);
    // Mipmapped, so that text drawn smaller than baked (a board zoomed out to 43 %) is filtered
    // instead of losing its thin strokes (« Idée » read « cée »). Two levels: the atlas pads
    // glyphs by kGlyphPadding texels, which keeps them apart down to a quarter. The levels are
    // made here (font_mipmaps.hpp), not by glGenerateMipmap.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_BASE_LEVEL, 0);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 2);
    const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    GLint level = 0;
    for (const MipLevel& mip : mipLevels(pixels, width, height, 2))
        glTexImage2D(GL_TEXTURE_2D, ++level, GL_R8, mip.width, mip.height, 0, GL_RED, GL_UNSIGNED_BYTE, mip.texels.data());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, level);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    ++m_fontUploads;
    m_atlas->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(m_fontTexture)));
    // The CPU copy is not needed once uploaded; glyph metrics stay.
    m_atlas->ClearTexData();
}

void Windows::rebuildFontsIfNeeded() {
    int tallest = 0;
    for (Slot* slot : {&m_main, &m_projection}) {
        if (!slot->window) continue;
        int w = 0, h = 0;
        glfwGetFramebufferSize(slot->window, &w, &h);
        tallest = std::max(tallest, h);
    }
    if (tallest > 0) m_app.fonts().setProjectorHeight(static_cast<float>(tallest));
    if (!m_app.fonts().dirty()) return;
    glfwMakeContextCurrent(m_main.window);
    startup::mark("fonts: rebuild begins");
    m_app.fonts().build(*m_atlas);
    uploadFontTexture();
    startup::mark("fonts: rebuilt and uploaded");
}

namespace {

std::vector<MonitorInfo> listMonitors(std::vector<GLFWmonitor*>& handles) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    std::vector<MonitorInfo> out;
    handles.assign(monitors, monitors + count);
    for (int i = 0; i < count; ++i) {
        MonitorInfo m;
        const char* name = glfwGetMonitorName(monitors[i]);
        m.name = name ? name : "";
        glfwGetMonitorPos(monitors[i], &m.x, &m.y);
        if (const GLFWvidmode* mode = glfwGetVideoMode(monitors[i])) {
            m.width = mode->width;
            m.height = mode->height;
        }
        out.push_back(std::move(m));
    }
    return out;
}

// The monitor holding the window's centre (the first one when none does).
int monitorIndexAt(const std::vector<MonitorInfo>& monitors, GLFWwindow* window) {
    if (!window) return 0;
    int x = 0, y = 0, w = 0, h = 0;
    glfwGetWindowPos(window, &x, &y);
    glfwGetWindowSize(window, &w, &h);
    int cx = x + w / 2, cy = y + h / 2;
    for (std::size_t i = 0; i < monitors.size(); ++i) {
        const MonitorInfo& m = monitors[i];
        if (cx >= m.x && cx < m.x + m.width && cy >= m.y && cy < m.y + m.height) return static_cast<int>(i);
    }
    return 0;
}

} // namespace

void Windows::rememberProjectionWindow() {
    if (!m_projection.window) return;
    ProjectionMemory& memory = m_app.settings().projection;
    std::vector<GLFWmonitor*> handles;
    std::vector<MonitorInfo> monitors = listMonitors(handles);
    GLFWmonitor* fullScreenOn = glfwGetWindowMonitor(m_projection.window);
    int index = monitorIndexAt(monitors, m_projection.window);
    for (std::size_t i = 0; i < handles.size(); ++i)
        if (handles[i] == fullScreenOn) index = static_cast<int>(i);
    if (monitors.empty()) return;
    const MonitorInfo& m = monitors[static_cast<std::size_t>(index)];
    memory.monitor = m.name;
    memory.monitorX = m.x;
    memory.monitorY = m.y;
    memory.fullScreen = m_projectionFullScreen;
    if (fullScreenOn) { // its windowed place is the one saved on entering full screen, on that monitor
        memory.x = m.x + 40;
        memory.y = m.y + 40;
        memory.width = m_savedW;
        memory.height = m_savedH;
    } else {
        glfwGetWindowPos(m_projection.window, &memory.x, &memory.y);
        glfwGetWindowSize(m_projection.window, &memory.width, &memory.height);
    }
}

void Windows::syncProjectionWindow(bool visible) {
    bool wanted = m_app.session().projectionWindow;
    if (wanted && !m_projection.window) {
        const char* title = uiLanguage() == Language::French ? "Écran de projection" : "Projection screen";
        // Where it was last time (its monitor by name, else by place), else on the first monitor
        // other than the main window's: that is where the projector is.
        std::vector<GLFWmonitor*> handles;
        std::vector<MonitorInfo> monitors = listMonitors(handles);
        ProjectionPlacement place = placeProjection(monitors, monitorIndexAt(monitors, m_main.window), m_app.settings().projection);
        openSlot(m_projection, title, place.width, place.height, visible, m_main.window);
        glfwMakeContextCurrent(m_main.window);
        if (m_projection.window && place.monitor >= 0) glfwSetWindowPos(m_projection.window, place.x, place.y);
        m_app.projectionFullScreen = place.fullScreen;
    } else if (!wanted && m_projection.window) {
        rememberProjectionWindow();
        closeSlot(m_projection);
        m_projectionFullScreen = false;
        m_app.projectionFullScreen = false;
    }
}

void Windows::syncFullScreen() {
    auto monitorFor = [](GLFWwindow* window) {
        int count = 0;
        GLFWmonitor** monitors = glfwGetMonitors(&count);
        int wx = 0, wy = 0;
        glfwGetWindowPos(window, &wx, &wy);
        for (int i = 0; i < count; ++i) {
            int mx = 0, my = 0;
            glfwGetMonitorPos(monitors[i], &mx, &my);
            const GLFWvidmode* mode = glfwGetVideoMode(monitors[i]);
            if (mode && wx >= mx && wx < mx + mode->width && wy >= my && wy < my + mode->height) return monitors[i];
        }
        return glfwGetPrimaryMonitor();
    };
    auto apply = [&](GLFWwindow* window, bool want, bool& current) {
        if (!window || want == current) return;
        current = want;
        if (want) {
            glfwGetWindowPos(window, &m_savedX, &m_savedY);
            glfwGetWindowSize(window, &m_savedW, &m_savedH);
            GLFWmonitor* monitor = monitorFor(window);
            const GLFWvidmode* mode = glfwGetVideoMode(monitor);
            if (mode) glfwSetWindowMonitor(window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
        } else {
            glfwSetWindowMonitor(window, nullptr, m_savedX, m_savedY, m_savedW, m_savedH, 0);
        }
        busyFrames = 3;
    };
    apply(m_main.window, m_app.session().presentationFullScreen, m_mainFullScreen);
    apply(m_projection.window, m_app.projectionFullScreen, m_projectionFullScreen);
}

void Windows::frame(Slot& slot, int fbWidth, int fbHeight, bool offscreen) {
    startup::mark("frame: begins");
    glfwMakeContextCurrent(slot.window);
    ImGui::SetCurrentContext(slot.imgui);
    if (slot.styleRevision != m_app.styleRevision()) {
        m_app.applyStyle(ImGui::GetStyle());
        slot.styleRevision = m_app.styleRevision();
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (offscreen) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(fbWidth), static_cast<float>(fbHeight));
        io.DisplayFramebufferScale = ImVec2(1, 1);
    }
    ImGui::NewFrame();
    startup::mark("frame: ImGui new frame");
    resetClearColour(ImGui::GetColorU32(ImGuiCol_WindowBg));
    resetFrameLayer();
    m_app.handleShortcuts(slot.projection);
    if (slot.projection) m_app.drawProjectionWindow();
    else m_app.drawMainWindow();
    startup::mark("frame: views drawn into ImGui's lists");
    ImGui::Render();
    glViewport(0, 0, fbWidth, fbHeight);
    ImDrawData* data = ImGui::GetDrawData();
    const auto& layer = frameLayer();
    const ImVec2 scale = ImGui::GetIO().DisplayFramebufferScale;
    // Around a layer, what the last full frame drew may be reused (frame_surround_gl.hpp).
    const bool surround = layer && !offscreen && scale.x == 1.0f && scale.y == 1.0f;
    if (!surround && slot.surround) slot.surround->forget();
    const bool reuse = surround && slot.surround && slot.surround->matches(*data, *layer, fbWidth, fbHeight, clearColour());
    if (reuse) {
        slot.surround->restoreAround(*layer, fbWidth, fbHeight);
    } else {
        // The clear paints the background the views leave out (frame_background.hpp).
        ImVec4 clear = ImGui::ColorConvertU32ToFloat4(clearColour());
        glClearColor(clear.x, clear.y, clear.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    // A layer goes under everything ImGui draws (the board under its overlays, menus, popups).
    if (layer) {
        if (!slot.layerImage) slot.layerImage = std::make_unique<FrameLayerImage>();
        slot.layerImage->show(*layer, scale.x, scale.y, fbHeight, m_fontUploads);
        startup::mark("frame: board layer shown");
    }
    // Text smaller than baked needs the atlas's mipmaps; when the board's text is in the layer
    // (drawn into its image with them), the rest of the frame is drawn at its baked size and
    // plain bilinear sampling, which llvmpipe shades for about half the cost of trilinear.
    glBindTexture(GL_TEXTURE_2D, m_fontTexture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, layer ? GL_LINEAR : GL_LINEAR_MIPMAP_LINEAR);
    if (reuse) {
        FrameSurround::clipTo(*data, *layer); // only what lies over the layer is drawn again
        ImGui_ImplOpenGL3_RenderDrawData(data);
    } else {
        ImGui_ImplOpenGL3_RenderDrawData(data);
        if (surround) {
            if (!slot.surround) slot.surround = std::make_unique<FrameSurround>();
            slot.surround->keep(*data, *layer, fbWidth, fbHeight, clearColour());
        }
    }
    startup::mark("frame: ImGui's lists drawn");
    // The frame has seen this batch of presses: now their releases may count.
    inputLog().clear();
    slot.pressedSinceFrame.clear();
    auto releases = std::move(slot.deferredReleases);
    slot.deferredReleases.clear();
    for (const auto& r : releases) ImGui_ImplGlfw_KeyCallback(slot.window, r[0], r[1], r[2], r[3]);
    if (!releases.empty()) busyFrames = std::max(busyFrames, 2);
}

void Windows::firstFrameShown() {
    if (m_firstFrameShown) return;
    m_firstFrameShown = true;
    startup::mark("first frame swapped");
    startup::close();
    if (const char* show = std::getenv("ATELIER_STARTUP_TIMELINE"); show && *show && *show != '0')
        std::fprintf(stderr, "%s", startup::describe().c_str());
}

void Windows::run() {
    while (!glfwWindowShouldClose(m_main.window) && !m_app.quitRequested) {
        // Idle: sleep until input or until the screen would change by itself (timer tick).
        if (busyFrames > 0) glfwPollEvents();
        else glfwWaitEventsTimeout(std::clamp(m_app.wakeSeconds(), 0.005, 60.0));
        syncProjectionWindow(true);
        syncFullScreen();
        rebuildFontsIfNeeded();
        std::string title = m_app.windowTitle();
        if (title != m_title) {
            glfwSetWindowTitle(m_main.window, title.c_str());
            m_title = title;
        }
        for (Slot* slot : {&m_main, &m_projection}) {
            if (!slot->window) continue;
            int w = 0, h = 0;
            glfwGetFramebufferSize(slot->window, &w, &h);
            frame(*slot, w, h, false);
            glfwSwapBuffers(slot->window);
            if (slot == &m_main) firstFrameShown();
        }
        if (quitAfterFirstFrame) break;
        if (m_app.afterFrames()) busyFrames = std::max(busyFrames, 2);
        if (busyFrames > 0) --busyFrames;
    }
    rememberProjectionWindow(); // where it is now, for the next start
}

namespace {

bool writePng(const std::string& path, int width, int height) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // GL rows go bottom-up; PNG rows top-down. Alpha is forced opaque.
    std::vector<unsigned char> flipped(pixels.size());
    std::size_t row = static_cast<std::size_t>(width) * 4;
    for (int y = 0; y < height; ++y)
        std::copy_n(&pixels[static_cast<std::size_t>(height - 1 - y) * row], row, &flipped[static_cast<std::size_t>(y) * row]);
    for (std::size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;
    std::vector<unsigned char> rgb(static_cast<std::size_t>(width) * height * 3);
    for (std::size_t i = 0, j = 0; i < flipped.size(); i += 4, j += 3) std::copy_n(&flipped[i], 3, &rgb[j]);
    if (!stbi_write_png(path.c_str(), width, height, 3, rgb.data(), width * 3)) {
        std::fprintf(stderr, "atelier: cannot write %s\n", path.c_str());
        return false;
    }
    return true;
}

} // namespace

bool Windows::screenshot(const ScreenshotRequest& request) {
    glfwMakeContextCurrent(m_main.window);
    m_app.fonts().setProjectorHeight(static_cast<float>(request.height));
    GLuint fbo = 0, colour = 0;
    glGenFramebuffers(1, &fbo);
    glGenRenderbuffers(1, &colour);
    glBindRenderbuffer(GL_RENDERBUFFER, colour);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, request.width, request.height);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);
    bool ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    if (!ok) std::fprintf(stderr, "atelier: cannot render offscreen at %dx%d\n", request.width, request.height);
    for (int i = 0; ok && i < request.frames; ++i) {
        glfwPollEvents();
        syncProjectionWindow(true);
        if (m_app.fonts().dirty()) {
            glfwMakeContextCurrent(m_main.window);
            m_app.fonts().build(*m_atlas);
            uploadFontTexture();
        }
        glfwMakeContextCurrent(m_main.window);
        glBindFramebuffer(GL_FRAMEBUFFER, fbo);
        frame(m_main, request.width, request.height, true);
        bool last = i + 1 == request.frames;
        if (last) ok = writePng(request.path, request.width, request.height);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        if (m_projection.window) {
            int w = 0, h = 0;
            glfwGetFramebufferSize(m_projection.window, &w, &h);
            frame(m_projection, w, h, false);
            if (last && !request.projectionPath.empty()) ok = writePng(request.projectionPath, w, h) && ok;
            glfwSwapBuffers(m_projection.window);
        }
        m_app.afterFrames();
    }
    glfwMakeContextCurrent(m_main.window);
    glDeleteFramebuffers(1, &fbo);
    glDeleteRenderbuffers(1, &colour);
    return ok;
}

} // namespace atelier
