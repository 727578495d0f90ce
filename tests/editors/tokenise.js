// Tokenises tariff sources with editors/textmate/tariff.tmLanguage.json exactly as VS Code does
// (vscode-textmate on the Oniguruma regex engine compiled to WebAssembly), and writes or checks
// the golden scope files in tests/editors/expected.
//
//   node tests/editors/tokenise.js FILE.tariff      print one file's tokens and scopes
//   node tests/editors/tokenise.js --regenerate     rewrite every golden file (review the diff!)
'use strict';
const fs = require('fs');
const path = require('path');

// The npm packages come from tests/editors/package-lock.json through ./setup.sh (npm ci).
function requireInstalled(name) {
  try {
    return require(name);
  } catch (error) {
    throw new Error(`${name} is not installed in tests/editors/node_modules: run ./setup.sh (${error.message})`);
  }
}
const vsctm = requireInstalled('vscode-textmate');
const oniguruma = requireInstalled('vscode-oniguruma');

const repo = path.resolve(__dirname, '..', '..');
const grammarPath = path.join(repo, 'editors', 'textmate', 'tariff.tmLanguage.json');
const expectedDir = path.join(__dirname, 'expected');

// Every tariff the project ships as an example or a golden test input. The syntax-error corpus
// is included on purpose: an editor shows half-typed, broken text most of the time.
const corpusDirs = [
  'examples', 'docs/tutorial', 'benchmarks', 'bindings/python/tests/documents',
  'tests/errors/check', 'tests/errors/syntax',
];

function listTariffs() {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.tariff')) found.push(path.relative(repo, full));
    }
  };
  for (const dir of corpusDirs) walk(path.join(repo, dir));
  return found.sort();
}

// The golden file's name: the tariff's path with '/' as '__'.
function goldenName(tariffPath) {
  return tariffPath.split(path.sep).join('__').replace(/\.tariff$/, '.scopes');
}

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'source.tariff') return null;
      return vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath);
    },
  });
  return registry.loadGrammar('source.tariff');
}

// The tokens of a source: { line, column (1-based, UTF-16 units as the editor counts), text,
// scopes (without the root source.tariff) }. Tokens that are only spaces are left out.
function tokenise(grammar, source) {
  const tokens = [];
  let state = vsctm.INITIAL;
  const lines = source.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((lineText, index) => {
    const result = grammar.tokenizeLine(lineText, state);
    for (const token of result.tokens) {
      const text = lineText.slice(token.startIndex, token.endIndex);
      if (text.trim() === '') continue;
      tokens.push({ line: index + 1, column: token.startIndex + 1, text, scopes: token.scopes.slice(1) });
    }
    state = result.ruleStack;
  });
  return tokens;
}

function render(tokens) {
  return tokens.map((t) => `${t.line}:${t.column}\t${JSON.stringify(t.text)}\t${t.scopes.join(' ')}`).join('\n') + '\n';
}

module.exports = { repo, expectedDir, listTariffs, goldenName, loadGrammar, tokenise, render };

if (require.main === module) {
  (async () => {
    const grammar = await loadGrammar();
    const args = process.argv.slice(2);
    if (args[0] === '--regenerate') {
      fs.rmSync(expectedDir, { recursive: true, force: true });
      fs.mkdirSync(expectedDir, { recursive: true });
      for (const file of listTariffs()) {
        const source = fs.readFileSync(path.join(repo, file), 'utf8');
        fs.writeFileSync(path.join(expectedDir, goldenName(file)), render(tokenise(grammar, source)));
      }
      console.log(`wrote ${listTariffs().length} golden files to ${path.relative(repo, expectedDir)}`);
    } else {
      for (const file of args) process.stdout.write(render(tokenise(grammar, fs.readFileSync(file, 'utf8'))));
    }
  })().catch((error) => { console.error(error); process.exit(1); });
}
