#pragma once

// yaml-cpp's parser events in the fast YAML reader's form (syntax/yaml_fast_events.h), for the differential test
// and the yaml_fast_events fuzz target.

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "syntax/yaml_fast_events.h"

namespace gclint::syntax::testing {

class YamlEventRecorder : public YAML::EventHandler {
 public:
  using Kind = YamlEvent::Kind;
  std::vector<YamlEvent> events;

  void OnDocumentStart(const YAML::Mark& m) override { add(Kind::kDocumentStart, m); }
  void OnDocumentEnd() override { add(Kind::kDocumentEnd, {}); }
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { add(Kind::kNull, m); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { add(Kind::kNull, m, "alias"); }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t, const std::string& value) override {
    add(Kind::kScalar, m, tag, value);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t,
                       YAML::EmitterStyle::value style) override {
    add(Kind::kSequenceStart, m, tag, "", style == YAML::EmitterStyle::Flow);
  }
  void OnSequenceEnd() override { add(Kind::kSequenceEnd, {}); }
  void OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t,
                  YAML::EmitterStyle::value style) override {
    add(Kind::kMapStart, m, tag, "", style == YAML::EmitterStyle::Flow);
  }
  void OnMapEnd() override { add(Kind::kMapEnd, {}); }

 private:
  void add(Kind kind, const YAML::Mark& m, std::string tag = {}, std::string value = {}, bool flow = false) {
    events.push_back(
        YamlEvent{kind, flow, static_cast<uint32_t>(std::max(0, m.pos)), std::move(tag), std::move(value)});
  }
};

/// yaml-cpp's events, or nullopt when it rejects the text.
inline std::optional<std::vector<YamlEvent>> yaml_cpp_events(const std::string& text) {
  YamlEventRecorder recorder;
  try {
    std::istringstream in(text);
    YAML::Parser parser(in);
    int documents = 0;
    while (parser.HandleNextDocument(recorder)) {
      if (++documents > 10000) return std::nullopt;  // yaml-cpp's endless empty documents on a stray token
    }
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
  return recorder.events;
}

/// Events as text: end events carry no mark in yaml-cpp, so only their kind counts.
inline std::string describe_events(const std::vector<YamlEvent>& events) {
  std::string out;
  for (const auto& e : events) {
    bool end = e.kind == YamlEvent::Kind::kDocumentEnd || e.kind == YamlEvent::Kind::kSequenceEnd ||
               e.kind == YamlEvent::Kind::kMapEnd;
    out += std::to_string(static_cast<int>(e.kind));
    if (!end) out += " @" + std::to_string(e.pos) + " [" + e.tag + "] '" + e.value + "'" + (e.flow ? " flow" : "");
    out += "\n";
  }
  return out;
}

}  // namespace gclint::syntax::testing
