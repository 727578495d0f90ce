// The parse tree PEGTL builds for one declaration: which rules become nodes, and how a failure
// after a commit point becomes a positioned syntax error with a message from the error table.
#pragma once

#include <cctype>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "grammar/tariff_errors.hpp"
#include "grammar/tariff_grammar.hpp"

namespace tariff::parse {

namespace g = grammar;
namespace pegtl = tao::pegtl;

/// A parse-tree node. PEGTL allocates one for every selected rule and a temporary one for every
/// unselected rule with children, and frees them all again: with the global heap, allocating and
/// freeing them was about a third of compiling a 10 000-item tariff (`perf`), and compile time
/// halved when they came from the `node_pool` of the parse in progress (see there).
struct node : pegtl::parse_tree::basic_node<node> {
  // User-provided, so that make_unique's value-initialisation runs the members' own initialisers
  // instead of first zeroing the whole node.
  node() noexcept {}  // NOLINT(modernize-use-equals-default)
  static void* operator new(std::size_t size);
  static void operator delete(void* p, std::size_t size) noexcept;
};

/// Fixed-size blocks for the nodes of one parse, recycled through a free list (a temporary node
/// is freed as soon as its rule ends, so the next one reuses a block still in cache) and released
/// all at once with the pool. A pool is current on its thread from construction to destruction;
/// every node must be created and destroyed while the same pool is current, which holds because
/// only `parse_module` builds parse trees and they never leave it. With no pool current, nodes
/// use the global heap.
class node_pool {
 public:
  node_pool() noexcept;
  ~node_pool();
  node_pool(const node_pool&) = delete;
  node_pool& operator=(const node_pool&) = delete;

  static node_pool* current() noexcept;
  /// Where the declaration being parsed starts, of how many bytes: what a cancelled compile
  /// reports when allocate() finds its stop condition holds.
  void at_declaration(std::size_t byte, std::size_t of) noexcept {
    declaration_ = byte;
    source_size_ = of;
  }
  /// A block; every 4096 blocks it looks at compile()'s stop condition (errors/stop_point.hpp),
  /// which a single declaration of a hundred thousand items needs.
  void* allocate();
  void deallocate(void* p) noexcept;

 private:
  struct free_block {
    free_block* next;
  };
  static constexpr std::size_t block_size = (sizeof(node) + alignof(std::max_align_t) - 1) /
                                            alignof(std::max_align_t) * alignof(std::max_align_t);
  static constexpr std::size_t first_chunk_blocks = 256;

