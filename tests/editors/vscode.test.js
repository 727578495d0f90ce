// The VS Code extension in editors/vscode, without VS Code: its manifest's contributions point at
// files that exist and parse, and extension.js, loaded with stand-ins for the `vscode` and
// `vscode-languageclient` modules, starts `tariff lsp` over stdio for tariff documents.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const Module = require('module');

const repo = path.resolve(__dirname, '..', '..');
const extensionDir = path.join(repo, 'editors', 'vscode');
const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
const inExtension = (relative) => path.join(extensionDir, relative);

test('the manifest contributes the tariff language with files that exist', () => {
  const languages = manifest.contributes.languages;
  assert.equal(languages.length, 1);
  assert.equal(languages[0].id, 'tariff');
  assert.deepEqual(languages[0].extensions, ['.tariff']);
  const configuration = JSON.parse(fs.readFileSync(inExtension(languages[0].configuration), 'utf8'));
  assert.deepEqual(configuration.comments, { lineComment: '#' });
  assert.deepEqual(configuration.brackets, [['{', '}'], ['(', ')']]);
  // The word pattern is what double-click and completion treat as one word: a name, 20h, 15%.
  const word = new RegExp(`^(?:${configuration.wordPattern})$`);
  for (const sample of ['hvac_repair', '20h', '15min', '2500.00', '15%', '2026-01-01', '22:00']) {
    assert.match(sample, word);
  }
  assert.doesNotMatch('hvac-repair', word);
  assert.match('calendar {', new RegExp(configuration.indentationRules.increaseIndentPattern));
  assert.match('  }', new RegExp(configuration.indentationRules.decreaseIndentPattern));

  const grammars = manifest.contributes.grammars;
  assert.equal(grammars.length, 1);
  assert.equal(grammars[0].language, 'tariff');
  const grammarText = fs.readFileSync(inExtension(grammars[0].path), 'utf8');
  assert.equal(grammarText, fs.readFileSync(path.join(repo, 'editors', 'textmate', 'tariff.tmLanguage.json'), 'utf8'));
  assert.equal(JSON.parse(grammarText).scopeName, grammars[0].scopeName);

  assert.ok(fs.existsSync(inExtension(manifest.main)), `${manifest.main} is missing`);
  assert.deepEqual(manifest.contributes.commands.map((c) => c.command), ['tariff.restartServer']);
  for (const [name, version] of Object.entries(manifest.dependencies)) {
    assert.match(version, /^\d+\.\d+\.\d+$/, `${name} is not pinned`);
  }
  const lock = JSON.parse(fs.readFileSync(inExtension('package-lock.json'), 'utf8'));
  assert.equal(lock.packages['node_modules/vscode-languageclient'].version, manifest.dependencies['vscode-languageclient']);
});

// Loads extension.js with stand-ins that record what it asks of VS Code and of the client library.
function loadExtension(settings) {
  const record = { clients: [], commands: {}, errors: [] };
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions, started: 0, stopped: 0 });
      record.clients.push(this);
    }
    async start() { this.started += 1; if (settings.failStart) throw new Error('spawn tariff ENOENT'); }
    async stop() { this.stopped += 1; }
  }
  const stubs = {
    vscode: {
      workspace: { getConfiguration: (section) => {
        assert.equal(section, 'tariff');
        return { get: (key, fallback) => (key in settings ? settings[key] : fallback) };
      } },
      commands: { registerCommand: (name, handler) => { record.commands[name] = handler; return { dispose() {} }; } },
      window: { showErrorMessage: (message) => record.errors.push(message) },
    },
    'vscode-languageclient/node': { LanguageClient, TransportKind: { stdio: 0, ipc: 1, pipe: 2, socket: 3 } },
  };
  const originalLoad = Module._load;
  Module._load = function load(request, ...rest) {
    return request in stubs ? stubs[request] : originalLoad.call(this, request, ...rest);
  };
  try {
    const file = inExtension(manifest.main);
    delete require.cache[require.resolve(file)];
    return { extension: require(file), record };
  } finally {
    Module._load = originalLoad;
  }
}

test('activate starts `tariff lsp` over stdio for tariff documents; restart and deactivate stop it', async () => {
  const { extension, record } = loadExtension({});
  const context = { subscriptions: [] };
  await extension.activate(context);
  assert.equal(record.clients.length, 1);
  const client = record.clients[0];
  assert.equal(client.id, 'tariff');
  assert.deepEqual(client.serverOptions.run, { command: 'tariff', args: ['lsp'], transport: 0 });
  assert.deepEqual(client.serverOptions.debug, client.serverOptions.run);
  assert.deepEqual(client.clientOptions.documentSelector.map((s) => s.language), ['tariff', 'tariff']);
  assert.equal(client.started, 1);
  assert.equal(context.subscriptions.length, 1);

  await record.commands['tariff.restartServer']();
  assert.equal(client.stopped, 1);
  assert.equal(record.clients.length, 2);
  assert.equal(record.clients[1].started, 1);

  await extension.deactivate();
  assert.equal(record.clients[1].stopped, 1);
  assert.deepEqual(record.errors, []);
});

test('the settings name the tool and its arguments; a tool that does not start is reported', async () => {
  const { extension, record } = loadExtension({
    'server.path': '/opt/tariff/bin/tariff', 'server.extraArgs': ['--an-option', 'its-value'], failStart: true,
  });
  await extension.activate({ subscriptions: [] });
  assert.deepEqual(record.clients[0].serverOptions.run.command, '/opt/tariff/bin/tariff');
  assert.deepEqual(record.clients[0].serverOptions.run.args, ['lsp', '--an-option', 'its-value']);
  assert.equal(record.errors.length, 1);
  assert.match(record.errors[0], /Could not start 'tariff lsp' \(spawn tariff ENOENT\)\. Set tariff\.server\.path/);
});
