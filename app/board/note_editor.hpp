#pragma once
// Typing a note's text in place, on the canvas: the text wraps inside the note as it is typed
// (an ImGui 1.86 multiline field cannot wrap). The edit becomes ONE EditNote when the user
// presses Enter or leaves the note; Shift+Enter starts a new line, Escape gives up the edit.
#include "model/id.hpp"

#include <cstdint>
#include <string>

namespace atelier::board {

class NoteEditor {
public:
    enum class Outcome { Typing, Commit, Cancel };

    bool active() const { return bool(m_note); }
    Id note() const { return m_note; }
    const std::string& text() const { return m_text; }
    const std::string& original() const { return m_original; }
    std::uint32_t caret() const { return m_caret; }
    bool changed() const { return m_text != m_original; }

    void begin(Id note, const std::string& text);
    void stop() { m_note = Id{}; }

    // Editing operations on UTF-8 text, the caret kept on a character boundary.
    void insert(const std::string& utf8);
    void backspace();
    void erase();
    void left();
    void right();
    void lineStart();
    void lineEnd();

    // Reads this frame's keys and characters from ImGui's IO.
    Outcome handleInput();

private:
    Id m_note;
    std::string m_original, m_text;
    std::uint32_t m_caret = 0;
};

} // namespace atelier::board
