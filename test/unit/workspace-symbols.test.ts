// Workspace symbols over the flat symbol tables: the same matches, in the same order, as matching
// every outline node's lower-cased name one by one (the search as it was first written, kept here
// as the specification), and an index that keeps no report's text alive.
import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import fc from 'fast-check';
import { analyze } from '../../server/src/core/analyze';
import { mergeConfig } from '../../server/src/core/config';
import type { OutlineNode } from '../../server/src/core/structure/outline';
import { HAN_RE } from '../../server/src/core/text/chars';
import { symbolKindOf } from '../../server/src/convert';
import { WorkspaceIndex } from '../../server/src/workspaceIndex';

const newIndex = () =>
  new WorkspaceIndex(
    () => mergeConfig(),
    () => 'zh',
    () => undefined,
  );

/** 0 exact, 1 prefix, 2 substring, 3 letters in order (Latin only); -1 no match. */
function matchRank(name: string, q: string, fuzzy: boolean): number {
  if (name === q) return 0;
  const at = name.indexOf(q);
  if (at === 0) return 1;
  if (at > 0) return 2;
  if (!fuzzy) return -1;
  let i = 0;
  for (let j = 0; j < name.length && i < q.length; j++) if (name[j] === q[i]) i++;
  return i === q.length ? 3 : -1;
}

type Row = [name: string, kind: number, container: string, uri: string, line: number, character: number, endLine: number, endCharacter: number];

/** The specification: every node of every report, ranked, sorted by rank, name length, URI, line. */
function reference(reports: { uri: string; text: string }[], query: string): Row[] {
  const q = query.replace(/\s+/g, '').toLowerCase();
  const fuzzy = !HAN_RE.test(q);
  const ranked: { row: Row; rank: number }[] = [];
  for (const { uri, text } of reports) {
    const a = analyze(text, { rules: [] });
    const label = [a.meta.year !== undefined ? `${a.meta.year}年` : '', a.meta.government ?? ''].filter(Boolean).join(' ') || uri.split('/').pop()!;
    const walk = (n: OutlineNode, container: string) => {
      const rank = q ? matchRank(n.name.toLowerCase(), q, fuzzy) : 2;
      const r = a.lineIndex.rangeOf(n.span);
      if (rank >= 0) ranked.push({ rank, row: [n.name, symbolKindOf(n.kind), container, uri, r.start.line, r.start.character, r.end.line, r.end.character] });
      for (const c of n.children) walk(c, n.kind === 'title' ? label : `${label} · ${n.name}`);
    };
    for (const r of a.tree.roots) walk(r, label);
  }
  ranked.sort(
    (a, b) => a.rank - b.rank || a.row[0].length - b.row[0].length || (a.row[3] < b.row[3] ? -1 : a.row[3] > b.row[3] ? 1 : 0) || a.row[4] - b.row[4],
  );
  return ranked.map((r) => r.row);
}

function searched(index: WorkspaceIndex, query: string): Row[] {
  return index.search(query).map(({ entry, index: i }) => {
    const t = entry.symbols;
    const r = t.range(i);
    return [t.name(i), t.kind(i), t.containerName(i), entry.uri, r.start.line, r.start.character, r.end.line, r.end.character];
  });
}

// Names mixing Han, Latin of both cases, digits, spaces, and a letter whose lower case is longer (İ → i̇).
const char = fc.constantFrom('工', '作', '回', '顾', '着', '力', 'a', 'b', 'A', 'B', 'g', 'D', 'P', '5', ' ', 'İ', 'i');
const name = fc.array(char, { minLength: 1, maxLength: 8 }).map((cs) => cs.join('').trim() || '工作');
const report = fc.record({
  year: fc.integer({ min: 2018, max: 2026 }),
  parts: fc.array(fc.record({ title: name, sections: fc.array(name, { maxLength: 4 }) }), { minLength: 1, maxLength: 4 }),
});
const ORDINALS = ['一', '二', '三', '四'];

function textOf(r: { year: number; parts: { title: string; sections: string[] }[] }): string {
  const lines = ['# 政府工作报告', '', `——${r.year}年1月13日在新市区第十五届人民代表大会第三次会议上`, ''];
  r.parts.forEach((p, i) => {
    lines.push(`## ${i === 0 ? `${r.year - 1}年工作回顾` : p.title}`, '');
    p.sections.forEach((s, j) => lines.push(`### （${ORDINALS[j]}）${s}`, '', `${s}。全年城镇新增就业2.7万人。`, ''));
  });
  return lines.join('\n');
}

test('workspace symbols: the same matches in the same order as ranking each name on its own', () => {
  fc.assert(
    fc.property(
      fc.array(report, { minLength: 1, maxLength: 6 }),
      fc.array(fc.oneof(name, fc.constant(''), fc.constant(' 工 作 ')), { minLength: 1, maxLength: 5 }),
      (reports, queries) => {
        // URIs out of order, so the ties' URI order is the index's doing, not the insertion's.
        const docs = reports.map((r, i) => ({ uri: `file:///ws/${(i * 7) % 10}-${i}.md`, text: textOf(r) }));
        const index = newIndex();
        docs.forEach((d, v) => index.updateFromDocument(d.uri, v + 1, analyze(d.text, { rules: [] })));
        for (const q of queries) assert.deepEqual(searched(index, q), reference(docs, q), `query ${JSON.stringify(q)}`);
      },
    ),
    { numRuns: 200, seed: 20261202 },
  );
});

test('workspace symbols: Latin names rank exact, prefix, inside, then letters in order', () => {
  const text = [
    '# 政府工作报告',
    '',
    '## 2022年工作回顾',
    '',
    '### （一）GDP',
    '',
    '### （二）GDP增长',
    '',
    '### （三）全年GDP',
    '',
    '### （四）Good Data Plan',
    '',
  ].join('\n');
  const index = newIndex();
  index.updateFromDocument('file:///ws/a.md', 1, analyze(text, { rules: [] }));
  assert.deepEqual(
    searched(index, 'gdp').map((r) => r[0]),
    ['（一）GDP', '（二）GDP增长', '（三）全年GDP', '（四）Good Data Plan'],
  );
  assert.deepEqual(
    searched(index, '（一）gdp').map((r) => r[0]),
    ['（一）GDP'],
  );
});

test('the index keeps no report text alive: 20 reports of 200,000 characters cost less than 2 MB', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'govreport-index-memory-')));
  try {
    // Every heading and the meta's subtitle are cut from a text the index must not hold (8 MB in all).
    for (let i = 0; i < 20; i++) {
      const head = textOf({ year: 2020 + (i % 5), parts: [{ title: '工作回顾', sections: ['着力扩大内需', `着力稳定就业${i}`] }] });
      writeFileSync(join(dir, `${i}.md`), `${head}\n${'全年城镇新增就业2.7万人。'.repeat(15_000)}\n`);
    }
    const index = newIndex();
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 20; i++) assert.equal(index.indexFile(join(dir, `${i}.md`)), true);
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // Each section's heading and its paragraph's lead sentence.
    assert.equal(index.search('着力稳定就业').length, 40);
    assert.ok(grown < 2 * 2 ** 20, `the index grew the heap by ${(grown / 2 ** 20).toFixed(1)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
