// What every section of the evaluation shares: reading the corpus in place, analysing reports
// the way the CLI does for files given together, telling new findings from old ones, and
// printing plain-text tables.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { toPeer, type PeerReport } from '../../server/src/core/peers';
import { ALL_RULES } from '../../server/src/core/rules/index';
import type { Finding } from '../../server/src/core/types';

/** The checkout's root: two folders up from this file. */
export const REPO_ROOT = resolve(__dirname, '..', '..');
export const CORPUS_DIR = resolve(process.env.GOVREPORT_CORPUS ?? join(REPO_ROOT, '..', 'shared', 'corpus'));

/** Every report of the corpus (the variant folder is a second text of national-2020, left out). */
export const CORPUS_REPORTS = [
  'national-2014.md',
  'national-2015.md',
  'national-2016.md',
  'national-2017.md',
  'national-2018.md',
  'national-2019.md',
  'national-2020.md',
  'national-2021.md',
  'national-2022.md',
  'xinjiang-2026.md',
  'xinshi-2023.md',
  ...['shanghai', 'guangdong', 'zhejiang', 'sichuan', 'hubei', 'jiangsu'].flatMap((p) => [`${p}-2025.md`, `${p}-2026.md`]),
];

export const NUMBER_RULES = [
  'rate-range',
  'number-conflict',
  'total-mismatch',
  'growth-mismatch',
  'count-mismatch',
  'target-below-baseline',
  'number-format',
] as const;
export type NumberRule = (typeof NUMBER_RULES)[number];
const NUMBER_RULE_SET = new Set<string>(NUMBER_RULES);
export const isNumberRule = (id: string): boolean => NUMBER_RULE_SET.has(id);
/** Only the number rules: what the mutation run compares, at a third of a full analysis' cost. */
export const NUMBER_RULE_OBJECTS = ALL_RULES.filter((r) => isNumberRule(r.id));

/** The corpus files the run needs that are not there (empty when it can run). */
export function missingCorpus(): string[] {
  return CORPUS_REPORTS.map((n) => join(CORPUS_DIR, n)).filter((p) => !existsSync(p));
}

const textCache = new Map<string, string>();
/** A file's text as the CLI reads it: UTF-8, the BOM kept out. */
export function readReport(path: string): string {
  let t = textCache.get(path);
  if (t === undefined) {
    t = readFileSync(path, 'utf8');
    if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
    textCache.set(path, t);
  }
  return t;
}
export const corpusPath = (name: string): string => join(CORPUS_DIR, name);

/** The options cli.ts gives analyze() for a file (no .govreport.json exists beside the corpus). */
export function cliOptions(path: string): { locale: 'zh'; fileName: string; folderName: string; config: Record<string, never> } {
  return { locale: 'zh', fileName: basename(path), folderName: basename(dirname(resolve(path))), config: {} };
}

const baseCache = new Map<string, Analysis>();
/** A peer's analysis as cli.ts makes it: no rules, only the model. */
export function bareAnalysis(path: string): Analysis {
  let a = baseCache.get(path);
  if (!a) baseCache.set(path, (a = analyze(readReport(path), { ...cliOptions(path), rules: [] })));
  return a;
}

/**
 * The peers cli.ts's analyzeAll gives a file among files given together: the others whose
 * government is known and the same as this text's. `text` is the (possibly edited) text of
 * `path`; its government is read from it.
 */
export function cliPeers(path: string, text: string, others: readonly string[]): PeerReport[] {
  const own = text === readReport(path) ? bareAnalysis(path) : analyze(text, { ...cliOptions(path), rules: [] });
  const out: PeerReport[] = [];
  for (const o of others) {
    if (o === path) continue;
    const b = bareAnalysis(o);
    if (b.meta.government && b.meta.government === own.meta.government) out.push(toPeer(pathToFileURL(resolve(o)).href, b));
  }
  return out;
}

/** `text` analysed as `path`, with `others` given on the same command line. */
export function analyzeLikeCli(path: string, text: string, others: readonly string[], numberRulesOnly = false): Analysis {
  const peers = cliPeers(path, text, others);
  return analyze(text, { ...cliOptions(path), peers, ...(numberRulesOnly ? { rules: NUMBER_RULE_OBJECTS } : {}) });
}

export const isLoud = (f: Finding): boolean => f.severity === 'error' || f.severity === 'warning';

/**
 * Findings of `edited` that `base` (the unedited text, same peers) does not have: same rule and
 * the same text under the span count as present, wherever the edit moved it.
 */
export function newFindings(edited: Analysis, base: Analysis): Finding[] {
  const old = new Set(base.findings.map((f) => `${f.ruleId}\u0000${base.text.slice(f.start, f.end)}`));
  return edited.findings.filter((f) => !old.has(`${f.ruleId}\u0000${edited.text.slice(f.start, f.end)}`));
}

export interface Span {
  start: number;
  end: number;
}

const overlap = (a: Span, b: Span): boolean => {
  // A zero-width finding still marks the character it sits on.
  const ae = Math.max(a.end, a.start + 1);
  const be = Math.max(b.end, b.start + 1);
  return a.start < be && b.start < ae;
};

/** Whether the finding's range, or one of its related places in the same document, overlaps a span. */
export function touches(f: Finding, spans: readonly Span[]): boolean {
  const places: Span[] = [f, ...(f.related ?? []).filter((r) => r.uri === undefined)];
  return places.some((p) => spans.some((s) => overlap(p, s)));
}

/** A finding as the reports print and the JSON keeps it. */
export interface FindingRecord {
  rule: string;
  severity: string;
  line: number;
  text: string;
  message: string;
}
export function record(a: Analysis, f: Finding): FindingRecord {
  return { rule: f.ruleId, severity: f.severity, line: f.range.start.line + 1, text: a.text.slice(f.start, f.end), message: f.message };
}

export const pct = (n: number, d: number): string => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);
export const ratio = (n: number, d: number): string => `${n}/${d}`;

/** Display width: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ''))));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(widths[i] - width(c));
        return i === 0 ? c + pad : pad + c;
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** One line of a list: long messages cut so a line stays readable. */
export const clip = (s: string, n = 120): string => {
  const flat = s.replace(/\s+/g, ' ');
  return [...flat].length > n ? `${[...flat].slice(0, n - 1).join('')}…` : flat;
};
