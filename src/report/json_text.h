#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gclint::report {

/// Appends `text` as a JSON string literal, escaped exactly as nlohmann::json's dump() escapes it (no ASCII-only
/// escaping; invalid UTF-8 replaced by U+FFFD).
void append_json_string(std::string& out, std::string_view text);

class JsonArrayText;

/// Writes one JSON object member by member, laid out as nlohmann::json's dump(2) lays it out, without building a
/// document first: the report's findings are many and small, and building each as a json value cost more than
/// the rest of the report. `indent` is the object's own indentation; the text starts at the opening brace.
class JsonObjectText {
 public:
  JsonObjectText(std::string& out, size_t indent = 0);
  JsonObjectText& string(std::string_view key, std::string_view value);
  JsonObjectText& number(std::string_view key, uint64_t value);
  JsonObjectText& boolean(std::string_view key, bool value);
  JsonObjectText& strings(std::string_view key, std::span<const std::string> values);
  /// A nested object: written through the returned writer, which must be closed before the next member.
  JsonObjectText object(std::string_view key);
  /// An array of objects, the same way.
  JsonArrayText objects(std::string_view key);
  /// The closing brace ("{}" when the object has no member).
  void close();

 private:
  void member(std::string_view key);

  std::string& out_;
  size_t indent_;
  bool empty_ = true;
};

/// An array of objects inside a JsonObjectText (JsonObjectText::objects).
class JsonArrayText {
 public:
  JsonArrayText(std::string& out, size_t indent);
  /// The next element: written through the returned writer, which must be closed before the next one.
  JsonObjectText object();
  /// The closing bracket ("[]" when the array has no element).
  void close();

 private:
  std::string& out_;
  size_t indent_;
  bool empty_ = true;
};

}  // namespace gclint::report
