// Section 1, the development set: 581 hand-written edits of real reports (cases-a.json,
// cases-b.json; cases-c, -d and -e.json by authors who never read the rules), each expected to make one number rule fire at a named place, or to leave the
// number rules quiet. Measures what was found and what was raised that nobody asked for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis } from '../../server/src/core/analyze';
import type { Finding } from '../../server/src/core/types';
import {
  analyzeLikeCli,
  clip,
  corpusPath,
  isLoud,
  isNumberRule,
  newFindings,
  NUMBER_RULES,
  pct,
  ratio,
  readReport,
  record,
  table,
  touches,
  type FindingRecord,
  type Span,
} from './common';

export interface Case {
  id: string;
  family: number;
  report: string;
  peers: string[];
  edits: { find: string; replace: string }[];
  expect: 'fire' | 'quiet';
  rule?: string;
  at?: string[];
  reason: string;
}

export interface CaseResult {
  id: string;
  family: number;
  report: string;
  expect: 'fire' | 'quiet';
  rule?: string;
  /** fire: a new finding of the rule at one of the `at` places. */
  found?: boolean;
  /** For a miss: the nearest thing the checker said (see `nearest`). */
  nearest?: string;
  /** New error/warning number findings that match nothing expected. */
  falseAlarms: FindingRecord[];
  /** Set when the case could not be applied (a `find` not occurring exactly once). */
  invalid?: string;
}

export interface NumbersResult {
  cases: CaseResult[];
  families: { family: number; fireFound: number; fire: number; quietAlarmed: number; quiet: number; fireAlarmed: number }[];
  rules: { rule: string; fireFound: number; fire: number; quietAlarmed: number; fireAlarmed: number; alarms: number }[];
  totals: {
    fire: number;
    found: number;
    cases: number;
    alarmedCases: number;
    quiet: number;
    quietAlarmed: number;
    fireAlarmed: number;
    alarms: number;
    invalid: number;
  };
}

const CASE_FILES = ['cases-a.json', 'cases-b.json', 'cases-c.json', 'cases-d.json', 'cases-e.json'];

/** Every case of the files, each id once (the ratchet and the missed list name cases by id). */
export function loadCases(): Case[] {
  const cases = CASE_FILES.flatMap((f) => JSON.parse(readFileSync(join(__dirname, 'numbers', f), 'utf8')) as Case[]);
  const seen = new Set<string>();
  const twice = cases.filter((c) => seen.size === seen.add(c.id).size).map((c) => c.id);
  if (twice.length) throw new Error(`eval: case ids used more than once: ${twice.join(', ')}`);
  return cases;
}

/** The edits applied in order; each `find` must occur exactly once in the text it is applied to. */
export function applyEdits(text: string, edits: Case['edits']): { text: string } | { error: string } {
  let t = text;
  for (const e of edits) {
    const at = t.indexOf(e.find);
    if (at < 0) return { error: `find not in text: ${e.find}` };
    if (t.indexOf(e.find, at + 1) >= 0) return { error: `find occurs more than once: ${e.find}` };
    t = t.slice(0, at) + e.replace + t.slice(at + e.find.length);
  }
  return { text: t };
}

/** Where each edit's replacement lies in the edited text (edits apply in order, each `find` once). */
function editedSpans(text: string, edits: Case['edits']): Span[] {
  const out: Span[] = [];
  let t = text;
  for (const e of edits) {
    const at = t.indexOf(e.find);
    if (at < 0) return out;
    t = t.slice(0, at) + e.replace + t.slice(at + e.find.length);
    // Only the part that changed: the common head and tail of find and replace are not the slip.
    let head = 0;
    while (head < e.find.length && head < e.replace.length && e.find[head] === e.replace[head]) head++;
    let tail = 0;
    while (tail < e.find.length - head && tail < e.replace.length - head && e.find[e.find.length - 1 - tail] === e.replace[e.replace.length - 1 - tail]) tail++;
    out.push({ start: at + head, end: at + Math.max(head + 1, e.replace.length - tail) });
  }
  return out;
}

/** First occurrence of each `at` string in the edited text. */
function atSpans(text: string, at: readonly string[]): Span[] {
  return at.flatMap((s) => {
    const i = text.indexOf(s);
    return i < 0 ? [] : [{ start: i, end: i + s.length }];
  });
}

/** What to print for a missed case: the closest finding, and why it did not count. */
function nearest(edited: Analysis, fresh: Finding[], rule: string, spans: Span[]): string {
  const here = edited.findings.find((f) => f.ruleId === rule && touches(f, spans));
  if (here) return `not new (also in the unedited text): ${here.message}`;
  const elsewhere = fresh.find((f) => f.ruleId === rule);
  if (elsewhere) return `elsewhere (line ${elsewhere.range.start.line + 1}): ${elsewhere.message}`;
  const other = fresh.find((f) => isNumberRule(f.ruleId) && touches(f, spans));
  if (other) return `other rule ${other.ruleId}: ${other.message}`;
  return 'no finding';
}

