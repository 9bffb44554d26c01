// npm run bench — GovReport's analysis beside the named baselines, measured in the same run:
//   markdown-it 14  the Markdown parser GovReport uses: a full parse of the same text (the floor)
//   markdown-it 15  the latest markdown-it, whose ~0.4 ms for the sample the design notes quote
//   markdownlint    the in-process Markdown linter most editors run (our peer)
// Three numbers for GovReport: cold, an unseen text (every heading and paragraph new; the process
// has read other reports before, as a server has); first, the same with every cache of text emptied
// (the first report a new server reads); and a keystroke, the text with one paragraph changed since
// the last analysis, which is handed over as the server hands it (what the editor asks for while a
// report is typed). The unseen texts are made before each batch, untimed.
// Medians; ratios against the baselines of this run.
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import MarkdownIt15 from 'markdown-it-15';
import { analyze } from '../server/src/core/analyze';
import { mergeConfig } from '../server/src/core/config';
import { forgetAllTexts } from '../server/src/core/lru';
import { SAMPLE_PATH } from '../test/support/corpus';
import { compare, fmt, row } from './stats';
import { record, run } from './results';

const STEMS = '甲乙丙丁戊己庚辛壬癸';
/** `k` in the ten stems (`甲乙`): a prose word that no rule reads, so an unseen text reads like the original. */
const stem = (k: number) => [...String(k)].map((d) => STEMS[Number(d)]).join('');

/** Where a block's new word goes: before its last sentence end, so the block still ends as it did. */
const LAST_END = /[。！？；：!?;:](?=[^。！？；：!?;:]*$)/;

/**
 * The text with every block made new, so no passage cache can answer: a word (`甲乙之丙`) before the
 * last sentence end of each heading and paragraph (at its end when it has none). Only paragraphs
 * that open with a Han character were made new before — 28 of the sample's 90 blocks: the bold
 * lead-ins, headings and list items, which hold most of its figures, were read from the cache.
 */
function unseen(text: string, k: number): string {
  let n = 0;
  return text
    .split('\n\n')
    .map((block) => {
      if (block.trim() === '') return block;
      const word = `${stem(k)}之${stem(n++)}`;
      const end = LAST_END.exec(block);
      return end ? block.slice(0, end.index) + word + block.slice(end.index) : block + word;
    })
    .join('\n\n');
}

