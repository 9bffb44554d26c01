// The numbers stage's vocabulary: units and measure words, multipliers, the words that make a
// number not a quantity, and the qualifier words. Each list has an example and the reason it is
// there; the readers build on them once.

/**
 * Units a number can carry (`53家`, `2.5万人`, `4075公里`, `0.2个百分点`), longest first where one is
 * the start of another (`个百分点` before `个`, `平方公里` before `公里`). In `2.5万人` 万 is the multiplier.
 */
// prettier-ignore
export const UNITS = [
  '个百分点', '百分点', '个工作日', '工作日', '立方米', '平方米', '平方公里', '平方千米', '千瓦时', '千伏安', '千瓦', '千伏', '兆瓦', '千米', '千克',
  '公里', '公顷', '公斤', '吨标准煤', '标准煤', '微克', '毫米', '英寸', '分钟',
  '人次', '户次', '辆次', '架次', '艘次', '班次', '车次', '批次', '场次', '件次', '美元', '欧元', '个月', '小时', '标准箱', '标箱', '重量箱',
  '元', '亩', '家', '个', '人', '名', '户', '套', '吨', '斤', '天', '所', '件', '项', '座', '处', '张', '条', '间', '辆', '台',
  '部', '批', '次', '场', '届', '类', '种', '列', '架', '艘', '篇', '宗', '例', '米', '年', '倍', '%', '％', '周', '位', '支', '片', '栋',
  '起', '床', '只', '头', '株', '棵', '枚', '块', '对', '轮', '升', '本', '册', '份', '首', '幅', '盏', '根', '杆',
  '孔', '眼', '个方面', '方面',
];
/** Units spelled two ways: the reader keeps one (`％` → `%`, `百分点` → `个百分点`, `标箱` → `标准箱`, `方面` → `个方面`). */
export const UNIT_SPELLING: Readonly<Record<string, string>> = {
  '％': '%',
  百分点: '个百分点',
  工作日: '个工作日',
  标箱: '标准箱',
  方面: '个方面',
  平方千米: '平方公里',
};

/**
 * Measure words that count the same thing (`加装电梯3295台` / `3925部`, `床位3.2万张` / `2.3万个床位`,
 * `企业401.1万户` / `…家`): two mentions of one metric counted with two of these are in one unit. People
 * (人, 名, 位) are their own set; 人次, 户次, 批 and 次 count something else (visits, batches, times).
 */
export const SAME_COUNT_MEASURES: readonly (readonly string[])[] = [
  ['人', '名', '位'],
  [
    '个',
    '台',
    '部',
    '张',
    '床',
    '座',
    '所',
    '家',
    '户',
    '处',
    '条',
    '项',
    '只',
    '辆',
    '套',
    '间',
    '艘',
    '架',
    '列',
    '件',
    '宗',
    '起',
    '块',
    '支',
    '棵',
    '株',
    '头',
  ],
];

/**
 * Measure words of the business entities one total counts (`新登记147万户、其中企业57.3万家、个体工商户98.7万户`):
 * the parts of a 其中 list in one of these add up to a whole in the other.
 */
export const ENTITY_MEASURES: readonly string[] = ['户', '家'];

/**
 * After a unit character these make a longer noun, so the character is no unit (`3个人` is three
 * people, not 3 个 + 人; `10年代`, `5项目`, `20条件`, `2批准`).
 */
export const UNIT_FALSE_START =
  /^(人口|人民|个人|个体|个性|个税|个案|年代|年度|年来|年以来|年间|年级|年龄|年前|周边|周期|周年|位于|条件|条例|件事|项目|部门|部署|部分|次要|类型|种类|种植|场所|场景|列入|支持|支撑|支付|支出|元素|台阶|片区|名单|名称|户籍|户外|米面|天然|天气|天下|所有|所得|所属|处理|处置|处于|批准|批复)/;

/**
 * Counts in Chinese numerals up to this are count words (`三大攻坚战`, `十件民生实事`, `两所学校`,
 * `八个方面`): what count-mismatch checks against a list. Larger ones (`三十五家`, `一千三百四十一万人`)
 * are measurements like any Arabic figure.
 */
export const COUNT_WORD_MAX = 10;

/** Doublings: `翻一番` is ×2, `翻两番` ×4, `翻了一番多`. */
export const DOUBLING = /翻了?([一两二三四])番(多)?/g;
/**
 * `实现倍增`, `均实现倍增`, `规模倍增、…` is ×2 — not in a name (`倍增行动`, `倍增计划`, `倍增效应`) and
 * not a figure of speech (`倍增动力`): only where the clause ends or a 、 follows.
 */
