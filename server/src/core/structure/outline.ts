import { leadingOrdinal, type Ordinal } from './ordinals';
import type { Passage } from './prose';
import { codeSet, HAN, TITLE_END_CHARS } from '../text/chars';
import { FIVE_YEAR_TITLE, GLOSSARY_TITLE, NOT_LEAD_SENTENCE, PLAN_PART, REQUIREMENTS_PART, REVIEW_PART, SALUTATION, TARGETS_PASSAGE, TITLE } from './words';
import type { Span } from '../types';

/**
 * The report tree: title → parts → sections → subsections → lead-ins. Levels come from the
 * numbering (一、 （一） 1. （1）) and the report's vocabulary (工作回顾, 主要工作 …), never
 * from the Markdown `#` depth, which converted reports get wrong.
 */
export type NodeKind = 'title' | 'part' | 'section' | 'subsection' | 'leadin' | 'targets';

/** What a part does: reviews a past year, sets requirements/targets, or plans work. */
/** `glossary`: the 名词解释 after the closing paragraph (`附件2 名词解释`), terms explained, no figures of any year. */
export type PartKind = 'review' | 'requirements' | 'plan' | 'glossary' | 'other';

export interface OutlineNode {
  kind: NodeKind;
  name: string;
  /** `着力` for sections whose title starts with it, so a drafter can find them. */
  detail: string;
  zhuoli: boolean;
  partKind?: PartKind;
  /** For parts: the calendar year the part is about (review year or plan year). */
  year?: number;
  /** For parts about a five-year period (过去五年, “十四五”时期 …). */
  fiveYear?: boolean;
  ordinal?: Ordinal;
  /** Markdown heading depth of the node's block; 0 when it is not a heading. */
  headingLevel: number;
  passage: Passage;
  /** Whole extent in the source: from the node's block to the end of its last block. */
  span: Span;
  /** The name's text in the source. */
  selection: Span;
  children: OutlineNode[];
  /** Nesting rank used to build the tree (lower is higher up). */
  rank: number;
}

export interface ReportTree {
  /** Top-level nodes: the title (holding everything) or, without a title, the parts. */
  roots: OutlineNode[];
  /** Every node in document order. */
  nodes: OutlineNode[];
  parts: OutlineNode[];
}

const RANK = { title: 0, part: 1, series1: 2, series2: 3, series3: 4, series4: 5, leadin: 6 } as const;

interface Marker {
  passage: Passage;
  kind: NodeKind | 'series';
  rank: number;
  ordinal?: Ordinal;
  name: string;
  selection: Span;
  partKind?: PartKind;
}

export function buildOutline(passages: Passage[]): ReportTree {
  const markers = collectMarkers(passages);
  numberedParts(markers);
  return buildTree(passages, markers);
}

/** Pass 1: every passage that opens a unit (title, part, numbered series, lead-in), with its provisional level. */
function collectMarkers(passages: Passage[]): Marker[] {
  const markers: Marker[] = [];
  let titleSeen = false;
  let partSeen = false;
  for (const p of passages) {
    const text = p.text.text;
    if (GLOSSARY_TITLE.test(text.trim())) {
      partSeen = true;
      markers.push({ passage: p, kind: 'part', rank: RANK.part, name: cleanName(text), selection: nameSpan(p, text), partKind: 'glossary' });
      continue;
    }
    if (p.kind !== 'heading') {
      const m = paragraphMarker(p, text);
      if (m) markers.push(m);
      continue;
    }
    if (!text.trim()) continue; // an empty `#` is no unit of the report
    const ordinal = leadingOrdinal(text);
    const bare = ordinal ? text.slice(ordinal.end) : text;
    const name = cleanName(text);
    const selection = nameSpan(p, text);
    if (!titleSeen && !partSeen && (p.blocks[0].level === 1 || TITLE.test(text)) && !ordinal) {
      titleSeen = true;
      markers.push({ passage: p, kind: 'title', rank: RANK.title, name, selection });
      continue;
    }
    const partKind = classifyPart(bare);
    if (partKind && (!ordinal || ordinal.style === 'cn-dun')) {
      partSeen = true;
      markers.push({ passage: p, kind: 'part', rank: RANK.part, ordinal, name, selection, partKind });
      continue;
    }
    markers.push({ passage: p, kind: 'series', rank: seriesRank(ordinal), ordinal, name, selection });
  }
  return markers;
}

/**
 * Parts numbered 一、 (national reports): when the named parts are numbered and none is unnumbered,
 * every heading of the 一、 series is a part. An unnamed part after the review or the requirements
 * continues the work plan.
 */
function numberedParts(markers: Marker[]): void {
  const unnumbered = markers.some((m) => m.kind === 'part' && !m.ordinal);
  const numbered = markers.some((m) => m.kind === 'part' && m.ordinal?.style === 'cn-dun');
  if (!numbered || unnumbered) return;
  let previous: PartKind | undefined;
  for (const m of markers) {
    if (m.kind === 'part') previous = m.partKind;
    else if (m.kind === 'series' && m.ordinal?.style === 'cn-dun' && m.passage.kind === 'heading') {
      m.kind = 'part';
      m.rank = RANK.part;
      m.partKind = previous === undefined ? 'other' : 'plan';
      previous = m.partKind;
    }
  }
}

