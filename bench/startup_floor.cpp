// The floor under the app's first frame (issue 17): an empty GLFW window with an OpenGL 3.3
// context, cleared and swapped once, timed from main(). What Mesa, GLX and X cost on this
// machine before the app does anything; bench/startup_bench.sh prints it beside the app's figure.
#define GL_GLEXT_PROTOTYPES
#define GLFW_INCLUDE_GLCOREARB
#include <GLFW/glfw3.h>

#include <chrono>
#include <cstdio>

int main() {
    const auto start = std::chrono::steady_clock::now();
    auto ms = [&] { return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count(); };
    if (!glfwInit()) {
        std::fprintf(stderr, "startup_floor: no display\n");
        return 2;
    }
    const double init = ms();
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(1920, 1080, "floor", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "startup_floor: no OpenGL 3.3 window\n");
        return 2;
    }
    const double created = ms();
    glfwMakeContextCurrent(window);
    glfwSwapInterval(0);
    const double current = ms();
    glClearColor(0.9f, 0.9f, 0.9f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glfwSwapBuffers(window);
    glFinish();
    const double swapped = ms();
    std::printf("{\"glfw_init_ms\": %.1f, \"window_ms\": %.1f, \"context_current_ms\": %.1f, \"first_swap_ms\": %.1f}\n", init, created,
                current, swapped);
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
