#include "board/note_editor.hpp"

#include <imgui.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h> // key codes: io.KeysDown is indexed by GLFW keys

namespace atelier::board {

namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

void appendUtf8(std::string& out, unsigned c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

} // namespace

void NoteEditor::begin(Id note, const std::string& text) {
    m_note = note;
    m_original = m_text = text;
    m_caret = static_cast<std::uint32_t>(text.size());
}

void NoteEditor::insert(const std::string& utf8) {
    m_text.insert(m_caret, utf8);
    m_caret += static_cast<std::uint32_t>(utf8.size());
}

void NoteEditor::backspace() {
    if (m_caret == 0) return;
    std::uint32_t start = m_caret - 1;
    while (start > 0 && continuation(m_text[start])) --start;
    m_text.erase(start, m_caret - start);
    m_caret = start;
}

void NoteEditor::erase() {
    if (m_caret >= m_text.size()) return;
    std::uint32_t next = m_caret + 1;
    while (next < m_text.size() && continuation(m_text[next])) ++next;
    m_text.erase(m_caret, next - m_caret);
}

void NoteEditor::left() {
    while (m_caret > 0 && continuation(m_text[--m_caret])) {
    }
}

void NoteEditor::right() {
    if (m_caret >= m_text.size()) return;
    ++m_caret;
    while (m_caret < m_text.size() && continuation(m_text[m_caret])) ++m_caret;
}

void NoteEditor::lineStart() {
    while (m_caret > 0 && m_text[m_caret - 1] != '\n') --m_caret;
}

void NoteEditor::lineEnd() {
    while (m_caret < m_text.size() && m_text[m_caret] != '\n') ++m_caret;
}

NoteEditor::Outcome NoteEditor::handleInput() {
    ImGuiIO& io = ImGui::GetIO();
    // Characters first: they were typed before the keys of this frame were seen.
    std::string typed;
    for (ImWchar c : io.InputQueueCharacters)
        if (c >= 0x20 && c != 0x7F) appendUtf8(typed, c);
    if (!typed.empty() && !io.KeyCtrl) insert(typed);
    auto pressed = [](int key) { return ImGui::IsKeyPressed(key, true); };
    if (pressed(GLFW_KEY_ESCAPE)) return Outcome::Cancel;
    if (pressed(GLFW_KEY_ENTER) || pressed(GLFW_KEY_KP_ENTER)) {
        if (!io.KeyShift) return Outcome::Commit;
        insert("\n");
    }
    if (pressed(GLFW_KEY_BACKSPACE)) backspace();
    if (pressed(GLFW_KEY_DELETE)) erase();
    if (pressed(GLFW_KEY_LEFT)) left();
    if (pressed(GLFW_KEY_RIGHT)) right();
    if (pressed(GLFW_KEY_HOME)) lineStart();
    if (pressed(GLFW_KEY_END)) lineEnd();
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_V, false))
        if (const char* clip = ImGui::GetClipboardText()) insert(clip);
    return Outcome::Typing;
}

} // namespace atelier::board
