// editors/vim/syntax/tariff.vim against the TextMate grammar: Neovim, run headless with the
// plugins in editors/ on its runtimepath, must give every token of every tariff that parses the
// class the TextMate scopes give it (the table is in docs/editors.md, "One set of colours").
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { repo, listTariffs, loadGrammar, tokenise } = require('./tokenise');
const { runProbe } = require('./nvim');

// The Vim class of a token from its TextMate scopes (innermost first).
function classOf(scopes) {
  const has = (prefix) => scopes.some((s) => s.startsWith(prefix));
  const last = scopes[scopes.length - 1] || '';
  if (has('meta.directive.')) {
    if (has('comment.')) return 'tariffComment';
    if (last.startsWith('constant.other.diagnostic-name.')) return 'tariffDiagnosticName';
    if (last.startsWith('punctuation.definition.directive.') || last.startsWith('keyword.other.directive.')) return 'tariffDirective';
    return '';
  }
  if (has('comment.')) return 'tariffComment';
  if (last.startsWith('constant.character.escape.')) return 'tariffEscape';
  if (last.startsWith('invalid.')) return 'tariffInvalid';
  if (has('string.')) return 'tariffString';
  const table = [
    ['keyword.other.declaration.', 'tariffDeclaration'],
    ['keyword.other.', 'tariffKeyword'],
    ['keyword.operator.logical.', 'tariffLogical'],
    ['keyword.operator.', 'tariffOperator'],
    ['entity.name.', 'tariffDefinition'],
    ['entity.other.inherited-class.', 'tariffDefinition'],
    ['constant.numeric.money.', 'tariffMoney'],
    ['constant.numeric.duration.', 'tariffDuration'],
    ['constant.numeric.percent.', 'tariffPercent'],
    ['constant.numeric.date.', 'tariffDate'],
    ['constant.numeric.time.', 'tariffTime'],
    ['constant.numeric.decimal.', 'tariffNumber'],
    ['constant.language.boolean.', 'tariffBoolean'],
    ['support.function.', 'tariffFunction'],
    ['support.constant.', 'tariffContext'],
    ['support.type.', 'tariffContext'],
    ['variable.language.attribute-scope.', 'tariffAttributeScope'],
    ['variable.language.', 'tariffBuiltin'],
    ['variable.other.', ''],
    ['punctuation.', ''],
  ];
  for (const [prefix, name] of table) if (last.startsWith(prefix)) return name;
  throw new Error(`no class for scopes ${scopes.join(' ')}`);
}
const classes = ['tariffComment', 'tariffDirective', 'tariffDiagnosticName', 'tariffDeclaration',
  'tariffKeyword', 'tariffLogical', 'tariffOperator', 'tariffDefinition', 'tariffNumber', 'tariffMoney',
  'tariffDuration', 'tariffPercent', 'tariffDate', 'tariffTime', 'tariffString', 'tariffEscape',
  'tariffInvalid', 'tariffBoolean', 'tariffFunction', 'tariffContext', 'tariffAttributeScope', 'tariffBuiltin'];

test('every token of every tariff that parses has the same class in Vim as in the TextMate grammar', async () => {
  const grammar = await loadGrammar();
  const files = listTariffs().filter((f) => !f.startsWith('tests/errors/syntax/')).map((file) => {
    const source = fs.readFileSync(path.join(repo, file), 'utf8');
    const lines = source.split(/\r?\n/);
    const tokens = tokenise(grammar, source).map((t) => ({
      ...t,
      // Vim counts bytes; the TextMate tokeniser UTF-16 code units.
      byte: Buffer.byteLength(lines[t.line - 1].slice(0, t.column - 1), 'utf8') + 1,
      expected: classOf(t.scopes),
    }));
    return { file, tokens };
  });
  const request = path.join(fs.mkdtempSync(path.join(require('os').tmpdir(), 'tariff-tokens-')), 'request.json');
  fs.writeFileSync(request, JSON.stringify({ files: files.map(({ file, tokens }) => ({
    path: path.join(repo, file), positions: tokens.map((t) => [t.line, t.byte]),
  })) }));
  const answer = runProbe('nvim_probe.lua', { TARIFF_PROBE_IN: request, TARIFF_CLASSES: JSON.stringify(classes) });
  fs.rmSync(path.dirname(request), { recursive: true, force: true });
  const mismatches = [];
  let compared = 0;
  files.forEach(({ file, tokens }, index) => {
    const seen = answer.files[index];
    assert.equal(seen.filetype, 'tariff', `${file}: filetype '${seen.filetype}'`);
    assert.equal(seen.syntax, 'tariff', `${file}: syntax '${seen.syntax}'`);
    tokens.forEach((t, i) => {
      compared += 1;
      if (seen.classes[i] !== t.expected) {
        mismatches.push(`${file}:${t.line}:${t.byte} ${JSON.stringify(t.text)}: Vim ${seen.classes[i] || '(plain)'}, TextMate ${t.expected || '(plain)'} (${t.scopes.join(' ')})`);
      }
    });
  });
  assert.ok(compared > 5000, `only ${compared} tokens compared`);
  assert.deepEqual(mismatches, []);
});
