// The VS Code client of the tariff language server: it starts `tariff lsp` (docs/editors.md)
// over stdio for every tariff file. Highlighting comes from the TextMate grammar and works
// without the server; everything else (diagnostics, hover, completion, navigation, formatting,
// code actions) is the server's.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function serverOptions() {
  const settings = vscode.workspace.getConfiguration('tariff');
  const executable = {
    command: settings.get('server.path', 'tariff'),
    args: ['lsp', ...settings.get('server.extraArgs', [])],
    transport: TransportKind.stdio,
  };
  return { run: executable, debug: executable };
}

const clientOptions = {
  documentSelector: [
    { scheme: 'file', language: 'tariff' },
    { scheme: 'untitled', language: 'tariff' },
  ],
};

async function startClient() {
  client = new LanguageClient('tariff', 'Tariff language server', serverOptions(), clientOptions);
  try {
    await client.start();
  } catch (error) {
    // The usual cause is a missing tool: say which setting names it rather than fail silently.
    vscode.window.showErrorMessage(
      `Could not start 'tariff lsp' (${error.message}). Set tariff.server.path to the tariff tool.`);
  }
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('tariff.restartServer', async () => {
      if (client) await client.stop();
      await startClient();
    }));
  await startClient();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
