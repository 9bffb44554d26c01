// Metric identity: which thing a number measures. Reports name a metric with a noun phrase
// right before the number (`城镇新增就业 2.5 万人`) or, after a count, right after it
// (`15个老旧小区`). The phrase is cut at the verbs around it, then normalised: scope words
// (全区, 全国) are dropped, 新增/净增/累计/总数 become roles of the fact, and synonyms
// (地区生产总值 ≈ GDP) map to one key. No word segmentation: verb lists cut the phrase, and
// character-bigram Dice compares names that are not identical.
import type { GovReportConfig } from '../config';
import { memoize } from '../lru';
import { LOWER_IS_BETTER, NOT_LOWER_IS_BETTER } from './words';

/** What the words around a number say besides the metric's name. */
export interface PhraseRoles {
  /** 新增, 净增, 增加 X (non-rate): an amount added. */
  increment?: boolean;
  /** 总数, 总量, 累计达到: a running total. */
  total?: boolean;
  /** 累计 (over more than the period's flow). */
  cumulative?: boolean;
  /** 增长/提高/下降 right before the number. */
  direction?: 'up' | 'down';
  /** 提高到, 增至, 降至, 达到: the number is the new level, not the change. */
  toLevel?: boolean;
  /** 年均增长. */
  cagr?: boolean;
  /** 比上年, 同比, 比去年 (预算): a change against last year. */
  versus?: 'previous-year' | 'previous-budget';
  /** 占 (全国) X%: a share of something. */
  share?: boolean;
  /** The phrase ends in 从/由: the number is the start of `从A提高到B`. */
  from?: boolean;
  /** The phrase ends in 等 (… 等 98 个重点项目): the metric follows the number. */
  enumeration?: boolean;
  /** 分别 before the numbers: values pair with a list of metrics in order. */
  respectively?: boolean;
  /** 实际增长: a real (price-adjusted) rate, not comparable with nominal levels. */
  real?: boolean;
  /** The words before the number end in a verb (`成立`, `对`): what is counted follows the number. */
  objectAfter?: boolean;
}

export interface Phrase extends PhraseRoles {
  /** The metric as written (trimmed), '' when the phrase names none. */
  raw: string;
}

// Longest first; the lists only need to cover what sits next to numbers in reports.
const LEADING = sortByLength([
  '力争', '争取', '确保', '努力', '全力', '计划', '预计', '拟', '将', '要', '再', '又', '还', '也', '进一步', '继续', '持续', '加快', '积极', '着力',
  '大力', '全面', '稳步', '有序', '扎实', '深入', '重点', '共', '共计', '合计', '总计', '同时', '此外', '另外', '其中', '目前', '截至目前', '已',
  '全年', '今年', '去年', '当年', '年内', '年末', '去年末', '年底', '上半年', '一年来', '五年来',
  '实现', '完成', '建成', '新建', '改建', '改扩建', '续建', '建设', '打造', '推动', '推进', '开展', '组织', '实施', '发放', '落实', '引进', '引入',
  '吸引', '吸纳', '带动', '培育', '种植', '接待', '承办', '举办', '办理', '办结', '修复', '拆除', '整治', '排查', '改造', '提升', '安排', '下达',
  '发行', '投入', '达到', '增设', '设立', '成立', '开通', '开行', '培训', '惠及', '资助', '解决', '支持', '促成', '认定', '备案', '申报', '提供',
  '新开工', '开工建设', '开工', '建成投运', '建成运营', '运营', '压减', '退出', '淘汰', '化解', '节约', '拉动', '新登记注册', '受理', '审结',
  '引导', '帮助', '救助', '保障', '覆盖', '招收', '招聘', '录用', '安置', '转移', '减免', '减轻', '降低', '减少', '增加', '提高', '扩大',
  '增长', '下降', '是', '在', '对', '用好', '用足', '向', '为', '给', '使', '让', '把', '将近', '和', '与', '及', '并', '等',
]);

