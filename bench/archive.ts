// Archives of one government: 1, 16, 48, 200 and 1,000 reports of 新市区 in the workspace (the
// years since 1954, then drafts of the same years), one report open and typed in. A keystroke
// needs only last year's and next year's report, so its cost must stay flat in the archive's size.
// One server an archive, all up at once; the keystrokes go to them in turns (10 to each in a round,
// 10 rounds), so a machine that gets busier or quieter meanwhile weighs on every archive alike.
// Flat: each archive's median keystroke against the 16-report archive's (from 16 on: with one
// report there is no last or next year to check against). For scale, the ratio to markdownlint's
// lint of the same text, one baseline: the median of its runs measured beside each turn.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readSample } from '../test/support/corpus';
import { LspClient, SERVER_JS } from '../test/support/lspClient';
import { fmt, measure, median } from './stats';
import { record, run } from './results';

const SIZES = (process.env.BENCH_ARCHIVES ?? '1,16,48,200,1000').split(',').map(Number);
const ROUNDS = 10;
const PER_ROUND = 10;
/** The archive every other is compared with. */
const BASE = 16;

/** The sample moved to `year` (its subtitle and parts), a draft beyond the first 72. */
function reportOf(sample: string, year: number, draft: boolean): string {
  return sample
    .replace('2023年1月13日在新市区', `${year}年1月13日在新市区`)
    .replace('## 2022年工作回顾', `## ${year - 1}年工作回顾`)
    .replace('## 2023 年主要工作', `## ${year}年主要工作`)
    .replace('# 政府工作报告', draft ? '# 政府工作报告（征求意见稿）' : '# 政府工作报告');
}

interface Archive {
  n: number;
  dir: string;
  client: LspClient;
  uri: string;
  line: number;
  version: number;
  times: number[];
}

/** An archive of `n` reports on disk, its server up and indexed, the middle year's report open. */
async function openArchive(sample: string, n: number): Promise<Archive> {
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
  return { n, dir, client, uri, line, version: 1, times: [] };
}

/** Types and deletes a character, `count` times: keystroke → published diagnostics, each. */
async function type(a: Archive, count: number): Promise<void> {
  for (let k = 0; k < count; k++) {
    const v = ++a.version;
    const at = { line: a.line, character: 10 };
    const t = performance.now();
    a.client.change(a.uri, v, [
      v % 2 ? { range: { start: at, end: { line: a.line, character: 11 } }, text: '' } : { range: { start: at, end: at }, text: '，' },
    ]);
    await a.client.diagnostics(a.uri, v);
    a.times.push(performance.now() - t);
  }
}

run(async () => {
  if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run npm run build`);
  const { lint } = (await import('markdownlint/sync')) as unknown as { lint: (o: { strings: Record<string, string> }) => unknown };
  const sample = readSample();
  const archives: Archive[] = [];
  for (const n of SIZES) archives.push(await openArchive(sample, n));
  const mdl: number[] = [];
  const text = reportOf(sample, 1990, false);
  for (let r = 0; r < ROUNDS; r++) {
    for (const a of archives) {
      await type(a, PER_ROUND);
      // markdownlint right after each turn, so the baseline sees the machine the keystrokes saw.
      mdl.push(measure(() => lint({ strings: { doc: text } }), 10, 2, 1));
    }
  }
  const baseline = median(mdl);
  const results: { n: number; keystroke: number; rss: number }[] = [];
  for (const a of archives) {
    const mem = await a.client.request('govreport/debug/memory', {});
    if (mem.reports !== a.n) throw new Error(`${a.n}-report archive: ${mem.reports} indexed`);
    results.push({ n: a.n, keystroke: median(a.times), rss: mem.rss });
    await a.client.shutdown();
    rmSync(a.dir, { recursive: true, force: true });
  }
  const base = results.find((r) => r.n === BASE) ?? results.find((r) => r.n > 1) ?? results[0];
  const flat = results.filter((r) => r.n >= base.n);
  for (const r of results) {
    console.log(
      `archive of ${r.n} report(s) of one government: keystroke → diagnostics ${fmt(r.keystroke)} (median of ${ROUNDS * PER_ROUND}) = ${(r.keystroke / base.keystroke).toFixed(2)}× the ${base.n}-report archive's, ${(r.keystroke / baseline).toFixed(2)}× markdownlint; resident ${(r.rss / 2 ** 20).toFixed(0)} MB`,
    );
  }
  console.log(
    `markdownlint's lint of the same text, measured after each of the ${mdl.length} turns: ${fmt(Math.min(...mdl))} to ${fmt(Math.max(...mdl))}, median ${fmt(baseline)} (the baseline above)`,
  );
  const worst = Math.max(...flat.map((r) => r.keystroke / base.keystroke));
  record({
    measure: `keystroke → diagnostics in an archive of one government (${results.map((r) => r.n.toLocaleString('en')).join(' · ')} reports; servers typed in by turns)`,
    result: `${results.map((r) => fmt(r.keystroke)).join(' · ')} = ${results.map((r) => `${(r.keystroke / base.keystroke).toFixed(2)}×`).join(' · ')} the ${base.n}-report archive’s (${results.map((r) => `${(r.keystroke / baseline).toFixed(2)}×`).join(' · ')} markdownlint’s ${fmt(baseline)}); resident ${results.map((r) => `${(r.rss / 2 ** 20).toFixed(0)}`).join(' · ')} MB`,
    goal: `flat: ≤ 1.5× the ${base.n}-report archive’s`,
    met: worst <= 1.5,
  });
});
