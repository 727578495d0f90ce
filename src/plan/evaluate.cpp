// The evaluator: a stack machine over the compiled postfix code. Numbers stay exact fractions
// (docs/language.md, pricing semantics §6); division rounds only as the expression says.
#include "plan/evaluate.hpp"

#include <algorithm>
#include <utility>

#include "decimal/in_place.hpp"

namespace tariff::plan {

namespace {

[[noreturn]] void fail(reject_reason reason, std::string message) {
  throw pricing_error{reason, std::move(message)};
}

std::int64_t multiply_denominators(std::int64_t a, std::int64_t b) {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(a, b, &product))
    fail(reject_reason::arithmetic_limit, "a quantity's fraction grew past 64 bits");
  return product;
}

value add(const value& a, const value& b, bool subtract) {
  if (a.den == b.den) return value::number(subtract ? a.num - b.num : a.num + b.num, a.den);
  const decimal left = a.num * decimal(b.den);
  const decimal right = b.num * decimal(a.den);
  return value::number(subtract ? left - right : left + right, multiply_denominators(a.den, b.den));
}

value multiply(const value& a, const value& b) {
  if (a.den == 1 && b.den == 1) return value::number(a.num * b.num);
  return value::number(a.num * b.num, multiply_denominators(a.den, b.den));
}

int compare_numbers(const value& a, const value& b) {
  if (a.den == b.den) return a.num < b.num ? -1 : (b.num < a.num ? 1 : 0);
  const decimal left = a.num * decimal(b.den);
  const decimal right = b.num * decimal(a.den);
  return left < right ? -1 : (right < left ? 1 : 0);
}

bool equal_values(const value& a, const value& b) {
  switch (a.kind) {
    case value_kind::number:
      return compare_numbers(a, b) == 0;
    case value_kind::boolean:
      return a.truth == b.truth;
    case value_kind::text:
      return a.text == b.text;
    case value_kind::day:
      return a.day == b.day;
  }
  return false;
}

int order_values(const value& a, const value& b) {
  if (a.kind == value_kind::day) return a.day < b.day ? -1 : (b.day < a.day ? 1 : 0);
  return compare_numbers(a, b);
}

// (a / b) rounded to a multiple of `step` by `mode`: one exact quotient, rounded once.
value divide_rounded(const value& a, const value& b, const division& d) {
  const decimal numerator = a.num * decimal(b.den);
  const decimal denominator = b.num * decimal(a.den) * d.step;
  if (denominator.is_zero())
    fail(reject_reason::arithmetic_limit, "division by zero (at " + std::to_string(d.at.line) +
                                              ":" + std::to_string(d.at.column) + ")");
  return value::number(divide(numerator, denominator, 0, d.mode) * d.step);
}

std::string_view scope_text(vocabulary::attribute_scope s) {
  return vocabulary::to_string(s);
}

// The typed value of an attribute's text, as its declaration says; nullopt if it does not read.
std::optional<value> convert(std::string_view text, vocabulary::value_type type) {
  switch (type) {
    case vocabulary::value_type::string:
      return value::string(text);
    case vocabulary::value_type::number:
    case vocabulary::value_type::money: {
      std::optional<decimal> d = decimal::try_parse(text);
      if (!d) return std::nullopt;
      return value::number(std::move(*d));
    }
    case vocabulary::value_type::integer: {
      std::optional<decimal> d = decimal::try_parse(text);
      if (!d || !d->is_integer()) return std::nullopt;
      return value::number(std::move(*d));
    }
    case vocabulary::value_type::percent: {
      std::string_view digits = text;
      if (digits.ends_with('%')) digits.remove_suffix(1);
      const std::optional<decimal> d = decimal::try_parse(digits);
      if (!d) return std::nullopt;
      return value::number(*d * decimal::from_units(1, 2));
    }
    case vocabulary::value_type::boolean:
      if (text == "true") return value::boolean(true);
      if (text == "false") return value::boolean(false);
      return std::nullopt;
    case vocabulary::value_type::date:
      if (auto day = parse_date(text)) return value::date(*day);
      return std::nullopt;
  }
  return std::nullopt;
}

const char* type_words(vocabulary::value_type t) {
  switch (t) {
    case vocabulary::value_type::string:
      return "a string";
    case vocabulary::value_type::number:
      return "a number";
    case vocabulary::value_type::integer:
      return "a whole number";
    case vocabulary::value_type::money:
      return "an amount of money";
    case vocabulary::value_type::percent:
      return "a percent such as 10% or 10";
    case vocabulary::value_type::boolean:
      return "true or false";
    case vocabulary::value_type::date:
      return "a date YYYY-MM-DD";
  }
  return "a value";
}

}  // namespace

