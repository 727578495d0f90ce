// The TextMate grammar (editors/textmate/tariff.tmLanguage.json), tokenised as VS Code does:
// every tariff of the project against its golden scopes, the grammar's reserved words against
// grammar/tariff_grammar.hpp, and focused assertions on the scopes a theme colours.
// Regenerate the golden files after a deliberate change: node tests/editors/tokenise.js --regenerate
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { repo, expectedDir, listTariffs, goldenName, loadGrammar, tokenise, render } = require('./tokenise');

const grammarReady = loadGrammar();
const isProse = (scopes) => scopes.some((s) => /^(comment|string|meta\.directive)\./.test(s));
const inner = (scopes) => scopes.filter((s) => !s.startsWith('meta.'));

// The reserved words, read from the PEGTL grammar itself so that the two cannot drift apart.
function reservedWords() {
  const header = fs.readFileSync(path.join(repo, 'grammar', 'tariff_grammar.hpp'), 'utf8');
  const list = header.match(/using reserved_word_rules = type_list<([\s\S]*?)>;/)[1];
  return [...list.matchAll(/TARIFF_KW\("([a-z_]+)"\)/g)].map((m) => m[1]);
}

async function tokensOf(source) {
  return tokenise(await grammarReady, source);
}

// The one token at line:column whose text is `text`.
function at(tokens, line, text, nth = 0) {
  const found = tokens.filter((t) => t.line === line && t.text === text);
  assert.ok(found.length > nth, `no token ${JSON.stringify(text)} on line ${line}`);
  return found[nth].scopes;
}

test('every tariff of the project tokenises to its golden scopes', async () => {
  const grammar = await grammarReady;
  const tariffs = listTariffs();
  assert.ok(tariffs.length >= 90, `only ${tariffs.length} tariffs found`);
  for (const file of tariffs) {
    const golden = path.join(expectedDir, goldenName(file));
    assert.ok(fs.existsSync(golden), `${file} has no golden file ${path.relative(repo, golden)}: ` +
      'run node tests/editors/tokenise.js --regenerate and read the new file before committing it');
    const actual = render(tokenise(grammar, fs.readFileSync(path.join(repo, file), 'utf8')));
    assert.equal(actual, fs.readFileSync(golden, 'utf8'), `${file} differs from ${path.relative(repo, golden)}`);
  }
  const wanted = new Set(tariffs.map(goldenName));
  const stale = fs.readdirSync(expectedDir).filter((name) => !wanted.has(name));
  assert.deepEqual(stale, [], 'golden files of tariffs that no longer exist');
});

test('in every tariff that parses, each token outside comments and strings has a scope of its own', async () => {
  const grammar = await grammarReady;
  for (const file of listTariffs().filter((f) => !f.startsWith('tests/errors/syntax/'))) {
    for (const t of tokenise(grammar, fs.readFileSync(path.join(repo, file), 'utf8'))) {
      if (isProse(t.scopes)) continue;
      assert.ok(inner(t.scopes).length > 0, `${file}:${t.line}:${t.column} ${JSON.stringify(t.text)} has no scope`);
    }
  }
});

test('a reserved word is never scoped as a name, and numbers are always constant.numeric', async () => {
  const grammar = await grammarReady;
  const reserved = new Set(reservedWords());
  assert.equal(reserved.size, 59);
  const wordScopes = /^(keyword\.|variable\.language\.|support\.function\.|constant\.language\.)/;
  let seen = 0;
  for (const file of listTariffs()) {
    for (const t of tokenise(grammar, fs.readFileSync(path.join(repo, file), 'utf8'))) {
      if (isProse(t.scopes)) continue;
      if (reserved.has(t.text)) {
        seen += 1;
        assert.ok(inner(t.scopes).some((s) => wordScopes.test(s)),
          `${file}:${t.line}:${t.column} reserved word '${t.text}' scoped ${t.scopes.join(' ')}`);
      }
      if (/^\d/.test(t.text)) {
        assert.ok(inner(t.scopes).some((s) => s.startsWith('constant.numeric.')),
          `${file}:${t.line}:${t.column} ${JSON.stringify(t.text)} scoped ${t.scopes.join(' ')}`);
      }
    }
  }
  assert.ok(seen > 1000, `only ${seen} reserved words seen`);
});

