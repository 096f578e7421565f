#pragma once
// The phones that joined: a random token each, the team it joined and the member it writes
// as. Kept in memory only (never in the event file, so never in its journal, a bundle, a
// report or a copy): after a restart of the server a phone joins again and picks its name.
// Thread-safe: HTTP threads look tokens up, the engine's thread binds members.
#include "model/model.hpp"

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace atelier::participation {

struct Device {
    std::string token;
    Id team;
    Id member;           // 0 until the participant picks or adds their name
    Millis joinedAt = 0;
    Millis lastSeen = 0;
    std::string movedFrom; // set when this device took its name from another one (« C'est bien vous ? »)
    Id nameTaken;          // the name another device took from this one, until it picks one again
};

class DeviceRegistry {
public:
    // A new device in `team`; returns its token.
    std::string add(Id team, Millis now);
    std::optional<Device> find(const std::string& token) const;
    void touch(const std::string& token, Millis now);
    // Moves the device to another team (its name stays behind).
    void setTeam(const std::string& token, Id team);
    // The token of the device writing as `member`, if any.
    std::optional<std::string> holderOf(Id member) const;
    // Binds `member` to the device, taking it from the device that held it (which keeps its
    // token but no name). Returns the token it was taken from, if any.
    std::optional<std::string> bind(const std::string& token, Id member);
    bool remove(const std::string& token);
    std::vector<Device> list() const; // by team, then join time
    std::size_t size() const;

    static constexpr std::size_t kMaxDevices = 2000; // far above a room; a bound on memory

private:
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Device> m_devices;
};

} // namespace atelier::participation
