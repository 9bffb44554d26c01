// Section 2, the mutation run: places found in the real reports by reading the text (quantities.ts,
// never the core's facts), each made wrong in one way a drafter could, one at a time. Each kind
// says which rule should notice; new error/warning number findings anywhere else are false alarms.
// A finding on the edited figure itself is no false alarm, whatever its rule: the figure is wrong
// (`比重由123.5%提高到48.2%` is both an impossible share and a fall written as 提高到).
import type { Analysis } from '../../server/src/core/analyze';
import type { Finding } from '../../server/src/core/types';
import {
  analyzeLikeCli,
  clip,
  corpusPath,
  isLoud,
  isNumberRule,
  newFindings,
  pct,
  ratio,
  readReport,
  record,
  table,
  touches,
  type FindingRecord,
  type Span,
} from './common';
import { bumpLastDigit, formatNumber, isHan, isPercent, quantities, roundingOf, sentences, type Quantity } from './quantities';

/** Where the edit's new text lies in the mutated report. */
function editedSpan(e: { start: number; text: string }): { start: number; end: number } {
  return { start: e.start, end: e.start + e.text.length };
}

export const KINDS = ['restated figure', 'part of a total', 'stated rate', 'counted list', 'direction flip', 'impossible share'] as const;
export type Kind = (typeof KINDS)[number];

const EXPECT: Record<Kind, string> = {
  'restated figure': 'number-conflict',
  'part of a total': 'total-mismatch',
  'stated rate': 'growth-mismatch',
  'counted list': 'count-mismatch',
  'direction flip': 'growth-mismatch',
  'impossible share': 'rate-range',
};

/** Sites per kind per report: enough to measure, few enough for the run to stay under a minute. */
export const CAP = 20;

export interface Site {
  kind: Kind;
  report: string;
  /** 1-based line of the edit in the original text. */
  line: number;
  /** What was changed, as `before → after`. */
  change: string;
  /** One replacement in the original text. */
  edit: { start: number; end: number; text: string };
  /** Where the expected finding may sit, in the mutated text. */
  expectAt: Span[];
}

export interface SiteResult {
  kind: Kind;
  report: string;
  line: number;
  change: string;
  rule: string;
  found: boolean;
  nearest?: string;
  falseAlarms: FindingRecord[];
}

export interface MutationsResult {
  /** Sites each kind found per report (before the cap) and used (after it). */
  sites: { report: string; kind: Kind; found: number; used: number }[];
  results: SiteResult[];
  kinds: { kind: Kind; rule: string; sites: number; found: number; alarmedSites: number; alarms: number }[];
  totals: { sites: number; found: number; alarmedSites: number; alarms: number };
}