test('examples/tariffs/facilities.tariff: the scopes a theme colours', async () => {
  const source = fs.readFileSync(path.join(repo, 'examples', 'tariffs', 'facilities.tariff'), 'utf8');
  const tokens = await tokensOf(source);
  const has = (scopes, scope) => assert.ok(scopes.includes(scope), `${scopes.join(' ')} lacks ${scope}`);
  has(at(tokens, 1, '#'), 'punctuation.definition.comment.tariff');
  has(at(tokens, 3, 'tariff'), 'keyword.other.declaration.tariff');
  has(at(tokens, 3, 'Facilities 2026'), 'string.quoted.double.tariff');
  has(at(tokens, 3, 'RUB'), 'support.constant.currency.tariff');
  has(at(tokens, 4, 'line'), 'support.constant.rounding-point.tariff');
  has(at(tokens, 4, 'half_up'), 'support.constant.rounding-mode.tariff');
  has(at(tokens, 7, 'Europe/Moscow'), 'support.constant.timezone.tariff');
  has(at(tokens, 8, 'night'), 'entity.name.window.tariff');
  has(at(tokens, 8, '22:00'), 'constant.numeric.time.tariff');
  has(at(tokens, 8, '..'), 'keyword.operator.range.tariff');
  has(at(tokens, 9, 'sat'), 'support.constant.weekday.tariff');
  has(at(tokens, 10, '2026-01-01'), 'constant.numeric.date.tariff');
  has(at(tokens, 13, 'string'), 'support.type.tariff');
  has(at(tokens, 15, 'region_factor'), 'entity.name.table.tariff');
  has(at(tokens, 16, '10%'), 'constant.numeric.percent.tariff');
  has(at(tokens, 18, 'retail'), 'entity.name.type.pricelist.tariff');
  has(at(tokens, 19, 'hvac_repair'), 'entity.name.item.tariff');
  has(at(tokens, 19, 'hour'), 'support.constant.unit.tariff');
  has(at(tokens, 19, 'price'), 'keyword.other.tariff');
  has(at(tokens, 19, '2500.00'), 'constant.numeric.money.tariff');
  has(at(tokens, 19, '1h'), 'constant.numeric.duration.tariff');
  has(at(tokens, 23, 'retail'), 'entity.other.inherited-class.pricelist.tariff');
  has(at(tokens, 23, 'hvac_repair'), 'variable.other.item.tariff');
  has(at(tokens, 25, 'night'), 'entity.name.function.rule.tariff');
  has(at(tokens, 25, 'night', 1), 'variable.other.window.tariff');
  has(at(tokens, 25, 'price'), 'keyword.other.tariff');
  has(at(tokens, 25, '*'), 'keyword.operator.arithmetic.tariff');
  has(at(tokens, 28, 'work'), 'variable.language.attribute-scope.tariff');
  has(at(tokens, 28, 'billable'), 'variable.other.property.tariff');
  has(at(tokens, 30, 'standard'), 'entity.name.plan.tariff');
  has(at(tokens, 32, '100000.00'), 'constant.numeric.money.tariff');
  has(at(tokens, 32, 'month'), 'support.constant.period.tariff');
  has(at(tokens, 34, '20h'), 'constant.numeric.duration.tariff');
  has(at(tokens, 34, 'hvac_repair'), 'variable.other.item.tariff');
  has(at(tokens, 34, '80%'), 'constant.numeric.percent.tariff');
});

