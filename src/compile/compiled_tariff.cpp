// The public handle's accessors over the compiled program.
#include <tariff/pricing.hpp>

#include "plan/program.hpp"

namespace tariff {

const std::string& compiled_tariff::name() const {
  return program_->name;
}
const std::string& compiled_tariff::currency() const {
  return program_->currency;
}
const std::string& compiled_tariff::source_hash() const {
  return program_->source_hash;
}
const std::string& compiled_tariff::file() const {
  return program_->file;
}

const date::time_zone& compiled_tariff::time_zone() const {
  return program_->cal.zone();
}

std::string_view compiled_tariff::time_zone_name() const {
  return program_->cal.zone().name();
}

std::optional<amount_rounding> compiled_tariff::line_rounding() const {
  if (!program_->line_rounding) return std::nullopt;
  return amount_rounding{program_->line_rounding->step, program_->line_rounding->mode};
}

int compiled_tariff::amount_scale() const {
  return program_->zero_amount().scale();
}

std::optional<tax_terms> compiled_tariff::tax() const {
  if (!program_->tax_rules) return std::nullopt;
  const plan::tax& t = *program_->tax_rules;
  tax_terms out{
      t.name,
      t.basis == vocabulary::tax_basis::included ? tax_basis::included : tax_basis::excluded,
      t.scope == vocabulary::tax_scope::statement ? tax_scope::statement : tax_scope::line,
      {},
      t.rates[t.default_rate].name};
  out.rates.reserve(t.rates.size());
  for (const plan::tax::rate& r : t.rates)
    out.rates.push_back({r.name, r.percent});
  return out;
}

std::vector<tariff_version> compiled_tariff::versions() const {
  std::vector<tariff_version> out;
  if (program_->versions.empty()) {
    out.push_back({program_->effective, program_->source_hash, program_->file});
    return out;
  }
  for (const plan::version& v : program_->versions)
    out.push_back({v.dated ? std::optional(v.effective) : std::nullopt, v.source_hash, v.file});
  return out;
}

std::vector<std::string> compiled_tariff::plans() const {
  std::vector<std::string> names;
  names.reserve(program_->plans.size());
  for (const plan::plan& p : program_->plans)
    names.push_back(p.name);
  return names;
}

std::vector<std::string> compiled_tariff::label_names(const segment_labels& labels) const {
  std::vector<std::string> names;
  const calendar& cal = program_->cal;
  for (std::size_t i = 0; i < cal.windows().size(); ++i)
    if ((labels.windows >> i) & 1U) names.push_back(cal.windows()[i].name);
  for (std::size_t i = 0; i < cal.day_sets().size(); ++i)
    if ((labels.day_sets >> i) & 1U) names.push_back(cal.day_sets()[i].name);
  // Ranges written inline in a `during` have no name; only seasons are shown.
  for (std::size_t i = 0; i < cal.date_ranges().size(); ++i)
    if (((labels.date_ranges >> i) & 1U) && !cal.date_ranges()[i].name.empty())
      names.push_back(cal.date_ranges()[i].name);
  if (labels.holiday) names.push_back("holiday");
  return names;
}

}  // namespace tariff
