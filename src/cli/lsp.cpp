// tariff lsp: the language server, on standard input and output (docs/lsp.md).
#include <unistd.h>

#include "cli/cli.hpp"
#include "lsp/server.hpp"

namespace tariff::cli {

void add_lsp_command(CLI::App& app) {
  auto opts = std::make_shared<lsp::server_options>();
  CLI::App* cmd = app.add_subcommand(
      "lsp", "Serve the Language Server Protocol on standard input and output (for editors)");
  cmd->add_option("--debounce", opts->debounce_ms,
                  "Milliseconds after a change before its diagnostics are published, 0 to 60000 "
                  "(default 200)")
      ->check(CLI::Range(0, 60000))
      ->option_text("MS");
  cmd->callback([opts] {
    const int status = lsp::serve(STDIN_FILENO, STDOUT_FILENO, *opts);
    if (status != 0) throw failure("", status);
  });
}

}  // namespace tariff::cli
