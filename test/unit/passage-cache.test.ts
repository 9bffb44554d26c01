// The typography rules' findings are reused for passages an edit left unchanged: after any edit
// the findings equal a fresh analysis's, exactly (spans, ranges, fixes, related places), and an
// edit makes the rules read only the passage it changed.
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

test('the passage-local rules are the five typography rules', () => {
  assert.deepEqual(typography.map((r) => r.id).sort(), ['broken-paragraph', 'digit-spacing', 'punctuation-width', 'stray-latin', 'unbalanced-pair']);
});

test('after edits anywhere, reused findings equal a fresh analysis', () => {
  const shared = mergeConfig();
  analyze(sample, { config: shared, rules: typography });
  const at = (s: string) => sample.indexOf(s);
  const edits: [string, string][] = [
    ['an inserted paragraph at the top', '# 政府工作报告\n\n新增一段 , 含 abc 与（括号。\n\n' + sample.slice(sample.indexOf('\n') + 1)],
    ['a deleted paragraph in the middle', sample.slice(0, at('## 2023')) + sample.slice(sample.indexOf('\n\n', at('## 2023') + 10))],
    ['a comma typed mid-line', sample.slice(0, at('新增高新技术企业')) + ',' + sample.slice(at('新增高新技术企业'))],
    ['CRLF line ends', sample.replace(/\n/g, '\r\n')],
  ];
  for (const [name, text] of edits) {
    const reused = analyze(text, { config: shared, rules: typography }).findings;
    // A new config object: nothing cached for it.
    const fresh = analyze(text, { config: mergeConfig(), rules: typography }).findings;
    assert.ok(fresh.length > 10, name);
    assert.deepEqual(reused, fresh, name);
  }
});

/** The typography rules, counting the passages they are given to read (`reads.count`). */
function spied(): { rules: Rule[]; reads: { count: number } } {
  const reads = { count: 0 };
  const rules = typography.map((r): Rule => ({ ...r, check: (ctx) => ((reads.count += ctx.passages.length), r.check(ctx)) }));
  return { rules, reads };
}
/** What the typography rules read when no passage of the sample is cached. */
const everyPassage = () => analyze(sample, { rules: [] }).passages.length * typography.length;

test('a keystroke makes the passage-local rules read one passage, not all of them', () => {
  const shared = mergeConfig();
  const { rules, reads } = spied();
  analyze(sample, { config: shared, rules });
  const passages = reads.count;
  reads.count = 0;
  const i = sample.indexOf('新增高新技术企业');
  analyze(sample.slice(0, i) + '，' + sample.slice(i), { config: shared, rules });
  assert.equal(passages, everyPassage());
  assert.equal(reads.count, typography.length);
});

test('forgetAllTexts empties every cache of text: the same text is read again, to the same findings and facts', () => {
  const shared = mergeConfig();
  const { rules, reads } = spied();
  const first = analyze(sample, { config: shared, rules });
  reads.count = 0;
  analyze(sample, { config: shared, rules });
  assert.equal(reads.count, 0, 'unchanged text: every passage from the cache');
  forgetAllTexts();
  const again = analyze(sample, { config: shared, rules });
  assert.equal(reads.count, everyPassage());
  assert.deepEqual(again.findings, first.findings);
  // Every rule and the facts too: the readings, phrases and names kept per text are read again alike.
  const all = analyze(sample, { config: shared });
  const allFacts = all.facts;
  forgetAllTexts();
  const fresh = analyze(sample, { config: shared });
  assert.ok(fresh.facts.length > 50);
  assert.deepEqual(fresh.facts, allFacts);
  assert.deepEqual(fresh.findings, all.findings);
});