run(async () => {
  const { lint } = (await import('markdownlint/sync')) as unknown as { lint: (o: { strings: Record<string, string> }) => unknown };
  const sample = readFileSync(SAMPLE_PATH, 'utf8');
  const md14 = new MarkdownIt();
  const md15 = new (MarkdownIt15 as unknown as typeof MarkdownIt)();
  // Every rule, whatever the size (the default size limit would skip the number rules at ×100), in
  // one merged config as the server keeps one per folder.
  const every = mergeConfig({ maxFileSize: Infinity });
  const sizes: [string, string, number][] = [
    ['sample (32 KB)', sample, 100],
    ['sample ×10', sample.repeat(10), 15],
    ['sample ×100 (3 MB)', sample.repeat(100), 3],
  ];
  const widths = [19, 10, 10, 10, 10, 10, 12, 10, 10, 10, 11];
  console.log(row(['text', 'cold', 'first', 'keystroke', 'md-it 14', 'md-it 15', 'markdownlint', 'cold/md14', 'cold/mdl', 'first/mdl', 'keys/mdl'], widths));
  const perChar: number[] = [];
  let k = 0;
  for (const [name, text, runs] of sizes) {
    const at = text.indexOf('新增高新技术企业');
    // The unseen texts of a batch are made before it is timed: the analysis is measured, not the edit.
    let texts: string[] = [];
    const make = (n: number) => void (texts = Array.from({ length: n }, () => unseen(text, k++)));
    // markdownlint lints the same unseen texts (it keeps nothing between calls; they are 5 % longer).
    let linted: string[] = [];
    const makeLinted = (n: number) => void (linted = Array.from({ length: n }, () => unseen(text, k++)));
    // A keystroke's analysis is given the document's last one, as the server gives it.
    let last = analyze(text, { config: every });
    const t = compare(
      {
        cold: () => analyze(texts.pop()!, { config: every }),
        // One paragraph changed, a new word each time, the rest as analysed before.
        keystroke: () => (last = analyze(text.slice(0, at) + stem(k++) + text.slice(at), { config: every, previous: last.reuse })),
        md14: () => md14.parse(text, {}),
        md15: () => md15.parse(text, {}),
        mdl: () => lint({ strings: { doc: linted.pop()! } }),
        first: () => {
          forgetAllTexts();
          return analyze(texts.pop()!, { config: every });
        },
      },
      { cold: runs, first: runs, keystroke: runs, md14: runs, md15: runs, mdl: Math.max(3, Math.floor(runs / 2)) },
      5,
      { cold: make, first: make, mdl: makeLinted },
    );
    perChar.push(t.cold / text.length);
    const cells = [
      name,
      fmt(t.cold),
      fmt(t.first),
      fmt(t.keystroke),
      fmt(t.md14),
      fmt(t.md15),
      fmt(t.mdl),
      `${(t.cold / t.md14).toFixed(2)}×`,
      `${(t.cold / t.mdl).toFixed(3)}×`,
      `${(t.first / t.mdl).toFixed(3)}×`,
      `${(t.keystroke / t.mdl).toFixed(3)}×`,
    ];
    console.log(row(cells, widths));
    if (name.startsWith('sample (')) {
      // The budget of issue 11: an unseen report, every rule.
      record({ measure: '`analyze()` of the sample report (32 KB), every rule, cold', result: fmt(t.cold), goal: '≤ 3 ms', met: t.cold <= 3 });
      record({
        measure: '… vs markdownlint’s lint of the same text',
        result: `${(t.cold / t.mdl).toFixed(2)}× (${fmt(t.mdl)})`,
        goal: '≤ 0.25×',
        met: t.cold / t.mdl <= 0.25,
      });
      record({
        measure: '… the first report of a new server (every cache of text empty)',
        result: `${fmt(t.first)} = ${(t.first / t.mdl).toFixed(2)}× markdownlint`,
        goal: '',
      });
      record({
        measure: '… vs a full markdown-it parse of the same text',
        result: `${(t.cold / t.md14).toFixed(1)}× markdown-it 14 (${fmt(t.md14)}); ${(t.cold / t.md15).toFixed(1)}× markdown-it 15 (${fmt(t.md15)})`,
        goal: '≤ 3×',
        met: t.cold / t.md15 <= 3,
      });
      record({
        measure: 'a keystroke in the sample (one paragraph new)',
        result: `${fmt(t.keystroke)} = ${(t.keystroke / t.mdl).toFixed(2)}× markdownlint`,
        goal: '',
      });
    }
    if (name.includes('3 MB')) {
      record({
        measure: 'cold analysis of a 3 MB report, every rule',
        result: `${fmt(t.cold)} = ${(t.cold / t.mdl).toFixed(2)}× markdownlint (${fmt(t.mdl)})`,
        goal: '',
      });
      record({
        measure: 'a keystroke in a 3 MB report, every rule (in process)',
        result: `${fmt(t.keystroke)} = ${(t.keystroke / t.mdl).toFixed(2)}× markdownlint`,
        goal: '≤ 0.2×',
        met: t.keystroke / t.mdl <= 0.2,
      });
    }
  }
  const scaling = perChar.map((p) => (p / perChar[0]).toFixed(2)).join(' · ');
  console.log(`\nscaling (cold time per character relative to the sample): ${scaling}  (1.00 = linear)`);
  record({ measure: 'scaling, cold time per character at ×1 · ×10 · ×100', result: scaling, goal: 'linear (≈ 1)' });
});
