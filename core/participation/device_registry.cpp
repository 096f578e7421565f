#include "participation/device_registry.hpp"
#include "participation/secret_text.hpp"

#include "model/errors.hpp"
#include "model/language.hpp"

#include <algorithm>

namespace atelier::participation {

std::string DeviceRegistry::add(Id team, Millis now) {
    std::lock_guard lock(m_mutex);
    if (m_devices.size() >= kMaxDevices)
        throw ValidationError(tr("Trop d’appareils connectés : demandez à l’animateur de retirer les anciens.",
                                 "Too many devices joined: ask the facilitator to remove old ones."));
    std::string token;
    do token = randomToken();
    while (m_devices.count(token));
    m_devices[token] = Device{token, team, Id{}, now, now, {}, Id{}};
    return token;
}

std::optional<Device> DeviceRegistry::find(const std::string& token) const {
    std::lock_guard lock(m_mutex);
    auto it = m_devices.find(token);
    if (it == m_devices.end()) return std::nullopt;
    return it->second;
}

void DeviceRegistry::touch(const std::string& token, Millis now) {
    std::lock_guard lock(m_mutex);
    auto it = m_devices.find(token);
    if (it != m_devices.end()) it->second.lastSeen = std::max(it->second.lastSeen, now);
}

void DeviceRegistry::setTeam(const std::string& token, Id team) {
    std::lock_guard lock(m_mutex);
    auto it = m_devices.find(token);
    if (it == m_devices.end() || it->second.team == team) return;
    it->second.team = team;
    it->second.member = Id{};
    it->second.movedFrom.clear();
    it->second.nameTaken = Id{};
}

std::optional<std::string> DeviceRegistry::holderOf(Id member) const {
    std::lock_guard lock(m_mutex);
    for (const auto& [token, device] : m_devices)
        if (device.member == member) return token;
    return std::nullopt;
}

std::optional<std::string> DeviceRegistry::bind(const std::string& token, Id member) {
    std::lock_guard lock(m_mutex);
    auto self = m_devices.find(token);
    if (self == m_devices.end()) return std::nullopt;
    std::optional<std::string> previous;
    for (auto& [other, device] : m_devices)
        if (other != token && device.member == member) {
            device.member = Id{};
            device.nameTaken = member;
            previous = other;
        }
    self->second.member = member;
    self->second.nameTaken = Id{};
    self->second.movedFrom = previous.value_or("");
    return previous;
}

bool DeviceRegistry::remove(const std::string& token) {
    std::lock_guard lock(m_mutex);
    return m_devices.erase(token) > 0;
}

std::vector<Device> DeviceRegistry::list() const {
    std::vector<Device> devices;
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [token, device] : m_devices) devices.push_back(device);
    }
    std::sort(devices.begin(), devices.end(), [](const Device& a, const Device& b) {
        return a.team != b.team ? a.team < b.team : a.joinedAt != b.joinedAt ? a.joinedAt < b.joinedAt : a.token < b.token;
    });
    return devices;
}

std::size_t DeviceRegistry::size() const {
    std::lock_guard lock(m_mutex);
    return m_devices.size();
}

} // namespace atelier::participation
