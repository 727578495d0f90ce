// The Vim and Neovim packages (editors/vim, editors/nvim) in a real Neovim, run headless:
// filetype detection and the filetype plugin, syntax groups at chosen places, `:compiler tariff`
// reading a real `tariff check` into the quickfix list, and the LSP client set up by
// require('tariff').setup() against a server that records what the client sends.
// The tariff tool is $TARIFF_CLI (CTest sets it), else build/release/src/cli/tariff.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runProbe } = require('./nvim');

const repo = path.resolve(__dirname, '..', '..');
const facilities = path.join(repo, 'examples', 'tariffs', 'facilities.tariff');
const cli = process.env.TARIFF_CLI || path.join(repo, 'build', 'release', 'src', 'cli', 'tariff');

function withTempDir(body) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tariff-editors-'));
  try {
    return body(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function syntaxGroups(file, positions, fresh = false) {
  return withTempDir((dir) => {
    const request = path.join(dir, 'request.json');
    fs.writeFileSync(request, JSON.stringify({ files: [{ path: file, positions }], fresh }));
    return runProbe('nvim_probe.lua', { TARIFF_PROBE_IN: request, TARIFF_CLASSES: '[]' }).files[0];
  });
}

test('a .tariff file gets the tariff filetype and syntax, and the groups at chosen places', () => {
  // [line, byte column, syntax group] in examples/tariffs/facilities.tariff
  const expected = [
    [1, 1, 'tariffComment'],            // # A facility manager's tariff
    [3, 1, 'tariffDeclaration'],        // tariff "Facilities 2026" (the keyword)
    [3, 9, 'tariffString'],             // "Facilities 2026"
    [3, 35, 'tariffCurrency'],          // RUB
    [4, 10, 'tariffRoundingPoint'],     // rounding line
    [4, 20, 'tariffMode'],              // half_up
    [6, 1, 'tariffDeclaration'],        // calendar
    [7, 12, 'tariffZone'],              // Europe/Moscow
    [8, 10, 'tariffName'],              // window night
    [8, 16, 'tariffTime'],              // 22:00
    [9, 16, 'tariffWeekday'],           // sat
    [10, 12, 'tariffDate'],             // 2026-01-01
    [13, 11, 'tariffDeclaredScope'],    // attribute site.region
    [13, 25, 'tariffType'],             // string
    [16, 58, 'tariffPercent'],          // 10%
    [19, 8, 'tariffName'],              // item hvac_repair
    [19, 41, 'tariffUnit'],             // per hour
    [19, 47, 'tariffMoneyWord'],        // price
    [19, 53, 'tariffMoney'],            // 2500.00
    [19, 87, 'tariffDuration'],         // bill started 1h
    [23, 29, 'tariffName'],             // extends retail
    [25, 12, 'tariffKeyword'],          // when
    [25, 20, 'tariffReference'],        // in night
    [25, 41, 'tariffOperator'],         // *
    [28, 19, 'tariffAttributeScope'],   // work.billable
    [30, 6, 'tariffPlanName'],          // plan standard
    [32, 7, 'tariffMoney'],             // fee 100000.00
    [34, 12, 'tariffAllowanceTime'],    // includes 20h
    [34, 16, 'tariffReference'],        // hvac_repair, an item named in an allowance
    [34, 32, 'tariffPeriod'],           // per month
  ];
  const wanted = expected.map(([line, col, group]) => `${line}:${col} ${group}`);
  // Read top to bottom, and each place alone in a freshly loaded file, last first (Vim then
  // finds where it is from the sync points above the place: a price list's item lines).
  for (const [order, fresh] of [['top to bottom', false], ['each alone', true]]) {
    const places = fresh ? [...expected].reverse() : expected;
    const seen = syntaxGroups(facilities, places.map(([line, col]) => [line, col]), fresh);
    assert.equal(seen.filetype, 'tariff');
    assert.equal(seen.syntax, 'tariff');
    const got = places.map(([line, col], i) => `${line}:${col} ${seen.groups[i]}`);
    assert.deepEqual(fresh ? got.reverse() : got, wanted, order);
  }
});

test('in a price list of 3000 items, a line near the end read first is still inside it', () => {
  withTempDir((dir) => {
    const file = path.join(dir, 'large.tariff');
    const items = Array.from({ length: 3000 }, (_, i) => `  item item${i} per hour price ${1000 + i}.00 cost 500.00`);
    fs.writeFileSync(file, ['tariff "Large" currency RUB', 'pricelist retail {', ...items, '}',
      'rule night : price * 2', ''].join('\n'));
    const last = items.length + 2;
    const seen = syntaxGroups(file, [[last, 3], [last, 8], [last, 21], [last, 26], [last, 32], [last + 1, 1], [last + 2, 6]], true);
    assert.deepEqual(seen.groups,
      ['tariffItemWord', 'tariffName', 'tariffUnit', 'tariffMoneyWord', 'tariffMoney', '', 'tariffName']);
  });
});

test('a #@ directive is highlighted apart from a comment', () => {
  withTempDir((dir) => {
    const file = path.join(dir, 'directive.tariff');
    fs.writeFileSync(file, 'rule night : price * 2  #@ allow window-overlap  # why\n# allow window-overlap\n');
    const seen = syntaxGroups(file, [[1, 25], [1, 28], [1, 34], [1, 50], [2, 3], [2, 9]]);
    assert.deepEqual(seen.groups, ['tariffDirective', 'tariffDirectiveWord', 'tariffDiagnosticName',
      'tariffComment', 'tariffComment', 'tariffComment']);
  });
});

function make(file) {
  return runProbe('nvim_make_probe.lua', {
    TARIFF_FILE: file, PATH: `${path.dirname(cli)}${path.delimiter}${process.env.PATH}`,
  });
}

test('the filetype plugin sets the layout and :compiler tariff; a clean file gives an empty list', () => {
  assert.ok(fs.existsSync(cli), `no tariff tool at ${cli}: build the tariff-cli target`);
  const seen = make(facilities);
  assert.equal(seen.filetype, 'tariff');
  assert.equal(seen.compiler, 'tariff');
  assert.equal(seen.makeprg, 'tariff check %:S');
  assert.equal(seen.commentstring, '# %s');
  assert.equal(seen.shiftwidth, 2);
  assert.equal(seen.expandtab, true);
  assert.deepEqual(seen.quickfix, []);
});

test(':make reads the errors and warnings of a real `tariff check` into the quickfix list', () => {
  withTempDir((dir) => {
    // facilities.tariff with a misspelt window, a rule that can never fire, and a price list
    // with a Cyrillic title before a misspelt unit (columns count bytes, in the tool and in Vim).
    const file = path.join(dir, 'broken.tariff');
    const source = fs.readFileSync(facilities, 'utf8')
      .replace('rule night when in night', 'rule night when in nigth')
      .replace('rule weekend when on weekend    : price * 1.5', 'rule weekend when on weekend    : price * 1.5\nrule never when false : price')
      + 'pricelist extra {\n  item kit "Набор инструментов" per pice price 10.00\n}\n';
    fs.writeFileSync(file, source);
    const lines = source.split('\n');
    const at = (text) => {
      const line = lines.findIndex((l) => l.includes(text));
      return { lnum: line + 1, col: Buffer.byteLength(lines[line].slice(0, lines[line].indexOf(text))) + 1 };
    };
    assert.equal(at('pice').col, 54);
    const seen = make(file);
    assert.deepEqual(seen.quickfix.filter((e) => e.valid === 1), [
      { file, ...at('nigth'), type: 'e', valid: 1, text: "unknown window 'nigth'; did you mean 'night'?" },
      { file, ...at('never'), type: 'w', valid: 1, text: "rule 'never' can never fire: its condition is always false" },
      { file, ...at('pice'), type: 'e', valid: 1,
        text: "expected a unit: hour, minute, day, month, visit, piece, km, kg, m2 or m3, found 'pice'; did you mean 'piece'?" },
    ]);
    // The quoted source lines, the carets and the count are not entries of their own.
    assert.deepEqual(seen.quickfix.filter((e) => e.valid !== 1), []);
  });
});

test('the compiler plugin leaves the stable name, the fix-it line and the caret out of the text', () => {
  // The lines as `tariff check` prints them (docs/cli.md), read here without running the tool:
  // the name in brackets after the message, a fix-it line under the caret, a note of its own.
  const output = [
    `${facilities}:25:20: error: unknown window 'nigth'; did you mean 'night'? [unknown-calendar-name]`,
    '  rule night when in nigth        : price * 2',
    '                     ^~~~~',
    '                     night',
    `${facilities}:28:46: error: cannot subtract percent from number [type-mismatch]`,
    '  rule loyalty when work.billable : price * (1 - loyalty)',
    '                                             ^',
    '                                           100%',
    `${facilities}:28:46: note: a share written as a number does not mix with a percent: 1 is 100%, so write '100% - loyalty'`,
    `${facilities}:27:6: warning[never-fires]: rule 'never' can never fire: its condition is always false`,
    'tariff: 2 error(s), 1 warning(s) in 1 file(s)',
  ];
  const seen = runProbe('nvim_make_probe.lua', { TARIFF_FILE: facilities, TARIFF_OUTPUT: JSON.stringify(output) });
  assert.deepEqual(seen.quickfix, [
    { file: facilities, lnum: 25, col: 20, type: 'e', valid: 1, text: "unknown window 'nigth'; did you mean 'night'?" },
    { file: facilities, lnum: 28, col: 46, type: 'e', valid: 1, text: 'cannot subtract percent from number' },
    { file: facilities, lnum: 28, col: 46, type: 'n', valid: 1,
      text: "a share written as a number does not mix with a percent: 1 is 100%, so write '100% - loyalty'" },
    { file: facilities, lnum: 27, col: 6, type: 'w', valid: 1, text: "rule 'never' can never fire: its condition is always false" },
  ]);
});

test("require('tariff').setup() starts one server per project and attaches every tariff buffer", () => {
  withTempDir((dir) => {
    // A project: its root has .git, one tariff at the top and one in a folder.
    fs.mkdirSync(path.join(dir, '.git'));
    fs.mkdirSync(path.join(dir, 'proposed'));
    const first = path.join(dir, 'facilities.tariff');
    const second = path.join(dir, 'proposed', 'facilities.tariff');
    fs.copyFileSync(facilities, first);
    fs.copyFileSync(facilities, second);
    const log = path.join(dir, 'server.log');
    const server = ['/usr/bin/python3', path.join(__dirname, 'recording_lsp_server.py'), log];
    const seen = runProbe('nvim_lsp_probe.lua', {
      TARIFF_LSP_CMD: JSON.stringify(server), TARIFF_FILES: JSON.stringify([first, second]),
    });
    assert.deepEqual(seen.buffers.map((b) => [b.path, b.filetype, b.clients, b.diagnostics]), [
      [first, 'tariff', 1, ['opened tariff']],
      [second, 'tariff', 1, ['opened tariff']],
    ]);
    assert.deepEqual(seen.clients, [{ name: 'tariff', root_dir: dir, cmd: server }]);
    assert.equal(seen.stopped, true);

    const received = fs.readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const methods = received.map((m) => m.method);
    assert.deepEqual(methods.filter((m) => m === 'initialize'), ['initialize']);
    const initialize = received.find((m) => m.method === 'initialize').params;
    assert.equal(initialize.rootUri, `file://${dir}`);
    assert.ok(initialize.capabilities.textDocument.publishDiagnostics, 'the client does not take diagnostics');
    const opened = received.filter((m) => m.method === 'textDocument/didOpen').map((m) => m.params.textDocument);
    assert.deepEqual(opened.map((d) => [d.uri, d.languageId, d.text]), [
      [`file://${first}`, 'tariff', fs.readFileSync(first, 'utf8')],
      [`file://${second}`, 'tariff', fs.readFileSync(second, 'utf8')],
    ]);
    assert.deepEqual(methods.slice(-2), ['shutdown', 'exit']);
  });
});

test("Neovim's client on the real `tariff lsp` shows the tool's diagnostics in each buffer", () => {
  withTempDir((dir) => {
    // The probe of the test above, with the language server of this build instead of the
    // recording one: a misspelt window in one file, a clean file beside it.
    fs.mkdirSync(path.join(dir, '.git'));
    const broken = path.join(dir, 'broken.tariff');
    const clean = path.join(dir, 'clean.tariff');
    fs.writeFileSync(broken, fs.readFileSync(facilities, 'utf8')
      .replace('rule night when in night', 'rule night when in nigth'));
    fs.copyFileSync(facilities, clean);
    const server = [cli, 'lsp', '--debounce', '0'];
    const seen = runProbe('nvim_lsp_probe.lua', {
      TARIFF_LSP_CMD: JSON.stringify(server), TARIFF_FILES: JSON.stringify([broken, clean]),
    });
    assert.deepEqual(seen.buffers.map((b) => [b.path, b.filetype, b.clients, b.diagnostics]), [
      [broken, 'tariff', 1, ["unknown window 'nigth'; did you mean 'night'?"]],
      [clean, 'tariff', 1, []],
    ]);
    assert.deepEqual(seen.clients, [{ name: 'tariff', root_dir: dir, cmd: server }]);
    assert.equal(seen.stopped, true);
  });
});
