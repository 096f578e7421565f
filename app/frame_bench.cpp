// Windows::benchPan: see frame_bench.hpp. Prints one JSON line on stdout.
#include "frame_bench.hpp"
#include "window.hpp"

#include "frame_layer.hpp"
#include "diagnostics/startup_timeline.hpp"

#include "views/view_board.hpp"

#define GL_GLEXT_PROTOTYPES
#define GLFW_INCLUDE_GLCOREARB
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace atelier {

namespace {

double cpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage); // every thread of the process: llvmpipe's rasterisers too
    auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

bool hasExtension(const char* name) {
    GLint count = 0;
    glGetIntegerv(GL_NUM_EXTENSIONS, &count);
    for (GLint i = 0; i < count; ++i)
        if (const auto* e = reinterpret_cast<const char*>(glGetStringi(GL_EXTENSIONS, static_cast<GLuint>(i))); e && std::strcmp(e, name) == 0)
            return true;
    return false;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size()))); // nearest rank
    return v[std::clamp<std::size_t>(rank, 1, v.size()) - 1];
}

// Where the fill goes: the area of every triangle ImGui submitted, by draw list (the window it
// belongs to), in screens. Overlap and clipping are not subtracted, so this is an upper bound
// that tells which window to look at; the fragment counter gives the true total.
nlohmann::json fillByWindow(double screen) {
    std::vector<std::pair<double, std::string>> areas;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int l = 0; data && l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        double area = 0;
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const ImVec2& a = list->VtxBuffer[static_cast<int>(cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i)])].pos;
                const ImVec2& b = list->VtxBuffer[static_cast<int>(cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i + 1)])].pos;
                const ImVec2& c = list->VtxBuffer[static_cast<int>(cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i + 2)])].pos;
                area += std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2.0;
            }
        }
        areas.emplace_back(area / screen, list->_OwnerName ? list->_OwnerName : "?");
    }
    std::sort(areas.rbegin(), areas.rend());
    nlohmann::json out = nlohmann::json::object();
    for (std::size_t i = 0; i < areas.size() && i < 6; ++i) out[areas[i].second] = std::round(areas[i].first * 100.0) / 100.0;
    return out;
}

// The process's peak resident memory (VmHWM), in MB: the window, the GL context, the font atlas
// and the textures included.
double peakResidentMb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    return 0;
}

} // namespace