const lineAt = (text: string, offset: number): number => {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/** The replacement of `[start, end)` by `text`, and a span of the original mapped into the edited text. */
const shift = (s: Span, edit: Site['edit']): Span => {
  const d = edit.text.length - (edit.end - edit.start);
  if (s.end <= edit.start) return s;
  if (s.start >= edit.end) return { start: s.start + d, end: s.end + d };
  return { start: Math.min(s.start, edit.start), end: Math.max(s.end + d, edit.start + edit.text.length) };
};

function site(kind: Kind, report: string, text: string, edit: Site['edit'], expectOriginal: Span[], context?: Span): Site {
  // Shown as `context`, else the expected place that holds the edit, else the edit: before and after.
  const show = context ?? expectOriginal.find((s) => s.start <= edit.start && edit.end <= s.end) ?? edit;
  const after = text.slice(show.start, edit.start) + edit.text + text.slice(edit.end, show.end);
  return {
    kind,
    report,
    line: lineAt(text, edit.start),
    change: `${text.slice(show.start, show.end)} → ${after}`,
    edit,
    expectAt: expectOriginal.map((s) => shift(s, edit)),
  };
}

const sameUnit = (a: Quantity, b: Quantity) => a.unit === b.unit && a.unit !== '';
const NOT_SUMMABLE = new Set(['%', '个百分点', '倍']);

/**
 * Restated figure: `name+number+unit` written twice, word for word, with at least six Chinese
 * characters of name before the number. The second time, the number changes: +1 on its last
 * digit, or ×1.1 when a qualifier (左右, 近, 约, 多 …) makes a one-digit change arguable.
 */
function restated(report: string, text: string): Site[] {
  const out: Site[] = [];
  const seen = new Set<string>();
  for (const q of quantities(text)) {
    let s = q.numStart;
    while (s > 0 && isHan(text[s - 1]) && q.numStart - s < 16) s--;
    const run = q.numStart - s;
    if (run < 6) continue;
    for (let len = run; len >= 6; len--) {
      const str = text.slice(q.numStart - len, q.end);
      const first = text.indexOf(str);
      const second = text.indexOf(str, first + 1);
      if (second < 0) continue;
      // Exactly twice: with three, which pair disagrees is not one thing to expect.
      if (text.indexOf(str, second + 1) >= 0 || seen.has(str)) break;
      // The name must not be cut out of a longer one (工业增加值 vs 服务业增加值 share 业增加值):
      // a short name must start where the Chinese text starts in both places, after no digit
      // (64个预增产值过10亿元 is a count's noun, not a name).
      const left = [text[first - 1], text[second - 1]];
      if (left.some((c) => c !== undefined && /\d/.test(c)) || (len < 8 && left.some(isHan))) break;
      seen.add(str);
      const numAt = second + len;
      // The name's last two characters and the two after the unit hold any qualifier.
      const around = text.slice(numAt - 2, numAt) + text.slice(second + str.length, second + str.length + 2);
      const approx = /[近约超逾多余]|左右/.test(around);
      const next = approx ? formatNumber(Math.max(q.written * 1.1, q.written + 10 ** -q.decimals), q.decimals) : bumpLastDigit(q);
      const edit = { start: numAt, end: numAt + q.digits.length, text: next };
      out.push(
        site('restated figure', report, text, edit, [
          { start: first, end: first + str.length },
          { start: second, end: second + str.length },
        ]),
      );
      break;
    }
  }
  return out;
}

/**
 * Part of a total: `…T…，其中A x、B y…` where the parts, in T's unit, add up to T within the
 * rounding of what is written. The first part grows so the parts exceed T by a tenth of T.
 */
function partOfTotal(report: string, text: string): Site[] {
  const out: Site[] = [];
  for (const sen of sentences(text)) {
    const body = text.slice(sen.start, sen.end);
    for (let k = body.indexOf('，其中'); k >= 0; k = body.indexOf('，其中', k + 1)) {
      const at = sen.start + k;
      const before = quantities(text, sen.start, at).filter((q) => q.end <= at);
      const total = before[before.length - 1];
      if (!total || NOT_SUMMABLE.has(total.unit) || !total.unit) continue;
      // The list: from after 其中 (and a colon or comma) to the next clause end.
      let from = at + 3;
      if (text[from] === '，' || text[from] === '：') from++;
      // Parts follow one another, each a piece with one quantity in T's unit, separated by 、 or
      // by ， (the corpus writes 其中中央财政赤字1.55万亿元，地方财政赤字8300亿元); the first piece
      // that is not one ends the list.
      const qs: Quantity[] = [];
      for (let p = from, i = from; i <= sen.end; i++) {
        if (i < sen.end && text[i] !== '、' && text[i] !== '，') continue;
        const inPiece = quantities(text, p, i).filter((q) => q.end <= i);
        if (inPiece.length !== 1 || !sameUnit(inPiece[0], total)) break;
        qs.push(inPiece[0]);
        p = i + 1;
      }
      if (qs.length < 2) continue;
      const sum = qs.reduce((n, q) => n + q.value, 0);
      const tol = roundingOf(total) + qs.reduce((n, q) => n + roundingOf(q), 0);
      if (Math.abs(sum - total.value) > tol || qs.some((q) => q.value >= total.value)) continue;
      const a = qs[0];
      const target = a.value + Math.max(0.1 * total.value, 3 * tol);
      const step = 10 ** -a.decimals;
      const written = Math.ceil(target / a.scale / step) * step;
      const edit = { start: a.numStart, end: a.numEnd, text: formatNumber(written, a.decimals) };
      out.push(
        site(
          'part of a total',
          report,
          text,
          edit,
          [total, ...qs].map((q) => ({ start: q.start, end: q.end })),
          { start: total.start, end: qs[qs.length - 1].end },
        ),
      );
    }
  }
  return out;
}

const RISE = /^(?:增加|提高|增长|提升|上升|扩大|增)$/;

interface FromTo {
  a: Quantity;
  b: Quantity;
  verb: { start: number; end: number; text: string };
  sentence: Span;
}

/** Every `从A…提高到B` / `由A…增至B` in the text, A and B in the same unit. */
function fromTos(text: string): FromTo[] {
  const out: FromTo[] = [];
  for (const sen of sentences(text)) {
    const qs = quantities(text, sen.start, sen.end);
    for (let i = 0; i + 1 < qs.length; i++) {
      const a = qs[i];
      const b = qs[i + 1];
      const lead = text.slice(Math.max(sen.start, a.start - 7), a.start);
      if (!/[从由][\u4e00-\u9fff]{0,6}$/.test(lead)) continue;
      const between = text.slice(a.end, b.start);
      // Up to six words between A and the verb (由每人每年320元提高到380元 has none; 从A的水平提高到B has some).
      const m = /^[\u4e00-\u9fff]{0,6}?((?:增加|提高|增长|提升|上升|扩大|下降|降低|减少|压缩|缩小)(?:到|至)|[增降]至)$/.exec(between);
      if (!m) continue;
      // Both written with their unit (quantities.ts skips a bare number, so 从5.4提高到9万台 is no site).
      if (!sameUnit(a, b)) continue;
      out.push({ a, b, verb: { start: b.start - m[1].length, end: b.start, text: m[1] }, sentence: sen });
    }
  }
  return out;
}

/**
 * Stated rate: `从A增加到B…增长Z%` where Z is (B/A − 1) within the rounding of all three, and the
 * sentence speaks of no real or comparable-price growth (实际, 可比价, GDP, 增加值) and no
 * average (年均). Z grows by five points.
 */
function statedRate(report: string, text: string): Site[] {
  const out: Site[] = [];
  for (const ft of fromTos(text)) {
    const { a, b, sentence } = ft;
    if (NOT_SUMMABLE.has(a.unit) || a.value <= 0 || b.value <= a.value) continue;
    const words = text.slice(sentence.start, sentence.end);
    if (/实际|可比价|GDP|增加值|生产总值|年均/.test(words)) continue;
    const z = quantities(text, b.end, sentence.end).find(isPercent);
    if (!z || !/(?:增长|提高|增加|上升|扩大)了?$/.test(text.slice(Math.max(b.end, z.start - 3), z.start))) continue;
    const ra = roundingOf(a);
    const rb = roundingOf(b);
    const lo = (100 * (b.value - rb)) / (a.value + ra) - 100;
    const hi = (100 * (b.value + rb)) / (a.value - ra) - 100;
    const rz = roundingOf(z);
    if (z.value + rz < lo || z.value - rz > hi) continue;
    const edit = { start: z.numStart, end: z.numEnd, text: formatNumber(z.written + 5, z.decimals) };
    out.push(site('stated rate', report, text, edit, [{ start: a.start, end: z.end }]));
  }
  return out;
}

const FLIP: Record<string, string> = {
  增加: '减少',
  提高: '降低',
  增长: '下降',
  提升: '降低',
  上升: '下降',
  扩大: '缩小',
  下降: '上升',
  降低: '提高',
  减少: '增加',
  压缩: '扩大',
  缩小: '扩大',
  增: '降',
  降: '增',
};

/** Direction flip: `从A提高到B` with B > A (or 下降到 with B < A); the verb turns the other way. */
function directionFlip(report: string, text: string): Site[] {
  const out: Site[] = [];
  for (const ft of fromTos(text)) {
    const verb = ft.verb.text.replace(/(到|至)$/, '');
    const rising = RISE.test(verb);
    if (rising ? !(ft.b.value > ft.a.value) : !(ft.b.value < ft.a.value)) continue;
    const tail = ft.verb.text.slice(verb.length);
    const edit = { start: ft.verb.start, end: ft.verb.end, text: FLIP[verb] + tail };
    out.push(site('direction flip', report, text, edit, [{ start: ft.a.start, end: ft.b.end }]));
  }
  return out;
}

const COUNT: Record<string, number> = { 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/**
 * Counted list: `A、B、C三大/三个/三项…`, a Chinese count word right after a 、-list of that many
 * items (three or more, so one less is still a list). The second item is dropped.
 */
function countedList(report: string, text: string): Site[] {
  const out: Site[] = [];
  const re = /([两三四五六七八九十])(大|个|项|类|种|条|件)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const n = COUNT[m[1]];
    const at = m.index;
    const prev = text[at - 1];
    // 十三个 is thirteen, 第三个 an ordinal, 等三大 an open list.
    if (prev === '十' || prev === '第' || prev === '等' || (!isHan(prev) && prev !== '”')) continue;
    let s = at;
    while (s > 0 && !'，。；：！？（）()\n*、'.includes(text[s - 1])) s--;
    const items: Span[] = [];
    let end = at;
    for (;;) {
      items.unshift({ start: s, end });
      if (text[s - 1] !== '、') break;
      end = s - 1;
      s = end;
      while (s > 0 && !'，。；：！？（）()\n*、'.includes(text[s - 1])) s--;
    }
    if (items.length !== n || n < 3) continue;
    // The first item may carry the clause's verb (推动A、B、C三大…); the others are names.
    if (items.some((it, i) => it.end - it.start === 0 || it.end - it.start > (i === 0 ? 40 : 20))) continue;
    // Drop the second item and the 、 before it.
    const drop = items[1];
    const edit = { start: drop.start - 1, end: drop.end, text: '' };
    out.push(site('counted list', report, text, edit, [{ start: items[0].start, end: at + m[0].length }]));
  }
  return out;
}

/**
 * Impossible share: `比重/占比/覆盖率/普及率 … X%` (X a level, not a change: a 提高/下降 in between
 * must be followed by 到/至). X becomes 100 + X/2.
 */
function impossibleShare(report: string, text: string): Site[] {
  const out: Site[] = [];
  const re = /比重|占比|覆盖率|普及率/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const from = m.index + m[0].length;
    const q = quantities(text, from, Math.min(text.length, from + 16)).find(isPercent);
    if (!q) continue;
    const between = text.slice(from, q.start);
    if (between.length > 12 || /[，。；：、\d]/.test(between)) continue;
    if (/(?:增加|提高|增长|提升|上升|扩大|下降|降低|减少|压缩|缩小)(?!到|至)/.test(between)) continue;
    if (q.written > 100) continue;
    const x = 100 + q.written / 2;
    const edit = { start: q.numStart, end: q.numEnd, text: formatNumber(x, Number.isInteger(x) ? 0 : 1) };
    out.push(site('impossible share', report, text, edit, [{ start: q.start, end: q.end }], { start: m.index, end: q.end }));
  }
  return out;
}

