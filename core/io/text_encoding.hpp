#pragma once
// The text encodings spreadsheets save CSV in: UTF-8 with or without BOM (LibreOffice, Excel's
// "CSV UTF-8"), Windows-1252 (French Excel's plain "CSV"), UTF-16 with BOM (Excel's "Unicode
// text"). Everything becomes UTF-8.
#include <string>
#include <string_view>

namespace atelier {

enum class TextSource { Utf8, Utf8Bom, Utf16, Windows1252 };

struct DecodedText {
    std::string utf8;
    TextSource source = TextSource::Utf8;
};

bool isValidUtf8(std::string_view bytes);
std::string windows1252ToUtf8(std::string_view bytes);

// Detects the encoding and converts. Invalid UTF-8 is read as Windows-1252 (the only other
// encoding a French spreadsheet writes). Throws ImportError for what is not text at all: a
// spreadsheet saved as .xlsx/.ods, a binary file, an empty file.
DecodedText decodeSpreadsheetText(std::string_view bytes);

// "UTF-8", "UTF-8 avec BOM", "Windows-1252 (converti en UTF-8)" …
std::string describeSource(TextSource source);

} // namespace atelier
