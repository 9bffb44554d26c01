// npm run bench — GovReport's analysis beside the named baselines, measured in the same run:
//   markdown-it   the Markdown parser VS Code uses (our yardstick: parsing is the floor)
//   markdownlint  the in-process Markdown linter most editors run (our peer)
// Prints warm medians and ratios; not a timed test (the numbers vary by machine).
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { analyze } from '../server/src/core/analyze';
import { SAMPLE_PATH } from '../test/support/corpus';
import { compare, fmt, row } from './stats';

async function main() {
  const { lint } = (await import('markdownlint/sync')) as unknown as { lint: (o: { strings: Record<string, string> }) => unknown };
  const sample = readFileSync(SAMPLE_PATH, 'utf8');
  const md = new MarkdownIt();
  const sizes: [string, string, number][] = [
    ['sample (32 KB)', sample, 200],
    ['sample ×10', sample.repeat(10), 30],
    ['sample ×100 (3 MB)', sample.repeat(100), 5],
  ];
  const widths = [20, 12, 12, 14, 16, 18];
  console.log(row(['text', 'analyze()', 'markdown-it', 'markdownlint', 'vs markdown-it', 'vs markdownlint'], widths));
  const perChar: number[] = [];
  for (const [name, text, runs] of sizes) {
    // Every rule, whatever the size (the default size limit would skip the number rules at ×100).
    const t = compare(
      {
        ours: () => analyze(text, { config: { maxFileSize: Infinity } }),
        parse: () => md.parse(text, {}),
        mdl: () => lint({ strings: { doc: text } }),
      },
      { ours: runs, parse: runs, mdl: Math.max(3, Math.floor(runs / 4)) },
    );
    const { ours, parse, mdl } = t;
    perChar.push(ours / text.length);
    console.log(row([name, fmt(ours), fmt(parse), fmt(mdl), `${(ours / parse).toFixed(2)}×`, `${(ours / mdl).toFixed(3)}×`], widths));
  }
  console.log(`\nscaling (time per character relative to the sample): ${perChar.map((p) => (p / perChar[0]).toFixed(2)).join(' · ')}  (1.00 = linear)`);
  console.log('goals: sample ≤ 1 ms, ≤ 3× markdown-it, ≤ 0.15× markdownlint; linear growth');
}

void main();
