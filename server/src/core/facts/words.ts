// The facts stage's vocabulary: the words around a figure that say what it measures, whether it is
// a level or a change, an outcome or a target, and for which year. Each list has an example and the
// reason it is there; the readers build their regexes from these once (one definition per idea:
// the to-level verbs, the direction verbs, 新增/净增 were each written several times before).

import { byEdgeCode, longestFirst } from '../text/chars';

/** `A|B|C` of a word list, longest first so a regex tries `增加到` before `增加`. */
export function alternation(words: readonly string[]): string {
  return longestFirst(words)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

/**
 * Which of a word list a phrase ends with (`稳步提高到` ends with 提高到): the longest, looked up by the
 * phrase's last character. A `(?:提高到|增至|…)$` pattern, which this replaced, is tried at every
 * offset of the phrase, for each of the dozen lists a phrase is peeled with.
 */
export class EndWords {
  /** By the code of the last character (a one-character string of a Han character is a new string each read). */
  private readonly byLast: Map<number, string[]>;

  constructor(words: readonly string[]) {
    this.byLast = byEdgeCode(longestFirst(words), (w) => w, 'last');
  }

  /** The longest of the words `s` ends with. */
  match(s: string): string | undefined {
    const l = this.byLast.get(s.charCodeAt(s.length - 1));
    if (l) for (const w of l) if (s.endsWith(w)) return w;
    return undefined;
  }

  test(s: string): boolean {
    return this.match(s) !== undefined;
  }

  /** `s` without the word it ends with (as it is when it ends with none). */
  strip(s: string): string {
    const w = this.match(s);
    return w === undefined ? s : s.slice(0, s.length - w.length);
  }
}

/** The words of `words` a phrase may end with (EndWords). */
export function endsWithAny(words: readonly string[]): EndWords {
  return new EndWords(words);
}

// ---- Roles of a figure ---------------------------------------------------------------------------

/**
 * Verbs whose figure is the new level, not the change (`城镇化率提高到62.8%`, `由A增至B`, `降至5.5%`):
 * after them `…增长6%` reads as a change, `…提高到6%` as a level.
 */
// prettier-ignore
export const TO_LEVEL_UP = [
  '增至', '增加到', '增加至', '增长到', '提高到', '提高至', '提升到', '提升至', '上升到', '上升至', '扩大到', '扩大至',
  '跃升到', '跃升至', '攀升至', '攀升到', '升至', '升到', '回升至', '回升到',
];
/** The same, down: `由10.2%下降到3.1%` must go down (rules check the values agree). */
export const TO_LEVEL_DOWN = [
  '降至',
  '下降到',
  '下降至',
  '降低到',
  '降低至',
  '减少到',
  '减少至',
  '减至',
  '缩短至',
  '缩短到',
  '压缩至',
  '压缩到',
  '缩小到',
  '缩小至',
  '压减到',
  '压减至',
];
export const TO_LEVEL_VERBS = [...TO_LEVEL_UP, ...TO_LEVEL_DOWN];
/** Words that state a level without a change (`达到216家`, `为5.2%`, `控制在3%左右`, `首次突破1万亿元`, `迈上6万亿元新台阶`). */
export const LEVEL_VERBS = [
  '达到了约',
  '达到了',
  '达到约',
  '达到',
  '达',
  '为',
  '控制在',
  '保持在',
  '稳定在',
  '维持在',
  '突破',
  '超过',
  '首次突破',
  '迈上',
  '跨上',
  '跃上',
  '站上',
];
/** `从A提高到B`: between the two figures, one of these (or a bare 到/至) makes A the baseline of B. */
export const FROM_TO_ARROWS = [...TO_LEVEL_VERBS, '到', '至'];

/** A rise right before a figure (`增长6.9%`, `比上年增加30亿元`). */
export const RISE_VERBS = ['增长', '增加', '提高', '上升', '扩大'];
/** A fall right before a figure (`下降3%`, `压减5%以上`). */
export const FALL_VERBS = ['下降', '降低', '减少', '回落', '缩小', '压减', '下调'];
/** After a comparison the comparative adjectives say the direction too (`比去年多100万人`, `比去年预算高0.2个百分点`). */
export const RISE_AFTER_COMPARISON = [...RISE_VERBS, '多', '高', '增'];
export const FALL_AFTER_COMPARISON = [...FALL_VERBS, '少', '低', '减', '降', '压缩'];

/** A change against last year (`比上年增长`, `同比增长`, `比2020年`); `预算` after it compares with last year's budget. */
export const VERSUS = /(比上年|比去年|比上一年|较上年|较去年|同比|比\d{4}年|比上次|比上届|较上届)(预算)?/;

/** An amount added (`新增高新技术企业53家`, `城镇新增就业`, `净增50家`). */
export const INCREMENT_WORDS = ['新增', '净增'];
/** A running total (`总数达到216家`, `累计达到1016家`, `共计`). */
export const TOTAL_WORDS = ['总数', '总量', '总计', '共计', '合计'];
/** Words a metric name ends with when it names the total of something (`高新技术企业总数`). */
export const TOTAL_SUFFIXES = ['总数', '总量'];
/** A name made only of these names no metric (`新增`, `累计`, `全年`, `是上年的1.5倍`): the figure's metric is elsewhere. */
export const ROLE_ONLY = new RegExp(
  `^(?:${alternation([...INCREMENT_WORDS, '累计', ...TOTAL_WORDS, '同比', '当年', '全年', '年末', '年底', '上年', '去年', '上次', '同期'])})+$`,
);

/** `年均增长7.1%`: a compound annual rate over several years. */
export const CAGR = /年均(增长|增加|提高|下降|降低|减少)?$/;
/** `实际增长5.5%`: a real (price-adjusted) rate. */
export const REAL = /实际$/;

/** `占全市35.2%`, `占全区60%以上`: a share of the metric named before. */
export const SHARE_OF = /(?:^|[，、])占[^，、。；]{0,8}$/;
/** `占…比重`, `占`: the figure right after is a share. */
export const SHARE_END = /占$|占[^，]{0,6}(的)?比重$/;

/**
 * `补助标准由每人每年300元提高到330元`, `城镇化率从去年的61.2%提高到62.8%`: the metric stops at 从/由,
 * when what follows is short or names the starting point (每, 人均, 去年, 上年, `从2020年的4.1件`).
 */
export const FROM_MARK = /[从由](?!于)([^从由]{0,4}|[^从由]*(?:每|人均|去年|上年|(?:19|20)\d{2}年)[^从由]*)$/;

// ---- Cutting the metric's name out of the words before a figure ------------------------------------

/** Openers of a list item that name nothing (`一是…`, `首先…`). */
export const LIST_ITEM_OPENER = /^(?:[一二三四五六七八九十]+是|首先|其次|再次|最后)/;

/** Quotation marks and spaces dropped from a name (`“上海品牌”` is 上海品牌). */
export const NAME_NOISE = /[\s“”‘’"'《》]/g;
/** Brackets in a name are notes (`保障性租赁住房（间）`). */
export const NAME_NOTES = /（[^）]*）|\([^)]*\)/g;

/** Target words before a metric (`力争`, `确保`, `计划`). */
// prettier-ignore
export const TARGET_WORDS = ['力争', '争取', '确保', '努力', '全力', '计划', '预计', '拟', '将', '要'];
/** Adverbs and connectives before a metric (`进一步`, `扎实`, `其中`, `同时`). */
// prettier-ignore
export const LEADING_ADVERBS = [
  '再', '又', '还', '也', '进一步', '继续', '持续', '加快', '积极', '着力', '大力', '全面', '稳步', '有序', '扎实', '深入', '重点', '共', '共计',
  '合计', '总计', '同时', '此外', '另外', '其中', '目前', '截至目前', '已', '将近', '大规模', '高质量', '首批', '新一批', '年度',
];
/** Time words before a metric (`全年`, `去年末`, `五年来`). */
// prettier-ignore
export const TIME_WORDS = ['全年', '今年', '去年', '当年', '年内', '年末', '去年末', '年底', '上半年', '一年来', '五年来'];
/** The verbs of doing before what they count (`建成学校10所`, `引进企业20家`, `开工项目100个`): a fact keeps the nearest as its action. */
// prettier-ignore
export const ACTION_VERBS = [
  '建成', '新建', '改建', '改扩建', '续建', '建设', '打造', '推动', '推进', '开展', '组织', '实施', '发放', '引进', '引入', '吸引', '吸纳', '带动',
  '培育', '种植', '接待', '承办', '举办', '办理', '办结', '修复', '拆除', '整治', '排查', '改造', '提升', '下达', '发行', '投入', '增设', '设立',
  '成立', '开通', '开行', '培训', '惠及', '资助', '解决', '支持', '促成', '认定', '备案', '申报', '新开工', '开工建设', '开工', '建成投运',
  '建成运营', '运营', '压减', '退出', '淘汰', '化解', '节约', '拉动', '新登记注册', '登记', '受理', '审结', '引导', '帮助', '救助', '保障', '覆盖', '招收',
  '招聘', '录用', '安置', '转移', '减免', '减轻', '用好', '用足',
];
/** Words that state a level or a change before a metric (`实现`, `增加`, `降低`): no action of their own. */
// prettier-ignore
export const LEADING_VERBS = ['实现', '完成', '达到', '安排', '提供', '落实', '降低', '减少', '增加', '提高', '扩大', '增长', '下降', '是', '巩固', '保持', '延续', '拥有', '共有'];
/** Prepositions and conjunctions before a metric (`在`, `对`, `向`, `和`). */
// prettier-ignore
export const FUNCTION_WORDS = ['在', '对', '向', '为', '给', '使', '让', '把', '和', '与', '及', '并', '等'];
/** The end of `在去年…的基础上` before this year's figure (`…的基础上增长8%左右`): no part of the metric. */
export const ON_BASE_WORDS = ['的基础上', '基础上'];
/** Words after a level that say it is a milestone (`突破5000亿元大关、增长16.9%`, `迈上6万亿元新台阶`): no metric of the next figure. */
export const MILESTONE_WORDS = ['大关', '新台阶', '台阶', '关口'];
/** Qualifiers of a figure that state a level reached (`净增98万户、突破1900万户`): never a second increment. */
export const LEVEL_QUALIFIER_WORDS = ['突破'];
/**
 * A state held (`巩固上海港集装箱吞吐量5560.3万标箱的领先地位`, `保持…增长8.3%的良好势头`): the figure is where
 * last year ended, not a target. The verbs before the figure, the nouns after its 的.
 */
export const HELD_VERBS = ['巩固', '保持', '延续', '稳固'];
export const HELD_STATES = ['领先地位', '领先优势', '良好势头', '势头', '态势', '地位'];
/** Per head right before a figure (`补助标准提高到人均260元`, `每人每月`): part of the unit, no part of the name. */
export const PER_HEAD = ['人均', '每人每年', '每人每月', '每人'];
/**
 * Nouns that count people: a figure before them with no measure word counts persons (`近1400万农业转移人口` =
 * `农业转移人口1100万人`).
 */
export const PEOPLE_NOUNS = ['人口', '人员', '劳动力', '群众', '学生', '职工', '农民', '居民', '游客', '旅客', '毕业生'];

/**
 * Verbs of cutting before the metric (`压减政府性基金项目30%`, `削减…涉企收费项目60%以上`): the figure is
 * how much fell, not a level.
 */
export const CUT_VERBS = ['压减', '削减', '缩减', '精简', '压缩'];
/** Verbs that adjust a parameter named after them (`下调城镇职工基本养老保险单位缴费比例，各地可降至16%`): no part of its name. */
export const ADJUST_VERBS = ['下调', '上调', '调整', '调降'];
/**
 * Words at the start of the phrase before a figure that are not the metric (`力争`, `全年`, `新建`,
 * `实现`, `在`, `对`), peeled one by one.
 */
export const LEADING = [
  ...ON_BASE_WORDS,
  ...CUT_VERBS,
  ...ADJUST_VERBS,
  ...TARGET_WORDS,
  ...LEADING_ADVERBS,
  ...TIME_WORDS,
  ...ACTION_VERBS,
  ...LEADING_VERBS,
  ...FUNCTION_WORDS,
];

/**
 * Words at the end of the phrase before a figure, peeled off one by one (`城镇化率提高到`,
 * `粮食产量稳定在`, `规模以上工业增加值同比增长`): verbs, comparison words, qualifier words.
 */
// prettier-ignore
export const TRAILING = [
  ...LEVEL_VERBS, ...TO_LEVEL_VERBS, '在去年', '在上年', '设定', '确定为', '设定为',
  '是', '实现', '完成', '超额完成', '拟按', '按', '安排', '拟安排', '在', '之', '的', '了', '以', '有', '拥有', '共有', '占', '再', '又', '要', '将', '共', '累计',
  '合计', '总计', '全年', '分别', '均', '各', '已', '可', '年产', '规模', '力争', '争取', '确保', '努力', '预期', '预计', ...RISE_VERBS, ...FALL_VERBS.filter((w) => w !== '下调'),
  ...INCREMENT_WORDS, '多', '少', '高', '低', '年均', '平均', '同比', '比上年', '比去年', '较上年',
  '较去年', '到', '至', '从', '由', '首次', '近', '约', '逾', '超', '不低于', '不少于', '不超过',
];

/** Adverbs between a metric and its number or verb (`产值逆势增长`, `高标准完成`, `实际增长`). */
// prettier-ignore
export const ADVERBS = [
  '全方位', '高标准', '高质量', '高水平', '高起点', '进一步', '全面', '大力', '积极', '持续', '加快', '稳步', '有序', '扎实', '深入', '重点', '不断',
  '切实', '着力', '继续', '分类', '统筹', '逐步', '率先', '全力', '逆势', '逆市', '快速', '大幅', '明显', '较快', '稳定', '平稳', '实际', '名义',
  '同比', '分别', '均', '累计', '共', '再', '又', '还', '已', '将', '要', '力争', '争取', '确保', '努力', '预计', '预期', '计划', '拟', '年均', '平均', '一直', '始终', '现行',
];

/**
 * The verbs of doing whose figure counts what was done (`建成学校10所`, `开工项目100个`): a fact keeps
 * its verb, so `开工重大项目100个` and `建成重大项目80个` are two facts. `新` only says it is new
 * (`新建` = 建 + an increment); the synonyms of one act are one action.
 */
export const ACTION_SYNONYMS: Readonly<Record<string, string>> = {
  建成投运: '建成',
  建成运营: '建成',
  开工建设: '开工',
  引入: '引进',
  改扩建: '改建',
  新登记注册: '登记',
};
/**
 * Actions whose count is a gross flow, before what left (`新登记经营主体320万户`: registrations, not the net
 * change): last year's total plus such a count is no check of this year's total.
 */
export const GROSS_FLOW_ACTIONS = ['登记'];
/** Verbs that say nothing about what was done (`完成1848处…治理`, `实现…`): no action of their own. */
export const NEUTRAL_VERBS = ['实现', '完成', '达到', '达', '有', '共', '累计', '全年', '安排', '拟安排', '提供', '落实', '开展', '推动', '推进'];
/** Verbs that add to a count when 新 or 再 opens them (`新认定60家`, `新开通3条`, `再开工改造…3.9万个`). */
const ADDING_VERBS = ['增', '建', '设', '认定', '培育', '开工', '开通', '开设', '引进', '组建', '创建', '布局', '落地', '登记注册', '登记', '入选', '获批'];
/** `新认定60家`, `新培育6个`, `新开通3条`, `新设`: a verb with 新 adds to a count, like 新增. */
export const NEW_VERB = new RegExp(`新(?:${ADDING_VERBS.join('|')})$`);
/** `再开工改造城镇老旧小区3.9万个`: another 3.9万个 this year (an increment), not a stock of 3.9万个. */
export const AGAIN_VERB_START = new RegExp(`^再(?:${ADDING_VERBS.join('|')})`);

/**
 * Names that are only a generic head say too little to tell two facts apart (`5家企业`, `总投资200亿元`,
 * `30个项目`): a fact with one of these as its whole name is weak, and no rule says two weak
 * facts are one.
 */
// prettier-ignore
export const GENERIC_NAMES = new Set([
  '企业', '项目', '资金', '投资', '总投资', '规模', '人', '人员', '人才', '人次', '资产', '面积', '收入', '产值', '金额', '平台', '园区', '基地',
  '机构', '产业', '单位', '主体', '工程', '行动', '任务', '措施', '政策', '服务', '活动', '场次', '家', '个', '户', '次', '批', '项', '条',
  '城市', '地区', '县', '村', '学校', '医院', '群众', '居民', '农民', '职工', '干部', '岗位', '资源', '成果', '标准', '指标', '目标', '数量',
  '总量', '总额', '增速', '比重', '占比', '水平', '能力', '作用', '时间', '天数', '营收', '利润', '产品', '品牌', '线路', '设施',
]);

/**
 * Names that are only a measure of the firms a figure before counted (`规模以上工业企业达7.6万家、增加值增长3%`,
 * `…营业收入增长8%`): the measure of those firms. 增加值 is the sector's (`规模以上工业增加值`, without 企业).
 */
export const FIRM_MEASURES: Readonly<Record<string, 'sector' | 'firms'>> = {
  增加值: 'sector',
  营业收入: 'firms',
  营收: 'firms',
  利润: 'firms',
  利润总额: 'firms',
};

/**
 * `黄石、咸宁、天门等全国文明城市`: after a 、 list, the 等 before the class the figure counts — not the 等 of a word
 * (高等级, 一等奖, 等次, 等额, 等量, 等同, 等待, 等于, 等候). The class is taken when it names something of its own,
 * LIST_CLASS_MIN characters or more: `交通运输业、建筑业等行业` keeps its list, or it would be any 行业.
 */
export const LIST_ETC = /等(?![级奖次额量同待于候])/g;
export const LIST_CLASS_MIN = 4;

/**
 * Qualifiers a name may carry or drop without naming another metric: a report's 人口 is its 常住人口
 * (`县城常住人口占县域比重` and last year's `县城人口占县域人口比重` are one share). 户籍 stays: 户籍人口 is another count.
 */
export const IDENTITY_QUALIFIERS: readonly string[] = ['常住'];

/**
 * Measures of what is grown or raised (`粮食播种面积1584.6万亩、总产量132.4亿斤`, `生猪出栏X万头、存栏Y万头`): a
 * list item named only by one of these is a measure of the subject the item before it names with
 * another (粮食总产量), not a metric of its own. Longest first, so 播种面积 is peeled before 面积.
 */
/**
 * Verbs that take an object (`提升城市能级`) but, alone before a rate or points, say it rose: `空气优良天数比率达83.8%、
 * 提升1.3个百分点` is a change of the ratio before it.
 */
export const RISING_OBJECT_VERBS: readonly string[] = ['提升'];

/**
 * `粮食生产再获丰收，总产达到557亿斤`: a clause before the measure that says whose production it is (粮食生产,
 * 生猪生产) names the subject a measure-only figure after it measures.
 */
export const PRODUCTION_OF = /([\u3400-\u9fff]{2})生产/;
export const SUBJECT_MEASURES: readonly string[] = ['播种面积', '种植面积', '总产量', '总产', '产量', '单产', '出栏', '存栏', '面积'];

/** A figure followed by 的 and a noun (`92%的行政村通了客车`, `86％的县建成三级医院`): a share of that noun. */
export const SHARE_OF_NOUN = '的';
/**
 * After `N%的`, a rate of a policy (`制造业等行业现行16%的税率降至13%`): the figure is that rate's value,
 * named by the words before it and this noun, not a share of something.
 */
export const RATE_NOUN_AFTER = /^的(税率|费率|利率|缴费比例|比例)/;
/** Words that name a share (`建成三级医院的县占比`, `服务业比重`): dropped from the name, the fact is a share. */
export const SHARE_SUFFIX = /(占比|比重|比例|所占比例|所占比重)$/;

/** Verbs that take the counted thing as their object: the metric comes after the number (`成立5个教育集团`, `对…`, `…和`). */
// prettier-ignore
export const OBJECT_VERBS = [
  '打造', '建设', '开展', '成立', '推动', '推进', '新建', '增设', '加快', '运营', '打通', '惠及', '完成', '实施', '建成', '引进', '引入', '吸引',
  '培育', '举办', '承办', '发放', '落实', '改造', '整治', '排查', '修复', '拆除', '接待', '组织', '办理', '提升', '设立', '开通', '开行', '组建',
  '创建', '认定', '建立', '形成', '出台', '制定', '推出', '带动', '覆盖', '解决', '帮助', '资助', '淘汰', '退出', '化解', '取消', '下放', '做优',
  '做强', '做大', '实现', '引导', '吸纳', '安置', '培训', '招收', '新开工', '开工', '改扩建', '续建', '改建', '对', '为', '向', '给', '使', '让',
  '把', '和', '及', '与', '或', '拥有', '共有',
];

/** Scope words at the start of a name (`全区`, `我省`): the same metric whatever the report's place. */
export const SCOPE =
  /^(各项(?=贷款|存款|税收|收入|支出)|各地|全区|全市|全疆|全国|全省|全县|全州|全镇|全乡|全旗|我区|我市|我省|我国|我县|区内|市内|辖区内?|全社会(?=固定资产投资))/;

/**
 * One word that names two things in a 分别 list of two values (`存贷款余额分别达38.7万亿元、29.9万亿元` = 存款余额,
 * 贷款余额; `中小学…分别`): the values pair with the two names in order. (`城乡居民…` is read the same way.)
 */
export const CONTRACTED_PAIRS: readonly (readonly [string, readonly [string, string]])[] = [
  ['存贷款', ['存款', '贷款']],
  ['中小学', ['中学', '小学']],
  ['进出口', ['进口', '出口']],
];

/**
 * Qualifiers that say whose a figure is without changing what it measures: `银行机构本外币贷款余额` is
 * `本外币贷款余额`, `全市运营线路总长` is `运营线路总长`. A name that differs from another only by one of these
 * in front is the same metric.
 */
export const NEUTRAL_QUALIFIERS = ['银行机构', '金融机构', '银行业金融机构', '全社会', '全口径'];
/**
 * Qualifiers that make another metric (`城镇居民人均可支配收入` is not `居民人均可支配收入`, `规模以上工业增加值`
 * not `工业增加值`): a name that differs from another by one of these is never completed into it.
 */
export const DISTINGUISHING_QUALIFIERS = [
  '城镇',
  '农村',
  '城乡',
  '规模以上',
  '规上',
  '中央',
  '地方',
  '本级',
  '国有',
  '民营',
  '民间',
  '外资',
  '外商',
  '高新技术',
  '战略性新兴',
  '一般',
  '全部',
  '其中',
];

/** What joins the items of a list of figures (`10名战略科学家、100名科技领军人才`, `增长5.3%和8.1%`). */
export const LIST_JOINS = '、和及与';

/** 在 opening a word, not a preposition: `在建项目`, `在营企业`, `在岗职工`, `在校生`, `在线`, `在研项目`, `在售`. */
export const ZAI_WORD_CHARS = '建营线岗校职研售';
export const ZAI_WORD = new RegExp(`^在[${ZAI_WORD_CHARS}]`);

/** Words that end the noun phrase after a count (`15个老旧小区基础设施改造圆满完成` → 老旧小区基础设施改造). */
export const AFTER_STOP = new RegExp(
  /\d|增加(?!值)|增长(?!极)|提高|提升|上升|下降|降低|减少|扩大|增至|降至|比上年|同比|早|在(?!ZAI)|于|实施|开展|建设|实现|成功|被|已|均|全部|纳入|圆满|有序|加速|开工|建成|投用|落户|通过|获得|获|入选|达到|参加|参与|受益|顺利|完成|的|共计|共有|开园|提质|正式|陆续|相继|集中|率先|首批|分别|和|与|及|等|以上|左右|，|。|、|；|：|！|？|“|”|（|）/.source.replace(
    'ZAI',
    `[${ZAI_WORD_CHARS}]`,
  ),
);
/** The noun after a count is short: at most this many characters (`家企业` → 企业). */
export const AFTER_MAX = 14;

// ---- Normalising a name ----------------------------------------------------------------------------

/** `2023年`, `2023年度`, `到2027年` inside a name say when, not what. */
export const YEAR_IN_NAME = /(?:到|至)?(?:19|20)\d{2}年(?:度)?/g;
/** Trailing words that say the figure is a target (`城镇新增就业预期目标`). */
export const TARGET_SUFFIX = /(预期目标|主要目标|目标|预期|任务)$/;
/** Trailing words that say it is a count or size of the metric (`参保人数`, `企业数量`, `投资规模`). */
export const MEASURE_SUFFIX = /(人数|数量|规模|水平|(?<=[业户家件])数)$/;
/** 涨幅/增速/增长率 name the change, not the metric: 居民消费价格涨幅 → 居民消费价格, a growth rate. */
export const RATE_SUFFIX = /(涨幅|上涨|增速|增长率|增长|增幅)$/;
/** Abbreviations reports use for one name (`规上工业` = `规模以上工业`). */
export const ABBREVIATIONS: readonly [RegExp, string][] = [
  [/^规上/, '规模以上'],
  // `有进出口实绩企业` = `外贸实绩企业`: the report's own two names for one count.
  [/^有?进出口实绩/, '外贸实绩'],
  [/^社零(?:总额|额)?$/, '社会消费品零售总额'],
];

// ---- Which year and role a sentence speaks of ----------------------------------------------------

/**
 * Words that make a figure a multi-year one (`这五年`, `“十四五”时期`, `近三年`, `到2025年`). `为多年来最低`,
 * `创5年来新高` compare with past years; they do not make the figure a multi-year one.
 */
export const MULTI_YEAR =
  /这五年|过去五年|五年来|[“"]?十[一二三四五六七八九]五[”"]?(?:以来|时期|期间)|今后五年|未来五年|近[两三四五几]年|近\d+年|过去[两三四五几]年|[两三四五]年来|(?<![为创\d])\d+年来|(?<![为创])多年来|到(?:19|20)\d{2}年|(?:19|20)\d{2}年(?:前|以前)/;
/**
 * Whether a text holds a MULTI_YEAR phrase. Every one of them holds 年 or 五 (`十四五`), and most
 * sentences of a report hold neither: two look-ups spare the regex, whose many openings it tries at
 * every character (half the cost of reading a sentence's cues).
 */
export function isMultiYear(text: string): boolean {
  return (text.includes('年') || text.includes('五')) && MULTI_YEAR.test(text);
}
/** `今明两年…`, `三年内…` earlier in the sentence: the figures after it are for more than this year. */
export const MULTI_YEAR_AHEAD = /今明两年|[两三四五]年(?:内|统筹|累计|共)|用[\d一二三四五两—－-]{1,5}年(?:左右)?时间/;
/** A paragraph that turns to the last year (`过去一年`, `刚刚过去的2017年`). */
export const ONE_YEAR = /过去一年|一年来|刚刚过去的(?:19|20)\d{2}年|去年|全年|当年/;
/** `今年以来`: this year so far. */
export const SO_FAR = /今年以来/;
/** A sentence in a plan part that opens with last year (`去年城镇新增就业…`) states last year's outcome. */
export const LAST_YEAR_START = /^(?:去年|上年|过去一年|一年来)/;
/** This year or next (`今年`, `明年`): with a target word, a review sentence sets a target. */
export const THIS_OR_NEXT_YEAR = /今年|明年/;
/** `到2025年`: the year a multi-year target is for. */
export const TO_YEAR = /到((?:19|20)\d{2})年/;

/**
 * Words that mark a sentence as a commitment (`力争城镇新增就业2.5万人`, `确保粮食产量…`,
 * `今年要新增…`): in a review part such a sentence about this year or next is a target.
 */
export const TARGET_MARKERS = /力争|争取|确保|预期目标|目标是|目标为|计划|拟|将(?:达到|实现|完成|新增)|要(?:达到|实现|完成)|今年要/;

/** Units that count things: the noun after the figure is what is counted (`98个重点项目`, `87条措施`). */
// prettier-ignore
export const COUNTED_UNITS = ['', '个', '项', '家', '条', '所', '座', '名', '件', '批', '类', '种', '部', '处', '大', '个方面', '位', '支', '间', '台', '辆', '张', '场', '届', '户', '人', '套', '宗', '列', '架', '艘'];

/**
 * Metrics that are better when low (`居民消费价格涨幅3%左右`, `城镇调查失业率5.5%左右`): their
 * 左右 target is a ceiling (CPI 0.9% meets `3%左右`), and a target below last year is no slip.
 * `优良天数` is a count of good days: better when high.
 */
export const LOWER_IS_BETTER = /价格|涨幅|CPI|物价|失业率|能耗|排放|耗|事故|死亡|浓度|PM2\.5|赤字率|负债率|杠杆率|成本|时间|时限|天数(?!比率)|用时|用水量/;
export const NOT_LOWER_IS_BETTER = /优良天数/;
