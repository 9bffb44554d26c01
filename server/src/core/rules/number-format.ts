import type { Msg } from '../l10n';
import { spellMixed, readMixedNumeral } from '../numbers/mixedNumerals';
import { readQuantities } from '../numbers/quantities';
import type { Passage } from '../structure/prose';
import type { Rule, RuleContext } from './rule';
import type { TextEdit } from '../types';

const MESSAGES = {
  fullWidth: {
    zh: '全角数字“{found}”，建议写作半角“{fixed}”（GB/T 15835 5.1.7）',
    en: 'Full-width digits "{found}"; write half-width "{fixed}" (GB/T 15835 5.1.7)',
  },
  fullWidthFix: { zh: '改为半角“{fixed}”', en: 'Use half-width "{fixed}"' },
  mixed: {
    zh: '“{found}”混用阿拉伯数字与“{char}”，建议写作“{fixed}”（GB/T 15835 5.3：只有万、亿可用汉字）',
    en: '"{found}" mixes Arabic digits with "{char}"; write "{fixed}" (GB/T 15835 5.3: only 万 and 亿 may be Chinese)',
  },
  mixedNoFix: {
    zh: '“{found}”混用阿拉伯数字与“{char}”（GB/T 15835 5.3：只有万、亿可用汉字）',
    en: '"{found}" mixes Arabic digits with "{char}" (GB/T 15835 5.3: only 万 and 亿 may be Chinese)',
  },
  mixedFix: { zh: '改为“{fixed}”', en: 'Write "{fixed}"' },
  range: { zh: '范围“{found}”{problems}，建议写作“{fixed}”（GB/T 15835 5.1.3）', en: 'The range "{found}" {problems}; write "{fixed}" (GB/T 15835 5.1.3)' },
  dropped: { zh: '前一个数省略了“{unit}”', en: 'drops "{unit}" from its first number' },
  separator: { zh: '用了“{sep}”作连接号（数值范围用浪纹线“～”）', en: 'uses "{sep}" as the dash (numeric ranges take the wave dash "～")' },
  rangeFix: { zh: '改为“{fixed}”', en: 'Write "{fixed}"' },
  and: { zh: '，', en: ' and ' },
  split: {
    zh: '数字“{found}”被分页断开，建议接排（GB/T 15835 5.1.7.2：数字不宜断开）',
    en: 'The number "{found}" is split by a page break; join it (GB/T 15835 5.1.7.2: do not break a number)',
  },
  splitFix: { zh: '删除空行，接排“{found}”', en: 'Remove the blank lines to read "{found}"' },
} satisfies Record<string, Msg>;

const FULL_WIDTH = /[０-９％．]+/g;
const HAS_FULL_DIGIT = /[０-９]/;
const RANGE_HINT = /[0-9０-９][%％万亿]?\s?[～~〜－\-–—][0-9０-９]/;
const BAD_SEPARATORS = '－-~〜–';
/** Any of the above, in one scan of the text (most reports have none). */
const ANYTHING = /[０-９]|\d[十百千]|[0-9][%％万亿]?\s?[～~〜－\-–—][0-9]/;

/**
 * Number writing that GB/T 15835 advises against, each with a fix that never changes a value:
 * full-width digits, Arabic digits mixed with 十/百/千 (`3千` → `3000`, `2万5千` → `2.5万`), a range
 * that drops the first number's % or 万/亿 (`15～30%` → `15%～30%`) or uses a hyphen-like dash
 * (`6.5%－7%` → `6.5%～7%`; the 一字线 — is allowed), and a number split by a page break (reported
 * here only when broken-paragraph, which reports every split, is off).
 */
