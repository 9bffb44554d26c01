import type { Passage } from './prose';
import { DATE_LINE, OPENING, SPEAKER_PARTS } from './words';

/** Who delivered the report and for which year, as far as the text tells. */
export interface ReportMeta {
  /** The year the report is delivered in and plans for (2023 for `2023年1月13日…`). */
  year?: number;
  yearSource?: 'subtitle' | 'part' | 'title' | 'file';
  /** Normalised government name used to pair reports: `新市区`, `国务院`, `新疆维吾尔自治区`. */
  government?: string;
  governmentSource?: 'speaker' | 'subtitle' | 'opening' | 'folder';
  /** The delivery date line, e.g. `2023年1月13日在新市区第十五届人民代表大会第三次会议上`. */
  subtitle?: string;
  speaker?: string;
}

const FRONT_MATTER_LIMIT = 12;

/**
 * Reads year and government from the front matter. `partYears` are the years of the
 * review and plan parts (review year + 1 = report year); `fileName` is the last resort.
 */
export function readMeta(passages: Passage[], partYears: { review?: number; plan?: number }, fileName?: string, folderName?: string): ReportMeta {
  const meta: ReportMeta = {};
  const front = passages.slice(0, FRONT_MATTER_LIMIT);
  for (const p of front) {
    const text = p.text.text.trim();
    const date = DATE_LINE.exec(text);
    if (date && meta.subtitle === undefined) {
      meta.subtitle = text.replace(/^——\s*/, '');
      meta.year = Number(date[1]);
      meta.yearSource = 'subtitle';
      const place = normaliseGovernment(date[2]);
      if (place) {
        meta.government = place;
        meta.governmentSource = 'subtitle';
      }
      continue;
    }
    const speaker = SPEAKER_PARTS.exec(text);
    if (speaker && meta.speaker === undefined && text.length <= 40) {
      meta.speaker = text;
      const who = speaker[2] === '总理' ? '国务院' : normaliseGovernment(speaker[1]);
      // `自治区主席` names no place; the subtitle does.
      if (who && !/^(自治区|省|市|区|县|州)$/.test(who)) {
        meta.government = who;
        meta.governmentSource = 'speaker';
      }
    }
  }
  if (!meta.government) {
    for (const p of front) {
      const m = OPENING.exec(p.text.text);
      if (!m) continue;
      const who = normaliseGovernment(m[1]);
      if (who && !/^(自治区|省|市|区|县|州)$/.test(who)) {
        meta.government = who;
        meta.governmentSource = 'opening';
      }
      break;
    }
  }
  if (!meta.government && folderName) {
    meta.government = folderName;
    meta.governmentSource = 'folder';
  }
  if (meta.year === undefined) {
    if (partYears.plan !== undefined) {
      meta.year = partYears.plan;
      meta.yearSource = 'part';
    } else if (partYears.review !== undefined) {
      meta.year = partYears.review + 1;
      meta.yearSource = 'part';
    }
  }
  if (meta.year === undefined && passages.length) {
    const title = /((?:19|20)\d{2})\s*年.*政府工作报告/.exec(passages[0].text.text);
    if (title) {
      meta.year = Number(title[1]);
      meta.yearSource = 'title';
    }
  }
  if (meta.year === undefined && fileName) {
    const m = /(?:^|[^\d])((?:19|20)\d{2})(?!\d)/.exec(fileName);
    if (m) {
      meta.year = Number(m[1]);
      meta.yearSource = 'file';
    }
  }
  return meta;
}

/** `新市区人民政府` → `新市区`; `全国` → `国务院`. */
function normaliseGovernment(raw: string): string {
  const s = raw
    .replace(/\s+/g, '')
    .replace(/第[一二三四五六七八九十百\d]+届/g, '')
    .replace(/人民政府$|政府$/, '')
    .replace(/^在/, '');
  if (s === '全国' || s === '中华人民共和国' || s === '国务院') return '国务院';
  return s;
}
