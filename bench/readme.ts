// The README's performance table, regenerated from the rows this `npm run bench` recorded
// (.bench/results.json), with the date and the machine. `BENCH_README=1 npm run bench` writes it
// into README.md between its markers; without it the table is only printed.
import { cpus } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../test/support/corpus';
import { RESULTS, run, type ResultRow } from './results';

const START = '<!-- bench-table -->';
const END = '<!-- /bench-table -->';

run(() => {
  if (!existsSync(RESULTS)) throw new Error(`${RESULTS} is missing: the bench scripts recorded nothing`);
  const rows: ResultRow[] = JSON.parse(readFileSync(RESULTS, 'utf8'));
  const cpu = cpus();
  const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}`;
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const mark = (r: ResultRow) => (r.met === undefined ? '' : r.met ? ' ✓' : ' ✗');
  const table = [
    `Measured ${when} UTC on ${machine} (\`npm run bench\`, bundled code, medians).`,
    '',
    '| measure | result | goal |',
    '| --- | --- | --- |',
    ...rows.map((r) => `| ${r.measure} | ${r.result} | ${r.goal}${mark(r)} |`),
  ].join('\n');
  console.log(`\n${table}`);
  if (process.env.BENCH_README !== '1') return;
  const path = join(REPO_ROOT, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const i = readme.indexOf(START);
  const j = readme.indexOf(END);
  if (i < 0 || j < i) throw new Error(`README.md has no ${START} … ${END} markers`);
  writeFileSync(path, `${readme.slice(0, i + START.length)}\n${table}\n${readme.slice(j)}`);
  console.log('README.md: performance table rewritten');
});
