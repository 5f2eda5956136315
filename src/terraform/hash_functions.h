#pragma once

#include <string>
#include <string_view>

namespace gclint::terraform {

/// Lower-case hex digests, as Terraform's md5(), sha1() and sha256() return them.
std::string md5_hex(std::string_view data);
std::string sha1_hex(std::string_view data);
std::string sha256_hex(std::string_view data);

}  // namespace gclint::terraform
