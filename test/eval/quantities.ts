// A small reader of written quantities, independent of the core's: the mutation run must pick
// its places from the text, not from what the checker already understands, or it would only
// ever test figures the checker reads. It knows Arabic numbers (`123`, `1.5`), 万/亿/万亿, `%`
// and a list of units; nothing else (no Chinese numerals, no ranges, no qualifiers).

export interface Quantity {
  /** The whole quantity `[start, end)`: number, multiplier and unit. */
  start: number;
  end: number;
  /** The digits `[numStart, numEnd)` as written (`1.5`). */
  numStart: number;
  numEnd: number;
  digits: string;
  /** The written number (`1.5` for 1.5万亿元). */
  written: number;
  decimals: number;
  /** 万 = 1e4, 亿 = 1e8, 万亿 = 1e12, else 1. */
  scale: number;
  multiplier: string;
  /** The unit after the multiplier (`元` for 万亿元, `%`, `个百分点`); empty when none. */
  unit: string;
  /** In plain units: written × scale. */
  value: number;
}

const PERCENT = new Set(['%', '％']);

// Longest first, so `千瓦时` wins over `千瓦` and `个百分点` over `个`.
const UNITS = [
  '个百分点',
  '平方公里',
  '平方米',
  '立方米',
  '标准箱',
  '千瓦时',
  '人次',
  '千瓦',
  '公里',
  '千米',
  '公顷',
  '标箱',
  '美元',
  '港元',
  '%',
  '％',
  '元',
  '人',
  '户',
  '家',
  '个',
  '项',
  '所',
  '座',
  '套',
  '间',
  '辆',
  '台',
  '张',
  '名',
  '位',
  '条',
  '列',
  '艘',
  '架',
  '处',
  '场',
  '次',
  '件',
  '宗',
  '批',
  '只',
  '头',
  '株',
  '棵',
  '部',
  '份',
  '种',
  '类',
  '栋',
  '吨',
  '斤',
  '亩',
  '米',
  '倍',
  '册',
].sort((a, b) => b.length - a.length);

const MULTIPLIERS: [string, number][] = [
  ['万亿', 1e12],
  ['亿', 1e8],
  ['万', 1e4],
];

/** Every quantity with a multiplier or a unit in `text[from, to)`, in order. */
export function quantities(text: string, from = 0, to = text.length): Quantity[] {
  const out: Quantity[] = [];
  const re = /\d+(?:\.\d+)?/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const numStart = m.index;
    const numEnd = numStart + m[0].length;
    const before = text[numStart - 1] ?? '';
    // Part of a code or a name (G60, PM2.5, 5G's neighbours), a version (2.0版), or an ordinal (第4批).
    if (/[A-Za-z.,\-+·_/]/.test(before) || before === '第') continue;
    let at = numEnd;
    let multiplier = '';
    let scale = 1;
    for (const [w, s] of MULTIPLIERS) {
      if (text.startsWith(w, at)) {
        multiplier = w;
        scale = s;
        at += w.length;
        break;
      }
    }
    const unit = UNITS.find((u) => text.startsWith(u, at)) ?? '';
    if (!multiplier && !unit) continue;
    // A letter or digit right after means a code (5G, 3D) rather than a quantity.
    const after = text[at + unit.length] ?? '';
    if (!unit && /[A-Za-z]/.test(after)) continue;
    const written = Number(m[0]);
    out.push({
      start: numStart,
      end: at + unit.length,
      numStart,
      numEnd,
      digits: m[0],
      written,
      decimals: m[0].includes('.') ? m[0].length - m[0].indexOf('.') - 1 : 0,
      scale,
      multiplier,
      unit: PERCENT.has(unit) ? '%' : unit,
      value: written * scale,
    });
  }
  return out;
}

/** Half of the last written digit's place, in plain units: how far rounding may have moved it. */
export function roundingOf(q: Quantity): number {
  return 0.5 * 10 ** -q.decimals * q.scale;
}

/** `value` (in the quantity's own scale) written with `decimals` places. */
export function formatNumber(value: number, decimals: number): string {
  return value.toFixed(Math.max(0, decimals));
}

/** The number with one added to its last digit (`141` → `142`, `5.4` → `5.5`, `9` → `10`). */
export function bumpLastDigit(q: Pick<Quantity, 'written' | 'decimals'>): string {
  return formatNumber(q.written + 10 ** -q.decimals, q.decimals);
}

export const isPercent = (q: Quantity): boolean => q.unit === '%';

/** Sentences (up to 。！？；, or a line end) as `[start, end)` spans. */
export function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (i === text.length || ch === '。' || ch === '！' || ch === '？' || ch === '；' || ch === '\n') {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

export const isHan = (ch: string | undefined): boolean => ch !== undefined && /[\u4e00-\u9fff]/.test(ch);
