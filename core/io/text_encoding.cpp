#include "io/text_encoding.hpp"

#include "io/import_error.hpp"
#include "model/language.hpp"

#include <array>

namespace atelier {

namespace {

// Windows-1252 bytes 0x80..0x9F; the five undefined ones map to the C1 controls, as browsers do.
constexpr std::array<char32_t, 32> kCp1252High{
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string utf16ToUtf8(std::string_view bytes, bool littleEndian) {
    std::string out;
    out.reserve(bytes.size());
    auto unit = [&](std::size_t i) -> char32_t {
        auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
        return littleEndian ? static_cast<char32_t>(a | (b << 8)) : static_cast<char32_t>((a << 8) | b);
    };
    for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
        char32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
            char32_t low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            } else {
                cp = 0xFFFD;
            }
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        appendUtf8(out, cp);
    }
    return out;
}

bool startsWith(std::string_view bytes, std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; }

} // namespace

bool isValidUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || c == 0xC0 || c == 0xC1 || c > 0xF4 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
        i += len;
    }
    return true;
}

std::string windows1252ToUtf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char ch : bytes) {
        auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) out += ch;
        else if (c < 0xA0) appendUtf8(out, kCp1252High[c - 0x80]);
        else appendUtf8(out, c); // 0xA0..0xFF are Latin-1
    }
    return out;
}

DecodedText decodeSpreadsheetText(std::string_view bytes) {
    if (bytes.empty())
        throw ImportError(tr("Le fichier est vide.", "The file is empty."));
    if (startsWith(bytes, "PK\x03\x04"))
        throw ImportError(tr("Ce fichier est un classeur (.xlsx ou .ods), pas un CSV. Dans le tableur : Fichier › Enregistrer "
                             "sous › « CSV UTF-8 » (Excel) ou « Texte CSV » avec le jeu de caractères Unicode (UTF-8) (LibreOffice).",
                             "This file is a workbook (.xlsx or .ods), not a CSV. In the spreadsheet: File › Save as › "
                             "\"CSV UTF-8\" (Excel) or \"Text CSV\" with the Unicode (UTF-8) character set (LibreOffice)."));
    if (startsWith(bytes, "\xD0\xCF\x11\xE0"))
        throw ImportError(tr("Ce fichier est un ancien classeur Excel (.xls), pas un CSV. Enregistrez-le en « CSV UTF-8 ».",
                             "This file is an old Excel workbook (.xls), not a CSV. Save it as \"CSV UTF-8\"."));
    if (startsWith(bytes, "\xFF\xFE") || startsWith(bytes, "\xFE\xFF"))
        return {utf16ToUtf8(bytes, bytes[0] == '\xFF'), TextSource::Utf16};
    if (bytes.find('\0') != std::string_view::npos)
        throw ImportError(tr("Ce fichier contient des octets nuls : ce n'est pas un fichier texte CSV. "
                             "Enregistrez le tableau en « CSV UTF-8 ».",
                             "This file contains NUL bytes: it is not a CSV text file. Save the table as \"CSV UTF-8\"."));
    if (startsWith(bytes, "\xEF\xBB\xBF")) {
        std::string_view rest = bytes.substr(3);
        if (!isValidUtf8(rest))
            throw ImportError(tr("Le fichier annonce de l'UTF-8 (BOM) mais contient des octets invalides : il est abîmé. "
                                 "Enregistrez-le à nouveau en « CSV UTF-8 ».",
                                 "The file announces UTF-8 (BOM) but holds invalid bytes: it is damaged. "
                                 "Save it again as \"CSV UTF-8\"."));
        return {std::string(rest), TextSource::Utf8Bom};
    }
    if (isValidUtf8(bytes)) return {std::string(bytes), TextSource::Utf8};
    return {windows1252ToUtf8(bytes), TextSource::Windows1252};
}

std::string describeSource(TextSource source) {
    switch (source) {
    case TextSource::Utf8: return "UTF-8";
    case TextSource::Utf8Bom: return tr("UTF-8 avec BOM", "UTF-8 with BOM");
    case TextSource::Utf16: return tr("UTF-16 (converti en UTF-8)", "UTF-16 (converted to UTF-8)");
    case TextSource::Windows1252: return tr("Windows-1252 (converti en UTF-8)", "Windows-1252 (converted to UTF-8)");
    }
    return "UTF-8";
}

} // namespace atelier