const TRAILING = sortByLength([
  '达到了', '达到', '达', '为', '是', '增至', '增加到', '增长到', '提高到', '提升到', '上升到', '下降到', '降至', '降低到', '减少到', '减至',
  '压缩至', '压缩到', '缩短至', '缩短到', '控制在', '保持在', '稳定在', '维持在', '增加至', '提高至', '上升至', '扩大到', '扩大至', '达到约',
  '实现', '完成', '超额完成', '拟按', '按', '安排', '拟安排', '在', '之', '的', '了', '以', '有', '占', '再', '又', '要', '将', '共', '累计',
  '合计', '总计', '全年', '分别', '均', '各', '已', '年产', '规模', '力争', '争取', '确保', '努力', '预期', '预计', '增长', '增加', '提高', '上升', '扩大',
  '下降', '降低', '减少', '回落', '缩小', '压减', '新增', '净增', '多', '少', '高', '低', '年均', '平均', '同比', '比上年', '比去年', '较上年',
  '较去年', '到', '至', '从', '由', '达到了约', '首次突破', '首次', '突破', '超过', '近', '约', '逾', '超', '不低于', '不少于', '不超过',
]);

/** Adverbs that sit between a metric and its number or verb (`产值逆势增长`, `高标准完成`). */
const ADVERB = /(全方位|高标准|高质量|高水平|高起点|进一步|全面|大力|积极|持续|加快|稳步|有序|扎实|深入|重点|不断|切实|着力|继续|分类|统筹|逐步|率先|全力|逆势|逆市|快速|大幅|明显|较快|稳定|平稳|实际|名义|同比|分别|均|累计|共|再|又|还|已|将|要|力争|争取|确保|努力|预计|预期|计划|拟|年均|平均)$/;
/** Verbs that take the counted thing as their object: the metric comes after the number (`成立5个教育集团`). */
const VERB_END = /(打造|建设|开展|成立|推动|推进|新建|增设|加快|运营|打通|惠及|完成|实施|建成|引进|引入|吸引|培育|举办|承办|发放|落实|改造|整治|排查|修复|拆除|接待|组织|办理|提升|设立|开通|开行|组建|创建|认定|建立|形成|出台|制定|推出|带动|覆盖|解决|帮助|资助|淘汰|退出|化解|取消|下放|做优|做强|做大|实现|引导|吸纳|安置|培训|招收|新开工|开工|改扩建|续建|改建|对|为|向|给|使|让|把|和|及|与|或)$/;

const UP = /(增长|增加|提高|上升|扩大|多|高|增)$/;
const DOWN = /(下降|降低|减少|回落|缩小|压减|少|低|减|降|下调|压缩)$/;
const TO_LEVEL = /(达到了?约?|达|为|增至|增加[到至]|增长到|提高[到至]|提升到|上升[到至]|下降到|降至|降低到|减少到|减至|压缩[至到]|缩短[至到]|控制在|保持在|稳定在|维持在|扩大[到至]|突破|超过|首次突破)$/;
const VERSUS = /(比上年|比去年|比上一年|较上年|较去年|同比|比\d{4}年)(预算)?/;
const SCOPE = /^(全区|全市|全疆|全国|全省|全县|全州|全镇|全乡|全旗|我区|我市|我省|我国|我县|区内|市内|辖区内?|全社会(?=固定资产投资))/;
const ROLE_WORDS = /^(新增|净增|累计|总数|总量|总计|共计|合计|同比|当年|全年|年末|年底)+$/;

function sortByLength(words: string[]): string[] {
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

/** Words indexed by their first (or last) character, longest first: one map lookup instead of a scan. */
function indexBy(words: string[], last: boolean): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const w of words) {
    const k = last ? w[w.length - 1] : w[0];
    let l = m.get(k);
    if (!l) m.set(k, (l = []));
    l.push(w);
  }
  return m;
}
const LEADING_BY_FIRST = indexBy(LEADING, false);
const TRAILING_BY_LAST = indexBy(TRAILING, true);

function leadingWord(s: string): string | undefined {
  const l = LEADING_BY_FIRST.get(s[0]);
  return l && l.find((w) => s.startsWith(w));
}

function trailingWord(s: string): string | undefined {
  const l = TRAILING_BY_LAST.get(s[s.length - 1]);
  return l && l.find((w) => s.endsWith(w));
}

