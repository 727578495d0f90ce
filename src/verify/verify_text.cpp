// What `tariff verify` prints (docs/cli.md, "tariff verify").
#include <string>

#include <tariff/verify.hpp>

namespace tariff {

namespace {

// Each line of an explanation after the first, indented under its label.
std::string indented(const std::string& text, std::size_t by) {
  std::string out;
  for (const char c : text) {
    out += c;
    if (c == '\n') out.append(by, ' ');
  }
  return out;
}

}  // namespace

std::string write_verify_text(const verify_result& r) {
  std::string out;
  for (const std::string& note : r.notes)
    out += "note: " + note + "\n";
  std::string statement;  // the contract and period whose differences are being listed
  std::string element;    // the line or fee last explained
  for (const verify_difference& d : r.differences) {
    if (d.contract + " " + d.period != statement) {
      statement = d.contract + " " + d.period;
      element.clear();
      out += "contract " + d.contract + ", " + d.period + ":\n";
    }
    out += "  " + d.where + ": recorded " + d.recorded + ", re-priced " + d.repriced + "\n";
    if (!d.element.empty() && d.element != element) {
      out += "    recorded:  " + indented(d.recorded_line, 4) + "\n";
      out += "    re-priced: " + indented(d.repriced_line, 4) + "\n";
    }
    element = d.element;
  }
  if (!r.missing_hashes.empty()) {
    out += "not verified: the archive has no tariff with hash";
    for (std::size_t i = 0; i < r.missing_hashes.size(); ++i)
      out += (i == 0 ? " " : ", ") + r.missing_hashes[i];
    out += "\n";
  } else if (r.identical) {
    out += "identical\n";
  } else {
    out += "differs: " + std::to_string(r.differences.size()) + " figure(s) in " +
           std::to_string(r.differing) + " of " + std::to_string(r.statements) + " statement(s)\n";
  }
  return out;
}

}  // namespace tariff
