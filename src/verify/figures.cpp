#include "verify/figures.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "verify/json_text.hpp"

namespace tariff::verify_stage {

namespace {

using formats::json_value;
using kind = json_value::kind;

constexpr std::array<std::string_view, 3> not_figures{"inputs", "engine", "tzdata"};
// Arrays whose elements have an id that stays with them whatever moves around them.
constexpr std::array<std::string_view, 4> by_id{"lines", "adjustments", "rejected", "reversals"};
// Arrays whose elements are explained when one of their figures differs.
constexpr std::array<std::string_view, 5> explained{"lines", "adjustments", "rejected", "reversals",
                                                    "fees"};

bool is_one_of(std::string_view key, auto& keys) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

std::string shown(const json_value* v) {
  return v == nullptr ? std::string("(none)") : json_text(*v);
}

class comparison {
 public:
  std::vector<verify_difference> differences;

  void statement(const json_value& recorded, const json_value& repriced) {
    for (const formats::json_member& m : recorded.members) {
      if (is_one_of(m.key, not_figures)) continue;
      const json_value* other = member(repriced, m.key);
      if (other != nullptr && m.value.type == kind::array && other->type == kind::array &&
          is_one_of(m.key, explained)) {
        elements(m.key, m.value, *other);
      } else {
        value(m.key, &m.value, other);
      }
    }
    for (const formats::json_member& m : repriced.members)
      if (!is_one_of(m.key, not_figures) && member(recorded, m.key) == nullptr)
        value(m.key, nullptr, &m.value);
  }

 private:
  std::string element_;
  const json_value* recorded_element_ = nullptr;
  const json_value* repriced_element_ = nullptr;

  void differ(const std::string& where, const json_value* a, const json_value* b) {
    verify_difference d;
    d.element = element_;
    d.where = where;
    d.recorded = shown(a);
    d.repriced = shown(b);
    if (!element_.empty()) {
      d.recorded_line =
          recorded_element_ != nullptr ? explain_element(*recorded_element_) : "(none)";
      d.repriced_line =
          repriced_element_ != nullptr ? explain_element(*repriced_element_) : "(none)";
    }
    differences.push_back(std::move(d));
  }

  void value(const std::string& where, const json_value* a, const json_value* b) {
    if (a == nullptr || b == nullptr || a->type != b->type) {
      differ(where, a, b);
      return;
    }
    switch (a->type) {
      case kind::object:
        for (const formats::json_member& m : a->members)
          value(where + "." + m.key, &m.value, member(*b, m.key));
        for (const formats::json_member& m : b->members)
          if (member(*a, m.key) == nullptr) value(where + "." + m.key, nullptr, &m.value);
        break;
      case kind::array:
        for (std::size_t i = 0; i < std::max(a->items.size(), b->items.size()); ++i)
          value(where + "[" + std::to_string(i + 1) + "]",
                i < a->items.size() ? &a->items[i] : nullptr,
                i < b->items.size() ? &b->items[i] : nullptr);
        break;
      default:
        if (a->text != b->text) differ(where, a, b);
    }
  }

  // One line, fee or reversal of both statements, compared with both at hand to explain.
  void element(const std::string& name, const json_value* a, const json_value* b) {
    element_ = name;
    recorded_element_ = a;
    repriced_element_ = b;
    value(name, a, b);
    element_.clear();
    recorded_element_ = repriced_element_ = nullptr;
  }

  void elements(const std::string& key, const json_value& a, const json_value& b) {
    if (!is_one_of(key, by_id)) {
      for (std::size_t i = 0; i < std::max(a.items.size(), b.items.size()); ++i)
        element(key + "[" + std::to_string(i + 1) + "]", i < a.items.size() ? &a.items[i] : nullptr,
                i < b.items.size() ? &b.items[i] : nullptr);
      return;
    }
    const auto find = [](const json_value& array, const std::string& id) -> const json_value* {
      for (const json_value& item : array.items)
        if (member_text(item, "id") == id) return &item;
      return nullptr;
    };
    for (const json_value& item : a.items) {
      const std::string id = member_text(item, "id");
      element(key + "[" + id + "]", &item, find(b, id));
    }
    for (const json_value& item : b.items) {
      const std::string id = member_text(item, "id");
      if (find(a, id) == nullptr) element(key + "[" + id + "]", nullptr, &item);
    }
  }
};

void append_step(std::string& out, const json_value& step) {
  out += "\n  ";
  out += member_text(step, "kind");
  if (const std::string name = member_text(step, "name"); !name.empty()) out += " " + name;
  out += ": " + member_text(step, "before") + " -> " + member_text(step, "after");
  if (const std::string factor = member_text(step, "factor"); !factor.empty())
    out += " (x " + factor + ")";
  out += " (line " + member_text(step, "line") + ", column " + member_text(step, "column") + ")";
}

void append_steps(std::string& out, const json_value& owner, std::string_view key) {
  if (const json_value* steps = member(owner, key))
    for (const json_value& step : steps->items)
      append_step(out, step);
}

}  // namespace

std::vector<verify_difference> compare_figures(const json_value& recorded,
                                               const json_value& repriced) {
  comparison c;
  c.statement(recorded, repriced);
  return std::move(c.differences);
}

std::string explain_element(const json_value& e) {
  std::string out;
  if (const std::string description = member_text(e, "description"); !description.empty()) {
    // A fee: what it is, the days it covers, its amount and where the tariff says it.
    out = description;
    if (const json_value* covers = member(e, "covers"))
      out += " " + member_text(*covers, "first") + ".." + member_text(*covers, "last");
    out += ": units " + member_text(e, "units") + ", amount " + member_text(e, "amount") +
           " (line " + member_text(e, "line") + ", column " + member_text(e, "column") + ")";
    return out;
  }
  out = member_text(e, "id") + " " + member_text(e, "item") + " " + member_text(e, "date");
  if (const std::string reason = member_text(e, "reason"); !reason.empty()) {
    out += ": " + reason;
    if (const std::string message = member_text(e, "message"); !message.empty())
      out += ", " + message;
    if (member(e, "parts") == nullptr) {  // a rejected line, or a reversal
      if (const std::string amount = member_text(e, "amount"); !amount.empty())
        out += ", amount " + amount + ", cost " + member_text(e, "cost");
      return out;
    }
  }
  out += ": billed " + member_text(e, "billed") + ", amount " + member_text(e, "amount") +
         ", cost " + member_text(e, "cost");
  if (const json_value* parts = member(e, "parts")) {
    for (std::size_t p = 0; p < parts->items.size(); ++p) {
      const json_value& part = parts->items[p];
      out += "\n  part " + std::to_string(p + 1) + " " + member_text(part, "date") + ": " +
             member_text(part, "billed") + " x " + member_text(part, "unit_price") + " = " +
             member_text(part, "amount");
      if (const std::string allowance = member_text(part, "allowance"); !allowance.empty())
        out += ", " + member_text(part, "covered") + " covered by " + allowance;
      append_steps(out, part, "trace");
    }
  }
  append_steps(out, e, "line_trace");
  return out;
}

}  // namespace tariff::verify_stage
