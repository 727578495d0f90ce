// The pieces of the priced-line writers that other writers share: the JSON object writer, the
// priced-line object, and the compact text of a trace step. Defined in priced_io.cpp, except the
// small inline helpers here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/pricing.hpp>

#include "formats/json_writer.hpp"

namespace tariff::formats {

/// The items with `separator` between them.
inline std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

/// A JSON object being written: one member per line, members indented by `indent` spaces, the
/// closing brace by two fewer. Values are strings unless written raw (numbers, nested values).
class object_writer {
 public:
  object_writer(std::string& out, std::size_t indent) : out_(out), indent_(indent) { out_ += '{'; }

  std::size_t indent() const { return indent_; }
  void key(std::string_view name) {
    out_ += first_ ? "\n" : ",\n";
    first_ = false;
    out_.append(indent_, ' ');
    append_json_string(out_, name);
    out_ += ": ";
  }
  void string(std::string_view name, std::string_view value) {
    key(name);
    append_json_string(out_, value);
  }
  void raw(std::string_view name, std::string_view value) {
    key(name);
    out_ += value;
  }
  void close() {
    out_ += '\n';
    out_.append(indent_ - 2, ' ');
    out_ += '}';
  }

 private:
  std::string& out_;
  std::size_t indent_;
  bool first_ = true;
};

/// An array of objects, each on its own lines, or [] when empty. `indent` is the elements';
/// `write(out, item, indent + 2)` writes one element.
template <class T, class Write>
void append_object_array(std::string& out, const std::vector<T>& items, std::size_t indent,
                         Write write) {
  if (items.empty()) {
    out += "[]";
    return;
  }
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += i == 0 ? "\n" : ",\n";
    out.append(indent, ' ');
    write(out, items[i], indent + 2);
  }
  out += '\n';
  out.append(indent - 2, ' ');
  out += ']';
}

/// ["night", "weekend"] on one line.
inline void append_string_array(std::string& out, const std::vector<std::string>& items) {
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    append_json_string(out, items[i]);
  }
  out += ']';
}

/// One priced or rejected line as the object write_priced_json writes, its members indented by
/// `indent` spaces. `tariff` names the parts' labels. `with_tax` adds the line's tax after its
/// margin (statements of a tariff with a tax).
void append_priced_line(std::string& out, const priced_line& line, std::size_t indent,
                        const compiled_tariff& tariff, bool with_tax = false);

/// One trace step as the CSV's trace column writes it (without the "[1] " prefix):
/// "surcharges 2500.00 -> 7500.00 x 3.0 (13:1)". `kind` is the line's work kind.
std::string trace_step_text(const trace_step& step, work_kind kind);
/// As trace_step_text, appended to `out`.
void append_trace_step_text(std::string& out, const trace_step& step, work_kind kind);

}  // namespace tariff::formats
