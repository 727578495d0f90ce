#include "bill/statement_id.hpp"

#include <charconv>

#include "errors/stop_point.hpp"
#include "text/sha256.hpp"

namespace tariff::bill_stage {

namespace {

void put_number(std::string& out, std::size_t n) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out.append(digits, end);
}

// Fields length-prefixed, so that no two different statements write the same text.
void put(std::string& out, std::string_view value) {
  put_number(out, value.size());
  out += ':';
  out += value;
}

// A count as a field: its digits, length-prefixed like any other (written without a string).
void put_count(std::string& out, std::size_t n) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  put(out, std::string_view(digits, static_cast<std::size_t>(end - digits)));
}

// A line by its id and amount: what it bills. Its other figures follow from the same inputs,
// and the totals below catch the rest.
void put_line(std::string& out, const priced_line& l) {
  put(out, l.id);
  put(out, l.amount.to_string());
}

}  // namespace

std::string statement_id(const statement& s) {
  std::string text = "tariff-statement-1";
  text.reserve(128 + 32 * (s.lines.size() + s.adjustments.size() + s.rejected.size()));
  put(text, s.tariff_hash);
  put(text, s.contract);
  put(text, format_span(s.period));
  put(text, std::to_string(s.opening_revision));
  for (const fee_line& f : s.fees) {
    put(text, f.description);
    put(text, format_span(f.covers));
    put(text, f.amount.to_string());
  }
  for (const auto* lines : {&s.lines, &s.adjustments, &s.rejected}) {
    put_count(text, lines->size());
    for (const priced_line& l : *lines) {
      errors::poll_every(static_cast<std::size_t>(&l - lines->data()), lines->size(),
                         "lines identified");  // bill()'s stop condition
      put_line(text, l);
    }
  }
  for (const reversal& r : s.reversals) {
    put(text, r.id);
    put(text, to_string(r.reason));
    put(text, r.amount.to_string());
  }
  for (const auto* ids : {&s.already_billed, &s.already_credited}) {
    put_count(text, ids->size());
    for (const std::string& id : *ids)
      put(text, id);
  }
  if (s.prepaid)
    for (const payment& p : s.prepaid->payments) {
      put(text, p.id);
      put(text, p.amount.to_string());
    }
  put(text, s.cost.to_string());
  put(text, s.tax.to_string());
  put(text, s.total.to_string());
  return s.contract + "/" + format_date(s.period.first) + "/r" +
         std::to_string(s.opening_revision) + "/" + text::sha256_hex(text, 16);
}

}  // namespace tariff::bill_stage