/**
 * Pass 2: nests the markers by rank. Run-in lead sentences (national reports) count only inside a
 * numbered section. A lead-in is its own paragraph; parts and sections run to where the next one of
 * their level begins, and a parent's extent always holds its children's.
 */
function buildTree(passages: Passage[], markers: Marker[]): ReportTree {
  const nodes: OutlineNode[] = [];
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  const markerByPassage = new Map<number, Marker>();
  for (const m of markers) markerByPassage.set(m.passage.index, m);
  const close = (node: OutlineNode, lastPassage: Passage | undefined) => {
    if (node.kind === 'leadin' || node.kind === 'targets') return;
    if (lastPassage) node.span = { start: node.span.start, end: Math.max(node.span.end, lastPassage.span.end) };
  };
  let previousPassage: Passage | undefined;
  for (const p of passages) {
    let m = markerByPassage.get(p.index);
    if (!m && p.kind === 'paragraph' && stack.some((n) => (n.kind === 'section' || n.kind === 'subsection') && n.ordinal)) m = runInLeadIn(p);
    if (!m) {
      previousPassage = p;
      continue;
    }
    while (stack.length && stack[stack.length - 1].rank >= m.rank) close(stack.pop()!, previousPassage);
    const parent = stack[stack.length - 1];
    const node = makeNode(m, parent);
    if (parent) parent.children.push(node);
    else roots.push(node);
    nodes.push(node);
    stack.push(node);
    previousPassage = p;
  }
  while (stack.length) close(stack.pop()!, previousPassage);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i];
    for (const c of n.children) if (c.span.end > n.span.end) n.span.end = c.span.end;
  }
  return { roots, nodes, parts: nodes.filter((n) => n.kind === 'part') };
}

function makeNode(m: Marker, parent: OutlineNode | undefined): OutlineNode {
  let kind: NodeKind;
  if (m.kind === 'series') kind = parent && (parent.kind === 'section' || parent.kind === 'subsection') ? 'subsection' : 'section';
  else kind = m.kind;
  const bare = m.ordinal ? m.name.slice(m.ordinal.raw.length) : m.name;
  const zhuoli = (kind === 'section' || kind === 'subsection') && bare.startsWith('着力');
  const node: OutlineNode = {
    kind,
    name: m.name,
    detail: zhuoli ? '着力' : '',
    zhuoli,
    ordinal: m.ordinal,
    headingLevel: m.passage.kind === 'heading' ? m.passage.blocks[0].level : 0,
    passage: m.passage,
    span: { ...m.passage.span },
    selection: m.selection,
    children: [],
    rank: m.rank,
  };
  if (kind === 'part') {
    node.partKind = m.partKind ?? 'other';
    const { year, fiveYear } = partYear(bare);
    if (year !== undefined) node.year = year;
    if (fiveYear) node.fiveYear = true;
  }
  return node;
}

function classifyPart(text: string): PartKind | undefined {
  if (REVIEW_PART.test(text)) return REQUIREMENTS_PART.test(text) && !/回顾/.test(text) ? 'requirements' : 'review';
  if (REQUIREMENTS_PART.test(text)) return 'requirements';
  if (PLAN_PART.test(text)) return 'plan';
  return undefined;
}

function seriesRank(ordinal: Ordinal | undefined): number {
  switch (ordinal?.style) {
    case undefined:
    case 'cn-dun':
      return RANK.series1;
    case 'cn-paren':
      return RANK.series2;
    case 'arabic-dot':
      return RANK.series3;
    case 'arabic-paren':
      return RANK.series4;
    case 'cn-shi':
      return RANK.leadin;
  }
}

/** Years a part names: `2022年工作回顾` → 2022; 五年/“十四五”时期 → five-year. */
function partYear(title: string): { year?: number; fiveYear: boolean } {
  const fiveYear = FIVE_YEAR_TITLE.test(title);
  const m = /((?:19|20)\d{2})\s*年/.exec(title);
  return m ? { year: Number(m[1]), fiveYear } : { fiveYear };
}

/**
 * Gives parts that name no year the year they are about, once the report's year is known:
 * `今年…` and unnamed work-plan parts plan the report year; an unnamed one-year review
 * reviews the year before. Five-year parts stay without a year.
 */
export function settleYears(tree: ReportTree, reportYear: number | undefined): void {
  if (reportYear === undefined) return;
  for (const p of tree.parts) {
    if (p.year !== undefined || p.fiveYear) continue;
    if (/今年/.test(p.name) || p.partKind === 'plan' || p.partKind === 'requirements') p.year = reportYear;
    else if (p.partKind === 'review') p.year = reportYear - 1;
  }
}