bool Windows::benchPan(const PanBenchRequest& request) {
    glfwMakeContextCurrent(m_main.window);
    glfwSwapInterval(0);
    glfwSetWindowPos(m_main.window, 0, 0);
    glfwSetWindowSize(m_main.window, request.width, request.height);
    auto* boardView = static_cast<BoardView*>(m_app.view(ViewId::Board));
    if (!boardView || !m_app.session().isOpen() || !m_app.session().team) {
        std::fprintf(stderr, "atelier: --bench-pan needs an event and a team (--team N)\n");
        return false;
    }
    board::BoardCanvas& canvas = boardView->canvas();
    m_app.session().view = ViewId::Board;
    const bool fragmentsKnown = hasExtension("GL_ARB_pipeline_statistics_query");

    std::vector<double> buildMs, swapMs; // our frame (ImGui + GL calls), then the swap (rasterise, present)
    auto drawOne = [&](GLuint query) {
        glfwPollEvents();
        rebuildFontsIfNeeded();
        int w = 0, h = 0;
        glfwGetFramebufferSize(m_main.window, &w, &h);
        if (query) glBeginQuery(GL_FRAGMENT_SHADER_INVOCATIONS_ARB, query);
        double f0 = glfwGetTime();
        frame(m_main, w, h, false);
        if (query) glEndQuery(GL_FRAGMENT_SHADER_INVOCATIONS_ARB);
        double f1 = glfwGetTime();
        glfwSwapBuffers(m_main.window);
        firstFrameShown();
        if (query) {
            buildMs.push_back((f1 - f0) * 1000.0);
            swapMs.push_back((glfwGetTime() - f1) * 1000.0);
        }
        m_app.afterFrames();
    };
    // Settle: the window mapped at its size, fonts and wrapped texts built, the fit applied.
    const double beforeFirstMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - request.processStart).count();
    drawOne(0);
    // At the first swap, not after the work that follows it (afterFrames).
    double firstFrameMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - request.processStart).count();
    for (const startup::Mark& m : startup::marks())
        if (m.name == "first frame swapped") firstFrameMs = m.ms;
    double t0 = glfwGetTime();
    bool zoomed = false;
    while (glfwGetTime() - t0 < request.settleSeconds) {
        if (!zoomed && glfwGetTime() - t0 > request.settleSeconds / 2) {
            if (request.fit) canvas.fitAll();
            else canvas.actualSize();
            zoomed = true;
        }
        drawOne(0);
    }
    drawOne(0);
    const ImVec2 base = canvas.camera().pan();
    const float zoom = canvas.camera().zoom();
    auto panTo = [&](double seconds, double period) {
        double angle = 2.0 * M_PI * seconds / period;
        float r = request.radiusPx / zoom; // constant on screen
        canvas.camera().set(ImVec2(base.x + r * static_cast<float>(std::cos(angle)), base.y + r * static_cast<float>(std::sin(angle))), zoom);
    };
    for (double t = glfwGetTime(), start = t; t - start < request.warmupSeconds; t = glfwGetTime()) {
        panTo(t - start, request.panSeconds);
        drawOne(0);
    }

    std::vector<GLuint> queries;
    std::vector<double> swaps;
    auto epochMs = [] {
        return std::chrono::duration<double, std::milli>(std::chrono::system_clock::now().time_since_epoch()).count();
    };
    const double panStartEpoch = epochMs();
    const unsigned redraws0 = layerRedraws(), reused0 = surroundReused();
    double cpu0 = cpuSeconds(), start = glfwGetTime();
    swaps.push_back(start);
    while (swaps.back() - start < request.panSeconds) {
        GLuint q = 0;
        if (fragmentsKnown) {
            glGenQueries(1, &q);
            queries.push_back(q);
        }
        panTo(swaps.back() - start, request.panSeconds);
        drawOne(q);
        swaps.push_back(glfwGetTime());
    }
    double cpu = cpuSeconds() - cpu0;
    const unsigned layerDrawn = layerRedraws() - redraws0, surroundKept = surroundReused() - reused0;
    const double panEndEpoch = epochMs();
    std::vector<double> intervals;
    for (std::size_t i = 1; i < swaps.size(); ++i) intervals.push_back((swaps[i] - swaps[i - 1]) * 1000.0);
    std::vector<double> fragments;
    for (GLuint q : queries) {
        GLuint64 value = 0;
        glGetQueryObjectui64v(q, GL_QUERY_RESULT, &value);
        fragments.push_back(static_cast<double>(value));
    }
    if (!queries.empty()) glDeleteQueries(static_cast<GLsizei>(queries.size()), queries.data());
    canvas.camera().set(base, zoom);

    int w = 0, h = 0;
    glfwGetFramebufferSize(m_main.window, &w, &h);
    const double peakMb = peakResidentMb(); // before the check below reads frames back
    // A frame restored around the layer (frame_surround_gl.hpp) must be the frame drawn in full:
    // a full frame, then the next frame, which reuses it if nothing changed, both read back
    // before their swap and compared pixel by pixel.
    nlohmann::json surroundDiffers; // null when no frame was reused
    auto drawAndRead = [&](std::vector<unsigned char>& pixels) {
        glfwPollEvents();
        rebuildFontsIfNeeded();
        frame(m_main, w, h, false);
        pixels.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
        glReadBuffer(GL_BACK);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
        glfwSwapBuffers(m_main.window);
        m_app.afterFrames();
    };
    for (int attempt = 0; attempt < 5 && frameLayersEnabled() && m_main.surround && w > 0 && h > 0 && surroundDiffers.is_null(); ++attempt) {
        std::vector<unsigned char> full, restored;
        m_main.surround->forget();
        drawAndRead(full);
        const unsigned before = surroundReused();
        drawAndRead(restored);
        if (surroundReused() == before) continue; // something changed (a timer's second): again
        long long differing = 0;
        for (std::size_t i = 0; i < full.size(); i += 4) differing += std::memcmp(&full[i], &restored[i], 3) != 0 ? 1 : 0;
        surroundDiffers = differing;
    }
    const long long surroundPixels = m_main.surround ? m_main.surround->keptPixels() : 0;
    const Id team = m_app.session().team;
    nlohmann::json record{{"app", "atelier"},
                          {"label", request.label},
                          {"scenario", request.fit ? "fit" : "1to1"},
                          {"n", m_app.session().state().notesOfTeam(team).size()},
                          {"zoom", std::round(zoom * 1000.0) / 1000.0},
                          {"framebuffer", std::to_string(w) + "x" + std::to_string(h)},
                          {"renderer", reinterpret_cast<const char*>(glGetString(GL_RENDERER))},
                          {"frames", intervals.size()},
                          // the board's layer drawn again during the pan (frame_layer.hpp), null without one
                          {"layer_redraws", frameLayersEnabled() ? nlohmann::json(layerDrawn) : nlohmann::json()},
                          // frames that reused the last full frame around the layer (frame_surround_gl.hpp)
                          {"surround_reused", frameLayersEnabled() ? nlohmann::json(surroundKept) : nlohmann::json()},
                          // pixels where a reused frame differed from the frame drawn in full (must be 0)
                          {"surround_differs_px", surroundDiffers},
                          // pixels kept around the layer for the reuse (both bands' images)
                          {"surround_kept_px", surroundPixels},
                          {"frame_median_ms", percentile(intervals, 0.5)},
                          {"frame_p95_ms", percentile(intervals, 0.95)},
                          {"build_median_ms", percentile(buildMs, 0.5)},
                          {"swap_median_ms", percentile(swapMs, 0.5)},
                          {"cpu_ms_per_frame", intervals.empty() ? 0.0 : cpu * 1000.0 / static_cast<double>(intervals.size())},
                          // the measured pan's wall-clock bounds, for an outside CPU sampler
                          {"pan_start_epoch_ms", std::round(panStartEpoch)},
                          {"pan_end_epoch_ms", std::round(panEndEpoch)},
                          {"first_frame_ms", std::round(firstFrameMs * 10.0) / 10.0},
                          {"open_and_window_ms", std::round(beforeFirstMs * 10.0) / 10.0},
                          {"vmhwm_mb", std::round(peakMb * 10.0) / 10.0},
                          // the most of the layer's list given to OpenGL at once (frame_layer_gl.hpp)
                          {"layer_largest_upload_kb", m_main.layerImage ? nlohmann::json(m_main.layerImage->largestUpload() / 1024) : nlohmann::json()}};
    nlohmann::json timeline = nlohmann::json::array();
    for (const startup::Mark& m : startup::marks()) {
        timeline.push_back({m.name, std::round(m.ms * 10.0) / 10.0});
        // From the process's launch (ATELIER_LAUNCHED_AT_NS, set by bench/frame_bench.sh): exec included.
        if (m.name == "process launched") record["first_frame_from_launch_ms"] = std::round((firstFrameMs - m.ms) * 10.0) / 10.0;
    }
    record["startup"] = timeline;
    if (w > 0 && h > 0) record["triangles_by_window"] = fillByWindow(static_cast<double>(w) * h);
    if (fragmentsKnown && w > 0 && h > 0) {
        double median = percentile(fragments, 0.5);
        record["fragments_per_frame"] = median;
        record["screens_of_fill"] = std::round(median / (static_cast<double>(w) * h) * 100.0) / 100.0;
        // The median frame reuses nearly everything (frame_surround_gl.hpp): the worst frame says
        // what a frame drawn in full (a hover change, a timer's second) shades.
        record["screens_of_fill_max"] = std::round(percentile(fragments, 1.0) / (static_cast<double>(w) * h) * 100.0) / 100.0;
    }
    std::printf("%s\n", record.dump().c_str());
    std::fflush(stdout);
    return !intervals.empty();
}

} // namespace atelier
