import type { Msg } from '../l10n';
import type { Rule } from '../rule';
import { isChinese, isHan, isSpace, overlaps } from './text';

const MESSAGES = {
  stray: {
    zh: '中文语句中夹有英文单词“{word}”，不是缩写或专名，可能是转换残留',
    en: 'Latin word "{word}" inside Chinese prose is neither an acronym nor a name; probably a conversion leftover',
  },
} satisfies Record<string, Msg>;

/**
 * A run of Latin letters and digits, joined by the characters identifiers, domains, model
 * numbers and versions use (PM2.5, gov.cn, C919, 1+3+N, Wi-Fi), read as one token.
 */
const TOKEN = /[A-Za-z0-9](?:[A-Za-z0-9.+&'’@/_-]*[A-Za-z0-9])?/g;

/**
 * Acronyms (IT, KL, GDP, CPI, PM2.5, 5G, M2, AI) are upper case or carry digits, and names
 * are capitalised or mixed case (Apple, iPhone), so only an all-lower-case word can be a
 * stray. These lower-case words do appear in Chinese reports as they are.
 */
const LOWER_CASE_OK = new Set(['app', 'apps', 'wifi', 'vivo', 'ofo']);

/** Acronyms and names pass; an all-lower-case word standing between Chinese text is reported. */
export const strayLatin: Rule = {
  id: 'stray-latin',
  defaultSeverity: 'warning',
  category: 'typography',
  title: { zh: '夹杂英文单词', en: 'Stray Latin word' },
  description: {
    zh: '中文语句中出现的小写英文单词（如“精神 and 习近平”），多为转换或粘贴残留；缩写（IT、GDP、PM2.5、5G）和专名（大小写混合）不提示，其他词可加入 govreport.latinAllowlist。',
    en: 'A lower-case English word between Chinese text (e.g. "精神 and 习近平"), usually a conversion or paste leftover; acronyms (IT, GDP, PM2.5, 5G) and names (mixed case) pass, and govreport.latinAllowlist accepts more.',
  },
  check(ctx) {
    const allowed = new Set(ctx.config.latinAllowlist.map((w) => w.toLowerCase()));
    for (const passage of ctx.passages) {
      const text = passage.text.text;
      TOKEN.lastIndex = 0;
      for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
        const word = m[0];
        if (word.length < 2 || !/^[a-z]+$/.test(word)) continue;
        const start = m.index;
        const end = start + word.length;
        if (LOWER_CASE_OK.has(word) || allowed.has(word) || overlaps(passage.protected, start, end)) continue;
        if (!betweenChinese(text, start, end)) continue;
        ctx.report({ ...passage.text.toSourceSpan(start, end), message: ctx.t(MESSAGES.stray, { word }) });
      }
    }
  },
};

/** Chinese (or the passage's edge) on both sides past spaces, and a Han character on at least one. */
function betweenChinese(text: string, start: number, end: number): boolean {
  let a = start - 1;
  while (a >= 0 && isSpace(text.charCodeAt(a))) a--;
  let b = end;
  while (b < text.length && isSpace(text.charCodeAt(b))) b++;
  const left = a >= 0 ? text.charCodeAt(a) : NaN;
  const right = b < text.length ? text.charCodeAt(b) : NaN;
  if (!(Number.isNaN(left) || isChinese(left)) || !(Number.isNaN(right) || isChinese(right))) return false;
  return isHan(left) || isHan(right);
}
