// The one printer of figures: a value the way the report writes it (`突破260家`, `2.76万亿元`,
// `6.5%～7%`), and computed amounts in the report's own multiplier. Rules, the hover, target
// verdicts and the qualifiers' explanations all print through here. House style, the one the
// digit-spacing rule enforces: no space between a figure and the Chinese around it (`360亿元`,
// never `360 亿元`), so what we write passes our own checks.
import { scaleFactor } from './units';

/** What a figure needs to be printed: a quantity's value, range top, unit, multiplier and qualifier word. */
export interface Printable {
  value: number;
  high?: number;
  unit: string;
  scale: string;
  qualifier?: string;
}

const PREFIX_QUALIFIERS = new Set(['不低于', '不超过', '超过', '突破', '不足', '约', '近']);

/** `216家`, `突破260家`, `2.76万亿元`, `6.5%～7%`, `1000万人以上`. */
export function figure(f: Printable): string {
  const body = amount(f.value, f.unit, f.scale, f.high);
  const q = f.qualifier;
  if (!q) return body;
  if (PREFIX_QUALIFIERS.has(q)) return `${q}${body}`;
  // `600多万人`, but `2倍多`: 多 after 倍 (a multiple's 多 says "more than" the multiple).
  if ((q === '多' || q === '余') && f.unit !== '倍') return body.replace(/^(-?[\d.]+)/, `$1${q}`);
  if (q === '多' || q === '余') return `${body}${q}`;
  return `${body}${q}`;
}

/** A value in `unit`, printed with the multiplier `scale` (chosen from the magnitude when absent). */
export function amount(value: number, unit: string, scale = '', high?: number): string {
  const s = scale || autoScale(Math.max(Math.abs(value), Math.abs(high ?? 0)), unit);
  const mult = scaleFactor(s);
  const n = trimNumber(value / mult);
  const percent = unit === '%';
  const tail = percent ? '%' : `${s}${unit}`;
  if (high === undefined) return `${n}${tail}`;
  const h = trimNumber(high / mult);
  return percent ? `${n}%～${h}%` : `${n}～${h}${tail}`;
}

function autoScale(v: number, unit: string): string {
  if (unit === '%' || unit === '个百分点' || unit === '倍') return '';
  if (v >= 1e12) return '万亿';
  if (v >= 1e8) return '亿';
  if (v >= 1e5) return '万';
  return '';
}

/** At most four decimals, no trailing zeros, no exponent for ordinary magnitudes. */
export function trimNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const r = Math.round(v * 1e4) / 1e4;
  if (Math.abs(r) >= 1e21) return r.toExponential(3);
  let s = r.toFixed(4);
  s = s.replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}
