#pragma once
// The application without its windows: menus, navigation, shortcuts, dialogs and messages
// around the views, for the main window and the projection window. The GLFW layer (window.cpp)
// runs frames through it; headless tests drive it the same way without GL.
#include "audio/sound_output.hpp"
#include "fonts.hpp"
#include "storage/backup.hpp"
#include "keys.hpp"
#include "session.hpp"
#include "settings.hpp"
#include "views/event_dialogs.hpp"
#include "views/view.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace atelier {

class App {
public:
    App(const Clock& clock, Settings settings);

    Session& session() { return m_session; }
    Settings& settings() { return m_settings; }
    Fonts& fonts() { return m_fonts; }
    View* view(ViewId id);
    EventDialogs& eventDialogs() { return m_eventDialogs; }
    // The chime's output (none in headless tests and screenshots): fed the timers' deadlines
    // after every frame, its mute and output from the settings.
    void setSound(audio::SoundOutput* sound) { m_sound = sound; }
    audio::SoundOutput* sound() { return m_sound; }

    // One frame of each window, between ImGui::NewFrame() and ImGui::Render(), its context current.
    void drawMainWindow();
    void drawProjectionWindow();
    // Keyboard shortcuts of the window whose context is current (projection: only its own keys).
    void handleShortcuts(bool projectionWindow);
    // The single-key commands (keys.hpp's table) from this frame's input log, after the views
    // took what they typed; called at the end of drawMainWindow and drawProjectionWindow.
    void handleKeyCommands(bool projectionWindow);
    bool keysHelpShown() const { return m_keysHelp; }
    // After drawing every window: applies the queued actions and notes new characters for the
    // font atlas; once the user has been idle a moment, checkpoints the event's WAL (see
    // Engine::checkpoint), so no action pays for it. Returns true when the event changed.
    bool afterFrames();
    // The fonts already hold the open event's characters (added at start-up, Fonts::eventCodepoints):
    // the first afterFrames need not read its whole text again.
    void fontsHaveOpenEvent();
    static constexpr double kCheckpointAfterIdleSeconds = 2.0;
    // While phones keep writing, their queue is drained at most this often: several writes
    // then cost one frame's copy of the changed teams, one layout and one font check, instead
    // of one each in a row of frames (issue 18: the GUI's p95 frame with 200 phones). A write
    // after a quiet spell is drained at once.
    static constexpr double kPhoneDrainSeconds = 0.1;

    void setUiScale(float scale);
    float uiScale() const { return m_settings.uiScale; }
    // Bumped when the style must be applied again (scale change) in every context.
    int styleRevision() const { return m_styleRevision; }
    void applyStyle(ImGuiStyle& style) const;
    void setLanguage(Language language);

    std::string windowTitle() const;
    // How long the windows may sleep before something on screen changes by itself.
    double wakeSeconds() const;
    // How long the phones' next writes wait for their batch (≤ 0: drained this frame).
    double phoneDrainWaitSeconds(std::chrono::steady_clock::time_point now) const;

    // Requests for the window layer.
    bool quitRequested = false;
    bool projectionFullScreen = false;
    // Called with the name of every shortcut recognised ("undo", "zoom-in" …), for tests.
    std::function<void(std::string_view)> onShortcut;

private:
    void drawMenuBar();
    void drawSidebar(ImVec2 pos, ImVec2 size);
    float sidebarWidth() const;
    void drawDialogs();
    void drawToasts();
    void drawOpenError(ImVec2 pos, ImVec2 size);
    void drawBackupsDialog();
    void drawRuleBreaksDialog();
    void drawKeysHelp();
    void runCommand(const CommandHit& hit, bool projectionWindow);
    void shortcut(std::string_view name);
    ViewContext context();
    void updateSound();

    Session m_session;
    Settings m_settings;
    Fonts m_fonts;
    std::vector<std::unique_ptr<View>> m_views;
    int m_styleRevision = 0;
    std::chrono::steady_clock::time_point m_lastChange = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point m_lastPhoneDrain{};
    std::uint64_t m_fontRevision = ~0ull;
    std::uint64_t m_fontEngine = 0; // Engine::serial() of the event whose text the atlas has
    EventDialogs m_eventDialogs;
    bool m_backupsDialog = false;
    bool m_keysHelp = false;
    std::vector<BackupInfo> m_backups; // listed when the dialog opens
    audio::SoundOutput* m_sound = nullptr;
    std::uint64_t m_soundEngine = 0, m_soundRevision = ~0ull;
    bool m_soundMinuteBefore = false;
};

} // namespace atelier
