// What an analysis of a document leaves for the next analysis of the same document: per passage,
// the figures read from it and the typography rules' findings. A keystroke in a 3 MB report changes
// one passage; the other 15,000 keep their readings and findings (shifted to where the passage now
// starts) instead of being read again.
//
// Kept per document and handed over, not in a process-wide cache keyed by text: a report the
// server has not seen (every passage new) then costs no hashing of passage texts and leaves no
// entries behind for the collector to copy and promote — a global cache made a cold analysis of
// the sample about a fifth slower.
import type { GovReportConfig } from '../config';
import type { Passage } from '../structure/prose';
import type { Locale, RawFinding, Span, TextEdit } from '../types';

type Raw = Omit<RawFinding, 'ruleId'>;

/**
 * One passage rule's findings in one passage, as reported by the analysis that read it, whose
 * passage started at `base`: a later analysis moves them by where the passage starts now (most
 * passages after an edit have not moved at all, and a cold analysis copies nothing).
 */
export interface SlotFindings {
  readonly base: number;
  readonly raws: readonly Raw[];
}

/** Findings that a passage has none of (shared: most passages have none for most rules). */
export const NO_FINDINGS: SlotFindings = Object.freeze({ base: 0, raws: Object.freeze([]) as readonly Raw[] });

/**
 * A passage's findings per passage rule: an array indexed by the rule's slot (slotOf), not a Map
 * per passage — a cold analysis makes one entry per passage.
 */
export type PassageFindings = (SlotFindings | undefined)[];

const SLOTS = new Map<string, number>();
/** The slot of a passage rule's findings in every entry (one per rule id, for the process's life). */
export function slotOf(ruleId: string): number {
  let s = SLOTS.get(ruleId);
  if (s === undefined) SLOTS.set(ruleId, (s = SLOTS.size));
  return s;
}

/**
 * What the next analysis of a document may reuse (`AnalyzeOptions.previous`). It holds the
 * passages' places and kinds, not the passages: the report model of the old text can be collected.
 * `readings` is the facts stage's (opaque here); a slot is filled when the facts were read.
 */
export interface Reuse {
  readonly text: string;
  readonly config: GovReportConfig;
  readonly locale: Locale;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly kinds: readonly Passage['kind'][];
  readonly readings: unknown[];
  readonly findings: readonly PassageFindings[];
  /** How many of the passages came from the previous analysis (the runs before and after the edit). */
  readonly reused: number;
}

/**
 * The reuse of this analysis: its passages, with what the previous analysis knew of those whose
 * source (one character either side too: a rule may look at the character before a passage's first)
 * and kind are unchanged. The unchanged passages are the run before the first changed one and the
 * run after the last (an edit is one place), compared as strings — no text is hashed.
 * Typography findings are reused only under the same config object and locale.
 */
export function reuseFor(text: string, passages: readonly Passage[], config: GovReportConfig, locale: Locale, previous: Reuse | undefined): Reuse {
  const n = passages.length;
  const starts = new Array<number>(n);
  const ends = new Array<number>(n);
  const kinds = new Array<Passage['kind']>(n);
  for (let i = 0; i < n; i++) {
    starts[i] = passages[i].span.start;
    ends[i] = passages[i].span.end;
    kinds[i] = passages[i].kind;
  }
  const readings = new Array<unknown>(n);
  const findings = new Array<PassageFindings>(n);
  const here = { text, starts, ends, kinds };
  const m = previous ? previous.starts.length : 0;
  let head = 0;
  let tail = 0;
  if (previous) {
    while (head < n && head < m && same(here, head, previous, head)) head++;
    while (tail < n - head && tail < m - head && same(here, n - 1 - tail, previous, m - 1 - tail)) tail++;
  }
  // Written out, not spread: a spread into a new object is the slow path (1 % of a cold analysis).
  const reuse: Reuse = { text, starts, ends, kinds, config, locale, readings, findings, reused: head + tail };
  const keepFindings = previous !== undefined && previous.config === config && previous.locale === locale;
  for (let i = 0; i < n; i++) {
    const from = i < head ? i : i >= n - tail ? i - n + m : -1;
    if (from < 0) {
      findings[i] = [];
      continue;
    }
    readings[i] = previous!.readings[from];
    findings[i] = keepFindings ? previous!.findings[from] : [];
  }
  return reuse;
}

type Places = Pick<Reuse, 'text' | 'starts' | 'ends' | 'kinds'>;

function same(a: Places, i: number, b: Places, j: number): boolean {
  if (a.kinds[i] !== b.kinds[j] || a.ends[i] - a.starts[i] !== b.ends[j] - b.starts[j]) return false;
  return a.text.slice(Math.max(0, a.starts[i] - 1), a.ends[i] + 1) === b.text.slice(Math.max(0, b.starts[j] - 1), b.ends[j] + 1);
}

/** `raw` moved by `delta` characters: its span, its fix's edits and its related places in this text. */
export function shifted(raw: Raw, delta: number): Raw {
  if (delta === 0) return raw;
  const move = <T extends Span>(s: T): T => Object.assign({}, s, { start: s.start + delta, end: s.end + delta });
  const out: Raw = Object.assign({}, raw, { start: raw.start + delta, end: raw.end + delta });
  if (raw.fix) out.fix = { title: raw.fix.title, edits: raw.fix.edits.map((e: TextEdit) => move(e)) };
  if (raw.related) out.related = raw.related.map((r) => (r.uri ? r : move(r)));
  return out;
}