  node_pool* previous_;
  std::vector<std::unique_ptr<std::byte[]>> chunks_;
  std::byte* next_ = nullptr;
  std::byte* end_ = nullptr;
  std::size_t chunk_blocks_ = first_chunk_blocks;
  free_block* free_ = nullptr;
  std::size_t allocations_ = 0;
  std::size_t declaration_ = 0;
  std::size_t source_size_ = 0;
};

/// The rules that become parse-tree nodes; everything else is folded into its parent.
template <class Rule>
using selector = pegtl::parse_tree::selector<
    Rule,
    pegtl::parse_tree::store_content::on<
        // tokens
        g::name, g::string_literal, g::number, g::percent, g::duration, g::date_literal,
        g::time_literal, g::currency_code, g::zone_name, g::rounding_mode, g::rounding_point,
        g::item_unit, g::period_name, g::weekday, g::value_type, g::attribute_scope,
        g::attribute_name, g::true_literal, g::false_literal, g::min_call, g::max_call,
        g::on_holiday, g::compare_op, g::stacking, g::order_kind, g::per_segment, g::per_line,
        g::key_else, g::key_low, g::key_high, g::key_range, g::tier_low, g::tier_high,
        g::package_size, g::item_title, g::fee_prorated, g::unit_quantity, g::tier_kind,
        g::allowance_amount,
        // expressions
        g::name_ref, g::attribute_ref, g::call, g::in_window, g::on_days, g::during,
        g::during_range, g::negate, g::multiply, g::divide, g::add, g::subtract, g::compare,
        g::logical_not, g::logical_and, g::logical_or, g::expression,
        // declarations
        g::header, g::rounding, g::calendar, g::timezone_entry, g::window_entry, g::days_entry,
        g::date_span, g::holidays_entry, g::season_entry, g::attribute, g::attribute_default,
        g::table, g::table_entry, g::table_value, g::pricelist, g::base_list, g::effective, g::item,
        g::override_item, g::option_price, g::option_cost, g::option_bill, g::option_minimum_charge,
        g::option_minimum, g::option_maximum_charge, g::option_discount, g::option_tiers,
        g::option_credit, g::tier, g::tier_value, g::rule, g::rule_items, g::rule_condition,
        g::rule_value, g::group, g::plan, g::plan_pricelist, g::plan_period, g::plan_fee,
        g::fee_per_unit, g::plan_includes, g::item_set, g::overage, g::alerts, g::plan_order,
        g::plan_catalogue, g::fee_name, g::plan_prepaid, g::balance_alerts, g::plan_late_work,
        g::late_work_count, g::late_work_unit, g::tax, g::tax_basis, g::tax_scope, g::tax_rounding,
        g::tax_rate, g::tax_rate_items, g::tax_exempt, g::pay, g::version_date, g::migrate,
        g::migrate_plan, g::migrate_allowance, g::migrate_old, g::migrate_new, g::migrate_old_key,
        g::migrate_new_key>,
    // The levels of precedence: a node with operators, replaced by its one child without. An
    // operand then costs its operator's node and its own, not one more per level (`+ 1` took four
    // nodes): a 16 MiB chain of operators is one declaration, parsed whole.
    pegtl::parse_tree::fold_one::on<g::product, g::term, g::sum, g::compared, g::comparison,
                                    g::conjunction, g::disjunct>>;

/// The text at the failure point, for "found ..." in a message: the next token, at most a few
/// characters, or "end of file". Whole UTF-8 characters (the source was checked to be UTF-8): a
/// name in another script is shown as written, never by its first byte.
template <class Input>
std::string found_at(const Input& in) {
  const char* p = in.current();
  const char* end = in.end();
  if (p == end) return "end of file";
  if (*p == '\n' || *p == '\r') return "end of line";
  const auto byte = [](const char* c) { return static_cast<unsigned char>(*c); };
  const auto next_character = [&](const char* c) {
    ++c;  // past the lead byte, then its continuation bytes
    while (c != end && (byte(c) & 0xC0U) == 0x80U)
      ++c;
    return c;
  };
  const auto word = [&](const char* c) {
    return std::isalnum(byte(c)) != 0 || *c == '_' || byte(c) >= 0x80U;
  };
  const char* q = p;
  if (word(q)) {
    while (q != end && word(q) && q - p < 24)
      q = next_character(q);
  } else {
    q = next_character(q);
  }
  return "'" + std::string(p, q) + "'";
}

/// How deeply rules may nest: the only recursion the front end has that input can drive deep
/// (the checker, the compiler and the evaluator recurse only as deep as it allows). 500 is 11
/// times the deepest tariff of examples/, tests/ and docs/language.md (44), admits 43 levels of
/// plain parentheses (fewer when each level holds operators: docs/language.md, Limits), and keeps
/// the descent within a 256 KiB stack even under AddressSanitizer, whose frames are larger: about
/// 400 bytes a level there, where 640 levels overflowed it (tests/hostile/front_end_test.cpp).
inline constexpr std::size_t max_rule_depth = 500;

/// PEGTL action: no actions (the parse tree is built by the selector), only the depth limit.
template <class Rule>
struct depth_limit : pegtl::limit_depth<max_rule_depth> {};

/// A syntax error at a commit point: the message from the error table with what was found
/// there, and whether it stays at the token where it was noticed (grammar::reported_at_next_token)
/// or moves back to the end of the line where the missing piece was due.
class syntax_error : public pegtl::parse_error {
 public:
  template <class Input>
  syntax_error(const std::string& message, const Input& in, bool at_next_token)
      : pegtl::parse_error(message, in), reported_at_next_token_(at_next_token) {}

  bool reported_at_next_token() const noexcept { return reported_at_next_token_; }

 private:
  bool reported_at_next_token_;
};

/// PEGTL control: a must<> failure raises a syntax_error with the rule's message. A commit point
/// over a rule without a message in grammar/tariff_errors.hpp does not compile.
template <class Rule>
struct control : pegtl::normal<Rule> {
  template <class Input, class... States>
  [[noreturn]] static void raise(const Input& in, [[maybe_unused]] States&&... st) {
    static_assert(g::has_error_message<Rule>,
                  "a rule that can fail after a commit point (inside must<> or if_must<>) needs "
                  "its message in grammar/tariff_errors.hpp");
    if constexpr (g::can_fail<Rule>) {
      throw syntax_error(std::string(g::error_message<Rule>) + ", found " + found_at(in), in,
                         g::reported_at_next_token<Rule>);
    } else {
      pegtl::normal<Rule>::raise(in, st...);  // an opt<> or a star<>: never fails
    }
  }
};

}  // namespace tariff::parse