const FINDERS: Record<Kind, (report: string, text: string) => Site[]> = {
  'restated figure': restated,
  'part of a total': partOfTotal,
  'stated rate': statedRate,
  'counted list': countedList,
  'direction flip': directionFlip,
  'impossible share': impossibleShare,
};

/** Every site of every kind in one report (before the cap). */
export function findSites(report: string, text: string): Record<Kind, Site[]> {
  return Object.fromEntries(KINDS.map((k) => [k, FINDERS[k](report, text)])) as Record<Kind, Site[]>;
}

function nearest(edited: Analysis, fresh: Finding[], rule: string, spans: Span[]): string {
  const here = edited.findings.find((f) => f.ruleId === rule && touches(f, spans));
  if (here) return `not new: ${here.message}`;
  const other = fresh.find((f) => isNumberRule(f.ruleId) && touches(f, spans));
  if (other) return `other rule ${other.ruleId}: ${other.message}`;
  const elsewhere = fresh.find((f) => f.ruleId === rule);
  if (elsewhere) return `elsewhere (line ${elsewhere.range.start.line + 1}): ${elsewhere.message}`;
  return 'no finding';
}

/**
 * Runs every kind on every report. `base(name)` is the report's own analysis with its
 * government's other reports as peers (section 3 makes them); `others(name)` those reports.
 */