test('#@ directives are scoped apart from comments', async () => {
  const tokens = await tokensOf([
    '#@ allow window-overlap, W12, below_cost',
    'rule night when in night : price * 2  #@ allow below-cost, negative-price  # why',
    '# allow window-overlap is only a comment here',
    '#! 3:1: error: a test expectation is a comment',
  ].join('\n'));
  assert.deepEqual(at(tokens, 1, '#@'), ['meta.directive.tariff', 'punctuation.definition.directive.tariff']);
  assert.deepEqual(at(tokens, 1, 'allow'), ['meta.directive.tariff', 'keyword.other.directive.tariff']);
  for (const name of ['window-overlap', 'W12', 'below_cost']) {
    assert.deepEqual(at(tokens, 1, name), ['meta.directive.tariff', 'constant.other.diagnostic-name.tariff']);
  }
  assert.deepEqual(at(tokens, 2, 'price'), ['keyword.other.tariff']);
  assert.deepEqual(at(tokens, 2, 'below-cost'), ['meta.directive.tariff', 'constant.other.diagnostic-name.tariff']);
  assert.deepEqual(at(tokens, 2, 'negative-price'), ['meta.directive.tariff', 'constant.other.diagnostic-name.tariff']);
  assert.deepEqual(at(tokens, 2, '# why'), ['meta.directive.tariff', 'comment.line.number-sign.tariff']);
  assert.ok(tokens.filter((t) => t.line >= 3).every((t) => t.scopes[0] === 'comment.line.number-sign.tariff'));
});

test('literals: durations, percents, escapes, and a string left open ends at its line', async () => {
  const tokens = await tokensOf([
    'rule promo when work.duration >= 1.5h and work.date >= 2026-03-01 and site.region != "tu\\"la" : price * 95%',
    'item x "open title per hour',
    'rule after : min(price, 90min) / 3 round 0.01 half_even',
  ].join('\n'));
  assert.deepEqual(at(tokens, 1, '1.5h'), ['constant.numeric.duration.tariff']);
  assert.deepEqual(at(tokens, 1, '>='), ['keyword.operator.comparison.tariff']);
  assert.deepEqual(at(tokens, 1, '!='), ['keyword.operator.comparison.tariff']);
  assert.deepEqual(at(tokens, 1, 'and'), ['keyword.operator.logical.tariff']);
  assert.deepEqual(at(tokens, 1, '\\"'), ['string.quoted.double.tariff', 'constant.character.escape.tariff']);
  assert.deepEqual(at(tokens, 1, '95%'), ['constant.numeric.percent.tariff']);
  assert.deepEqual(at(tokens, 3, 'rule'), ['keyword.other.declaration.tariff']);
  assert.deepEqual(at(tokens, 3, 'min'), ['support.function.tariff']);
  assert.deepEqual(at(tokens, 3, '90min'), ['constant.numeric.duration.tariff']);
  assert.deepEqual(at(tokens, 3, '/'), ['keyword.operator.arithmetic.tariff']);
  assert.deepEqual(at(tokens, 3, 'round'), ['keyword.other.tariff']);
  assert.deepEqual(at(tokens, 3, 'half_even'), ['support.constant.rounding-mode.tariff']);
});

