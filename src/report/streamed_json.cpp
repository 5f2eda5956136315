#include "report/streamed_json.h"

#include <algorithm>

namespace gclint::report {
namespace {

constexpr auto kReplaceInvalidUtf8 = nlohmann::ordered_json::error_handler_t::replace;

// JSON text never holds a raw newline inside a string, so re-indenting line by line is exact.
void write_indented(std::ostream& out, const std::string& text, const std::string& indent) {
  size_t begin = 0;
  while (true) {
    size_t end = text.find('\n', begin);
    out << indent;
    out.write(text.data() + begin,
              static_cast<std::streamsize>((end == std::string::npos ? text.size() : end) - begin));
    if (end == std::string::npos) return;
    out << '\n';
    begin = end + 1;
  }
}

}  // namespace

void write_streamed(std::ostream& out, const nlohmann::ordered_json& document,
                    const std::vector<StreamedArray>& arrays) {
  std::string text = document.dump(2, ' ', false, kReplaceInvalidUtf8);
  struct Slot {
    size_t at;
    size_t length;
    const StreamedArray* array;
  };
  std::vector<Slot> slots;
  for (const auto& array : arrays) {
    std::string quoted = nlohmann::ordered_json(array.placeholder).dump();
    size_t at = text.find(quoted);
    if (at != std::string::npos) slots.push_back({at, quoted.size(), &array});
  }
  std::sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) { return a.at < b.at; });
  size_t written = 0;
  for (const Slot& slot : slots) {
    out.write(text.data() + written, static_cast<std::streamsize>(slot.at - written));
    written = slot.at + slot.length;
    size_t line_start = text.rfind('\n', slot.at);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    std::string indent(text.find_first_not_of(' ', line_start) - line_start, ' ');
    if (slot.array->count == 0) {
      out << "[]";
      continue;
    }
    out << "[\n";
    std::string element;
    for (size_t i = 0; i < slot.array->count; ++i) {
      if (i != 0) out << ",\n";
      if (slot.array->element_text) {
        element.clear();
        slot.array->element_text(i, element);
      } else {
        element = slot.array->element(i).dump(2, ' ', false, kReplaceInvalidUtf8);
      }
      write_indented(out, element, indent + "  ");
    }
    out << '\n' << indent << ']';
  }
  out.write(text.data() + written, static_cast<std::streamsize>(text.size() - written));
  out << '\n';
}

}  // namespace gclint::report