// The decimal's own exact division (decimal/in_place.hpp), which amounts use too.
std::optional<decimal> exact_quotient(const decimal& a, std::int64_t b) {
  if (b == 0) return std::nullopt;  // no quotient (denominators are never 0)
  decimal q;
  if (divide_exact_into(q, a, b) != quotient_form::exact) return std::nullopt;
  return q;
}

decimal to_decimal(const value& v, std::string_view what) {
  if (auto exact = exact_quotient(v.num, v.den)) return *std::move(exact);
  fail(reject_reason::arithmetic_limit, std::string(what) + " has no finite decimal value (" +
                                            v.num.to_string() + "/" + std::to_string(v.den) +
                                            "); divide with 'round' to say how it rounds");
}

evaluator::evaluator(const tariff_program& program) : program_(program) {
  stack_.reserve(program.max_stack + 8);
  attributes_.resize(program.attributes.size());
  tables_.resize(program.tables.size());
}

void evaluator::start_line(const line_facts& line) {
  line_ = &line;
  for (auto& a : attributes_)
    a.reset();
  for (auto& t : tables_)
    t.reset();
}

value evaluator::run(const code& c, const part_facts& part) {
  return execute(c.ops, 0, c.ops.size(), &part);
}

value evaluator::run_constant(const std::vector<instruction>& ops, std::size_t begin,
                              std::size_t end) {
  line_ = nullptr;
  return execute(ops, begin, end, nullptr);
}

const value& evaluator::attribute(std::uint32_t slot) {
  std::optional<value>& cached = attributes_[slot];
  if (cached) return *cached;
  const attribute_slot& a = program_.attributes[slot];
  const std::string* text = nullptr;
  switch (a.scope) {
    case vocabulary::attribute_scope::contract:
    case vocabulary::attribute_scope::client:
      // As amended on the line's date.
      text = attribute_on(*line_->deal, a.scope == vocabulary::attribute_scope::client, a.name,
                          line_->date);
      break;
    case vocabulary::attribute_scope::site:
    case vocabulary::attribute_scope::work: {
      const attribute_map& source = a.scope == vocabulary::attribute_scope::site
                                        ? line_->work->site_attributes
                                        : line_->work->attributes;
      if (const auto found = source.find(a.name); found != source.end()) text = &found->second;
      break;
    }
  }
  if (text == nullptr) {
    if (!a.default_value)
      fail(reject_reason::missing_attribute, a.key + " is not given for this " +
                                                 std::string(scope_text(a.scope)) +
                                                 " and the tariff declares no default");
    return cached.emplace(*a.default_value);
  }
  std::optional<value> converted = convert(*text, a.type);
  if (!converted)
    fail(reject_reason::invalid_attribute,
         a.key + " is '" + *text + "', not " + type_words(a.type));
  return cached.emplace(*std::move(converted));
}

const value& evaluator::entry_for(std::uint32_t index, const value& key) {
  const table& t = program_.tables[index];
  const value* found = nullptr;
  if (t.string_keys) {
    const auto at = std::lower_bound(
        t.by_text.begin(), t.by_text.end(), key.text,
        [](const auto& entry, std::string_view k) { return std::string_view(entry.first) < k; });
    if (at != t.by_text.end() && at->first == key.text) found = &at->second;
  } else {
    // The last range starting at or below the key is the only one that can hold it.
    const auto after = std::upper_bound(t.by_number.begin(), t.by_number.end(), key,
                                        [](const value& k, const table::range& r) {
                                          return compare_numbers(k, value::number(r.low)) < 0;
                                        });
    if (after != t.by_number.begin()) {
      const table::range& r = *(after - 1);
      if (!r.high || compare_numbers(key, value::number(*r.high)) <= 0) found = &r.result;
    }
  }
  if (found == nullptr) found = t.otherwise ? &*t.otherwise : nullptr;
  if (found == nullptr) {
    std::string shown;
    if (t.string_keys)
      shown = "\"" + std::string(key.text) + "\"";
    else
      shown =
          key.den == 1 ? key.num.to_string() : key.num.to_string() + "/" + std::to_string(key.den);
    fail(reject_reason::no_table_entry,
         "table '" + t.name + "' has no entry for " + shown + " and no 'else'");
  }
  return *found;
}

bool evaluator::cacheable(std::uint32_t index) const {
  return !program_.tables[index].key.reads_part && line_ != nullptr;
}

