// Archives of one government: 1, 16, 48, 200 and 1,000 reports of 新市区 in the workspace (the
// years since 1954, then drafts of the same years), one report open and typed in. A keystroke
// needs only last year's and next year's report, so its cost must stay flat in the archive's size.
// Ratios against the 1-report workspace and against markdownlint's lint of the same text, both
// measured in this run.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readSample } from '../test/support/corpus';
import { LspClient, SERVER_JS } from '../test/support/lspClient';
import { fmt, measure, median } from './stats';
import { record, run } from './results';

const SIZES = (process.env.BENCH_ARCHIVES ?? '1,16,48,200,1000').split(',').map(Number);
const KEYSTROKES = 100;

/** The sample moved to `year` (its subtitle and parts), a draft beyond the first 72. */
function reportOf(sample: string, year: number, draft: boolean): string {
  return sample
    .replace('2023年1月13日在新市区', `${year}年1月13日在新市区`)
    .replace('## 2022年工作回顾', `## ${year - 1}年工作回顾`)
    .replace('## 2023 年主要工作', `## ${year}年主要工作`)
    .replace('# 政府工作报告', draft ? '# 政府工作报告（征求意见稿）' : '# 政府工作报告');
}

run(async () => {
  if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run npm run build`);
  const { lint } = (await import('markdownlint/sync')) as unknown as { lint: (o: { strings: Record<string, string> }) => unknown };
  const sample = readSample();
  const results: { n: number; keystroke: number; mdl: number; rss: number }[] = [];
  for (const n of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), `govreport-archive-${n}-`));
    const folder = join(dir, '新市区');
    mkdirSync(folder);
    // The open report is 1990's (or the only one); its neighbours 1989 and 1991 are in the archive.
    const name = (i: number) => `r-${String(i).padStart(4, '0')}.md`;
    for (let i = 0; i < n; i++) writeFileSync(join(folder, name(i)), reportOf(sample, n === 1 ? 1990 : 1954 + (i % 72), i >= 72));
    const open = n === 1 ? 0 : Math.min(36, Math.floor(n / 2));
    // BENCH_SERVER_FLAGS='--cpu-prof' profiles the server of each archive.
    const client = new LspClient(['--stdio'], process.env, ['--expose-gc', ...(process.env.BENCH_SERVER_FLAGS?.split(' ') ?? [])]);
    let indexed = false;
    client.connection.onNotification('$/progress', (p: { value: { kind: string } }) => {
      if (p.value.kind === 'end') indexed = true;
    });
    await client.initialize(dir);
    while (!indexed) await new Promise((r) => setTimeout(r, 5));
    const uri = pathToFileURL(join(folder, name(open))).href;
    const text = reportOf(sample, n === 1 ? 1990 : 1954 + open, false);
    client.open(uri, text, 'markdown', 1);
    await client.diagnostics(uri, 1);
    const line = text.split('\n').findIndex((l) => l.includes('新增高新技术企业'));
    const times: number[] = [];
    for (let v = 2; v < 2 + KEYSTROKES; v++) {
      const t = performance.now();
      const at = { line, character: 10 };
      client.change(uri, v, [v % 2 ? { range: { start: at, end: { line, character: 11 } }, text: '' } : { range: { start: at, end: at }, text: '，' }]);
      await client.diagnostics(uri, v);
      times.push(performance.now() - t);
    }
    const mem = await client.request('govreport/debug/memory', {});
    // The baseline right after, so a machine that got busier between two archives shows in both.
    const mdl = measure(() => lint({ strings: { doc: text } }), 20);
    if (mem.reports !== n) throw new Error(`${n}-report archive: ${mem.reports} indexed`);
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
    results.push({ n, keystroke: median(times), mdl, rss: mem.rss });
    console.log(
      `archive of ${n} report(s) of one government: keystroke → diagnostics ${fmt(median(times))} (${(median(times) / mdl).toFixed(2)}× markdownlint ${fmt(mdl)}), resident ${(mem.rss / 2 ** 20).toFixed(0)} MB`,
    );
  }
  // Flat from 16 on: with one report there is no last or next year to check against.
  const ratios = results.map((r) => r.keystroke / r.mdl);
  const from = results.findIndex((r) => r.n >= 16);
  const base = ratios[from >= 0 ? from : 0];
  const worst = Math.max(...ratios.slice(from >= 0 ? from : 0).map((x) => x / base));
  record({
    measure: `keystroke → diagnostics in an archive of one government (${results.map((r) => r.n.toLocaleString('en')).join(' · ')} reports)`,
    result: `${results.map((r) => fmt(r.keystroke)).join(' · ')} = ${ratios.map((x) => `${x.toFixed(2)}×`).join(' · ')} markdownlint (measured beside each); resident ${results.map((r) => `${(r.rss / 2 ** 20).toFixed(0)}`).join(' · ')} MB`,
    goal: 'flat: ≤ 1.5× the 16-report ratio',
    met: worst <= 1.5,
  });
});
