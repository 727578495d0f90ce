#include "verify/json_text.hpp"

#include "formats/json_writer.hpp"

namespace tariff::verify_stage {

namespace {

void append(std::string& out, const formats::json_value& v) {
  using kind = formats::json_value::kind;
  switch (v.type) {
    case kind::null:
      out += "null";
      break;
    case kind::boolean:
    case kind::number:
      out += v.text;
      break;
    case kind::string:
      formats::append_json_string(out, v.text);
      break;
    case kind::array:
      out += '[';
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        if (i > 0) out += ", ";
        append(out, v.items[i]);
      }
      out += ']';
      break;
    case kind::object:
      out += '{';
      for (std::size_t i = 0; i < v.members.size(); ++i) {
        if (i > 0) out += ", ";
        formats::append_json_string(out, v.members[i].key);
        out += ": ";
        append(out, v.members[i].value);
      }
      out += '}';
      break;
  }
}

}  // namespace

std::string json_text(const formats::json_value& value) {
  std::string out;
  append(out, value);
  return out;
}

const formats::json_value* member(const formats::json_value& object, std::string_view key) {
  for (const formats::json_member& m : object.members)
    if (m.key == key) return &m.value;
  return nullptr;
}

std::string member_text(const formats::json_value& object, std::string_view key) {
  const formats::json_value* v = member(object, key);
  using kind = formats::json_value::kind;
  return v != nullptr && (v->type == kind::string || v->type == kind::number) ? v->text
                                                                              : std::string();
}

}  // namespace tariff::verify_stage
