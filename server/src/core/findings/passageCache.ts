// Findings of the passage-local rules (typography: one passage's findings depend on that passage's
// source and the config alone), remembered per passage. A keystroke in a 3 MB report changes one
// passage: the other 15,000 keep their findings, shifted to where the passage now starts, instead
// of being read again by five rules.
import type { GovReportConfig } from '../config';
import { Lru } from '../lru';
import type { Passage } from '../structure/prose';
import type { Locale, RawFinding, Span, TextEdit } from '../types';

type Raw = Omit<RawFinding, 'ruleId'>;

/**
 * A passage's findings per passage rule, in offsets relative to the passage's start: an array indexed
 * by the rule's slot (slotOf), not a Map per passage — a cold analysis makes one entry per passage.
 */
export type PassageFindings = (Raw[] | undefined)[];

const SLOTS = new Map<string, number>();
/** The slot of a passage rule's findings in every entry (one per rule id, for the process's life). */
export function slotOf(ruleId: string): number {
  let s = SLOTS.get(ruleId);
  if (s === undefined) SLOTS.set(ruleId, (s = SLOTS.size));
  return s;
}

// 20,000 passages ≈ a 3 MB report; an entry is its source text plus its few findings.
const CACHE = new Lru<string, PassageFindings>(20_000);
const CONFIG_IDS = new WeakMap<object, number>();
let nextConfigId = 0;

function configId(config: GovReportConfig): number {
  let id = CONFIG_IDS.get(config);
  if (id === undefined) CONFIG_IDS.set(config, (id = nextConfigId++));
  return id;
}

/** The cache entry of one passage (its source text, kind, the config and the locale), created on first use. */
export function passageEntry(text: string, passage: Passage, config: GovReportConfig, locale: Locale): PassageFindings {
  // The source one character either side too: a rule may look at the character before a passage's first.
  // A concatenated key is copied flat when first hashed; a bare slice would keep the whole text it
  // was cut from alive for as long as the entry lives (every keystroke's 3 MB text, one passage each).
  const key = `${configId(config)}\u0000${locale}\u0000${passage.kind}\u0000${text.slice(Math.max(0, passage.span.start - 1), passage.span.end + 1)}`;
  let entry = CACHE.get(key);
  if (!entry) CACHE.set(key, (entry = []));
  return entry;
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
