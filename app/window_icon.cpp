#include "window_icon.hpp"

#include "assets/assets.hpp"
#include "io/photo_import.hpp"

#include <GLFW/glfw3.h>

#include <string>
#include <vector>

namespace atelier {

void hintWindowClass() {
    glfwWindowHintString(GLFW_X11_CLASS_NAME, "atelier");
    glfwWindowHintString(GLFW_X11_INSTANCE_NAME, "atelier");
}

void setWindowIcon(GLFWwindow* window) {
    // Several sizes: the window manager picks the one nearest to what it draws.
    std::vector<PhotoPixels> pixels;
    for (int size : {16, 24, 32, 48, 64, 128, 256}) {
        auto png = assets::find("icons/atelier-" + std::to_string(size) + ".png");
        if (!png) continue;
        PhotoPixels decoded = decodePhoto(png->text(), size);
        if (!decoded.rgba.empty()) pixels.push_back(std::move(decoded));
    }
    std::vector<GLFWimage> images;
    for (PhotoPixels& p : pixels) images.push_back(GLFWimage{p.width, p.height, p.rgba.data()});
    if (!images.empty()) glfwSetWindowIcon(window, static_cast<int>(images.size()), images.data());
}

} // namespace atelier
