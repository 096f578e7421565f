#include "projection_memory.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <string_view>

namespace atelier {

namespace {

bool contains(const MonitorInfo& m, int x, int y) { return x >= m.x && x < m.x + m.width && y >= m.y && y < m.y + m.height; }

constexpr std::array<std::pair<ProjectorContent, std::string_view>, 6> kContentNames{{{ProjectorContent::TimerOnly, "timer"},
                                                                                       {ProjectorContent::Challenge, "defi"},
                                                                                       {ProjectorContent::Programme, "programme"},
                                                                                       {ProjectorContent::Board, "board"},
                                                                                       {ProjectorContent::Vote, "vote"},
                                                                                       {ProjectorContent::Join, "join"}}};

std::string absolutePath(const std::string& path) {
    std::error_code ec;
    auto p = std::filesystem::absolute(path, ec);
    return ec ? path : p.lexically_normal().string();
}

} // namespace

ProjectionPlacement placeProjection(const std::vector<MonitorInfo>& monitors, int mainMonitor, const ProjectionMemory& memory) {
    ProjectionPlacement out;
    out.fullScreen = memory.fullScreen;
    if (monitors.empty()) return out;
    int count = static_cast<int>(monitors.size());
    bool placed = memory.width > 0;
    // 1. By name; of two monitors with one name (two identical projectors), the one where it was.
    if (placed && !memory.monitor.empty())
        for (int i = 0; i < count; ++i)
            if (monitors[static_cast<std::size_t>(i)].name == memory.monitor &&
                (out.monitor < 0 || contains(monitors[static_cast<std::size_t>(i)], memory.x, memory.y)))
                out.monitor = i;
    // 2. By position: the same projector under another name. Never the main window's monitor,
    //    which may simply lie where the projector used to be.
    if (out.monitor < 0 && placed)
        for (int i = 0; i < count && out.monitor < 0; ++i)
            if (i != mainMonitor && contains(monitors[static_cast<std::size_t>(i)], memory.x, memory.y)) out.monitor = i;
    out.sameMonitor = out.monitor >= 0;
    // 3. The first other monitor, else the only one.
    if (out.monitor < 0)
        for (int i = 0; i < count && out.monitor < 0; ++i)
            if (i != mainMonitor) out.monitor = i;
    if (out.monitor < 0) out.monitor = std::clamp(mainMonitor, 0, count - 1);

    const MonitorInfo& m = monitors[static_cast<std::size_t>(out.monitor)];
    if (placed) {
        out.width = memory.width;
        out.height = memory.height;
    }
    out.width = std::clamp(out.width, 160, std::max(160, m.width));
    out.height = std::clamp(out.height, 90, std::max(90, m.height));
    if (out.sameMonitor) { // where it was on that monitor, wherever the monitor now lies
        out.x = m.x + (memory.x - memory.monitorX);
        out.y = m.y + (memory.y - memory.monitorY);
    } else {
        out.x = m.x + 40;
        out.y = m.y + 40;
    }
    // Its top-left corner stays on the monitor, with room for the title bar to be grabbed.
    out.x = std::clamp(out.x, m.x, std::max(m.x, m.x + m.width - out.width));
    out.y = std::clamp(out.y, m.y, std::max(m.y, m.y + m.height - out.height));
    return out;
}

void rememberProjectionContent(const Session& session, ProjectionMemory& memory) {
    memory.open = session.projectionWindow;
    if (!session.isOpen()) return;
    memory.event = absolutePath(session.engine()->path());
    for (const auto& [content, name] : kContentNames)
        if (content == session.projectorContent) memory.content = std::string(name);
    memory.team = session.projectorTeam.value;
    memory.challenge = session.projectorChallenge.value;
    memory.page = session.projectorPage;
}

void restoreProjectionContent(Session& session, const ProjectionMemory& memory) {
    session.projectionWindow = memory.open;
    if (!session.isOpen() || memory.event.empty() || absolutePath(session.engine()->path()) != memory.event) return;
    for (const auto& [content, name] : kContentNames)
        if (name == memory.content) session.projectorContent = content;
    const EventState& state = session.state();
    if (state.find<Team>(Id{memory.team})) session.projectorTeam = Id{memory.team};
    if (state.find<Challenge>(Id{memory.challenge})) session.projectorChallenge = Id{memory.challenge};
    session.projectorPage = memory.page; // clamped to the pages there are at the next drawing
}

} // namespace atelier
