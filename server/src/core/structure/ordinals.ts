import { parseChineseNumeral } from '../text/chineseNumerals';
import type { Passage } from './prose';

/**
 * Section numbering as GB/T 9704 defines it — 一、 → （一） → 1. → （1） — plus the forms
 * reports use for run-in items (一是…) and their common malformed variants, which the
 * numbering-format rule corrects.
 */
export type OrdinalStyle =
  | 'cn-dun' // 一、
  | 'cn-paren' // （一）
  | 'arabic-dot' // 1.
  | 'arabic-paren' // （1）
  | 'cn-shi'; // 一是

export interface Ordinal {
  style: OrdinalStyle;
  value: number;
  /** Logical offsets of the whole marker, e.g. `（一）` or `1.`. */
  start: number;
  end: number;
  raw: string;
  /** The GB/T 9704 spelling when `raw` deviates from it (`(一)` → `（一）`, `1、` → `1.`). */
  canonical?: string;
}

const CN = '[一二三四五六七八九十百]{1,4}';
const PATTERNS: { re: RegExp; style: OrdinalStyle }[] = [
  { re: new RegExp(`^(${CN})、`), style: 'cn-dun' },
  { re: new RegExp(`^([（(])(${CN})([）)])(、)?`), style: 'cn-paren' },
  { re: /^([（(])(\d{1,3})([）)])(、)?/, style: 'arabic-paren' },
  { re: /^(\d{1,3})([.．、])(?![\d.．])/, style: 'arabic-dot' },
  { re: new RegExp(`^(${CN})是(?![非否])`), style: 'cn-shi' },
];

/** The ordinal that opens `text`, if any. */
export function leadingOrdinal(text: string): Ordinal | undefined {
  for (const { re, style } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const raw = m[0];
    let numeral: string;
    let canonical: string | undefined;
    switch (style) {
      case 'cn-dun':
      case 'cn-shi':
        numeral = m[1];
        break;
      case 'cn-paren':
      case 'arabic-paren':
        numeral = m[2];
        if (m[1] !== '（' || m[3] !== '）' || m[4]) canonical = `（${m[2]}）`;
        break;
      case 'arabic-dot':
        numeral = m[1];
        if (m[2] !== '.') canonical = `${m[1]}.`;
        break;
    }
    const value = /^\d+$/.test(numeral) ? Number(numeral) : parseChineseNumeral(numeral);
    if (value === null || value <= 0) continue;
    return { style, value, start: 0, end: raw.length, raw, canonical };
  }
  return undefined;
}

/** What a malformed number can start with; most passages start with none of these. */
const OPENING = /^[(（0-9０-９一二三四五六七八九十]/;

/** `一.`/`一．` — a Chinese numeral with a dot, which ordinals.ts does not read as an ordinal. */
const CN_DOT = /^([一二三四五六七八九十]{1,3})[.．](?![\d０-９])/;

export interface MalformedOrdinal {
  /** Logical span of the marker in the passage text. */
  start: number;
  end: number;
  raw: string;
  canonical: string;
}

/**
 * The malformed numbering that opens a passage, if any (`1、`, `(一)`, `一.`): numbering-format
 * fixes it, and punctuation-width leaves its half-width marks alone so one mark gets one finding.
 */
export function malformedOrdinal(passage: Passage): MalformedOrdinal | undefined {
  // A Markdown list number is rendered by the viewer, not written by the drafter.
  if (passage.blocks[0].listMarker && passage.blocks[0].listMarker.ordinal !== null) return undefined;
  const text = passage.text.text;
  if (!OPENING.test(text)) return undefined;
  const ord = leadingOrdinal(text);
  if (ord) return ord.canonical ? { start: ord.start, end: ord.end, raw: ord.raw, canonical: ord.canonical } : undefined;
  const m = CN_DOT.exec(text);
  return m ? { start: 0, end: m[0].length, raw: m[0], canonical: `${m[1]}、` } : undefined;
}
