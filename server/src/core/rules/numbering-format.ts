import type { Msg } from '../l10n';
import { malformedOrdinal } from '../structure/ordinals';
import type { Rule } from './rule';
import { sourceEdit } from './helpers/text';
import { isSpace } from '../text/chars';

const MESSAGES = {
  format: {
    zh: '序号“{raw}”不合 GB/T 9704 格式，应为“{canonical}”',
    en: 'Numbering "{raw}" does not follow GB/T 9704; write "{canonical}"',
  },
  fix: { zh: '改为“{canonical}”', en: 'Change to "{canonical}"' },
} satisfies Record<string, Msg>;

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
