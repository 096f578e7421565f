#pragma once
// Random texts a participant holds and nobody can guess: device tokens and join codes. They
// come from the system's random source (std::random_device reads the kernel's), never from the
// id generator, whose sequence tests can fix.
#include <cstddef>
#include <string>
#include <string_view>

namespace atelier::participation {

// Letters and digits a person reads aloud and types on a phone without confusion (no 0/O,
// 1/I/L): join codes and stand codes use them.
inline constexpr std::string_view kCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

// `length` characters drawn uniformly from kCodeAlphabet.
std::string randomCode(std::size_t length);
// 128 random bits as 32 lowercase hex digits: a device's token.
std::string randomToken();

} // namespace atelier::participation
