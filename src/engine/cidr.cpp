#include "engine/cidr.h"

#include <charconv>
#include <string>
#include <vector>

namespace gclint::engine {
namespace {

std::optional<std::array<uint8_t, 4>> parse_ipv4(std::string_view text) {
  std::array<uint8_t, 4> out{};
  size_t part = 0;
  size_t pos = 0;
  while (part < 4) {
    size_t end = pos;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    if (end == pos || end - pos > 3) return std::nullopt;
    if (end - pos > 1 && text[pos] == '0') return std::nullopt;  // no octal-looking octets
    unsigned value = 0;
    std::from_chars(text.data() + pos, text.data() + end, value);
    if (value > 255) return std::nullopt;
    out[part++] = static_cast<uint8_t>(value);
    if (part == 4) {
      if (end != text.size()) return std::nullopt;
      break;
    }
    if (end >= text.size() || text[end] != '.') return std::nullopt;
    pos = end + 1;
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Parses one side of "::" into 16-bit groups; an embedded IPv4 tail counts as two groups.
bool parse_groups(std::string_view text, std::vector<uint16_t>& groups, bool allow_ipv4_tail) {
  if (text.empty()) return true;
  size_t pos = 0;
  while (true) {
    size_t end = text.find(':', pos);
    std::string_view piece = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    if (end == std::string_view::npos && allow_ipv4_tail && piece.find('.') != std::string_view::npos) {
      auto v4 = parse_ipv4(piece);
      if (!v4) return false;
      groups.push_back(static_cast<uint16_t>((*v4)[0] << 8 | (*v4)[1]));
      groups.push_back(static_cast<uint16_t>((*v4)[2] << 8 | (*v4)[3]));
      return true;
    }
    if (piece.empty() || piece.size() > 4) return false;
    unsigned value = 0;
    for (char c : piece) {
      int h = hex_value(c);
      if (h < 0) return false;
      value = value * 16 + static_cast<unsigned>(h);
    }
    groups.push_back(static_cast<uint16_t>(value));
    if (end == std::string_view::npos) return true;
    pos = end + 1;
  }
}

std::optional<std::array<uint8_t, 16>> parse_ipv6(std::string_view text) {
  std::vector<uint16_t> head;
  std::vector<uint16_t> tail;
  size_t gap = text.find("::");
  if (gap != std::string_view::npos) {
    if (text.find("::", gap + 1) != std::string_view::npos) return std::nullopt;
    if (!parse_groups(text.substr(0, gap), head, false)) return std::nullopt;
    if (!parse_groups(text.substr(gap + 2), tail, true)) return std::nullopt;
    if (head.size() + tail.size() > 7) return std::nullopt;
  } else {
    if (!parse_groups(text, head, true) || head.size() != 8) return std::nullopt;
  }
  std::array<uint8_t, 16> out{};
  for (size_t i = 0; i < head.size(); ++i) {
    out[2 * i] = static_cast<uint8_t>(head[i] >> 8);
    out[2 * i + 1] = static_cast<uint8_t>(head[i] & 0xff);
  }
  size_t offset = 8 - tail.size();
  for (size_t i = 0; i < tail.size(); ++i) {
    out[2 * (offset + i)] = static_cast<uint8_t>(tail[i] >> 8);
    out[2 * (offset + i) + 1] = static_cast<uint8_t>(tail[i] & 0xff);
  }
  return out;
}

void clear_host_bits(Cidr& c) {
  for (size_t bit = c.prefix; bit < c.max_prefix(); ++bit) {
    c.bytes[bit / 8] &= static_cast<uint8_t>(~(0x80u >> (bit % 8)));
  }
}

bool prefix_equal(const Cidr& a, const Cidr& b, uint8_t bits) {
  for (size_t bit = 0; bit < bits; ++bit) {
    uint8_t mask = static_cast<uint8_t>(0x80u >> (bit % 8));
    if ((a.bytes[bit / 8] & mask) != (b.bytes[bit / 8] & mask)) return false;
  }
  return true;
}

const std::vector<Cidr>& reserved_ranges() {
  static const std::vector<Cidr> ranges = [] {
    std::vector<Cidr> out;
    for (const char* text :
         {// IPv4: RFC 6890 special-purpose registry (everything not globally reachable).
          "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
          "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4",
          "240.0.0.0/4",
          // IPv6: unspecified, loopback, discard, documentation (RFC 3849, RFC 9637), ULA, link-local, multicast.
          "::/128", "::1/128", "100::/64", "2001:db8::/32", "3fff::/20", "fc00::/7", "fe80::/10", "ff00::/8"}) {
      out.push_back(*parse_cidr(text));
    }
    return out;
  }();
  return ranges;
}

bool covered_by_reserved(const Cidr& c) {
  bool overlaps_any = false;
  for (const Cidr& r : reserved_ranges()) {
    if (r.v6 != c.v6) continue;
    if (cidr_within(c, r)) return true;
    if (cidr_overlaps(c, r)) overlaps_any = true;
  }
  if (!overlaps_any || c.prefix >= c.max_prefix()) return false;
  // Partly reserved: the network is covered only when both halves are.
  Cidr low = c;
  low.prefix = static_cast<uint8_t>(c.prefix + 1);
  Cidr high = low;
  high.bytes[c.prefix / 8] |= static_cast<uint8_t>(0x80u >> (c.prefix % 8));
  return covered_by_reserved(low) && covered_by_reserved(high);
}

}  // namespace

std::optional<Cidr> parse_cidr(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  std::string_view address = text;
  std::optional<unsigned> prefix;
  size_t slash = text.find('/');
  if (slash != std::string_view::npos) {
    address = text.substr(0, slash);
    std::string_view digits = text.substr(slash + 1);
    unsigned value = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || ec != std::errc() || ptr != digits.data() + digits.size()) return std::nullopt;
    prefix = value;
  }
  Cidr c;
  if (address.find(':') != std::string_view::npos) {
    auto bytes = parse_ipv6(address);
    if (!bytes) return std::nullopt;
    c.v6 = true;
    c.bytes = *bytes;
  } else {
    auto bytes = parse_ipv4(address);
    if (!bytes) return std::nullopt;
    std::copy(bytes->begin(), bytes->end(), c.bytes.begin());
  }
  unsigned p = prefix.value_or(c.max_prefix());
  if (p > c.max_prefix()) return std::nullopt;
  c.prefix = static_cast<uint8_t>(p);
  clear_host_bits(c);
  return c;
}

bool cidr_within(const Cidr& inner, const Cidr& outer) {
  return inner.v6 == outer.v6 && inner.prefix >= outer.prefix && prefix_equal(inner, outer, outer.prefix);
}

bool cidr_overlaps(const Cidr& a, const Cidr& b) {
  return a.v6 == b.v6 && prefix_equal(a, b, std::min(a.prefix, b.prefix));
}

bool cidr_is_any(const Cidr& c) { return c.prefix == 0; }

bool cidr_is_public(const Cidr& c) { return !covered_by_reserved(c); }

}  // namespace gclint::engine