test('words read in context are names elsewhere', async () => {
  // docs/language.md, "Words read in context": an item may be called visit, a window day.
  const tokens = await tokensOf([
    'calendar {',
    '  window day 08:00 .. 20:00',
    '}',
    'pricelist retail {',
    '  item visit "Engineer visit" per visit price 1800.00 minimum 2 visit',
    '  item hour  "Engineer hour"  per hour  price 2500.00 bill started 1h per segment',
    '  item kit per piece price 10.00 tiers package 5 { 1..: 40.00 }',
    '}',
    'group surcharges stack multiply {',
    '  rule daytime for hour when in day : price * 90%',
    '}',
    'plan standard {',
    '  pricelist retail',
    '  period quarter',
    '  fee hosting 3000.00 per month per unit contract.workstations prorated',
    '  includes 3 visit per month overage 1500.00',
    '  order cheapest',
    '  late work 3 periods',
    '}',
    'tax vat excluded per statement round 0.01 half_up {',
    '  rate reduced 10% for visit',
    '  exempt when client.vat_exempt',
    '}',
    'pay engineers {',
    '  rule share : amount * 40%',
    '}',
  ].join('\n'));
  assert.deepEqual(at(tokens, 2, 'day'), ['meta.calendar.tariff', 'entity.name.window.tariff']);
  assert.deepEqual(at(tokens, 5, 'visit'), ['meta.pricelist.tariff', 'entity.name.item.tariff']);
  assert.deepEqual(at(tokens, 5, 'visit', 1), ['meta.pricelist.tariff', 'support.constant.unit.tariff']);
  assert.deepEqual(at(tokens, 5, 'visit', 2), ['meta.pricelist.tariff', 'support.constant.unit.tariff']);
  assert.deepEqual(at(tokens, 6, 'hour'), ['meta.pricelist.tariff', 'entity.name.item.tariff']);
  assert.deepEqual(at(tokens, 6, 'segment'), ['meta.pricelist.tariff', 'support.constant.step-scope.tariff']);
  assert.deepEqual(at(tokens, 7, 'package'), ['meta.pricelist.tariff', 'meta.tiers.tariff', 'support.constant.tier-kind.tariff']);
  assert.deepEqual(at(tokens, 7, '40.00'), ['meta.pricelist.tariff', 'meta.tiers.tariff', 'constant.numeric.money.tariff']);
  assert.deepEqual(at(tokens, 8, '}'), ['meta.pricelist.tariff', 'punctuation.section.block.end.tariff']);
  assert.deepEqual(at(tokens, 9, 'multiply'), ['meta.group.tariff', 'support.constant.stacking.tariff']);
  assert.deepEqual(at(tokens, 10, 'daytime'), ['meta.group.tariff', 'entity.name.function.rule.tariff']);
  assert.deepEqual(at(tokens, 10, 'day'), ['meta.group.tariff', 'variable.other.window.tariff']);
  assert.deepEqual(at(tokens, 13, 'retail'), ['meta.plan.tariff', 'variable.other.pricelist.tariff']);
  assert.deepEqual(at(tokens, 14, 'quarter'), ['meta.plan.tariff', 'support.constant.period.tariff']);
  assert.deepEqual(at(tokens, 15, 'hosting'), ['meta.plan.tariff', 'entity.name.fee.tariff']);
  assert.deepEqual(at(tokens, 15, '3000.00'), ['meta.plan.tariff', 'constant.numeric.money.tariff']);
  assert.deepEqual(at(tokens, 15, 'prorated'), ['meta.plan.tariff', 'keyword.other.tariff']);
  assert.deepEqual(at(tokens, 16, 'visit'), ['meta.plan.tariff', 'variable.other.item.tariff']);
  assert.deepEqual(at(tokens, 16, '1500.00'), ['meta.plan.tariff', 'constant.numeric.money.tariff']);
  assert.deepEqual(at(tokens, 17, 'cheapest'), ['meta.plan.tariff', 'support.constant.order.tariff']);
  assert.deepEqual(at(tokens, 18, 'periods'), ['meta.plan.tariff', 'keyword.other.tariff']);
  assert.deepEqual(at(tokens, 20, 'vat'), ['meta.tax.tariff', 'entity.name.tax.tariff']);
  assert.deepEqual(at(tokens, 20, 'statement'), ['meta.tax.tariff', 'support.constant.rounding-point.tariff']);
  assert.deepEqual(at(tokens, 21, 'reduced'), ['meta.tax.tariff', 'entity.name.rate.tariff']);
  assert.deepEqual(at(tokens, 22, 'exempt'), ['meta.tax.tariff', 'keyword.other.tariff']);
  assert.deepEqual(at(tokens, 24, 'engineers'), ['meta.pay.tariff', 'entity.name.pay.tariff']);
  assert.deepEqual(at(tokens, 25, 'amount'), ['meta.pay.tariff', 'variable.language.tariff']);
});
