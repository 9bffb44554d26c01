// One runner for every rule's labelled fixtures: the set of (rule id, line) pairs found must
// equal the inline `<!-- expect: … -->` markers exactly, and the full findings (ranges,
// messages, fixes) must equal the golden JSON beside the fixture. Regenerate goldens on
// purpose only: UPDATE_GOLDEN=1 npm run test:unit.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { keys, listFixtures, loadFixture, runFixture } from '../support/fixtures';
import { ALL_RULES } from '../../server/src/core/rules/index';
import { applyEdits } from '../../server/src/core/findings/fixes';
import { analyze } from '../../server/src/core/analyze';

const update = process.env.UPDATE_GOLDEN === '1';

for (const path of listFixtures()) {
  const fixture = loadFixture(path);
  test(`fixture ${fixture.name}`, () => {
    if (fixture.rules !== 'all') {
      for (const id of fixture.rules) assert.ok(ALL_RULES.some((r) => r.id === id), `unknown rule id ${id} in ${fixture.name}`);
    }
    const { analysis, findings } = runFixture(fixture);
    assert.deepEqual(
      keys(findings.map((f) => ({ rule: f.ruleId, line: f.range.start.line }))),
      keys(fixture.expected),
      `findings of ${fixture.name} differ from its expect markers`,
    );
    const golden = findings.map((f) => ({
      rule: f.ruleId,
      severity: f.severity,
      range: f.range,
      text: analysis.text.slice(f.start, f.end),
      message: f.message,
      related: f.related?.map((r) => ({ message: r.message, uri: r.uri ? r.uri.replace(/^.*\/fixtures\//, 'fixtures/') : undefined, range: r.range ?? analysis.lineIndex.rangeOf(r) })),
      fix: f.fix && { title: f.fix.title, edits: f.fix.edits.map((e) => ({ range: analysis.lineIndex.rangeOf(e), newText: e.newText })) },
    }));
    const goldenPath = path.replace(/\.md$/, '.golden.json');
    const json = JSON.stringify(golden, null, 2) + '\n';
    if (update) writeFileSync(goldenPath, json);
    assert.ok(existsSync(goldenPath), `no golden file for ${fixture.name}: run UPDATE_GOLDEN=1 npm run test:unit and review it`);
    assert.equal(json, readFileSync(goldenPath, 'utf8'), `findings of ${fixture.name} differ from ${goldenPath}`);
    // Every fix must leave a text that analyses without an internal error.
    for (const f of findings) {
      if (!f.fix) continue;
      const after = analyze(applyEdits(analysis.text, f.fix.edits));
      assert.ok(!after.findings.some((x) => x.ruleId === 'internal-error'), `fix of ${f.ruleId} at line ${f.range.start.line + 1} breaks analysis`);
    }
  });
}