function paragraphMarker(p: Passage, text: string): Marker | undefined {
  if (SALUTATION.test(text)) return undefined;
  const ordinal = p.blocks[0].listMarker?.ordinal ? listOrdinal(p) : leadingOrdinal(text);
  if (ordinal) {
    if (ordinal.style === 'cn-shi') return leadIn(p, text, 'leadin', ordinal);
    const rank = seriesRank(ordinal);
    // A numbered paragraph is either a standalone title line or a run-in item whose
    // first sentence is its title.
    const name = firstSentence(text);
    return { passage: p, kind: 'series', rank, ordinal, name, selection: sentenceSpan(p, text, name) };
  }
  // `——2023年1月13日在…` is the subtitle, not a lead-in.
  if (text.startsWith('——') && !/^——\s*(?:19|20)\d{2}\s*年/.test(text)) return leadIn(p, text.slice(2), 'leadin', undefined, 2);
  if (p.bold.length && p.bold[0].start === 0) {
    const b = p.bold[0];
    const name = cleanName(text.slice(b.start, b.end));
    let end = b.end;
    while (end > b.start + 1 && /[。：:！!；;，,\s]/.test(text[end - 1])) end--;
    if (name) return { passage: p, kind: 'leadin', rank: RANK.leadin, name, selection: p.text.toSourceSpan(b.start, end) };
  }
  if (TARGETS_PASSAGE.test(text)) {
    const at = text.search(TARGETS_PASSAGE);
    return { passage: p, kind: 'targets', rank: RANK.leadin, name: '主要预期目标', selection: p.text.toSourceSpan(at, at + 6) };
  }
  return undefined;
}

function listOrdinal(p: Passage): Ordinal | undefined {
  const lm = p.blocks[0].listMarker;
  if (!lm || lm.ordinal === null) return undefined;
  const raw = `${lm.ordinal}${lm.delimiter}`;
  return { style: 'arabic-dot', value: lm.ordinal, start: 0, end: 0, raw, canonical: lm.delimiter === '.' ? undefined : `${lm.ordinal}.` };
}

function leadIn(p: Passage, text: string, kind: NodeKind, ordinal?: Ordinal, skip = 0): Marker | undefined {
  const name = firstSentence(text);
  if (!name) return undefined;
  const end = skip + Math.min(text.length, name.length);
  return { passage: p, kind, rank: RANK.leadin, ordinal, name, selection: p.text.toSourceSpan(skip, end) };
}

/** National reports open paragraphs with a short lead sentence: `实施更大规模的减税。…` */
function runInLeadIn(p: Passage): Marker | undefined {
  const text = p.text.text;
  if (SALUTATION.test(text)) return undefined;
  const m = /^[^，,。；;：:！？!?]{4,24}[。！]/.exec(text);
  if (m && NOT_LEAD_SENTENCE.test(m[0])) return undefined;
  if (!m || m[0].length >= text.length) return undefined;
  return { passage: p, kind: 'leadin', rank: RANK.leadin, name: cleanName(m[0]), selection: p.text.toSourceSpan(0, m[0].length - 1) };
}

/** A heading's or numbered paragraph's title: up to its first sentence end (a `；` does not end it). */
const FIRST_SENTENCE = new RegExp(`^[^${TITLE_END_CHARS}]*`);

function firstSentence(text: string): string {
  const m = FIRST_SENTENCE.exec(text);
  return cleanName(m ? m[0] : text);
}

function sentenceSpan(p: Passage, text: string, name: string): Span {
  const n = name.length;
  return p.text.toSourceSpan(0, Math.max(1, Math.min(n, text.length)));
}

function nameSpan(p: Passage, text: string): Span {
  const name = text.trim();
  const start = text.indexOf(name);
  return p.text.toSourceSpan(Math.max(0, start), Math.max(start + name.length, start + 1));
}

/** PDF spaces between a digit and a Han character (`2023 年`, `新增 53`). */
const SPACE_BEFORE_HAN = new RegExp(`(\\d)\\s+(?=[${HAN}])`, 'g');
const SPACE_AFTER_HAN = new RegExp(`([${HAN}])\\s+(?=\\d)`, 'g');

/** What cleanName strips from a name's end. */
const TRAILING = /[。：:！!；;，,\s]+$/u;
const TRAILING_PUNCTUATION = codeSet('。：:！!；;，,');
/** A name with none of these (most headings: `（一）着力扩大国内需求`) only loses its trailing punctuation. */
const MARKUP_OR_SPACE = /[*#\s]/;

/** Names carry no Markdown, no trailing sentence punctuation, and single spaces. */
function cleanName(s: string): string {
  if (!MARKUP_OR_SPACE.test(s)) {
    let end = s.length;
    while (end > 0 && TRAILING_PUNCTUATION.has(s.charCodeAt(end - 1))) end--;
    return end === s.length ? s : s.slice(0, end);
  }
  return (
    s
      .replace(/[*#]+/g, '')
      .replace(/\s+/g, ' ')
      // PDF conversions put spaces between digits and Chinese (`2023 年`); names read without them.
      .replace(SPACE_BEFORE_HAN, '$1')
      .replace(SPACE_AFTER_HAN, '$1')
      .trim()
      .replace(TRAILING, '')
      .trim()
  );
}
