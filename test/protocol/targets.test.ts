// Targets across years over the protocol: year N's diagnostics and code lenses follow year N+1's
// review as it is edited; year N+1's review heading sums it up; the targets view's data and the
// review checklist.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { readSample, REPO_ROOT } from '../support/corpus';
import { LspClient } from '../support/lspClient';

const N = 'file:///work-targets/xinshi-2023.md';
const N1 = 'file:///work-targets/xinshi-2024.md';
const draft = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'targets', 'xinshi', 'xinshi-2024.md'), 'utf8');
const countTargets = (p: { diagnostics: { code?: string | number }[] }, code: string) => p.diagnostics.filter((d) => d.code === code).length;
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

test('opening year N+1 re-checks year N: 6 missed, 11 unreported, met ones quiet', async () => {
  c.open(N1, draft);
  const d = await c.waitDiagnostics(N, (p) => countTargets(p, 'target-unreported') > 0);
  assert.equal(countTargets(d, 'target-missed'), 6);
  assert.equal(countTargets(d, 'target-unreported'), 11);
  const jobs = d.diagnostics.find((x) => x.code === 'target-missed' && /粮食作物/.test(x.message));
  assert.ok(jobs, 'the grain-area miss is reported');
});

test('code lenses: one per target in year N, the summary on year N+1’s review heading', async () => {
  const lenses = await c.request('textDocument/codeLens', { textDocument: { uri: N } });
  assert.equal(lenses.length, 29);
  const first = lenses[0];
  assert.equal(first.command.title, '✓ 2024年报告：372 亿元（目标 360 亿元）');
  assert.equal(first.command.command, 'govreport.revealLocation');
  assert.deepEqual(first.command.arguments, [N1, { start: { line: 18, character: 38 }, end: { line: 18, character: 43 } }]);
  const summary = await c.request('textDocument/codeLens', { textDocument: { uri: N1 } });
  assert.deepEqual(
    summary.map((l: any) => [l.range.start.line, l.command.title, l.command.command, l.command.arguments]),
    [[10, '2023年目标：18 项已报告（12 项完成、6 项未完成），11 项未报告', 'govreport.showTargets', [N]]],
  );
});

test('an edit in year N+1’s review updates year N’s findings and refreshes lenses', async () => {
  const refreshed = new Promise<void>((resolve) => c.connection.onRequest('workspace/codeLens/refresh', () => (resolve(), null)));
  const lines = draft.split('\n');
  const line = lines.findIndex((l) => l.includes('城镇新增就业2.7万人'));
  const col = lines[line].indexOf('2.7');
  c.change(N1, 2, [{ range: { start: { line, character: col }, end: { line, character: col + 3 } }, text: '2.3' }]);
  const d = await c.waitDiagnostics(N, (p) => countTargets(p, 'target-missed') === 7);
  assert.ok(d.diagnostics.some((x) => x.code === 'target-missed' && /2\.3 万人/.test(x.message) && /2\.5 万人/.test(x.message)));
  await refreshed;
});

test('the targets view: both years, newest first, with statuses and outcomes', async () => {
  const view = await c.request('govreport/targets', { uri: N1 });
  assert.deepEqual(
    view.map((r: any) => [r.uri, r.year, r.targets.length]),
    [
      [N1, 2024, 4],
      [N, 2023, 29],
    ],
  );
  const counts: Record<string, number> = {};
  for (const t of view[1].targets) counts[t.status] = (counts[t.status] ?? 0) + 1;
  assert.deepEqual(counts, { met: 11, missed: 7, unreported: 11 });
  assert.ok(view[0].targets.every((t: any) => t.status === 'pending'));
  const money = view[1].targets[0];
  assert.equal(money.label, '区外到位资金 360 亿元');
  assert.equal(money.outcome.uri, N1);
});

test('the review checklist groups targets by section and fills in statuses', async () => {
  const md: string = await c.request('govreport/checklist', { uri: N });
  assert.match(md, /^# 2024年工作回顾核对清单\n/);
  assert.match(md, /的 29 项目标：11 项已完成、7 项未完成、11 项未报告、0 项待报告。/);
  assert.ok(
    md.includes(
      '- [x] **区外到位资金 360 亿元**（第 103 行）\n  - 目标原文：“加快引进中国京华中心文化旅游综合体、中建新疆建工科创平台基地等文旅、科研总部项目，力争全年实现区外到位资金360亿元。”\n  - 完成情况：372 亿元（2024年报告第 19 行） — 已完成',
    ),
    'the whole target sentence is quoted, with its outcome and status',
  );
});

test('hover on a target tells its verdict', async () => {
  const lines = readSample().split('\n');
  const line = lines.findIndex((l) => l.includes('区外到位资金360亿元'));
  const character = lines[line].indexOf('360亿元');
  const hover = await c.request('textDocument/hover', { textDocument: { uri: N }, position: { line, character } });
  assert.match(hover.contents.value, /- 目标核对：✓ 2024年报告：372 亿元（目标 360 亿元）$/);
});
