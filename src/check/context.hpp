// What the checker's passes share: the module, the sink, and the names declared so far.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ast/ast.hpp"
#include "check/types.hpp"
#include "diagnostics/sink.hpp"

namespace tariff::check_stage {

/// The names of one kind, in declaration order, each with the place of its first declaration.
class name_table {
 public:
  /// Records `name` declared at `at`; returns the first declaration's place if it is a repeat.
  std::optional<ast::position> add(const std::string& name, ast::position at);
  /// Whether `name` is declared.
  bool contains(std::string_view name) const { return first_.find(name) != first_.end(); }
  /// The names in declaration order (so that "did you mean" ties go to the first declared).
  const std::vector<std::string>& names() const { return order_; }

 private:
  std::map<std::string, ast::position, std::less<>> first_;
  std::vector<std::string> order_;
};

/// An item as a price list declares it (with `item`, not as an override).
struct item_info {
  std::string name;
  std::optional<ast::item_unit> unit;
  const ast::item_decl* decl = nullptr;
  std::string list;  ///< the price list that declares it
};

/// All versions of one price list (`pricelist X` written once per effective date).
struct pricelist_family {
  std::string name;
  std::vector<const ast::pricelist_decl*> versions;
  const ast::identifier* base = nullptr;  ///< the `extends` of the first version, if any
  bool base_known = false;                ///< `base` names a declared list
  /// Its `extends` chain comes back on itself or is longer than the limit: that is reported
  /// once, and nothing it inherits is looked at.
  bool chain_broken = false;
  std::vector<item_info> own_items;  ///< new items of every version, first declaration wins
  std::unordered_map<std::string_view, std::size_t> own_index;  ///< item name -> own_items[i]
};

/// A declared or built-in attribute.
struct attribute_info {
  type value_type;
  const ast::attribute_decl* decl = nullptr;  ///< null for built-ins
};

/// Where the expressions being checked are written, which decides what they may read.
enum class expression_place : std::uint8_t {
  rule,      ///< a price rule, a table key or value: the line and the part being priced
  pay_rule,  ///< a staff pay rule: the priced line's amount, cost and quantity
  contract,  ///< a contract-wide condition (tax exemption): contract and client attributes only
};

/// The state of one check: the input, the output, and the symbol tables the passes fill.
struct context {
  context(const ast::module& m, diagnostics::diagnostic_sink& s) : module(m), sink(s) {}

  const ast::module& module;
  diagnostics::diagnostic_sink& sink;

  name_table windows;
  name_table day_sets;
  name_table seasons;
  name_table tables;
  std::map<std::string, type, std::less<>> table_types;           ///< the value type of each table
  std::map<std::string, attribute_info, std::less<>> attributes;  ///< by "scope.name"
  std::vector<pricelist_family> pricelists;
  std::map<std::string, std::size_t, std::less<>> pricelist_index;  ///< name -> pricelists[i]
  expression_place place = expression_place::rule;  ///< set by the pass checking expressions

  /// Whether a declaration lost to a syntax error declares `name` of `kind` ("item", "price list",
  /// "table", "window", "day set", "season"): then a use of it is not reported as unknown.
  bool lost(std::string_view kind, std::string_view name) const {
    return module.lost_names.contains({std::string(kind), std::string(name)});
  }
  /// The family called `name`, or null.
  const pricelist_family* find_pricelist(std::string_view name) const;
  /// The item `name` as list `list` offers it: its own, else the nearest base's; null if none.
  const item_info* visible_item(const pricelist_family& list, std::string_view name) const;
  /// The item `name` as list `self` inherits it through `base` (a version's `extends`): from the
  /// nearest list on that chain that declares it; null if none, or if the chain is broken or
  /// comes back to `self`. Walks at most the chain, which the limit keeps short: never a copy of
  /// what the lists declare.
  const item_info* inherited_item(const pricelist_family& self, std::string_view base,
                                  std::string_view name) const;
  /// The names of every item list `self` inherits through `base`, nearest first: only to suggest
  /// a name after an error.
  std::vector<std::string> inherited_names(const pricelist_family& self,
                                           std::string_view base) const;
  /// The names of every item `list` offers, its own first: only to suggest a name after an error.
  std::vector<std::string> visible_names(const pricelist_family& list) const;
  /// Every item name declared in any price list, in declaration order, then those of lists lost
  /// to a syntax error.
  std::vector<std::string> all_item_names() const;
  /// Every unit an item of this name is billed in, over all price lists.
  std::vector<ast::item_unit> units_of_item(std::string_view name) const;
};

/// "line:column", as messages cite an earlier declaration.
std::string where(ast::position at);
/// Where the text of `e` starts. The parser places a chain of operators at its last operator
/// (where type errors belong); a message about the whole expression points at its first operand.
ast::position start_of(const ast::expression& e);
/// `precise` if the parser recorded it, else `fallback`.
ast::position or_else(ast::position precise, ast::position fallback);
/// "contract", "site" ...
std::string scope_name(ast::attribute_scope s);
/// "contract.year".
std::string attribute_key(ast::attribute_scope s, std::string_view name);
/// "hour", "visit" ...
std::string unit_name(ast::item_unit u);
/// Whether items in this unit are metered by time (and so take durations).
bool is_time_unit(ast::item_unit u);
/// "22:00".
std::string format_minutes(std::chrono::minutes m);
/// "month", "quarter", "year".
std::string period_name(ast::period_kind p);

}  // namespace tariff::check_stage
