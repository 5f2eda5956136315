#include "report/streamed_json.h"

#include <algorithm>

#include "model/parallel.h"

namespace gclint::report {
namespace {

constexpr auto kReplaceInvalidUtf8 = nlohmann::ordered_json::error_handler_t::replace;

// JSON text never holds a raw newline inside a string, so re-indenting line by line is exact.
void append_indented(std::string& out, const std::string& text, const std::string& indent) {
  size_t begin = 0;
  while (true) {
    size_t end = text.find('\n', begin);
    out += indent;
    out.append(text, begin, (end == std::string::npos ? text.size() : end) - begin);
    if (end == std::string::npos) return;
    out += '\n';
    begin = end + 1;
  }
}

// Enough elements per batch to keep two threads busy between the writes, few enough to stay small in memory.
constexpr size_t kBatch = 512;

}  // namespace

void write_streamed(std::ostream& out, const nlohmann::ordered_json& document, const std::vector<StreamedArray>& arrays,
                    unsigned threads) {
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
    const StreamedArray& array = *slot.array;
    std::string element_indent = indent + "  ";
    std::vector<std::string> batch(std::min(kBatch, array.count));
    for (size_t first = 0; first < array.count; first += kBatch) {
      size_t size = std::min(kBatch, array.count - first);
      model::parallel_for(size, size < 64 ? 1 : threads, [&](size_t k) {
        std::string element;
        if (array.element_text) {
          array.element_text(first + k, element);
        } else {
          element = array.element(first + k).dump(2, ' ', false, kReplaceInvalidUtf8);
        }
        batch[k].clear();
        append_indented(batch[k], element, element_indent);
      });
      for (size_t k = 0; k < size; ++k) {
        if (first + k != 0) out << ",\n";
        out << batch[k];
      }
    }
    out << '\n' << indent << ']';
  }
  out.write(text.data() + written, static_cast<std::streamsize>(text.size() - written));
  out << '\n';
}

}  // namespace gclint::report
