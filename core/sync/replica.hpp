#pragma once
// Copies of one event for the laptops of an event: each copy gets its own origin id (so its
// journal entries say where they were made), an optional label and the team it serves.
#include "model/model.hpp"

#include <string>

namespace atelier {

struct ReplicaInfo {
    Id origin;
    std::string label;
    Id teamId; // 0: the organisers' copy, or any team
};

// Writes a consistent copy of the event at `source` to `destination` (which must not exist),
// safe while the event is in use. Throws FileError naming what is wrong.
void copyEventFile(const std::string& source, const std::string& destination, const std::string& label, Id teamId);

ReplicaInfo readReplicaInfo(const std::string& path);

class Store;
// Makes the file a national review file (`atelier new --review`): the only kind that takes
// the files of other events (sites) in a merge.
void markAsReviewFile(Store& store);
bool isReviewFile(Store& store);

} // namespace atelier
