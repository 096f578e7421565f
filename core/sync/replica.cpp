#include "sync/replica.hpp"

#include "model/errors.hpp"
#include "model/language.hpp"
#include "storage/store.hpp"

#include <SQLiteCpp/Exception.h>

#include <filesystem>

namespace atelier {

void copyEventFile(const std::string& source, const std::string& destination, const std::string& label, Id teamId) {
    std::error_code ec;
    if (std::filesystem::exists(destination, ec))
        throw FileError(trf("« {} » existe déjà : Atelier n'écrase pas un fichier. Choisissez un autre nom.",
                            "\"{}\" already exists: Atelier does not overwrite a file. Choose another name.", destination));
    {
        auto store = Store::open(source, OpenMode::ReadOnly);
        if (teamId && !store->load<Team>(teamId))
            throw ValidationError(trf("Équipe introuvable (identifiant {}).", "Team not found (id {}).", teamId.str()));
        try {
            SQLite::Statement st(store->db(), "VACUUM INTO ?");
            st.bind(1, destination);
            st.exec();
        } catch (const SQLite::Exception& e) {
            std::filesystem::remove(destination, ec);
            throw FileError(trf("Impossible d'écrire la copie « {} » ({}).", "Cannot write the copy \"{}\" ({}).", destination,
                                e.what()));
        }
    }
    try {
        auto copy = Store::open(destination, OpenMode::ReadWrite);
        SQLite::Statement st(copy->db(), "UPDATE replica SET origin = ?, label = ?, team_id = ? WHERE id = 1");
        st.bind(1, newId().value);
        st.bind(2, label);
        if (teamId) st.bind(3, teamId.value); else st.bind(3);
        st.exec();
    } catch (...) {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(destination + suffix, ec);
        throw;
    }
}

void markAsReviewFile(Store& store) { store.db().exec("UPDATE replica SET review = 1 WHERE id = 1"); }

bool isReviewFile(Store& store) { return store.db().execAndGet("SELECT review FROM replica WHERE id = 1").getInt() != 0; }

ReplicaInfo readReplicaInfo(const std::string& path) {
    auto store = Store::open(path, OpenMode::ReadOnly);
    SQLite::Statement st(store->db(), "SELECT origin, label, team_id FROM replica WHERE id = 1");
    ReplicaInfo info;
    if (st.executeStep()) {
        info.origin = Id{st.getColumn(0).getInt64()};
        info.label = st.getColumn(1).getString();
        info.teamId = st.getColumn(2).isNull() ? Id{} : Id{st.getColumn(2).getInt64()};
    }
    return info;
}

} // namespace atelier
