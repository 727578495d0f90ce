// Attributes: the built-in ones, the declared ones, and their defaults.
#include "check/constant.hpp"
#include "check/passes.hpp"

namespace tariff::check_stage {
namespace {

void add_built_ins(context& ctx) {
  struct built_in {
    const char* key;
    type_kind kind;
  };
  constexpr built_in built_ins[] = {
      {"contract.year", type_kind::number}, {"contract.start", type_kind::date},
      {"contract.end", type_kind::date},    {"contract.client_since", type_kind::date},
      {"work.kind", type_kind::string},     {"work.billable", type_kind::boolean},
      {"work.date", type_kind::date},       {"work.duration", type_kind::duration},
  };
  for (const built_in& b : built_ins)
    ctx.attributes[b.key] = attribute_info{type{b.kind, {}}, nullptr};
}

// A number literal may stand for money, as in expressions.
bool fits(const type& declared, const type& given) {
  return declared == given ||
         (declared.kind == type_kind::money && given.kind == type_kind::number);
}

void check_default(context& ctx, const ast::attribute_decl& a, const std::string& key) {
  const ast::expression& value = *a.default_value;
  const type declared = from_value_type(a.type);
  if (!is_literal_constant(value)) {
    ctx.sink.report(
        diagnostics::code::invalid_default, start_of(value),
        "default of attribute '" + key + "' must be a constant of type " + describe(declared));
    return;
  }
  const type given = check_expression(ctx, value);
  if (given.kind != type_kind::invalid && !fits(declared, given)) {
    ctx.sink.report(diagnostics::code::invalid_default, value.at,
                    "default of attribute '" + key + "' must be of type " + describe(declared) +
                        ", not " + describe(given));
    return;
  }
  if (a.type == ast::value_type::integer)
    if (const std::optional<constant> c = fold(value); c && !c->number.is_integer())
      ctx.sink.report(diagnostics::code::invalid_default, value.at,
                      "default of attribute '" + key + "' must be a whole number, not " +
                          c->number.to_string());
}

}  // namespace

void check_attributes(context& ctx) {
  add_built_ins(ctx);
  for (const ast::attribute_decl& a : ctx.module.attributes) {
    const std::string key = attribute_key(a.scope, a.name.text);
    if (auto existing = ctx.attributes.find(key); existing != ctx.attributes.end()) {
      if (existing->second.decl == nullptr)
        ctx.sink.report(diagnostics::code::builtin_name, a.name.at,
                        "attribute '" + key + "' is built in; it cannot be declared");
      else
        ctx.sink.report(diagnostics::code::duplicate_name, a.name.at,
                        "duplicate attribute '" + key + "' (first declared at " +
                            where(existing->second.decl->at) + ")");
    } else {
      ctx.attributes[key] = attribute_info{from_value_type(a.type), &a};
    }
    if (a.default_value) check_default(ctx, a, key);
  }
}

}  // namespace tariff::check_stage
