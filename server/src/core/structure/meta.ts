import { format, type Msg } from '../l10n';
import type { Locale } from '../types';
import type { Passage } from './prose';
import { DATE_LINE, OPENING, SPEAKER_PARTS, TITLE_GOVERNMENT } from './words';

/** Who delivered the report and for which year, as far as the text tells. */
export interface ReportMeta {
  /** The year the report is delivered in and plans for (2023 for `2023年1月13日…`). */
  year?: number;
  yearSource?: 'subtitle' | 'part' | 'title' | 'file';
  /** Normalised government name used to pair reports: `新市区`, `国务院`, `新疆维吾尔自治区`. */
  government?: string;
  governmentSource?: 'speaker' | 'subtitle' | 'opening' | 'title' | 'folder';
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
    // The length first: the pattern is tried on the opening paragraphs too, hundreds of characters each.
    const speaker = meta.speaker === undefined && text.length <= 40 ? SPEAKER_PARTS.exec(text) : null;
    if (speaker) {
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
  // A draft with nothing but its title yet: `# 2024年新市区政府工作报告（征求意见稿）`.
  if (!meta.government && passages.length) {
    const m = TITLE_GOVERNMENT.exec(passages[0].text.text.trim());
    const who = m ? normaliseGovernment(m[1]) : '';
    if (who && !/^(自治区|省|市|区|县|州)$/.test(who)) {
      meta.government = who;
      meta.governmentSource = 'title';
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

/** Where a year or a government was read, as the outline and the title's hover say it. */
const SOURCE: Record<NonNullable<ReportMeta['yearSource'] | ReportMeta['governmentSource']>, Msg> = {
  subtitle: { zh: '副标题', en: 'the subtitle' },
  part: { zh: '工作回顾、主要工作的标题', en: "the review and plan parts' titles" },
  title: { zh: '标题', en: 'the title' },
  file: { zh: '文件名', en: 'the file name' },
  speaker: { zh: '署名行', en: 'the speaker line' },
  opening: { zh: '开头“我代表……”', en: 'the opening sentence' },
  folder: { zh: '文件夹名（正文未写明）', en: "the folder's name (the text names none)" },
};

const META_MESSAGES = {
  read: {
    zh: '年份：{year}（据{yearFrom}）；政府：{government}（据{governmentFrom}）',
    en: 'Year: {year} (from {yearFrom}); government: {government} (from {governmentFrom})',
  },
  unknown: { zh: '未知', en: 'unknown' },
  nowhere: { zh: '正文和文件名均未写明', en: 'neither the text nor the file name' },
} satisfies Record<string, Msg>;

/** `年份：2024（据副标题）；政府：新市区（据署名行）` — what pairing with other years goes by. */
export function describeMeta(meta: ReportMeta, locale: Locale): string {
  const t = (m: Msg) => format(m, locale);
  return format(META_MESSAGES.read, locale, {
    year: meta.year ?? t(META_MESSAGES.unknown),
    yearFrom: t(meta.yearSource ? SOURCE[meta.yearSource] : META_MESSAGES.nowhere),
    government: meta.government ?? t(META_MESSAGES.unknown),
    governmentFrom: t(meta.governmentSource ? SOURCE[meta.governmentSource] : META_MESSAGES.nowhere),
  });
}