export function runMutations(reports: readonly string[], base: (name: string) => Analysis, others: (name: string) => string[]): MutationsResult {
  const sites: MutationsResult['sites'] = [];
  const results: SiteResult[] = [];
  for (const report of reports) {
    const path = corpusPath(report);
    const text = readReport(path);
    const all = findSites(report, text);
    const b = base(report);
    const peers = others(report).map(corpusPath);
    for (const kind of KINDS) {
      const used = all[kind].slice(0, CAP);
      sites.push({ report, kind, found: all[kind].length, used: used.length });
      for (const s of used) {
        const mutated = text.slice(0, s.edit.start) + s.edit.text + text.slice(s.edit.end);
        const edited = analyzeLikeCli(path, mutated, peers, true);
        const fresh = newFindings(edited, b);
        const rule = EXPECT[kind];
        const expected = (f: Finding) => f.ruleId === rule && touches(f, s.expectAt);
        const found = fresh.some(expected);
        const r: SiteResult = {
          kind,
          report,
          line: s.line,
          change: s.change,
          rule,
          found,
          falseAlarms: fresh
            .filter((f) => isNumberRule(f.ruleId) && isLoud(f) && !expected(f) && !touches(f, [editedSpan(s.edit)]))
            .map((f) => record(edited, f)),
        };
        if (!found) r.nearest = nearest(edited, fresh, rule, s.expectAt);
        results.push(r);
      }
    }
  }
  const kinds = KINDS.map((kind) => {
    const rs = results.filter((r) => r.kind === kind);
    return {
      kind,
      rule: EXPECT[kind],
      sites: rs.length,
      found: rs.filter((r) => r.found).length,
      alarmedSites: rs.filter((r) => r.falseAlarms.length).length,
      alarms: rs.reduce((n, r) => n + r.falseAlarms.length, 0),
    };
  });
  return {
    sites,
    results,
    kinds,
    totals: {
      sites: results.length,
      found: results.filter((r) => r.found).length,
      alarmedSites: results.filter((r) => r.falseAlarms.length).length,
      alarms: results.reduce((n, r) => n + r.falseAlarms.length, 0),
    },
  };
}

