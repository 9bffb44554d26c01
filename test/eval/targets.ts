// Section 4, targets: the matcher run as `govreport targets --format json` runs it, compared with
// the hand-made labels of test/fixtures/targets (8 national pairs, 6 provincial pairs, the sample).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { targetRow, targetRows, type TargetRow, type TargetsFile } from '../../server/src/cliTargets';
import { analyze } from '../../server/src/core/analyze';
import { clip, cliOptions, corpusPath, pct, ratio, readReport, REPO_ROOT, table } from './common';

const LABELS = join(REPO_ROOT, 'test', 'fixtures', 'targets');

type LabelStatus = 'met' | 'missed' | 'unreported' | 'ambiguous';

export interface Label {
  line: number;
  match: string;
  metric: string;
  value: number;
  high: number | null;
  kind: 'main' | 'task' | 'appendix';
  status: LabelStatus;
  /** For an ambiguous label: the statuses a matcher may give. */
  accept?: string[];
}

interface LabelFile {
  plan: string;
  review: string;
  targets: Label[];
}

export interface LabelResult {
  line: number;
  match: string;
  kind: Label['kind'];
  label: string;
  ours: string;
  ourText: string | null;
  agree: boolean;
}

export interface PairResult {
  pair: string;
  plan: string;
  review: string;
  /** Headline labels (main and task). */
  labels: number;
  extracted: number;
  matched: number;
  agree: number;
  clear: number;
  clearAgree: number;
  falseMissed: number;
  /** Extracted targets matching no label, as line and text (the non-targets, for reading). */
  unlabelledRows: { line: number; text: string }[];
  /** Extracted targets matching no label (appendix labels included). */
  nonTargets: number;
  /** Of those, how many we call missed (a false miss on something nobody labelled). */
  nonTargetMissed: number;
  main: number;
  mainAgree: number;
  appendix: number;
  appendixMatched: number;
  appendixAgree: number;
  results: LabelResult[];
  unpaired?: string;
}

type Counts = Omit<PairResult, 'pair' | 'plan' | 'review' | 'results' | 'unpaired' | 'unlabelledRows'>;

export interface TargetsEvalResult {
  pairs: PairResult[];
  totals: Counts;
}

/** The labelled pairs: [name, label file]. */
export function labelFiles(): [string, string][] {
  const out: [string, string][] = [];
  const national = join(LABELS, 'national');
  for (const f of readdirSync(national)
    .filter((f) => /^\d{4}-\d{4}\.json$/.test(f))
    .sort()) {
    out.push([`national ${f.replace('.json', '')}`, join(national, f)]);
  }
  const provincial = join(LABELS, 'provincial');
  for (const f of readdirSync(provincial)
    .filter((f) => /^[a-z]+-\d{4}-\d{4}\.json$/.test(f))
    .sort()) {
    out.push([f.replace('.json', '').replace(/-(\d{4})-/, ' $1-'), join(provincial, f)]);
  }
  out.push(['xinshi 2023-2024', join(LABELS, 'xinshi', '2023-2024.json')]);
  return out;
}

/** A label file names corpus reports by name and repository files by path. */
const reportPath = (name: string): string => (name.includes('/') ? join(REPO_ROOT, name) : corpusPath(name));

function targetsFile(path: string): TargetsFile {
  // cli.ts's targets command: the model only, no rules.
  return { path, config: {}, analysis: analyze(readReport(path), { ...cliOptions(path), rules: [] }) };
}

/**
 * Our rows for the plan's targets, the plan and review given together as on the command line;
 * `unpaired` says why, when the matcher found no next-year report to compare with.
 */
export function ourRows(plan: string, review: string): { rows: TargetRow[]; unpaired?: string } {
  const files = [targetsFile(plan), targetsFile(review)];
  const [first] = targetRows(files);
  const rows = first.results.map((r) => targetRow(first.file, first.next, r));
  if (first.next) return { rows };
  const m = (f: TargetsFile) => `${f.analysis.meta.government ?? '(no government)'} ${f.analysis.meta.year ?? '(no year)'}`;
  return { rows, unpaired: `no next-year report paired: the plan reads as ${m(files[0])}, the review as ${m(files[1])}` };
}

