#include "board/note_editor.hpp"

#include <imgui.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h> // key codes: the input log holds GLFW keys

#include <algorithm>

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
    m_caret = m_anchor = static_cast<std::uint32_t>(text.size());
}

void NoteEditor::eraseSelection() {
    std::uint32_t a = selectionStart(), b = selectionEnd();
    m_text.erase(a, b - a);
    m_caret = m_anchor = a;
}

void NoteEditor::moveTo(std::uint32_t offset, bool extend) {
    m_caret = offset;
    if (!extend) m_anchor = offset;
}

void NoteEditor::insert(const std::string& utf8) {
    if (hasSelection()) eraseSelection();
    m_text.insert(m_caret, utf8);
    m_caret += static_cast<std::uint32_t>(utf8.size());
    m_anchor = m_caret;
}

void NoteEditor::backspace() {
    if (hasSelection()) return eraseSelection();
    if (m_caret == 0) return;
    std::uint32_t start = m_caret - 1;
    while (start > 0 && continuation(m_text[start])) --start;
    m_text.erase(start, m_caret - start);
    m_caret = m_anchor = start;
}

void NoteEditor::erase() {
    if (hasSelection()) return eraseSelection();
    if (m_caret >= m_text.size()) return;
    std::uint32_t next = m_caret + 1;
    while (next < m_text.size() && continuation(m_text[next])) ++next;
    m_text.erase(m_caret, next - m_caret);
}

void NoteEditor::left(bool extend) {
    if (hasSelection() && !extend) return moveTo(selectionStart(), false);
    std::uint32_t c = m_caret;
    while (c > 0 && continuation(m_text[--c])) {
    }
    moveTo(c, extend);
}

void NoteEditor::right(bool extend) {
    if (hasSelection() && !extend) return moveTo(selectionEnd(), false);
    std::uint32_t c = m_caret;
    if (c < m_text.size()) ++c;
    while (c < m_text.size() && continuation(m_text[c])) ++c;
    moveTo(c, extend);
}

void NoteEditor::lineStart(bool extend) {
    std::uint32_t c = m_caret;
    while (c > 0 && m_text[c - 1] != '\n') --c;
    moveTo(c, extend);
}

void NoteEditor::lineEnd(bool extend) {
    std::uint32_t c = m_caret;
    while (c < m_text.size() && m_text[c] != '\n') ++c;
    moveTo(c, extend);
}

// Up and Down move between the lines the user typed (Shift+Enter), keeping the column in bytes
// rounded to a character boundary; on the first (last) line they go to its start (end).
void NoteEditor::up(bool extend) {
    std::uint32_t start = m_caret;
    while (start > 0 && m_text[start - 1] != '\n') --start;
    if (start == 0) return moveTo(0, extend);
    std::uint32_t column = m_caret - start;
    std::uint32_t prevStart = start - 1;
    while (prevStart > 0 && m_text[prevStart - 1] != '\n') --prevStart;
    std::uint32_t target = std::min(prevStart + column, start - 1);
    while (target > prevStart && continuation(m_text[target])) --target;
    moveTo(target, extend);
}

void NoteEditor::down(bool extend) {
    std::uint32_t start = m_caret;
    while (start > 0 && m_text[start - 1] != '\n') --start;
    std::uint32_t end = m_caret;
    while (end < m_text.size() && m_text[end] != '\n') ++end;
    if (end >= m_text.size()) return moveTo(static_cast<std::uint32_t>(m_text.size()), extend);
    std::uint32_t nextStart = end + 1, nextEnd = nextStart;
    while (nextEnd < m_text.size() && m_text[nextEnd] != '\n') ++nextEnd;
    std::uint32_t target = std::min(nextStart + (m_caret - start), nextEnd);
    while (target > nextStart && target < m_text.size() && continuation(m_text[target])) --target;
    moveTo(target, extend);
}

void NoteEditor::selectAll() {
    m_anchor = 0;
    m_caret = static_cast<std::uint32_t>(m_text.size());
}

void NoteEditor::placeCaret(std::uint32_t offset, bool extend) {
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(m_text.size()));
    while (offset > 0 && offset < m_text.size() && continuation(m_text[offset])) --offset;
    moveTo(offset, extend);
}

NoteEditor::Outcome NoteEditor::handle(const InputEvent& e) {
    if (e.kind == InputEvent::Kind::Char) {
        // Control characters never reach here from GLFW; a character typed with Ctrl is a shortcut.
        if (e.codepoint >= 0x20 && e.codepoint != 0x7F) {
            std::string typed;
            appendUtf8(typed, e.codepoint);
            insert(typed);
        }
        return Outcome::Typing;
    }
    if (e.kind != InputEvent::Kind::Key) return Outcome::Typing;
    bool ctrl = (e.mods & (GLFW_MOD_CONTROL | GLFW_MOD_SUPER)) != 0;
    bool shift = (e.mods & GLFW_MOD_SHIFT) != 0;
    switch (e.key) {
    case GLFW_KEY_ESCAPE: return Outcome::Done;
    case GLFW_KEY_ENTER:
    case GLFW_KEY_KP_ENTER:
        if (!shift) return Outcome::Done;
        insert("\n");
        break;
    case GLFW_KEY_BACKSPACE: backspace(); break;
    case GLFW_KEY_DELETE: erase(); break;
    case GLFW_KEY_LEFT: left(shift); break;
    case GLFW_KEY_RIGHT: right(shift); break;
    case GLFW_KEY_UP: up(shift); break;
    case GLFW_KEY_DOWN: down(shift); break;
    case GLFW_KEY_HOME: ctrl ? moveTo(0, shift) : lineStart(shift); break;
    case GLFW_KEY_END: ctrl ? moveTo(static_cast<std::uint32_t>(m_text.size()), shift) : lineEnd(shift); break;
    default:
        if (!ctrl) break;
        if (e.key == GLFW_KEY_A) selectAll();
        if ((e.key == GLFW_KEY_C || e.key == GLFW_KEY_X) && hasSelection() && ImGui::GetCurrentContext()) {
            ImGui::SetClipboardText(m_text.substr(selectionStart(), selectionEnd() - selectionStart()).c_str());
            if (e.key == GLFW_KEY_X) eraseSelection();
        }
        if (e.key == GLFW_KEY_V && ImGui::GetCurrentContext())
            if (const char* clip = ImGui::GetClipboardText()) insert(clip);
        break;
    }
    return Outcome::Typing;
}

} // namespace atelier::board
