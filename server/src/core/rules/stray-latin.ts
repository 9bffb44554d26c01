import type { Msg } from '../l10n';
import type { Rule } from './rule';
import { isChinese, overlaps } from './helpers/text';
import { isAsciiLetter, isDigit, isHan, isSpace } from '../text/chars';

const MESSAGES = {
  stray: {
    zh: '中文语句中夹有英文单词“{word}”，不是缩写或专名，可能是转换残留',
    en: 'Latin word "{word}" inside Chinese prose is neither an acronym nor a name; probably a conversion leftover',
  },
} satisfies Record<string, Msg>;

/** Lower-case runs are rare in Chinese text, so only they are looked at. */
const LOWER = /[a-z]{2,}/g;
/** Characters that join letters and digits into one identifier, domain, model number or version (gov.cn, Wi-Fi, 1+3+N). */
const JOINERS = ".+&'’@/_-";

/**
 * Acronyms (IT, KL, GDP, CPI, PM2.5, 5G, M2, AI) are upper case or carry digits, and names
 * are capitalised or mixed case (Apple, iPhone), so only an all-lower-case word can be a
 * stray. These lower-case words do appear in Chinese reports as they are.
 */
const LOWER_CASE_OK = new Set(['app', 'apps', 'wifi', 'vivo', 'ofo']);

/** The allowlist as a lower-case set, built once per list (a config's list lives as long as the config). */
const ALLOWED = new WeakMap<readonly string[], Set<string>>();
function allowedWords(list: readonly string[]): Set<string> {
  let set = ALLOWED.get(list);
  if (!set) ALLOWED.set(list, (set = new Set(list.map((w) => w.toLowerCase()))));
  return set;
}

/** Acronyms and names pass; an all-lower-case word standing between Chinese text is reported. */
export const strayLatin: Rule = {
  id: 'stray-latin',
  scope: 'passage',
  defaultSeverity: 'information',
  category: 'typography',
  title: { zh: '夹杂英文单词', en: 'Stray Latin word' },
  description: {
    zh: '中文语句中出现的小写英文单词（如“精神 and 习近平”），多为转换或粘贴残留；缩写（IT、GDP、PM2.5、5G）和专名（大小写混合）不提示，其他词可加入 govreport.latinAllowlist。',
    en: 'A lower-case English word between Chinese text (e.g. "精神 and 习近平"), usually a conversion or paste leftover; acronyms (IT, GDP, PM2.5, 5G) and names (mixed case) pass, and govreport.latinAllowlist accepts more.',
  },
  check(ctx) {
    const allowed = allowedWords(ctx.config.latinAllowlist);
    for (const passage of ctx.passages) {
      const text = passage.text.text;
      LOWER.lastIndex = 0;
      for (let m = LOWER.exec(text); m; m = LOWER.exec(text)) {
        const word = m[0];
        const start = m.index;
        const end = start + word.length;
        // Part of a longer token (iPhone, gov.cn, PM2.5): a name or an identifier, not a word.
        if (inToken(text, start - 1, -1) || inToken(text, end, 1)) continue;
        if (LOWER_CASE_OK.has(word) || allowed.has(word) || overlaps(passage.protected, start, end)) continue;
        if (!betweenChinese(text, start, end)) continue;
        const span = passage.text.toSourceSpan(start, end);
        ctx.report({ start: span.start, end: span.end, message: ctx.t(MESSAGES.stray, { word }) });
      }
    }
  },
};

function isNumberChar(c: number): boolean {
  return isDigit(c) || c === 0x2e || c === 0x2c || c === 0x25 || isSpace(c);
}

/** Whether the character at `i` continues a token: a letter or digit, or a joiner followed (in `dir`) by one. */
function inToken(text: string, i: number, dir: 1 | -1): boolean {
  const c = text.charCodeAt(i);
  if (isAsciiLetter(c) || isDigit(c)) return true;
  if (JOINERS.includes(text[i] ?? ' ')) {
    const d = text.charCodeAt(i + dir);
    return isAsciiLetter(d) || isDigit(d);
  }
  return false;
}

/**
 * Chinese (or the passage's edge) on both sides past spaces, and a Han character on at least
 * one. A word right after a number is its unit (`150 kg`); a number after the word is read
 * past (`，of 24个`).
 */
function betweenChinese(text: string, start: number, end: number): boolean {
  let a = start - 1;
  while (a >= 0 && isSpace(text.charCodeAt(a))) a--;
  if (isDigit(text.charCodeAt(a))) return false;
  let b = end;
  while (b < text.length && isSpace(text.charCodeAt(b))) b++;
  for (let k = 0; k < 24 && b < text.length && isNumberChar(text.charCodeAt(b)); k++) b++;
  const left = a >= 0 ? text.charCodeAt(a) : NaN;
  const right = b < text.length ? text.charCodeAt(b) : NaN;
  if (!(Number.isNaN(left) || isChinese(left)) || !(Number.isNaN(right) || isChinese(right))) return false;
  return isHan(left) || isHan(right);
}
