// Finding a declaration of the syntax tree by name, and describing it in the language's words:
// what hover shows and completion details.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ast/ast.hpp"

namespace tariff::lsp {

/// An item as one version of a price list declares or overrides it.
struct item_in_list {
  const ast::pricelist_decl* list = nullptr;
  const ast::item_decl* item = nullptr;
};

/// Every declaration or override of the item, in source order.
std::vector<item_in_list> items_named(const ast::module& m, std::string_view name);

/// A rule (or a group) with its place among the pricing rules.
struct rule_place {
  const ast::rule_decl* rule = nullptr;    ///< null for a group
  const ast::group_decl* group = nullptr;  ///< the group the rule is in, or the group itself
  int index = 0;                           ///< 1-based among the top-level rules and groups
  int count = 0;                           ///< of top-level rules and groups
};
/// The rule or group of that name, or a place with neither set.
rule_place rule_named(const ast::module& m, std::string_view name);

const ast::table_decl* table_named(const ast::module& m, std::string_view name);
const ast::window_decl* window_named(const ast::module& m, std::string_view name);
const ast::days_decl* day_set_named(const ast::module& m, std::string_view name);
const ast::season_decl* season_named(const ast::module& m, std::string_view name);
/// `key` is "scope.name".
const ast::attribute_decl* attribute_named(const ast::module& m, std::string_view key);

/// The built-in attributes ("contract.year") with their types, as the checker declares them.
struct built_in_attribute {
  const char* key;
  const char* type;
};
const std::vector<built_in_attribute>& built_in_attributes();

/// "22:00", "24:00".
std::string clock_text(std::chrono::minutes m);
/// "1h", "15min", "3 visit".
std::string quantity_text(const ast::quantity& q);

}  // namespace tariff::lsp
