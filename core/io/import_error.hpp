#pragma once
// An input file that cannot be imported, with where: the GUI can point at the line and column,
// the CLI prints the message (which already names them).
#include "model/errors.hpp"

#include <string>

namespace atelier {

class ImportError : public ValidationError {
public:
    ImportError(const std::string& message, int line = 0, std::string column = {})
        : ValidationError(message), m_line(line), m_column(std::move(column)) {}
    int line() const { return m_line; }                     // physical line in the file, 0 = whole file
    const std::string& column() const { return m_column; } // header as written, empty = whole row

private:
    int m_line;
    std::string m_column;
};

} // namespace atelier
