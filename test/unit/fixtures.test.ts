// One runner for every rule's labelled fixtures (markdownlint's scenario tests, with our inline markers):
// - the set of (rule id, line) pairs found equals the `<!-- expect: … -->` markers exactly;
// - the full findings (ranges, messages, related places, fixes) equal the compact golden beside the
//   fixture, one finding a line (`<fixture>.golden.txt`);
// - a finding carries a fix only when its rule says it is fixable;
// - fix-all gives the text in `<fixture>.fixed.md` (for fixtures with fixes), and a check of that text
//   finds nothing fixable left and no internal error.
// Regenerate goldens on purpose only: UPDATE_GOLDEN=1 npm run test:unit, then read the diff.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits, fixAllEdits } from '../../server/src/core/findings/fixes';
import { ruleById } from '../../server/src/core/rules/index';
import { keys, listFixtures, loadFixture, runFixture, type Fixture } from '../support/fixtures';
import { renderGolden } from '../support/golden';

const update = process.env.UPDATE_GOLDEN === '1';

function matchesFile(path: string, actual: string, what: string): void {
  if (update) {
    if (actual) writeFileSync(path, actual);
    else rmSync(path, { force: true });
  }
  if (!actual) {
    assert.ok(!existsSync(path), `${what}: ${path} should not exist (nothing to show)`);
    return;
  }
  assert.ok(existsSync(path), `${what}: no ${path}; run UPDATE_GOLDEN=1 npm run test:unit and review it`);
  assert.equal(actual, readFileSync(path, 'utf8'), `${what} differ from ${path}`);
}

for (const path of listFixtures()) {
  const fixture = loadFixture(path);
  test(`fixture ${fixture.name}`, () => {
    if (fixture.rules !== 'all') {
      for (const id of fixture.rules) assert.ok(ruleById(id), `unknown rule id ${id} in ${fixture.name}`);
    }
    const { analysis, findings } = runFixture(fixture);
    assert.deepEqual(
      keys(findings.map((f) => ({ rule: f.ruleId, line: f.range.start.line }))),
      keys(fixture.expected),
      `findings of ${fixture.name} differ from its expect markers`,
    );
    for (const f of findings) assert.ok(!f.fix || ruleById(f.ruleId)?.fixable, `${f.ruleId} returns a fix but is not marked fixable`);
    const golden = renderGolden(
      findings.map((f) => ({
        rule: f.ruleId,
        severity: f.severity,
        range: f.range,
        text: analysis.text.slice(f.start, f.end),
        message: f.message,
        related: f.related?.map((r) => ({
          message: r.message,
          uri: r.uri ? r.uri.replace(/^.*\/fixtures\//, 'fixtures/') : undefined,
          range: r.range ?? analysis.lineIndex.rangeOf(r),
        })),
        fix: f.fix && { title: f.fix.title, edits: f.fix.edits.map((e) => ({ range: analysis.lineIndex.rangeOf(e), newText: e.newText })) },
      })),
    );
    matchesFile(path.replace(/\.md$/, '.golden.txt'), golden, `findings of ${fixture.name}`);
    checkFixAll(fixture, analysis.text, findings);
  });
}

/** Fix-all of the checked rules, as a golden of the fixed text; then nothing fixable is left (markdownlint: "Fixable error(s) not fixed"). */
function checkFixAll(fixture: Fixture, text: string, findings: ReturnType<typeof runFixture>['findings']): void {
  const fixedPath = fixture.path.replace(/\.md$/, '.fixed.md');
  if (!findings.some((f) => f.fix)) {
    matchesFile(fixedPath, '', `fix-all of ${fixture.name}`);
    return;
  }
  const fixed = applyEdits(text, fixAllEdits(findings));
  matchesFile(fixedPath, fixed, `fix-all of ${fixture.name}`);
  const again = runFixture({ ...fixture, text: fixed });
  assert.deepEqual(
    keys(again.findings.filter((f) => f.fix).map((f) => ({ rule: f.ruleId, line: f.range.start.line }))),
    [],
    `fixable findings left after fix-all of ${fixture.name}`,
  );
  assert.ok(!analyze(fixed).findings.some((f) => f.ruleId === 'internal-error'), `fix-all of ${fixture.name} breaks analysis`);
}