export function runNumbers(cases: readonly Case[] = loadCases()): NumbersResult {
  const bases = new Map<string, Analysis>();
  const results: CaseResult[] = cases.map((c) => {
    const path = corpusPath(c.report);
    const peers = c.peers.map(corpusPath);
    const original = readReport(path);
    const key = `${c.report}|${c.peers.join(',')}`;
    let base = bases.get(key);
    if (!base) bases.set(key, (base = analyzeLikeCli(path, original, peers)));
    const applied = applyEdits(original, c.edits);
    const out: CaseResult = { id: c.id, family: c.family, report: c.report, expect: c.expect, falseAlarms: [] };
    if (c.rule) out.rule = c.rule;
    if ('error' in applied) {
      out.invalid = applied.error;
      if (c.expect === 'fire') out.found = false;
      return out;
    }
    const edited = analyzeLikeCli(path, applied.text, peers);
    const fresh = newFindings(edited, base);
    const spans = c.expect === 'fire' ? atSpans(applied.text, c.at ?? []) : [];
    const expected = (f: Finding) => c.expect === 'fire' && f.ruleId === c.rule && touches(f, spans);
    if (c.expect === 'fire') {
      out.found = fresh.some(expected);
      if (!out.found) out.nearest = nearest(edited, fresh, c.rule!, spans);
    }
    // On a fire case, a finding on the slip itself (the edited words) is no false alarm, whatever its rule:
    // `净增三十五家` is both a restated figure changed and an increment that cannot reach its total.
    const slip = c.expect === 'fire' ? editedSpans(original, c.edits) : [];
    out.falseAlarms = fresh.filter((f) => isNumberRule(f.ruleId) && isLoud(f) && !expected(f) && !touches(f, slip)).map((f) => record(edited, f));
    return out;
  });

  const families = [...new Set(results.map((r) => r.family))]
    .sort((a, b) => a - b)
    .map((family) => {
      const rs = results.filter((r) => r.family === family);
      const fire = rs.filter((r) => r.expect === 'fire');
      const quiet = rs.filter((r) => r.expect === 'quiet');
      return {
        family,
        fireFound: fire.filter((r) => r.found).length,
        fire: fire.length,
        quietAlarmed: quiet.filter((r) => r.falseAlarms.length).length,
        quiet: quiet.length,
        fireAlarmed: fire.filter((r) => r.falseAlarms.length).length,
      };
    });
  const rules = NUMBER_RULES.map((rule) => {
    const fire = results.filter((r) => r.expect === 'fire' && r.rule === rule);
    const by = (r: CaseResult) => r.falseAlarms.some((f) => f.rule === rule);
    return {
      rule,
      fireFound: fire.filter((r) => r.found).length,
      fire: fire.length,
      quietAlarmed: results.filter((r) => r.expect === 'quiet' && by(r)).length,
      fireAlarmed: results.filter((r) => r.expect === 'fire' && by(r)).length,
      alarms: results.reduce((n, r) => n + r.falseAlarms.filter((f) => f.rule === rule).length, 0),
    };
  });
  const fire = results.filter((r) => r.expect === 'fire');
  const quiet = results.filter((r) => r.expect === 'quiet');
  return {
    cases: results,
    families,
    rules,
    totals: {
      fire: fire.length,
      found: fire.filter((r) => r.found).length,
      cases: results.length,
      alarmedCases: results.filter((r) => r.falseAlarms.length).length,
      quiet: quiet.length,
      quietAlarmed: quiet.filter((r) => r.falseAlarms.length).length,
      fireAlarmed: fire.filter((r) => r.falseAlarms.length).length,
      alarms: results.reduce((n, r) => n + r.falseAlarms.length, 0),
      invalid: results.filter((r) => r.invalid).length,
    },
  };
}

export function printNumbers(r: NumbersResult): string {
  const out: string[] = ['== 1. Development set (test/eval/numbers/cases-*.json) ==', ''];
  out.push(
    table(
      ['family', 'fire found', '%', 'quiet false alarms', 'false alarms on fire cases'],
      r.families.map((f) => [
        String(f.family),
        ratio(f.fireFound, f.fire),
        pct(f.fireFound, f.fire),
        ratio(f.quietAlarmed, f.quiet),
        ratio(f.fireAlarmed, f.fire),
      ]),
    ),
  );
  out.push('');
  out.push(
    table(
      ['rule', 'fire found', '%', 'quiet cases it alarmed', 'fire cases it alarmed', 'its false findings'],
      r.rules.map((x) => [
        x.rule,
        ratio(x.fireFound, x.fire),
        pct(x.fireFound, x.fire),
        ratio(x.quietAlarmed, r.totals.quiet),
        ratio(x.fireAlarmed, r.totals.fire),
        String(x.alarms),
      ]),
    ),
  );
  out.push('', '(false alarms are counted per case: a case with two false findings counts once; the last column counts findings)', '');
  const missed = r.cases.filter((c) => c.expect === 'fire' && !c.found);
  out.push(`Missed fire cases (${missed.length}):`);
  for (const c of missed) out.push(`  ${c.id}  ${c.report}  ${c.rule}  ${clip(c.invalid ? `case not applied: ${c.invalid}` : (c.nearest ?? 'no finding'))}`);
  const alarms = r.cases.flatMap((c) => c.falseAlarms.map((f) => ({ c, f })));
  out.push('', `False alarms (${alarms.length} findings in ${r.totals.alarmedCases} cases; q = quiet case, f = fire case):`);
  for (const { c, f } of alarms) out.push(`  ${c.id}  ${c.report}:${f.line}  ${c.expect === 'quiet' ? 'q' : 'f'}  ${f.rule}  ${clip(f.message)}`);
  if (r.totals.invalid) out.push('', `${r.totals.invalid} case(s) could not be applied (counted as missed or clean): see the list above.`);
  const t = r.totals;
  out.push(
    '',
    `numbers: found ${ratio(t.found, t.fire)} fire cases (${pct(t.found, t.fire)}); false alarms in ${ratio(t.alarmedCases, t.cases)} cases (${pct(t.alarmedCases, t.cases)}): ${ratio(t.quietAlarmed, t.quiet)} quiet, ${ratio(t.fireAlarmed, t.fire)} fire; ${t.alarms} false findings`,
  );
  return out.join('\n');
}