export const numberFormat: Rule = {
  id: 'number-format',
  defaultSeverity: 'information',
  category: 'numbers',
  fixable: true,
  title: { zh: '数字书写格式', en: 'Number format' },
  description: {
    zh: '按 GB/T 15835 建议：全角数字改半角，“3千”式混写改为“3000”，范围“15～30%”补全为“15%～30%”、连接号用“～”，被分页断开的数字接排；修复不改变数值。',
    en: 'Following GB/T 15835: full-width digits to half-width, "3千" to "3000", ranges "15～30%" to "15%～30%" with the wave dash "～", numbers split by a page break joined; fixes never change a value.',
  },
  check(ctx) {
    const splits = ctx.config.rules['broken-paragraph'] === 'off';
    // One look at the whole text decides which checks can find anything at all.
    if (!ANYTHING.test(ctx.text) && !splits) return;
    const any = { full: HAS_FULL_DIGIT.test(ctx.text), mixed: /\d[十百千]/.test(ctx.text), range: RANGE_HINT.test(ctx.text) };
    for (const p of ctx.passages) {
      const text = p.text.text;
      if (any.full && HAS_FULL_DIGIT.test(text)) fullWidth(ctx, p, text);
      if (any.mixed && /\d[十百千]/.test(text)) mixed(ctx, p, text);
      if (any.range && RANGE_HINT.test(text)) ranges(ctx, p, text);
      if (splits && p.breaks.length) splitNumbers(ctx, p);
    }
  },
};

/** An edit of logical [start, end) when it maps to one contiguous source run (no page break, no markup inside). */
function exactEdit(ctx: RuleContext, p: Passage, start: number, end: number, newText: string): TextEdit | undefined {
  const span = p.text.toSourceSpan(start, end);
  if (span.end - span.start !== end - start || ctx.text.slice(span.start, span.end) !== p.text.text.slice(start, end)) return undefined;
  return { ...span, newText };
}

function inProtected(p: Passage, at: number): boolean {
  return p.protected.some((s) => at >= s.start && at < s.end);
}

function fullWidth(ctx: RuleContext, p: Passage, text: string): void {
  FULL_WIDTH.lastIndex = 0;
  for (let m = FULL_WIDTH.exec(text); m; m = FULL_WIDTH.exec(text)) {
    let found = m[0];
    let start = m.index;
    // A trailing ．is sentence punctuation, not a decimal point.
    while (found.endsWith('．')) found = found.slice(0, -1);
    while (found.startsWith('．') || found.startsWith('％')) {
      found = found.slice(1);
      start++;
    }
    if (!HAS_FULL_DIGIT.test(found) || inProtected(p, start)) continue;
    const fixed = toHalfWidth(found);
    const edit = exactEdit(ctx, p, start, start + found.length, fixed);
    const span = p.text.toSourceSpan(start, start + found.length);
    ctx.report({
      ...span,
      message: ctx.t(MESSAGES.fullWidth, { found, fixed }),
      fix: edit && { title: ctx.t(MESSAGES.fullWidthFix, { fixed }), edits: [edit] },
    });
  }
}

function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xff10 + 0x30);
    else if (ch === '％') out += '%';
    else if (ch === '．') out += '.';
    else out += ch;
  }
  return out;
}

/**
 * `3千`, `3千5百`, `6千6百万`, `2万5千`, `1亿2千多万`: each run of digits and place words is read
 * whole (mixedNumerals.ts) and, when it reads one way only, rewritten whole to the value it means.
 * Fixing it piece by piece would change the number (`3千5百` is not `3000` + `500`).
 */
function mixed(ctx: RuleContext, p: Passage, text: string): void {
  for (let i = 0; i < text.length; i++) {
    if (!isDigitCode(text.charCodeAt(i)) || isDigitCode(text.charCodeAt(i - 1)) || text[i - 1] === '.' || text[i - 1] === '．') continue;
    const m = readMixedNumeral(text, i);
    if (!m) continue;
    i = m.end - 1;
    if (!m.smallUnit || inProtected(p, m.start)) continue;
    const fixed = m.exact ? spellMixed(m) : undefined;
    reportMixed(ctx, p, m.start, m.end, text.slice(m.start, m.end), m.smallUnit.char, fixed);
  }
}

function isDigitCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