/** Character overlap (Dice on character multisets): how alike two names are, 0–1. */
function overlap(a: string, b: string): number {
  const count = new Map<string, number>();
  for (const ch of a) count.set(ch, (count.get(ch) ?? 0) + 1);
  let common = 0;
  for (const ch of b) {
    const n = count.get(ch) ?? 0;
    if (n > 0) {
      common++;
      count.set(ch, n - 1);
    }
  }
  const len = [...a].length + [...b].length;
  return len === 0 ? 0 : (2 * common) / len;
}

const lowOf = (v: TargetRow['value']): number => (Array.isArray(v) ? v[0] : v);

/**
 * Label ↔ row: same line (1-based, the row's range start) and the same written value; where a
 * line has several candidates, the best character overlap of metric and text wins, each row and
 * each label used once. A row whose range only reaches the label's line (a target split by a
 * page break, `蔬菜⏎⏎6万亩`: the label names the figure's line, the range starts at the name)
 * is taken only when no row starts there.
 */
export function assign(labels: readonly Label[], rows: readonly TargetRow[]): (TargetRow | undefined)[] {
  const pairs: { l: number; r: number; score: number }[] = [];
  labels.forEach((label, l) =>
    rows.forEach((row, r) => {
      if (Math.abs(lowOf(row.value) - label.value) > 1e-9) return;
      const starts = row.range.start.line + 1 === label.line;
      const spans = row.range.start.line + 1 < label.line && label.line <= row.range.end.line + 1;
      if (!starts && !spans) return;
      pairs.push({ l, r, score: (starts ? 10 : 0) + overlap(row.metric, label.metric) + overlap(row.text, label.match) });
    }),
  );
  pairs.sort((a, b) => b.score - a.score || a.l - b.l || a.r - b.r);
  const out: (TargetRow | undefined)[] = labels.map(() => undefined);
  const used = new Set<number>();
  for (const p of pairs) {
    if (out[p.l] || used.has(p.r)) continue;
    out[p.l] = rows[p.r];
    used.add(p.r);
  }
  return out;
}

export const agrees = (label: Label, ours: string | undefined): boolean =>
  ours !== undefined && (label.status === 'ambiguous' ? (label.accept ?? []).includes(ours) : ours === label.status);

export function evalPair(pair: string, file: string): PairResult {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as LabelFile;
  const { rows, unpaired } = ourRows(reportPath(doc.plan), reportPath(doc.review));
  const matched = assign(doc.targets, rows);
  const results: LabelResult[] = doc.targets.map((label, i) => {
    const row = matched[i];
    return {
      line: label.line,
      match: label.match,
      kind: label.kind,
      label: label.status === 'ambiguous' ? `ambiguous[${(label.accept ?? []).join('|')}]` : label.status,
      ours: row ? row.status : 'no target',
      ourText: row ? row.text : null,
      agree: agrees(label, row?.status),
    };
  });
  const head = doc.targets.map((l, i) => ({ l, row: matched[i], res: results[i] })).filter((x) => x.l.kind !== 'appendix');
  const app = doc.targets.map((l, i) => ({ l, row: matched[i], res: results[i] })).filter((x) => x.l.kind === 'appendix');
  const used = new Set(matched.filter((r): r is TargetRow => !!r));
  const unlabelled = rows.filter((r) => !used.has(r));
  return {
    pair,
    plan: doc.plan,
    review: doc.review,
    labels: head.length,
    extracted: rows.length,
    matched: head.filter((x) => x.row).length,
    agree: head.filter((x) => x.res.agree).length,
    clear: head.filter((x) => x.l.status !== 'ambiguous').length,
    clearAgree: head.filter((x) => x.l.status !== 'ambiguous' && x.res.agree).length,
    falseMissed: head.filter((x) => x.row?.status === 'missed' && !x.res.agree).length,
    nonTargets: unlabelled.length,
    unlabelledRows: unlabelled.map((r) => ({ line: r.range.start.line + 1, text: r.text })),
    nonTargetMissed: unlabelled.filter((r) => r.status === 'missed').length,
    main: head.filter((x) => x.l.kind === 'main').length,
    mainAgree: head.filter((x) => x.l.kind === 'main' && x.res.agree).length,
    appendix: app.length,
    appendixMatched: app.filter((x) => x.row).length,
    appendixAgree: app.filter((x) => x.res.agree).length,
    results,
    ...(unpaired ? { unpaired } : {}),
  };
}

