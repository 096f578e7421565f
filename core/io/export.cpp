#include "io/export.hpp"

#include "model/errors.hpp"
#include "io/bundle.hpp"
#include "io/export_csv.hpp"
#include "io/report.hpp"
#include "model/language.hpp"
#include "storage/store.hpp"

#include <cctype>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace atelier {

namespace {

// A folder name safe in a Markdown link: letters, digits, '-', '_', '.'.
std::string safeName(const std::string& text) {
    std::string out;
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        out += (std::isalnum(u) && u < 0x80) || c == '-' || c == '_' || c == '.' ? c : '_';
    }
    return out.empty() ? std::string("restitution") : out;
}

void makeFolder(const fs::path& folder) {
    std::error_code ec;
    if (folder.empty() || fs::is_directory(folder, ec)) return;
    fs::create_directories(folder, ec);
    if (ec)
        throw FileError(trf("Impossible de créer le dossier « {} » ({}).", "Cannot create the folder \"{}\" ({}).",
                            folder.string(), ec.message()));
}

} // namespace

std::optional<ExportFormat> exportFormatFromName(const std::string& name) {
    if (name == "md" || name == "markdown") return ExportFormat::Markdown;
    if (name == "html" || name == "htm") return ExportFormat::Html;
    if (name == "csv") return ExportFormat::Csv;
    if (name == "json") return ExportFormat::Json;
    return std::nullopt;
}

void writeFileAtomically(const std::string& path, const std::string& bytes) {
    fs::path target(path);
    std::error_code ec;
    if (fs::is_directory(target, ec))
        throw FileError(trf("« {} » est un dossier : donnez un nom de fichier.", "\"{}\" is a folder: give a file name.", path));
    fs::path temporary = target;
    temporary += ".part";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            out.close();
            fs::remove(temporary, ec);
            throw FileError(trf("Impossible d'écrire « {} » (dossier absent, protégé ou disque plein).",
                                "Cannot write \"{}\" (missing or protected folder, or disk full).", path));
        }
    }
    fs::rename(temporary, target, ec);
    if (ec) {
        fs::remove(temporary, ec);
        throw FileError(trf("Impossible d'écrire « {} ».", "Cannot write \"{}\".", path));
    }
}

ExportResult exportEvent(Store& store, ExportFormat format, const std::string& out, const ReportOptions& options) {
    ExportResult result;
    if (format == ExportFormat::Json) {
        writeFileAtomically(out, exportBundle(store));
        result.written.push_back(out);
        return result;
    }
    EventState state = store.loadAll();
    if (format == ExportFormat::Csv) {
        fs::path folder(out);
        std::error_code ec;
        if (fs::exists(folder, ec) && !fs::is_directory(folder, ec))
            throw FileError(trf("« {} » est un fichier : l'export CSV écrit un dossier de quatre fichiers. Donnez un nom de dossier.",
                                "\"{}\" is a file: the CSV export writes a folder of four files. Give a folder name.", out));
        makeFolder(folder);
        for (const auto& file : exportCsv(state, options)) {
            std::string path = (folder / file.name).string();
            writeFileAtomically(path, file.bytes);
            result.written.push_back(path);
        }
        return result;
    }
    Report report = buildReport(store, state, options);
    if (format == ExportFormat::Html) {
        writeFileAtomically(out, renderHtml(report));
        result.written.push_back(out);
        return result;
    }
    fs::path target(out);
    std::string photoFolder = safeName(target.stem().string()) + "-photos";
    MarkdownReport md = renderMarkdown(report, photoFolder);
    if (!md.photos.empty()) makeFolder(target.parent_path() / photoFolder);
    for (const auto& photo : md.photos) {
        std::string path = (target.parent_path() / photo.path).string();
        writeFileAtomically(path, photo.bytes);
        result.written.push_back(path);
    }
    writeFileAtomically(out, md.text);
    result.written.insert(result.written.begin(), out);
    return result;
}

} // namespace atelier
