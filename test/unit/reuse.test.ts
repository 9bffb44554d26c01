// An analysis given its document's previous analysis (`previous: last.reuse`) reuses what it read of
// the passages an edit left unchanged: the figures and the typography rules' findings. After any
// edit the findings and facts equal a fresh analysis's, exactly (spans, ranges, fixes, related
// places), and an edit makes the rules and the facts read only the passage it changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { mergeConfig } from '../../server/src/core/config';
import { forgetAllTexts } from '../../server/src/core/lru';
import { ALL_RULES } from '../../server/src/core/rules/index';
import type { Rule } from '../../server/src/core/rules/rule';
import { readSample } from '../support/corpus';

const sample = readSample();
const typography = ALL_RULES.filter((r) => r.scope === 'passage');
const at = (s: string) => sample.indexOf(s);
const typed = (s: string) => sample.slice(0, at('新增高新技术企业')) + s + sample.slice(at('新增高新技术企业'));

test('the passage-local rules are the five typography rules', () => {
  assert.deepEqual(typography.map((r) => r.id).sort(), ['broken-paragraph', 'digit-spacing', 'punctuation-width', 'stray-latin', 'unbalanced-pair']);
});

test('after edits anywhere, an analysis that reuses the last one equals a fresh analysis: every finding and fact', () => {
  const shared = mergeConfig();
  const edits: [string, string][] = [
    ['an inserted paragraph at the top', '# 政府工作报告\n\n新增一段 , 含 abc 与（括号，新增企业3家。\n\n' + sample.slice(sample.indexOf('\n') + 1)],
    ['a deleted paragraph in the middle', sample.slice(0, at('## 2023')) + sample.slice(sample.indexOf('\n\n', at('## 2023') + 10))],
    ['a comma typed mid-line', typed(',')],
    ['a figure changed', typed('新增企业38家，')],
    ['CRLF line ends', sample.replace(/\n/g, '\r\n')],
    ['the text emptied', ''],
  ];
  for (const [name, text] of edits) {
    const last = analyze(sample, { config: shared });
    void last.facts;
    const reused = analyze(text, { config: shared, previous: last.reuse });
    const fresh = analyze(text, { config: mergeConfig() });
    if (text) assert.ok(fresh.findings.length > 10 && fresh.facts.length > 50, name);
    assert.deepEqual(reused.findings, fresh.findings, name);
    assert.deepEqual(reused.facts, fresh.facts, name);
  }
});

/** The typography rules, counting the passages they are given to read (`reads.count`). */
function spied(): { rules: Rule[]; reads: { count: number } } {
  const reads = { count: 0 };
  const rules = typography.map((r): Rule => ({ ...r, check: (ctx) => ((reads.count += ctx.passages.length), r.check(ctx)) }));
  return { rules, reads };
}
const passageCount = analyze(sample, { rules: [] }).passages.length;

test('a keystroke makes the passage-local rules read one passage, not all of them', () => {
  const shared = mergeConfig();
  const { rules, reads } = spied();
  const last = analyze(sample, { config: shared, rules });
  assert.equal(reads.count, passageCount * typography.length);
  reads.count = 0;
  analyze(typed('，'), { config: shared, rules, previous: last.reuse });
  assert.equal(reads.count, typography.length);
});

test('a keystroke makes the facts stage read one passage: every other passage keeps its readings', () => {
  const last = analyze(sample, { rules: [] });
  void last.facts;
  const next = analyze(typed('，'), { rules: [], previous: last.reuse });
  void next.facts;
  const edited = next.passages.findIndex((p) => p.text.text.includes('，新增高新技术企业'));
  const kept = next.reuse.readings.map((r, i) => r === last.reuse.readings[i]);
  assert.equal(kept.filter((k) => !k).length, 1);
  assert.equal(kept.indexOf(false), edited);
});

test('another config or locale reads the typography again (findings depend on them); figures are reused', () => {
  const { rules, reads } = spied();
  const last = analyze(sample, { config: mergeConfig(), rules });
  void last.facts;
  reads.count = 0;
  const other = analyze(sample, { config: mergeConfig(), rules, previous: last.reuse });
  assert.equal(reads.count, passageCount * typography.length);
  reads.count = 0;
  const english = analyze(sample, { config: other.config, rules, locale: 'en', previous: other.reuse });
  assert.equal(reads.count, passageCount * typography.length);
  assert.ok(english.findings.some((f) => /^[A-Z]/.test(f.message)));
  assert.ok(other.reuse.readings.every((r, i) => r === last.reuse.readings[i]));
});

test('an analysis without `previous` reads every passage (no process-wide cache of passages)', () => {
  const shared = mergeConfig();
  const { rules, reads } = spied();
  analyze(sample, { config: shared, rules });
  reads.count = 0;
  analyze(sample, { config: shared, rules });
  assert.equal(reads.count, passageCount * typography.length);
});

test('forgetAllTexts empties every cache of text: the same text is read again, to the same findings and facts', () => {
  const shared = mergeConfig();
  const all = analyze(sample, { config: shared });
  const allFacts = all.facts;
  forgetAllTexts();
  const fresh = analyze(sample, { config: shared });
  assert.ok(fresh.facts.length > 50);
  assert.deepEqual(fresh.facts, allFacts);
  assert.deepEqual(fresh.findings, all.findings);
});