export function runTargets(): TargetsEvalResult {
  const pairs = labelFiles().map(([name, file]) => evalPair(name, file));
  // prettier-ignore
  const keys = ['labels', 'extracted', 'matched', 'agree', 'clear', 'clearAgree', 'falseMissed', 'nonTargets', 'nonTargetMissed', 'main', 'mainAgree', 'appendix', 'appendixMatched', 'appendixAgree'] as const;
  const totals = Object.fromEntries(keys.map((k) => [k, pairs.reduce((n, p) => n + p[k], 0)])) as TargetsEvalResult['totals'];
  return { pairs, totals };
}

export function printTargetsEval(r: TargetsEvalResult): string {
  const out: string[] = ['== 4. Targets (govreport targets --format json against test/fixtures/targets) ==', ''];
  const row = (name: string, p: Counts) => [
    name,
    String(p.labels),
    String(p.extracted),
    String(p.matched),
    `${ratio(p.agree, p.labels)} ${pct(p.agree, p.labels)}`,
    `${ratio(p.clearAgree, p.clear)} ${pct(p.clearAgree, p.clear)}`,
    String(p.falseMissed),
    `${p.nonTargets} ${pct(p.nonTargets, p.extracted)}`,
    ratio(p.mainAgree, p.main),
  ];
  out.push(
    table(
      ['pair', 'labels', 'extracted', 'matched', 'agreement', 'clear-cut', 'false missed', 'non-targets', 'main'],
      [...r.pairs.map((p) => row(p.pair, p)), row('total', r.totals)],
    ),
  );
  for (const p of r.pairs) if (p.unpaired) out.push('', `${p.pair}: every target pending, ${p.unpaired}.`);
  out.push(
    '',
    'Appendix labels (kind "appendix": lists after the closing paragraph) are counted apart, not in the agreement above,',
    'because the matcher is not meant to read appendices after the closing paragraph; "matched" says whether it did:',
  );
  const withAppendix = r.pairs.filter((p) => p.appendix);
  if (!withAppendix.length) out.push('  none');
  for (const p of withAppendix) {
    out.push(`  ${p.pair}: ${p.appendix} appendix labels, ${p.appendixMatched} matched to an extracted target, ${p.appendixAgree} agree`);
  }
  const nonMissed = r.totals.nonTargetMissed;
  out.push('', `Non-targets we call missed (false misses on figures nobody labelled a target): ${nonMissed}`);
  for (const p of r.pairs) {
    if (!p.nonTargetMissed) continue;
    out.push(`  ${p.pair}: ${p.nonTargetMissed}`);
  }
  out.push('', `Extracted targets no label names (non-targets): ${r.totals.nonTargets}`);
  for (const p of r.pairs) for (const u of p.unlabelledRows) out.push(`  ${p.pair}  ${u.line}  ${u.text}`);
  const off = r.pairs.flatMap((p) => p.results.filter((x) => !x.agree && x.kind !== 'appendix').map((x) => ({ p, x })));
  out.push('', `Disagreements (${off.length}; label vs ours):`);
  for (const p of r.pairs) {
    const mine = off.filter((o) => o.p === p);
    // An unpaired pair disagrees everywhere for one reason, given above; its lines are in the JSON.
    if (p.unpaired && mine.every((o) => o.x.ours === 'pending' || o.x.ours === 'no target')) {
      if (mine.length) out.push(`  ${p.pair}  all ${mine.length} labels: pending (no next-year report paired, see above)`);
      continue;
    }
    for (const { x } of mine) {
      out.push(`  ${p.pair}  ${x.line}  ${x.label} vs ${x.ours}  ours: ${x.ourText === null ? '–' : clip(x.ourText, 40)}  label: ${x.match}`);
    }
  }
  const t = r.totals;
  out.push(
    '',
    `targets: agreement ${ratio(t.agree, t.labels)} (${pct(t.agree, t.labels)}), clear-cut ${ratio(t.clearAgree, t.clear)} (${pct(t.clearAgree, t.clear)}), main ${ratio(t.mainAgree, t.main)}; matched ${ratio(t.matched, t.labels)}; false missed ${t.falseMissed}; non-targets ${t.nonTargets}/${t.extracted} (${pct(t.nonTargets, t.extracted)}); appendix ${ratio(t.appendixAgree, t.appendix)} agree`,
  );
  return out.join('\n');
}
