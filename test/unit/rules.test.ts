// The rule registry is the truth (markdownlint-test.mjs checks its rules the same way): every rule
// has a page, a fixture folder with a case that must fire and one that must not, a fix exactly when
// it says it is fixable, and a message table in both languages.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ALL_RULES, ruleDocPath } from '../../server/src/core/rules/index';
import { REPO_ROOT } from '../support/corpus';
import { FIXTURE_ROOT, listFixtures, loadFixture, runFixture } from '../support/fixtures';

test('rule ids are unique kebab-case', () => {
  const ids = ALL_RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z]+(?:-[a-z]+)*$/);
});

test('every rule has a docs page that names it', () => {
  for (const r of ALL_RULES) {
    const page = join(REPO_ROOT, ruleDocPath(r.id));
    assert.ok(existsSync(page), `${r.id}: no ${ruleDocPath(r.id)}`);
    assert.match(readFileSync(page, 'utf8'), new RegExp(`^# \`?${r.id}\`?`, 'm'), `${r.id}: its page does not start with its id`);
  }
});

test('every rule has a fixture folder with a case that must fire and one that must not', () => {
  for (const r of ALL_RULES) {
    for (const f of ['fires.md', 'quiet.md']) assert.ok(existsSync(join(FIXTURE_ROOT, r.id, f)), `${r.id}: no fixtures/rules/${r.id}/${f}`);
    const fires = loadFixture(join(FIXTURE_ROOT, r.id, 'fires.md'));
    assert.ok(
      fires.expected.some((e) => e.rule === r.id),
      `${r.id}: fires.md expects no ${r.id} finding`,
    );
    const quiet = loadFixture(join(FIXTURE_ROOT, r.id, 'quiet.md'));
    assert.deepEqual(quiet.expected, [], `${r.id}: quiet.md expects findings`);
  }
});

test("a rule's fixable flag agrees with what it returns: a fixable rule fixes something in its fixtures, no other rule ever does", () => {
  const fixedBy = new Set<string>();
  for (const path of listFixtures()) {
    for (const f of runFixture(loadFixture(path)).findings) if (f.fix) fixedBy.add(f.ruleId);
  }
  for (const r of ALL_RULES) {
    assert.equal(fixedBy.has(r.id), !!r.fixable, `${r.id}: fixable is ${!!r.fixable} but its fixtures ${fixedBy.has(r.id) ? 'get' : 'get no'} fixes`);
  }
});

test('every rule says what it finds in Chinese and English', () => {
  for (const r of ALL_RULES) {
    for (const m of [r.title, r.description]) {
      assert.ok(m.zh && /[\u4e00-\u9fff]/.test(m.zh), `${r.id}: Chinese text missing`);
      assert.ok(m.en && /^[\x20-\x7e…“”‘’–—×÷≤≥→]*[A-Za-z]/.test(m.en), `${r.id}: English text missing`);
    }
  }
});
