// The tariff header and rounding declarations.
#include <algorithm>
#include <cctype>

#include "check/passes.hpp"

namespace tariff::check_stage {
namespace {

bool is_iso_4217_form(const std::string& code) {
  return code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) {
           return std::isupper(static_cast<unsigned char>(c)) != 0;
         });
}

}  // namespace

void check_header_and_rounding(context& ctx) {
  const auto& headers = ctx.module.headers;
  if (headers.empty())
    ctx.sink.report(diagnostics::code::missing_header, {1, 1},
                    "missing tariff header, such as: tariff \"Facilities 2026\" currency RUB");
  for (std::size_t i = 1; i < headers.size(); ++i)
    ctx.sink.report(diagnostics::code::repeated_declaration, headers[i].at,
                    "duplicate tariff header (first declared at " + where(headers[0].at) + ")");
  for (const ast::tariff_header& header : headers)
    if (!is_iso_4217_form(header.currency.text))
      ctx.sink.report(diagnostics::code::invalid_currency, header.currency.at,
                      "currency '" + header.currency.text +
                          "' is not an ISO 4217 code: write three capital "
                          "letters such as EUR");

  std::vector<const ast::rounding_decl*> seen;
  for (const ast::rounding_decl& rounding : ctx.module.roundings) {
    if (rounding.step.sign() <= 0)
      ctx.sink.report(diagnostics::code::not_positive, rounding.at,
                      "rounding step must be greater than 0, not " + rounding.step.to_string());
    auto first = std::find_if(seen.begin(), seen.end(), [&](const ast::rounding_decl* r) {
      return r->point == rounding.point;
    });
    if (first != seen.end())
      ctx.sink.report(diagnostics::code::repeated_declaration, rounding.at,
                      std::string("duplicate rounding for '") + ast::to_string(rounding.point) +
                          "' (first declared at " + where((*first)->at) + ")");
    else
      seen.push_back(&rounding);
  }
}

}  // namespace tariff::check_stage
