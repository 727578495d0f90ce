// Builds a json_value tree through nlohmann::json's SAX interface, keeping numbers as text.
#include "formats/json_reader.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "text/visible.hpp"

namespace tariff::formats {
namespace {

using json = nlohmann::json;

// "byte 65 (line 1, column 65)": where the byte at `offset` (from 0) is, all counted from 1, as
// nlohmann counts them.
std::string place(std::string_view text, std::size_t offset) {
  const std::string_view before = text.substr(0, offset);
  const std::size_t line_start = before.rfind('\n') + 1;  // npos + 1 == 0: the first line
  return "byte " + std::to_string(offset + 1) + " (line " +
         std::to_string(std::count(before.begin(), before.end(), '\n') + 1) + ", column " +
         std::to_string(offset - line_start + 1) + ")";
}

// The depth limit's message, with the place of the first array or object one level too deep.
// nlohmann read the text up to it as well-formed JSON, so counting brackets outside strings
// finds it.
std::string too_deep(std::string_view text) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == ']' || c == '}') {
      --depth;
    } else if ((c == '[' || c == '{') && ++depth > max_json_depth) {
      return "JSON nested too deep at " + place(text, i) + ": level " + std::to_string(depth) +
             " of arrays and objects; the limit is " + std::to_string(max_json_depth);
    }
  }
  return "JSON nested deeper than " + std::to_string(max_json_depth) + " levels";
}

// Collects SAX events into a tree. `stack_` holds the open arrays and objects.
class tree_builder : public nlohmann::json_sax<json> {
 public:
  explicit tree_builder(std::string_view text) : text_(text) {}

  bool null() override { return add({}); }
  bool boolean(bool val) override {
    return add(scalar(json_value::kind::boolean, val ? "true" : "false"));
  }
  // Integers arrive as values; their decimal text is exact, so we print them back.
  bool number_integer(number_integer_t val) override {
    return add(scalar(json_value::kind::number, std::to_string(val)));
  }
  bool number_unsigned(number_unsigned_t val) override {
    return add(scalar(json_value::kind::number, std::to_string(val)));
  }
  // Anything else (fractions, exponents, integers too big for 64 bits) comes with its raw text:
  // we keep that and ignore the double.
  bool number_float(number_float_t /*val*/, const string_t& s) override {
    return add(scalar(json_value::kind::number, s));
  }
  bool string(string_t& val) override { return add(scalar(json_value::kind::string, val)); }
  bool binary(binary_t& /*val*/) override { return false; }  // JSON text never has binary

  bool start_object(std::size_t /*elements*/) override { return open(json_value::kind::object); }
  bool key(string_t& val) override {
    stack_.back()->members.push_back(json_member{val, {}});
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t /*elements*/) override { return open(json_value::kind::array); }
  bool end_array() override { return close(); }

  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& ex) override {
    // what() starts with nlohmann's "[json.exception.parse_error.101] " tag: not for users.
    std::string_view what = ex.what();
    if (what.starts_with('[') && what.find("] ") != std::string_view::npos) {
      what.remove_prefix(what.find("] ") + 2);
    }
    error_ = "malformed JSON at byte " + std::to_string(position) + ": " + text::visible(what);
    // A byte order mark anywhere but at the start (two files joined) gets its own words.
    if (position > 0 && text_.substr(position - 1).starts_with("\xEF\xBB\xBF"))
      error_ = "malformed JSON at " + place(text_, position - 1) +
               ": a byte order mark (U+FEFF), which may only start the input";
    return false;
  }

  json_parse_result result() {
    json_parse_result r;
    if (too_deep_) {
      r.error = too_deep(text_);
    } else if (error_.empty()) {
      r.value = std::move(root_);
    } else {
      r.error = std::move(error_);
    }
    return r;
  }

 private:
  static json_value scalar(json_value::kind k, std::string text) {
    json_value v;
    v.type = k;
    v.text = std::move(text);
    return v;
  }

  // Where the next value goes: the root, the end of the open array, or the open object's last key.
  json_value& slot() {
    if (stack_.empty()) return root_;
    json_value& top = *stack_.back();
    if (top.type == json_value::kind::array) return top.items.emplace_back();
    return top.members.back().value;
  }
  bool add(json_value v) {
    slot() = std::move(v);
    return true;
  }
  bool open(json_value::kind k) {
    // Stop before the tree grows deeper than the limit: the partial tree stays within it too.
    if (stack_.size() == max_json_depth) {
      too_deep_ = true;
      return false;
    }
    json_value& v = slot();
    v.type = k;
    // Pointers stay valid: a container is only appended to while it is the innermost open one.
    stack_.push_back(&v);
    return true;
  }
  bool close() {
    stack_.pop_back();
    return true;
  }

  std::string_view text_;
  json_value root_;
  std::vector<json_value*> stack_;
  std::string error_;
  bool too_deep_ = false;
};

}  // namespace

std::string_view describe(json_value::kind k) {
  switch (k) {
    case json_value::kind::null:
      return "null";
    case json_value::kind::boolean:
      return "a boolean";
    case json_value::kind::number:
      return "a number";
    case json_value::kind::string:
      return "a string";
    case json_value::kind::array:
      return "an array";
    case json_value::kind::object:
      return "an object";
  }
  return "a value";
}

json_parse_result parse_json(std::string_view text) {
  tree_builder builder(text);
  json::sax_parse(text.begin(), text.end(), &builder);
  return builder.result();
}

}  // namespace tariff::formats