export function printMutations(r: MutationsResult, reports: readonly string[]): string {
  const out: string[] = ['== 2. Mutation run (places found in the corpus text by test/eval/quantities.ts) ==', ''];
  out.push(
    table(
      ['kind', 'expects', 'found', '%', 'sites with false alarms', 'false findings'],
      r.kinds.map((k) => [k.kind, k.rule, ratio(k.found, k.sites), pct(k.found, k.sites), ratio(k.alarmedSites, k.sites), String(k.alarms)]),
    ),
  );
  const none = r.kinds.filter((k) => k.sites === 0).map((k) => k.kind);
  if (none.length) out.push('', `No site in this corpus for: ${none.join(', ')} (nothing measured for ${none.length === 1 ? 'it' : 'them'}).`);
  out.push('', `Sites per report and kind (used, and found before the cap of ${CAP} when more):`, '');
  out.push(
    table(
      ['report', ...KINDS],
      reports.map((rep) => [
        rep,
        ...KINDS.map((k) => {
          const s = r.sites.find((x) => x.report === rep && x.kind === k)!;
          return s.found > s.used ? `${s.used} (${s.found})` : String(s.used);
        }),
      ]),
    ),
  );
  const missed = r.results.filter((x) => !x.found);
  out.push('', `Missed mutations (${missed.length}):`);
  for (const x of missed) out.push(`  ${x.kind}  ${x.report}:${x.line}  ${clip(x.change, 50)}  ${clip(x.nearest ?? 'no finding', 100)}`);
  const alarms = r.results.flatMap((x) => x.falseAlarms.map((f) => ({ x, f })));
  out.push('', `False alarms on mutations (${alarms.length} findings at ${r.totals.alarmedSites} sites):`);
  for (const { x, f } of alarms) out.push(`  ${x.kind}  ${x.report}:${f.line} (edit at ${x.line})  ${f.rule}  ${clip(f.message, 100)}`);
  const t = r.totals;
  out.push(
    '',
    `mutations: found ${ratio(t.found, t.sites)} (${pct(t.found, t.sites)}); false alarms at ${ratio(t.alarmedSites, t.sites)} sites (${pct(t.alarmedSites, t.sites)}), ${t.alarms} false findings`,
  );
  return out.join('\n');
}