value evaluator::execute(const std::vector<instruction>& ops, std::size_t begin, std::size_t end,
                         const part_facts* part) {
  // Never re-entered (a look-up runs its key here, below), so whatever a failed run left behind
  // goes now.
  stack_.clear();
  look_ups_.clear();
  auto pop = [this] {
    value v = std::move(stack_.back());
    stack_.pop_back();
    return v;
  };
  const instruction* code = ops.data();
  std::size_t pc = begin;
  for (;;) {
    while (pc < end) {
      const instruction in = code[pc++];
      switch (in.code) {
        case op::constant:
          stack_.push_back(program_.constants[in.arg]);
          break;
        case op::price:
          stack_.push_back(value::number(*part->price));
          break;
        case op::base:
          stack_.push_back(value::number(*part->base));
          break;
        case op::cost:
          stack_.push_back(value::number(*part->cost));
          break;
        case op::quantity:
          stack_.push_back(
              value::number(*part->quantity, part->unit_seconds == 0 ? 1 : part->unit_seconds));
          break;
        case op::attribute:
          stack_.push_back(attribute(in.arg));
          break;
        case op::contract_year:
          stack_.push_back(value::number(line_->contract_year));
          break;
        case op::contract_start:
          stack_.push_back(value::date(line_->deal->start));
          break;
        case op::contract_end:
          stack_.push_back(value::date(line_->deal->end));
          break;
        case op::client_since:
          stack_.push_back(value::date(line_->client_since));
          break;
        case op::work_kind:
          stack_.push_back(value::string(to_string(line_->work->kind)));
          break;
        case op::work_billable:
          stack_.push_back(value::boolean(line_->billable));
          break;
        case op::work_date:
          stack_.push_back(value::date(line_->date));
          break;
        case op::work_duration:
          stack_.push_back(value::number(line_->duration));
          break;
        case op::in_window:
          stack_.push_back(value::boolean(((part->labels->windows >> in.arg) & 1U) != 0));
          break;
        case op::on_days:
          stack_.push_back(value::boolean(((part->labels->day_sets >> in.arg) & 1U) != 0));
          break;
        case op::on_holiday:
          stack_.push_back(value::boolean(part->labels->holiday));
          break;
        case op::during:
          stack_.push_back(value::boolean(((part->labels->date_ranges >> in.arg) & 1U) != 0));
          break;
        case op::table:
          if (cacheable(in.arg) && tables_[in.arg]) {
            stack_.push_back(*tables_[in.arg]);
            break;
          }
          // Run the table's key next, on this same stack, and come back here with its value: a
          // key may look up a table whose key looks up another, through every table of the
          // tariff, and that costs no stack frame of the host's thread.
          look_ups_.push_back({code, pc, end, in.arg});
          code = program_.tables[in.arg].key.ops.data();
          pc = 0;
          end = program_.tables[in.arg].key.ops.size();
          break;
        case op::negate:
          stack_.back().num = -stack_.back().num;
          break;
        case op::logical_not:
          stack_.back().truth = !stack_.back().truth;
          break;
        case op::add:
        case op::subtract: {
          const value b = pop();
          value& a = stack_.back();
          a = add(a, b, in.code == op::subtract);
          break;
        }
        case op::multiply: {
          const value b = pop();
          value& a = stack_.back();
          a = multiply(a, b);
          break;
        }
        case op::divide: {
          const value b = pop();
          value& a = stack_.back();
          a = divide_rounded(a, b, program_.divisions[in.arg]);
          break;
        }
        case op::equal:
        case op::not_equal: {
          const value b = pop();
          value& a = stack_.back();
          const bool same = equal_values(a, b);
          a = value::boolean(in.code == op::equal ? same : !same);
          break;
        }
        case op::less:
        case op::less_equal:
        case op::greater:
        case op::greater_equal: {
          const value b = pop();
          value& a = stack_.back();
          const int order = order_values(a, b);
          bool holds = false;
          switch (in.code) {
            case op::less:
              holds = order < 0;
              break;
            case op::less_equal:
              holds = order <= 0;
              break;
            case op::greater:
              holds = order > 0;
              break;
            default:
              holds = order >= 0;
              break;
          }
          a = value::boolean(holds);
          break;
        }
        case op::jump_if_false:
        case op::jump_if_true:
          if (stack_.back().truth == (in.code == op::jump_if_true))
            pc = in.arg;
          else
            stack_.pop_back();
          break;
        case op::min:
        case op::max: {
          const std::size_t first = stack_.size() - in.arg;
          std::size_t best = first;
          for (std::size_t i = first + 1; i < stack_.size(); ++i) {
            const int order = compare_numbers(stack_[i], stack_[best]);
            if (in.code == op::min ? order < 0 : order > 0) best = i;
          }
          if (best != first) stack_[first] = std::move(stack_[best]);
          stack_.resize(first + 1);
          break;
        }
      }
    }
    if (look_ups_.empty()) break;
    // A key has run: look its table up, and go back to the code that wanted the table.
    const look_up_frame back = look_ups_.back();
    look_ups_.pop_back();
    const value key = pop();
    const value& found = entry_for(back.table, key);
    if (cacheable(back.table)) tables_[back.table] = found;
    stack_.push_back(found);
    code = back.code;
    pc = back.pc;
    end = back.end;
  }
  return pop();
}

}  // namespace tariff::plan