// Phrases repeat between analyses of the same document (every keystroke re-reads it): memoise
// the pure string functions, bounded so a long session cannot grow them without limit.
const MEMO_LIMIT = 3000;

/** Strips verbs and role words around the metric in the text before a number. */
export const phraseBefore: (segment: string) => Readonly<Phrase> = memoize(phraseBeforeUncached, MEMO_LIMIT);

function phraseBeforeUncached(segment: string): Phrase {
  const roles: PhraseRoles = {};
  let s = segment.replace(/[\s“”‘’"'《》]/g, '').replace(/^(?:[一二三四五六七八九十]+是|首先|其次|再次|最后)/, '');
  // 比上年增长 / 比去年预算高: a comparison with last year; the metric is what comes before it.
  const vs = VERSUS.exec(s);
  if (vs) {
    roles.versus = vs[2] ? 'previous-budget' : 'previous-year';
    const tail = s.slice(vs.index + vs[0].length);
    if (UP.test(tail)) roles.direction = 'up';
    else if (DOWN.test(tail)) roles.direction = 'down';
    s = s.slice(0, vs.index);
  }
  if (/分别/.test(s)) {
    roles.respectively = true;
    const at = s.lastIndexOf('分别');
    const tail = s.slice(at + 2);
    if (!roles.direction) {
      if (UP.test(tail)) roles.direction = 'up';
      else if (DOWN.test(tail)) roles.direction = 'down';
    }
    if (TO_LEVEL.test(tail)) roles.toLevel = true;
    s = s.slice(0, at);
  }
  if (/等$/.test(s)) roles.enumeration = true;
  // `补助标准由每人每年300元提高到330元`, `城镇化率从去年的61.2%提高到62.8%`: the metric stops at 从/由.
  const from = /[从由](?!于)([^从由]{0,4}|[^从由]*(?:每|人均|去年|上年)[^从由]*)$/.exec(s);
  if (from) {
    roles.from = true;
    s = s.slice(0, from.index);
  }
  // `占全市35.2%`, `占全区60%以上`: a share of the metric named before.
  if (/(?:^|[，、])占[^，、。；]{0,8}$/.test(s)) {
    roles.share = true;
    s = s.slice(0, s.lastIndexOf('占'));
  }
  // Peel verbs off the end, noting what they say about the number.
  for (let guard = 0; guard < 8 && s.length; guard++) {
    if (/年均(增长|增加|提高|下降|降低|减少)?$/.test(s)) roles.cagr = true;
    if (/占$/.test(s) || /占[^，]{0,6}(的)?比重$/.test(s)) roles.share = true;
    if (!roles.toLevel && TO_LEVEL.test(s)) roles.toLevel = true;
    else if (!roles.direction && !roles.toLevel) {
      if (/(增长|增加|提高|上升|扩大)$/.test(s)) roles.direction = 'up';
      else if (/(下降|降低|减少|回落|缩小|压减|下调)$/.test(s)) roles.direction = 'down';
    }
    if (/(新增|净增)$/.test(s)) roles.increment = true;
    if (/(累计)$/.test(s)) roles.cumulative = true;
    const cut = trailingWord(s);
    if (!cut) break;
    s = s.slice(0, s.length - cut.length);
  }
  s = s.replace(/[，,、：:；;。（(）)\s]+$/, '');
  for (let guard = 0; guard < 4 && ADVERB.test(s); guard++) {
    if (/实际$/.test(s)) roles.real = true;
    s = s.replace(ADVERB, '');
  }
  // `成立` `对` `…和`: the counted thing is probably named after the number.
  if (VERB_END.test(s)) roles.objectAfter = true;
  // The metric is the last clause-free run: `…，其中中央财政赤字` → 中央财政赤字.
  const lastBreak = Math.max(s.lastIndexOf('，'), s.lastIndexOf('、'), s.lastIndexOf('：'), s.lastIndexOf('；'));
  if (lastBreak >= 0) s = s.slice(lastBreak + 1);
  s = peelLeading(s, roles);
  return { ...roles, raw: s };
}

function peelLeading(text: string, roles: PhraseRoles): string {
  let s = text;
  for (let guard = 0; guard < 10 && s.length; guard++) {
    if (/^(新增|净增)/.test(s)) roles.increment = true;
    if (/^累计/.test(s)) roles.cumulative = true;
    const ordinal = /^(?:[一二三四五六七八九十]+是|首先|其次|再次|最后)/.exec(s);
    if (ordinal) {
      s = s.slice(ordinal[0].length);
      continue;
    }
    if (/^(新增|净增|累计)/.test(s)) {
      s = s.slice(2);
      continue;
    }
    const sc = SCOPE.exec(s);
    if (sc) {
      s = s.slice(sc[0].length);
      continue;
    }
    const w = leadingWord(s);
    if (!w) break;
    s = s.slice(w.length);
  }
  return s;
}

/** Words that end a noun phrase after a count (`15个老旧小区基础设施改造圆满完成`). */
const AFTER_STOP = /\d|早|在|于|实施|开展|建设|实现|成功|被|已|均|全部|纳入|圆满|有序|加速|开工|建成|投用|落户|通过|获得|获|入选|达到|参加|参与|受益|顺利|完成|的|共|开园|提质|正式|陆续|相继|集中|率先|首批|分别|和|与|及|等|以上|左右|，|。|、|；|：|！|？|“|”|（|）/;
const AFTER_MAX = 14;

/** The noun phrase after a figure: `家企业实现…` → 企业. */
export function phraseAfter(text: string, from: number): string {
  const s = text.slice(from, from + AFTER_MAX + 4);
  const m = AFTER_STOP.exec(s);
  const cut = m ? s.slice(0, m.index) : s.slice(0, AFTER_MAX);
  return cut.replace(/\s+/g, '').slice(0, AFTER_MAX);
}

/** The name used for identity: no scope words, roles, quotes, brackets, or trailing 目标/人数. */
export const normaliseMetric: (raw: string) => Readonly<{ name: string; roles: Readonly<PhraseRoles> }> = memoize(normaliseMetricUncached, MEMO_LIMIT);

function normaliseMetricUncached(raw: string): { name: string; roles: PhraseRoles } {
  const roles: PhraseRoles = {};
  let s = raw.replace(/[\s“”‘’"'《》]/g, '').replace(/（[^）]*）|\([^)]*\)/g, '');
  s = peelLeading(s, roles);
  if (ROLE_WORDS.test(s)) {
    if (/总数|总量|总计|共计|合计/.test(s)) roles.total = true;
    return { name: '', roles };
  }
  // 城镇新增就业 → 城镇就业 + increment; 高新技术企业总数 → 高新技术企业 + total.
  if (/新增|净增/.test(s)) {
    roles.increment = true;
    s = s.replace(/新增|净增/g, '');
  }
  if (/(总数|总量)$/.test(s)) {
    roles.total = true;
    s = s.replace(/(总数|总量)$/, '');
  }
  s = s
    .replace(/(?:19|20)\d{2}年(?:度)?/g, '')
    .replace(/(预期目标|主要目标|目标|预期|任务)$/, '')
    .replace(/(人数|数量|规模|水平)$/, '')
    .replace(/的/g, '')
    .replace(/^规上/, '规模以上');
  // 涨幅/增速/增长率 name the change, not the metric: 居民消费价格涨幅 → 居民消费价格 (a growth rate).
  if (/(涨幅|上涨|增速|增长率|增长|增幅)$/.test(s) && s.length > 2) {
    roles.direction = roles.direction ?? 'up';
    s = s.replace(/(涨幅|上涨|增速|增长率|增长|增幅)$/, '');
  }
  return { name: s, roles };
}

/** Built-in groups of names that mean the same metric; `config.synonyms` adds more. */
export const BUILTIN_SYNONYMS: readonly (readonly string[])[] = [
  ['国内生产总值', '地区生产总值', 'GDP', '生产总值', '经济', '经济总量'],
  ['单位国内生产总值能耗', '能耗强度', '能源消耗强度', '单位地区生产总值能耗', '单位GDP能耗', '单位生产总值能耗'],
  ['单位国内生产总值二氧化碳排放', '碳排放强度', '单位地区生产总值二氧化碳排放', '二氧化碳排放强度'],
  ['居民消费价格', 'CPI', '居民消费价格指数', '物价', '消费价格'],
  ['城镇就业', '就业', '城镇就业岗位'],
  ['城镇调查失业率', '调查失业率'],
  ['城镇登记失业率', '登记失业率'],
  ['规模以上工业增加值', '工业增加值'],
  ['一般公共预算收入', '地方一般公共预算收入', '公共预算收入', '一般公共预算收入总额'],
  ['进出口总额', '外贸进出口总额', '货物进出口总额', '进出口', '外贸进出口', '对外贸易进出口总额'],
  ['粮食产量', '粮食总产量', '粮食总产', '粮食'],
  ['实际使用外资', '实际利用外资', '利用外资'],
  ['农村贫困人口', '贫困人口'],
  ['棚户区住房改造', '棚户区改造', '棚改'],
  ['社会消费品零售总额', '社零总额'],
  ['固定资产投资', '全社会固定资产投资'],
  ['居民人均可支配收入', '人均可支配收入'],
  ['财政赤字', '赤字', '财政赤字规模', '赤字规模'],
  ['地方政府专项债券', '专项债券', '地方专项债券'],
  ['中央预算内投资', '中央预算内投资规模'],
];

export class MetricIndex {
  private readonly canonical = new Map<string, string>();

  constructor(extra: readonly (readonly string[])[] = []) {
    for (const group of [...BUILTIN_SYNONYMS, ...extra]) {
      const names = group.map((g) => normaliseMetric(g).name).filter(Boolean);
      if (names.length === 0) continue;
      // A user group that shares a name with a built-in one joins it.
      const head = names.map((n) => this.canonical.get(n)).find((x) => x !== undefined) ?? names[0];
      for (const n of names) this.canonical.set(n, head);
    }
  }

  /** The identity key of a normalised name: its synonym group's head, or the name itself. */
  key(name: string): string {
    return this.canonical.get(name) ?? name;
  }

  /** Whether a name belongs to a synonym group (built-in or configured). */
  known(name: string): boolean {
    return this.canonical.has(name);
  }

  /** Same metric: same key, or names alike enough (character bigrams) — for hover and matching, not for rules that fire. */
  same(a: string, b: string, threshold = 0.8): boolean {
    if (!a || !b) return false;
    return this.key(a) === this.key(b) || similarity(a, b) >= threshold;
  }
}

const indexCache = new Map<string, MetricIndex>();

/** One index per distinct synonym setting (built once; config objects are rebuilt on every analysis). */
export function metricIndex(config: Pick<GovReportConfig, 'synonyms'>): MetricIndex {
  const id = config.synonyms.length ? JSON.stringify(config.synonyms) : '';
  let idx = indexCache.get(id);
  if (!idx) {
    if (indexCache.size > 32) indexCache.clear();
    idx = new MetricIndex(config.synonyms);
    indexCache.set(id, idx);
  }
  return idx;
}

/** Dice coefficient over character bigrams (unigrams for one-character names): 0…1. */
export function similarity(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  if (!a || !b) return 0;
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  const counts = new Map<string, number>();
  for (const g of ga) counts.set(g, (counts.get(g) ?? 0) + 1);
  for (const g of gb) {
    const c = counts.get(g);
    if (c) {
      common++;
      counts.set(g, c - 1);
    }
  }
  return (2 * common) / (ga.length + gb.length);
}

function grams(s: string): string[] {
  if (s.length < 2) return [s];
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Longest common substring length (a cheap second opinion for short names). */
export function longestCommonSubstring(a: string, b: string): number {
  if (!a || !b) return 0;
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if (prev[j] > best) best = prev[j];
      diag = tmp;
    }
  }
  return best;
}

/** Whether a metric is better when low (prices, unemployment, energy use): see LOWER_IS_BETTER. */
export function lowerIsBetter(metric: string): boolean {
  return LOWER_IS_BETTER.test(metric) && !NOT_LOWER_IS_BETTER.test(metric);
}
