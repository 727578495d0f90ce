// tariff man: the manual page, roff for man(1), generated from the commands' definitions
// (command_model.hpp): `tariff man > tariff.1; man -l tariff.1`.
#include <fmt/core.h>

#include <tariff/version.hpp>

#include "cli/cli.hpp"
#include "cli/command_model.hpp"

namespace tariff::cli {

namespace {

// Text as roff shows it: a backslash escaped, a line that would start with a dot or a quote
// (a request) started with the zero-width \&; a dash typed as \- so that it stays a hyphen-minus
// for copying options.
std::string roff(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      if ((c == '.' || c == '\'') && (out.empty() || out.back() == '\n')) out += "\\&";
      out += c;
    }
  }
  return out;
}

std::string option_heading(const option_model& o) {
  if (!o.positional.empty()) return "\\fI" + roff(o.positional) + "\\fR";
  std::string heading;
  for (const std::string& name : o.names) {
    if (!heading.empty()) heading += ", ";
    heading += "\\fB" + roff(name) + "\\fR";
  }
  if (!o.choices.empty()) {
    std::string choices;
    for (const std::string& choice : o.choices)
      choices += (choices.empty() ? "" : "|") + roff(choice);
    heading += " " + choices;
  } else if (o.takes_value) {
    heading += " \\fIVALUE\\fR";
  }
  return heading;
}

std::string man_page(const tool_model& tool) {
  std::string s = fmt::format(".TH TARIFF 1 \"\" \"tariff {}\" \"User Commands\"\n", version);
  s += ".SH NAME\ntariff \\- " + roff(tool.description.substr(tool.description.find(": ") + 2)) +
       "\n.SH SYNOPSIS\n\\fBtariff\\fR \\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n";
  s += ".SH DESCRIPTION\n"
       "\\fBtariff\\fR checks, formats and runs tariffs written in the tariff rules language: it "
       "prices work lines, bills contracts for a period, compares a proposed tariff with the "
       "current one on real history, and works out contractor payouts and staff pay. Amounts are "
       "exact decimals, never binary floating point.\n"
       ".SH OPTIONS\n";
  for (const option_model& o : tool.options)
    s += ".TP\n" + option_heading(o) + "\n" + roff(o.description) + "\n";
  s += ".SH COMMANDS\n";
  for (const command_model& c : tool.commands) {
    s += ".SS " + roff(c.name) + "\n" + roff(c.description) + "\n";
    for (const option_model& o : c.options)
      s += ".TP\n" + option_heading(o) + "\n" + roff(o.description) + "\n";
  }
  s += ".SH EXIT STATUS\n"
       ".TP\n0\ndone\n"
       ".TP\n1\nthe tariff or the input has errors, or an output could not be written\n"
       ".TP\n2\nthe command line is wrong\n"
       ".TP\n3\n\\fBdiff \\-\\-exit\\-code\\fR: a figure changed\n"
       ".TP\n4\n\\fBdiff\\fR: a contract the new tariff cannot price\n"
       ".TP\n5\n\\fBprice\\fR, \\fBbill\\fR, \\fBestimate\\fR, \\fBdiff\\fR: the \\-\\-timeout "
       "passed\n"
       ".SH SEE ALSO\n"
       "docs/cli.md in the tariff sources describes every command and option with examples.\n";
  return s;
}

}  // namespace

void add_man_command(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("man", "Print the manual page (roff: man -l, groff -man)");
  cmd->callback([&app] { write_output("", man_page(model_of(app))); });
}

}  // namespace tariff::cli
