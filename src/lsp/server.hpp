// tariff lsp: a Language Server Protocol 3.17 server for tariff sources, over JSON-RPC 2.0 on a
// pair of file descriptors (standard input and output). docs/lsp.md describes what it offers.
#pragma once

namespace tariff::lsp {

struct server_options {
  /// How long after a change the diagnostics of a document are published, in milliseconds: a
  /// burst of keystrokes is checked once, after it. The client's initializationOptions
  /// {"debounce": N} override it.
  int debounce_ms = 200;
};

/// Serves requests read from `in` and writes answers to `out` until the client sends `exit` or
/// the input ends. Returns the exit status LSP asks for: 0 after `shutdown` then `exit`, else 1.
int serve(int in, int out, const server_options& options = {});

}  // namespace tariff::lsp
