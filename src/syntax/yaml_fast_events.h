#pragma once

#include <yaml-cpp/eventhandler.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gclint::syntax {

/// One parser event, as yaml-cpp's parser would hand it to an EventHandler.
struct YamlEvent {
  enum class Kind : uint8_t {
    kDocumentStart,
    kDocumentEnd,
    kNull,
    kScalar,
    kSequenceStart,
    kSequenceEnd,
    kMapStart,
    kMapEnd
  };
  Kind kind;
  bool flow = false;  // collections: flow style ([...], {...})
  uint32_t pos = 0;   // yaml-cpp's mark: the byte offset of the node (of its tag when it has one)
  std::string tag;    // "?" plain, "!" quoted or block scalar, "!Ref" local, "tag:yaml.org,2002:str" for "!!str"
  std::string value;  // scalars
};

/// The events of a YAML stream written in the subset infrastructure code uses (block mappings and sequences,
/// single-line plain and quoted scalars, literal and folded block scalars, flow collections, local and core tags,
/// comments, several documents), identical to yaml-cpp's: marks, tags and values. std::nullopt as soon as the
/// stream leaves that subset (anchors and aliases, multi-line plain or quoted scalars, complex keys, tabs, CR,
/// directives, a BOM, or any syntax error): the caller then reads it with yaml-cpp, which also words the errors.
/// yaml-cpp costs over a thousand instructions per byte; this reader a few dozen (tests/syntax: differential test).
std::optional<std::vector<YamlEvent>> fast_yaml_events(std::string_view text);

/// Hands the events to `handler` in order.
void replay_yaml_events(const std::vector<YamlEvent>& events, YAML::EventHandler& handler);

}  // namespace gclint::syntax
