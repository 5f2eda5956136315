#include "model/finding.h"

#include <cstring>
#include <stdexcept>

namespace gclint::model {

Finding::Finding(const FindingDraft& draft) : FindingBasics(draft) {
  const std::array<const std::string*, kFieldCount> fields{
      &draft.resource,  &draft.resource_type, &draft.tier,     &draft.message.ja,  &draft.message.en,
      &draft.attribute, &draft.evidence,      &draft.scenario, &draft.fingerprint, &draft.suppression_reason};
  size_t chars = 0;
  for (const std::string* field : fields) chars += field->size();
  if (chars == 0) return;
  // Offsets are 32-bit: a finding's text is bounded by the file sizes a span can address, far below this.
  if (chars > UINT32_MAX) throw std::length_error("finding text longer than 4 GiB");
  text_ = std::make_unique_for_overwrite<char[]>(kHeader + chars);
  uint32_t end = 0;
  char* out = text_.get() + kHeader;
  for (size_t i = 0; i < kFieldCount; ++i) {
    std::memcpy(out + end, fields[i]->data(), fields[i]->size());
    end += static_cast<uint32_t>(fields[i]->size());
    std::memcpy(text_.get() + i * sizeof(uint32_t), &end, sizeof(end));
  }
}

Finding::Finding(const Finding& other) : FindingBasics(other) {
  if (other.text_ == nullptr) return;
  size_t size = other.block_size();
  text_ = std::make_unique_for_overwrite<char[]>(size);
  std::memcpy(text_.get(), other.text_.get(), size);
}

Finding& Finding::operator=(const Finding& other) {
  if (this != &other) *this = Finding(other);
  return *this;
}

size_t Finding::block_size() const {
  uint32_t chars = 0;
  std::memcpy(&chars, text_.get() + (kFieldCount - 1) * sizeof(uint32_t), sizeof(chars));
  return kHeader + chars;
}

std::string_view Finding::text(Field field) const {
  if (text_ == nullptr) return {};
  uint32_t begin = 0;
  uint32_t end = 0;
  if (field > 0) std::memcpy(&begin, text_.get() + (field - 1) * sizeof(uint32_t), sizeof(begin));
  std::memcpy(&end, text_.get() + field * sizeof(uint32_t), sizeof(end));
  return {text_.get() + kHeader + begin, end - begin};
}

}  // namespace gclint::model
