// `npm run eval:segmenter` — the issue asks whether a well-kept word segmenter names metrics better
// than our hand-written cutting (verbs, scope and role words peeled off a phrase's ends, words.ts).
// jieba-wasm (jieba-rs compiled to WASM) tags the words of each name; its noun-phrase boundary
// replaces ours (`nameCutting` in facts/metrics.ts), and the development set is run again. Each
// cutter runs in its own process (the name caches must start empty). Prints found / false alarms
// and the time of the numbers section for each; the product keeps the better one.
import { spawnSync } from 'node:child_process';
import { nameCutting } from '../../server/src/core/facts/metrics';
import { missingCorpus } from './common';
import { runNumbers } from './numbers';

type Cutter = 'hand' | 'jieba' | 'jieba-compound';
const CUTTERS: Cutter[] = ['hand', 'jieba', 'jieba-compound'];

/** Tags of a name's nominal words (jieba's ICTCLAS set): nouns, verbal and adjectival nouns, distinguishers, abbreviations. */
const NOMINAL = /^(?:n|vn|an|b|j|x|eng|l|f|s|nz|ng)/;

interface Tag {
  word: string;
  tag: string;
}

function jiebaCutter(compound: boolean): { before: (s: string) => string; after: (s: string) => string } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const jieba = require('jieba-wasm') as { tag: (s: string, hmm?: boolean) => Tag[] };
  const nominal = (tags: Tag[], i: number) =>
    NOMINAL.test(tags[i].tag) ||
    // `财政补助标准`: a verb between two nouns is part of a compound name, when allowed.
    (compound && tags[i].tag.startsWith('v') && i > 0 && i + 1 < tags.length && NOMINAL.test(tags[i - 1].tag) && NOMINAL.test(tags[i + 1].tag));
  return {
    // The name before a figure: its last run of nominal words.
    before: (s) => {
      const tags = jieba.tag(s, true);
      let i = tags.length;
      while (i > 0 && nominal(tags, i - 1)) i--;
      const name = tags
        .slice(i)
        .map((t) => t.word)
        .join('');
      return name || s;
    },
    // The noun after a count: its first run of nominal words.
    after: (s) => {
      const tags = jieba.tag(s, true);
      let i = 0;
      while (i < tags.length && nominal(tags, i)) i++;
      const name = tags
        .slice(0, i)
        .map((t) => t.word)
        .join('');
      return name || s;
    },
  };
}

function runOne(cutter: Cutter): void {
  if (cutter !== 'hand') Object.assign(nameCutting, jiebaCutter(cutter === 'jieba-compound'));
  const t = performance.now();
  const r = runNumbers();
  const ms = performance.now() - t;
  console.log(
    JSON.stringify({ cutter, found: r.totals.found, fire: r.totals.fire, quiet: r.totals.quiet, alarmed: r.totals.alarmedCases, alarms: r.totals.alarms, ms }),
  );
}

const arg = process.argv.find((a) => a.startsWith('--cutter='));
if (arg) runOne(arg.slice('--cutter='.length) as Cutter);
else {
  const missing = missingCorpus();
  if (missing.length) {
    console.error(`the corpus is not there: ${missing.join(', ')}`);
    process.exit(2);
  }
  console.log('cutter            found (fire cases)   cases with a false alarm   false findings   numbers section');
  for (const c of CUTTERS) {
    const p = spawnSync(process.execPath, ['--import', 'tsx', __filename, `--cutter=${c}`], { encoding: 'utf8' });
    const line = p.stdout.trim().split('\n').pop() ?? '';
    if (p.status !== 0 || !line.startsWith('{')) {
      console.error(`${c}: failed\n${p.stderr}`);
      process.exit(1);
    }
    const r = JSON.parse(line) as { found: number; fire: number; alarmed: number; alarms: number; quiet: number; ms: number };
    const pct = ((100 * r.found) / r.fire).toFixed(1);
    console.log(
      `${c.padEnd(16)}  ${`${r.found}/${r.fire} (${pct}%)`.padEnd(19)}  ${String(r.alarmed).padEnd(25)}  ${String(r.alarms).padEnd(15)}  ${(r.ms / 1000).toFixed(1)} s`,
    );
  }
}
