#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace gclint::engine {

/// An IPv4 or IPv6 network; an address without a prefix length is a /32 or /128 host network.
struct Cidr {
  bool v6 = false;
  std::array<uint8_t, 16> bytes{};  // IPv4 uses the first 4; host bits are cleared
  uint8_t prefix = 0;

  uint8_t max_prefix() const { return v6 ? 128 : 32; }
  bool operator==(const Cidr&) const = default;
};

/// Parses "10.0.0.0/8", "2001:db8::/32", "192.0.2.1" (host), "::ffff:10.0.0.1/128"; std::nullopt when invalid.
std::optional<Cidr> parse_cidr(std::string_view text);

/// True when `inner` lies inside `outer` (same family).
bool cidr_within(const Cidr& inner, const Cidr& outer);
/// True when the two networks share an address (same family).
bool cidr_overlaps(const Cidr& a, const Cidr& b);
/// True for 0.0.0.0/0 and ::/0.
bool cidr_is_any(const Cidr& c);
/// True when some address of `c` is outside the non-public ranges (RFC 1918, CGNAT, loopback,
/// link-local, multicast, documentation, benchmarking, ULA, ...).
bool cidr_is_public(const Cidr& c);

}  // namespace gclint::engine
