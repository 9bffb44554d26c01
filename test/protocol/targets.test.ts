// Targets across years over the protocol: year N+1's draft shows year N's missed and unreported
// targets in its review, and they follow its edits; year N keeps its code lenses (no diagnostics
// by default); year N+1's review heading sums it up; the targets view's data and the review checklist.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { readSample, REPO_ROOT } from '../support/corpus';
import { LspClient } from '../support/lspClient';

const N = 'file:///work-targets/xinshi-2023.md';
const N1 = 'file:///work-targets/xinshi-2024.md';
const draft = readFileSync(join(REPO_ROOT, 'examples', 'xinshi-2024.md'), 'utf8');
const countTargets = (p: { diagnostics: { code?: string | number }[] }, code: string) => p.diagnostics.filter((d) => d.code === code).length;
/** Waits at most 10 s: a test that waits for diagnostics that never come fails, it does not hang. */
function within<T>(p: Promise<T>, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 10_000))]);
}
let c: LspClient;

before(async () => {
  c = new LspClient();
  await c.initialize(undefined, { capabilities: { workspace: { codeLens: { refreshSupport: true } } } });
  c.open(N, readSample());
  await c.diagnostics(N, 1);
});
after(() => c.shutdown());

test('without year N+1 nothing fires and no target lens shows', async () => {
  const d = await c.diagnostics(N, 1);
  assert.equal(countTargets(d, 'target-missed') + countTargets(d, 'target-unreported'), 0);
  assert.deepEqual(await c.request('textDocument/codeLens', { textDocument: { uri: N } }), []);
});

test('opening year N+1: its review shows 6 misses on their outcomes and the unreported task targets per section; year N stays quiet', async () => {
  c.open(N1, draft);
  const d = await within(
    c.waitDiagnostics(N1, (p) => countTargets(p, 'target-missed') > 0),
    'the draft’s target diagnostics',
  );
  assert.equal(countTargets(d, 'target-missed'), 6);
  assert.equal(countTargets(d, 'target-unreported'), 0);
  const notes = d.diagnostics.filter((x) => x.code === 'target-task-unreported');
  assert.deepEqual(
    notes.map((x) => [x.range.start.line, x.severity, (x as { relatedInformation?: unknown[] }).relatedInformation?.length]),
    [
      [10, 3, 2],
      [14, 3, 6],
      [40, 3, 4],
    ],
  );
  const grain = d.diagnostics.find((x) => x.code === 'target-missed' && /粮食作物/.test(x.message));
  assert.equal(grain?.message, '2023年目标“完成种植粮食作物7500亩”（2023年报告第117行）：本报告为7200亩，未达到');
  const n = await c.diagnostics(N);
  assert.equal(countTargets(n, 'target-missed') + countTargets(n, 'target-unreported') + countTargets(n, 'target-task-unreported'), 0);
});

test('code lenses: one per target in year N, the summary on year N+1’s review heading', async () => {
  const lenses = await c.request('textDocument/codeLens', { textDocument: { uri: N } });
  // 30 targets on 14 lines: a line with three or more shares one lens.
  assert.equal(lenses.length, 14);
  const first = lenses[0];
  assert.equal(first.command.title, '✓ 区外到位资金：372亿元 / 目标360亿元');
  assert.equal(first.command.command, 'govreport.revealLocation');
  assert.deepEqual(first.command.arguments, [N1, { start: { line: 18, character: 38 }, end: { line: 18, character: 43 } }]);
  const summary = await c.request('textDocument/codeLens', { textDocument: { uri: N1 } });
  assert.deepEqual(
    summary.map((l: any) => [l.range.start.line, l.command.title, l.command.command, l.command.arguments]),
    [[10, '2023年目标：18项已报告（12项完成、6项未完成），12项未报告', 'govreport.showTargets', [N]]],
  );
});

test('an edit in year N+1’s review updates its findings and refreshes lenses', async () => {
  const refreshed = new Promise<void>((resolve) => c.connection.onRequest('workspace/codeLens/refresh', () => (resolve(), null)));
  const lines = draft.split('\n');
  const line = lines.findIndex((l) => l.includes('城镇新增就业2.7万人'));
  const col = lines[line].indexOf('2.7');
  c.change(N1, 2, [{ range: { start: { line, character: col }, end: { line, character: col + 3 } }, text: '2.3' }]);
  const d = await within(
    c.waitDiagnostics(N1, (p) => countTargets(p, 'target-missed') === 7),
    'a 7th miss in the draft',
  );
  const jobs = d.diagnostics.find((x) => x.code === 'target-missed' && x.range.start.line === line);
  assert.equal(jobs?.message, '2023年目标“城镇新增就业2.5万人”（2023年报告第161行）：本报告为2.3万人，未达到');
  await within(refreshed, 'a code lens refresh');
});

test('the targets view: both years, newest first, with statuses and outcomes', async () => {
  const view = await c.request('govreport/targets', { uri: N1 });
  assert.deepEqual(
    view.map((r: any) => [r.uri, r.year, r.targets.length]),
    [
      [N1, 2024, 4],
      [N, 2023, 30],
    ],
  );
  const counts: Record<string, number> = {};
  for (const t of view[1].targets) counts[t.status] = (counts[t.status] ?? 0) + 1;
  assert.deepEqual(counts, { met: 11, missed: 7, unreported: 12 });
  assert.ok(view[0].targets.every((t: any) => t.status === 'pending'));
  const money = view[1].targets[0];
  assert.equal(money.label, '区外到位资金360亿元');
  assert.equal(money.outcome.uri, N1);
});

test('the review checklist groups targets by section and fills in statuses', async () => {
  const md: string = await c.request('govreport/checklist', { uri: N });
  // Marked as ours, so it is never linted as a report.
  assert.match(md, /^<!-- govreport: generated document, not a report -->\n# 2024年工作回顾核对清单\n/);
  assert.match(md, /的30项目标：11项已完成、7项未完成、12项未报告、0项待报告。/);
  assert.ok(
    md.includes(
      '- [x] **区外到位资金360亿元**（第103行）\n  - 目标原文：“加快引进中国京华中心文化旅游综合体、中建新疆建工科创平台基地等文旅、科研总部项目，力争全年实现区外到位资金360亿元。”\n  - 完成情况：372亿元（2024年报告第19行） — 已完成',
    ),
    'the whole target sentence is quoted, with its outcome and status',
  );
});

test('hover on a target tells its verdict', async () => {
  const lines = readSample().split('\n');
  const line = lines.findIndex((l) => l.includes('区外到位资金360亿元'));
  const character = lines[line].indexOf('360亿元');
  const hover = await c.request('textDocument/hover', { textDocument: { uri: N }, position: { line, character } });
  assert.match(hover.contents.value, /- 目标核对：✓ 2024年报告：372亿元（目标360亿元）$/);
});
