#pragma once
// Typing a note's text in place, on the canvas: the text wraps inside the note as it is typed
// (an ImGui 1.86 multiline field cannot wrap). The edit becomes ONE EditNote when the user
// presses Enter or Escape or leaves the note (Escape keeps the text: undo takes it back);
// Shift+Enter starts a new line. Input comes in the order it was typed (keys.hpp InputLog),
// so a fast typist's characters and Backspaces interleave as they were pressed.
#include "keys.hpp"
#include "model/id.hpp"

#include <cstdint>
#include <string>

namespace atelier::board {

class NoteEditor {
public:
    enum class Outcome { Typing, Done };

    bool active() const { return bool(m_note); }
    Id note() const { return m_note; }
    const std::string& text() const { return m_text; }
    const std::string& original() const { return m_original; }
    std::uint32_t caret() const { return m_caret; }
    // The selected bytes [selectionStart, selectionEnd); empty when both are the caret.
    std::uint32_t selectionStart() const { return std::min(m_anchor, m_caret); }
    std::uint32_t selectionEnd() const { return std::max(m_anchor, m_caret); }
    bool hasSelection() const { return m_anchor != m_caret; }
    bool changed() const { return m_text != m_original; }

    void begin(Id note, const std::string& text);
    void stop() { m_note = Id{}; }

    // Editing operations on UTF-8 text, the caret kept on a character boundary. Typing or
    // erasing replaces the selection; `extend` moves the caret and keeps the anchor (Shift).
    void insert(const std::string& utf8);
    void backspace();
    void erase();
    void left(bool extend = false);
    void right(bool extend = false);
    void up(bool extend = false);
    void down(bool extend = false);
    void lineStart(bool extend = false);
    void lineEnd(bool extend = false);
    void selectAll();
    // Puts the caret at byte `offset` (the mouse), on the character boundary at or before it.
    void placeCaret(std::uint32_t offset, bool extend = false);

    // One typed event: a character is inserted, a key edits or ends the edit.
    Outcome handle(const InputEvent& event);

private:
    void eraseSelection();
    void moveTo(std::uint32_t offset, bool extend);

    Id m_note;
    std::string m_original, m_text;
    std::uint32_t m_caret = 0, m_anchor = 0;
};

} // namespace atelier::board
