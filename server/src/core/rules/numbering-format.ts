import type { Msg } from '../l10n';
import { leadingOrdinal } from '../structure/ordinals';
import type { Passage } from '../structure/prose';
import type { Rule } from './rule';
import { isSpace, sourceEdit } from './helpers/text';

const MESSAGES = {
  format: {
    zh: '序号“{raw}”不合 GB/T 9704 格式，应为“{canonical}”',
    en: 'Numbering "{raw}" does not follow GB/T 9704; write "{canonical}"',
  },
  fix: { zh: '改为“{canonical}”', en: 'Change to "{canonical}"' },
} satisfies Record<string, Msg>;

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
 * The malformed numbering that opens a passage, if any. Shared with punctuation-width, which
 * leaves these half-width marks to this rule so one mark gets one finding.
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

/** GB/T 9704-2012 7.3.3: 一、 → （一） → 1. → （1）. */
export const numberingFormat: Rule = {
  id: 'numbering-format',
  defaultSeverity: 'information',
  category: 'structure',
  fixable: true,
  title: { zh: '序号格式', en: 'Numbering format' },
  description: {
    zh: '按 GB/T 9704 的层次序号写法：“1、”应为“1.”，“(一)”应为“（一）”，“（一）、”应为“（一）”，“一.”应为“一、”。',
    en: 'Numbering as GB/T 9704 writes it: 1、 → 1., (一) → （一）, （一）、 → （一）, 一. → 一、.',
  },
  check(ctx) {
    for (const passage of ctx.passages) {
      const bad = malformedOrdinal(passage);
      if (!bad) continue;
      const text = passage.text.text;
      // `1. ` at the start of a paragraph would turn it into a Markdown list: drop the spaces.
      let end = bad.end;
      if (passage.kind === 'paragraph' && /\.$/.test(bad.canonical)) while (end < text.length && isSpace(text.charCodeAt(end))) end++;
      const edit = sourceEdit(ctx.text, passage.text, bad.start, end, bad.canonical) ?? sourceEdit(ctx.text, passage.text, bad.start, bad.end, bad.canonical);
      const span = passage.text.toSourceSpan(bad.start, bad.end);
      const args = { raw: bad.raw, canonical: bad.canonical };
      ctx.report({
        start: span.start,
        end: span.end,
        message: ctx.t(MESSAGES.format, args),
        fix: edit ? { title: ctx.t(MESSAGES.fix, args), edits: [edit] } : undefined,
      });
    }
  },
};
