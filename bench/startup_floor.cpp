// The floor under the app's first frame (issue 17): an empty GLFW window with an OpenGL 3.3
// context, cleared and swapped once, timed from main(). What Mesa, GLX and X cost on this
// machine before the app does anything; bench/startup_bench.sh prints it beside the app's figure.
// With ATELIER_LAUNCHED_AT_NS (CLOCK_REALTIME when the process was launched, as the app reads
// it) it also says how long from the launch, exec and dynamic loading included.
#define GL_GLEXT_PROTOTYPES
#define GLFW_INCLUDE_GLCOREARB
#include <GLFW/glfw3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    const auto start = std::chrono::steady_clock::now();
    double beforeMain = 0;
    if (const char* launched = std::getenv("ATELIER_LAUNCHED_AT_NS"); launched && *launched)
        beforeMain = (static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                          std::chrono::system_clock::now().time_since_epoch()).count()) -
                      std::strtod(launched, nullptr)) / 1e6;
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
    // The app's default window unless told (WIDTH HEIGHT).
    const int width = argc > 2 ? std::atoi(argv[1]) : 1440, height = argc > 2 ? std::atoi(argv[2]) : 900;
    GLFWwindow* window = glfwCreateWindow(width, height, "floor", nullptr, nullptr);
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
    std::printf("{\"glfw_init_ms\": %.1f, \"window_ms\": %.1f, \"context_current_ms\": %.1f, \"first_swap_ms\": %.1f, "
                "\"first_swap_from_launch_ms\": %.1f}\n",
                init, created, current, swapped, swapped + beforeMain);
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