function reportMixed(ctx: RuleContext, p: Passage, start: number, end: number, found: string, char: string, fixed: string | undefined): void {
  const edit = fixed !== undefined ? exactEdit(ctx, p, start, end, fixed) : undefined;
  ctx.report({
    ...p.text.toSourceSpan(start, end),
    message: fixed !== undefined ? ctx.t(MESSAGES.mixed, { found, char, fixed }) : ctx.t(MESSAGES.mixedNoFix, { found, char }),
    fix: edit && { title: ctx.t(MESSAGES.mixedFix, { fixed: fixed! }), edits: [edit] },
  });
}

function ranges(ctx: RuleContext, p: Passage, text: string): void {
  for (const q of readQuantities(text)) {
    const r = q.range;
    if (!r || inProtected(p, q.numStart)) continue;
    const dropsUnit = r.dropped !== undefined && /[%％万亿]/.test(r.dropped);
    const badSep = BAD_SEPARATORS.includes(r.sep);
    if (!dropsUnit && !badSep) continue;
    const problems: string[] = [];
    const edits: TextEdit[] = [];
    let ok = true;
    if (dropsUnit) {
      problems.push(ctx.t(MESSAGES.dropped, { unit: r.dropped! }));
      const at = exactEdit(ctx, p, q.numStart, q.numEnd, text.slice(q.numStart, q.numEnd) + r.dropped);
      if (at) edits.push(at);
      else ok = false;
    }
    if (badSep) {
      problems.push(ctx.t(MESSAGES.separator, { sep: r.sep }));
      const at = exactEdit(ctx, p, r.sepAt, r.sepAt + 1, '～');
      if (at) edits.push(at);
      else ok = false;
    }
    const found = text.slice(q.numStart, q.end);
    const fixed =
      found.slice(0, q.numEnd - q.numStart) +
      (dropsUnit ? r.dropped : '') +
      found.slice(q.numEnd - q.numStart, r.sepAt - q.numStart) +
      (badSep ? '～' : r.sep) +
      found.slice(r.sepAt - q.numStart + 1);
    ctx.report({
      ...p.text.toSourceSpan(q.numStart, q.end),
      message: ctx.t(MESSAGES.range, { found, problems: problems.join(ctx.t(MESSAGES.and)), fixed }),
      fix: ok && edits.length ? { title: ctx.t(MESSAGES.rangeFix, { fixed }), edits } : undefined,
    });
  }
}

const SPLIT_BEFORE = /[0-9０-９.．]$/;
const SPLIT_AFTER = /^[0-9０-９.．%％万亿个家人户项元亩所座件条名张处次年月日天倍吨斤米]/;

/** `6600⏎⏎个`, `27.⏎⏎3%`, `2⏎⏎所`: a page break inside a number or between it and its unit. */
function splitNumbers(ctx: RuleContext, p: Passage): void {
  const text = p.text.text;
  for (const brk of p.breaks) {
    const at = brk.at;
    // The half before may end in spaces (`6600 ⏎⏎个`).
    let last = at;
    while (last > 0 && /\s/.test(text[last - 1])) last--;
    if (!SPLIT_BEFORE.test(text.slice(Math.max(0, last - 1), last)) || !SPLIT_AFTER.test(text.slice(at, at + 1))) continue;
    let s = last;
    while (s > 0 && /[0-9０-９.．]/.test(text[s - 1])) s--;
    let e = at;
    while (e < text.length && /[0-9０-９.．%％]/.test(text[e])) e++;
    // No digits after the break: the unit right after it is the other half.
    if (e === at) e = at + 1;
    const found = text.slice(s, last) + text.slice(at, e);
    const start = p.text.toSource(s);
    const end = Math.max(start + 1, p.text.toSourceEnd(e));
    ctx.report({
      start,
      end,
      message: ctx.t(MESSAGES.split, { found }),
      fix: { title: ctx.t(MESSAGES.splitFix, { found }), edits: [{ start: brk.gap.start, end: brk.gap.end, newText: '' }] },
    });
  }
}
