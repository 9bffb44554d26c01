// npm run bench — GovReport's analysis beside the named baselines, measured in the same run:
//   markdown-it 14  the Markdown parser GovReport uses: a full parse of the same text (the floor)
//   markdown-it 15  the latest markdown-it, whose ~0.4 ms for the sample the design notes quote
//   markdownlint    the in-process Markdown linter most editors run (our peer)
// Prints warm medians and ratios; not a timed test (the numbers vary by machine).
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import MarkdownIt15 from 'markdown-it-15';
import { analyze } from '../server/src/core/analyze';
import { SAMPLE_PATH } from '../test/support/corpus';
import { compare, fmt, row } from './stats';

async function main() {
  const { lint } = (await import('markdownlint/sync')) as unknown as { lint: (o: { strings: Record<string, string> }) => unknown };
  const sample = readFileSync(SAMPLE_PATH, 'utf8');
  const md14 = new MarkdownIt();
  const md15 = new (MarkdownIt15 as unknown as typeof MarkdownIt)();
  const sizes: [string, string, number][] = [
    ['sample (32 KB)', sample, 200],
    ['sample ×10', sample.repeat(10), 30],
    ['sample ×100 (3 MB)', sample.repeat(100), 5],
  ];
  const widths = [20, 11, 11, 11, 12, 9, 9, 12];
  console.log(row(['text', 'analyze()', 'md-it 14', 'md-it 15', 'markdownlint', 'vs md14', 'vs md15', 'vs mdlint'], widths));
  const perChar: number[] = [];
  for (const [name, text, runs] of sizes) {
    // Every rule, whatever the size (the default size limit would skip the number rules at ×100).
    const t = compare(
      {
        ours: () => analyze(text, { config: { maxFileSize: Infinity } }),
        md14: () => md14.parse(text, {}),
        md15: () => md15.parse(text, {}),
        mdl: () => lint({ strings: { doc: text } }),
      },
      { ours: runs, md14: runs, md15: runs, mdl: Math.max(3, Math.floor(runs / 4)) },
    );
    perChar.push(t.ours / text.length);
    console.log(
      row(
        [
          name,
          fmt(t.ours),
          fmt(t.md14),
          fmt(t.md15),
          fmt(t.mdl),
          `${(t.ours / t.md14).toFixed(2)}×`,
          `${(t.ours / t.md15).toFixed(2)}×`,
          `${(t.ours / t.mdl).toFixed(3)}×`,
        ],
        widths,
      ),
    );
  }
  console.log(`\nscaling (time per character relative to the sample): ${perChar.map((p) => (p / perChar[0]).toFixed(2)).join(' · ')}  (1.00 = linear)`);
  console.log('goals: sample ≤ 1 ms, ≤ 3× markdown-it, ≤ 0.15× markdownlint; linear growth');
}

void main();
