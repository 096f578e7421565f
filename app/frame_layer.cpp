#include "frame_layer.hpp"

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

} // namespace atelier