export const TIMES_TWO = /倍增(?=[，。；、！]|$)/g;
/** `一般公共预算收入实现正增长`: a growth above 0 % with no figure (the 正增长 is the figure). */
export const POSITIVE_GROWTH = /(?<=(?:实现|保持|确保|力争)\s*)正增长/g;

/** Classifiers after which a Chinese numeral counts something (`十件`, `三大`, `两所`, `八个方面`), longest first. */
export const CN_CLASSIFIERS = ['个方面', '方面', '件', '个', '项', '大', '条', '所', '座', '家', '名', '类', '种', '批', '支', '位', '倍', '措'];

/** `九成以上`, `7成`: 成 is tenths when a bound, a list or the clause end follows (not `成为`, `成效`). */
export const CHENG_AS_UNIT = /^成(?:以上|左右|多|[、，。；）]|$)/;

/**
 * After 万/亿 these make a word, not a multiplier (`万众一心`, `亿万人民`). Not 万家: after digits it is
 * always a count (`总数突破1万家`), and 万家灯火 has no digits before it.
 */
export const NOT_SCALE_AFTER = /^(?:万众|万物|万事|亿万)/;

/** After 千/百/十 these make a unit, not a place (`3千瓦`, `5千米`, `4百分点`, `2千亿级`). */
export const NOT_PLACE_AFTER = /^(?:千瓦|千米|千克|千伏|千帕|千兆|千赫|百兆|百分点|百分之|十分之|千分之|千亿级|百亿级|万亿级)/;

/** Separators of a range (`6.5%－7%`, `15～30%`, `5.5%—6%`, `6-7%`). */
export const RANGE_SEPS = '～~〜－-—–';

/** A date or time after a number makes it no quantity (`1月13日`, `5月1日起`, `24时`, `3号`). */
export const DATE_UNITS = '月日时号';

/** 负 before a number is the end of a word, not a minus sign, after these (`税负`, `减负`, `自负`, `胜负`). */
export const NOT_MINUS_BEFORE = '税减担欠抱自胜正';

/**
 * Before a Chinese numeral these make it a position or a name, not a count (`第六届`, `初三`,
 * `星期五`, `周五` — but `超周…` is not a weekday).
 */
export const ORDINAL_BEFORE = '第初';

/** After a Chinese numeral these name a session, not a count (`十八届三中全会`, `第十九次`). */
export const CN_NOT_COUNT_UNITS = ['届', '次'];
/** `几千万人`, `十几个`: 几 makes a Chinese numeral a vague approximation, not a figure to compare. */
export const VAGUE = '几';

/** A bare 百/千/万/亿 is an idiom (`千家万户`, `百花齐放`) unless a qualifier makes it a count (`超百家`, `近千人`). */
export const LONE_PLACE_WORDS = ['百', '千', '万', '亿'];

/** `党的二十大`, `党的十八大`: 大 after a Chinese numeral names a congress, not "three big ones". */
export const PARTY_CONGRESS_BEFORE = /党的?$/;

/** The qualifiers a figure can carry, by their canonical word; qualifiers.ts says what each means. */
export type Qualifier = '以上' | '以下' | '以内' | '不低于' | '不超过' | '超过' | '突破' | '不足' | '左右' | '约' | '近' | '多' | '余';

/** Qualifier words before a number, as written → what they mean (`突破260家`, `不少于 20 项`, `逾百万`). */
// prettier-ignore
export const PREFIX_WORDS: readonly [string, Qualifier][] = [
  ['不低于', '不低于'],
  ['不少于', '不低于'],
  ['至少', '不低于'],
  ['不超过', '不超过'],
  ['不高于', '不超过'],
  ['最多', '不超过'],
  ['超过', '超过'],
  ['高于', '超过'],
  ['突破', '突破'],
  ['不足', '不足'],
  ['不到', '不足'],
  ['大约', '约'],
  ['将近', '近'],
  ['接近', '近'],
  ['逾', '超过'],
  ['超', '超过'],
  ['约', '约'],
  ['近', '近'],
];

/** Qualifier words after a number (`35%以上`, `5.5%以内`, `7%左右`, `百余人`). */
// prettier-ignore
export const SUFFIX_WORDS: readonly [string, Qualifier][] = [
  ['以上', '以上'],
  ['以下', '以下'],
  ['以内', '以内'],
  ['左右', '左右'],
  ['上下', '左右'],
  ['之多', '多'],
  ['有余', '余'],
];

/** Characters before a prefix word that make it part of another word (`签约`, `最近`, `赶超`). */
// prettier-ignore
export const NOT_QUALIFIER_BEFORE: Readonly<Partial<Record<string, string>>> = {
  约: '签节制合履契预公邀条特相集',
  近: '最附靠贴拉走亲邻就接将',
  超: '赶高',
};
