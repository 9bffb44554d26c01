// The targets stage's vocabulary: each list with an example and the reason it is there.
import { alternation, TO_LEVEL_UP, TOTAL_WORDS } from '../facts/words';

/**
 * Words that say a target was missed (`粮食种植面积未能完成年初目标`, `低于13%左右的预期目标`).
 * Softer words (不及预期, 仍需加力) are not counted: they do not say the target was missed.
 */
export const MISS_WORDS = /未能实现|未能完成|未完成|没有完成|没能完成|未能达到|未达到预期|未达预期|低于预期|低于[^，。；]{0,12}预期目标/g;

/**
 * Words opening a target's clause that say it is a target, not what it is (`力争实现城镇新增就业2.5万人`,
 * `其中企业数增长5%`, `确保粮食播种面积1520万亩`): a label quoting the report leaves them out.
 */
export const LABEL_OPENERS = /^(?:力争|确保|争取|努力|全年|今年|年内|其中|要|将|实现)+/;

/** What separates the items of a list of targets (`5个自建房区域和2700户棚户区改造`). */
export const LIST_SEPARATORS = '、和及';

// ---- Choosing targets ------------------------------------------------------------------------------

/** Before a figure these say it is not this year's commitment: `已开工的57个项目`, `现行16%的税率`, `上述2万亿元`, `年产20万吨…项目`. */
export const NOT_COMMITMENT_BEFORE = /已[^，、；。]{0,4}$|(?:现行|上述|年产)\s*$/;
/** `30万千瓦以下煤电机组`, `不到100万元的部分`: a threshold with these scopes a measure when a noun follows. */
export const SCOPE_QUALIFIER_WORDS = ['以下', '不足'] as const;
/**
 * Names of what a report counts as background, never as this year's commitment: population and
 * labour (`我国有13亿人口`, `9亿劳动力资源`), graduates (`今年高校毕业生将达727万人`, a forecast), people a
 * policy reaches (`约8000万纳税人`, `全国近3亿人领取养老金`), the report's own structure (`重点做好9个方面工作`).
 */
export const BACKGROUND_NAMES = /中国人|人民|民族|^纳税人|纳税人$|领取养老金|^方面|方面工作$|重点工作$|^以下/;
/** People and labour counted by 有/将达 (`我国有13亿人口`, `今年高校毕业生将达727万人`), not by a verb of doing. */
export const BACKGROUND_PEOPLE = /人口|劳动力|毕业生/;
export const BACKGROUND_VERB = /(?:有|拥有|将达|将高达|预计达|高达|达到?|为)$/;
/** …or opening the name (`我区有常住人口52万人`: the name read is `有常住人口`). */
export const BACKGROUND_HAVE = /^(?:有|拥有)/;
/**
 * Units of the amounts a scope is drawn with (`营收1亿元以上企业`, `500平方米以上商铺`, `年综合能耗1万吨标准煤以上`):
 * with 以上 before a noun the figure is a threshold. Counts with 以上 stay targets (`新增100个以上项目`).
 */
export const THRESHOLD_UNITS: readonly string[] = ['元', '平方米', '吨', '千瓦', '千瓦时', '亩', '公顷', '立方米', '吨标准煤'];
/** A parameter of a policy, not a quantity to reach (`6%一档的税率`, `增值税起征点`). */
export const PARAMETER_NAMES = /税率|起征点|费率|利率|一档|两档/;
/** Units of time: a duration (`24小时在线监控`, `240小时过境免签`, `15分钟社区生活圈`) is a term, not a target. */
export const DURATION_UNITS = new Set(['小时', '分钟', '天', '个月', '周', '秒']);
/** Units that grade what follows (`1000千伏特高压`) or count the report's own parts (`以下十二个方面`). */
export const NOT_TARGET_UNITS = new Set(['千伏', '伏', '方面', '个方面']);
/**
 * Right after the figure these make it a grade or a threshold of what follows (`20万吨级集装箱码头`,
 * `8个万亿元级产业集群`, `1000千伏特高压`, `超五百亿级的市域特色链`), not an amount to reach.
 */
export const GRADE_AFTER = /^\s*(?:级|伏|千伏)/;
/**
 * Before a figure: a norm per unit (`每个县至少办好1所`, `配置AED达每10万人`), a condition (`有6.5%－7%的增速就能够`),
 * a comparison with an average (`高于全省平均2个百分点`), a threshold (`预增产值过10亿元`, `过2000万元的工业新增长点`).
 */
export const NORM_BEFORE = /每$|至少$|平均$|(?:^|[^超])过$|^有$/;
/**
 * A figure relative to another standard is a norm (`不低于当地最低生活保障标准的1.6倍`,
 * `不超过所在统筹地区大病保险原封顶线的20%`), not an amount to reach.
 */
export const RELATIVE_NORM_BEFORE = /(?:不低于|不超过|不高于|不少于|不大于|不小于)[^，；。]{2,}的$/;
/** `今年预期目标设定为6%以上`: the explanation restating a main target already stated with its metric. */
export const RESTATED_GOAL_BEFORE = /目标(?:设定|确定|定)?[为在]$/;
/** `每个县至少办好1所优质高中`: one or two per unit is a norm. */
export const PER_UNIT_BEFORE = /每个?[^，；。\d]{1,6}$/;
/** After a figure: it is a condition or a reference (`…的速度可以实现比较充分的就业`, `…的1.6倍`, `…原封顶线的20%`). */
export const CONDITION_AFTER = /^[^，；。]{0,6}(?:就能够|可以实现|就能|即可)|^的(?:速度|增速)/;
/**
 * Verbs that work an existing set, not one to create (`支持103个国家级省级开发区`, `加快壮大40个省级县域特色产业集群`,
 * `拥有8个万亿元级产业集群`, `持续实施6个重大科技专项`, `推进100项在建重大项目`).
 */
export const EXISTING_SET_BEFORE = /(?:支持|联动|依托|壮大|拥有|用好|持续实施|加快发展|做优做强|扎实推进|强力推进|推进)$/;
/** Of these verbs the set is always one that exists (`持续实施6个重大科技专项`, `扎实推进39个欠发达县域托底性帮扶`). */
export const EXISTING_SET_ALWAYS = /(?:支持|壮大|拥有|用好|持续实施|扎实推进|强力推进|联动|依托)$/;
/** Before a figure-first count, a whole region alone counts what is there (`全省320家…食堂实现全覆盖`), not what is to be built. */
export const REGION_STOCK_BEFORE = /^(?:全省|全市|全区|全国|全县|全州)$/;
/** `在建`, `国家级`, `省级`: names of sets that already exist. */
export const EXISTING_SET_NAME = /在建|国家级|省级|国家先进|现有|已有/;
/** `降低工商业电价5%政策`: a figure inside a policy's name. */
export const POLICY_AFTER = /^\s*的?政策|^[^，；。]{0,8}等[^，；。]{0,8}政策/;
/** One value shared by every metric of a list (`化学需氧量、氨氮排放量要分别下降2%`, `均为12%左右`). */
export const SHARED_MARKER = /分别|均|都/;

// ---- Matching outcomes -----------------------------------------------------------------------------

/** `超过原定的近2万亿元规模`, `低于13%左右的预期目标`: the review quoting the target, not an outcome. */
export const RESTATED_BEFORE = /原定|原计划|预期目标|目标/;
export const RESTATED_AFTER = /^的?(?:预期)?目标|^的?预期/;
/** 中央财政赤字 and 财政赤字 are different budget lines: a name with one of these is no kind of the other. */
export const BUDGET_LINE_SCOPE = /^(?:中央|地方)/;
/** Words of a stated miss about a rate (`增速低于预期`): when one metric has a rate and a level target, the rate. */
export const RATE_WORDS = /增速|增长|涨幅|增幅|上涨|下降|降低/;
/** A subject that names no metric of its own (`预期增长目标未能实现`): the words point back at the figure before them. */
export const GENERIC_SUBJECT = /^(?:预期|增长|增速|增幅|涨幅|目标|任务|年初|全年|年度|计划|指标|的|了|均|都|仍|但|而|却|该项|这一|此项)*$/;

/**
 * Before an outcome: a stock reached (`增至18.8万个`, `达到4808万亩`, `总数达`), not an amount done this year —
 * the rise-to verbs, 达/达到 and the total words facts/words.ts defines, 累计 included.
 */
export const STOCK_REACHED_BEFORE = new RegExp(`(?:${alternation([...TO_LEVEL_UP, '达到', '达'])}|(?:${alternation([...TOTAL_WORDS, '累计'])})达?)\\s*$`);

/**
 * Measure words that count the same things in a target and its outcome (`新建30个社区长者食堂` /
 * `新建社区长者食堂57家`; `更新设备1000台` / `…1200部`): a count in one answers a count in the other.
 */
export const ALIKE_MEASURES: readonly (readonly string[])[] = [
  ['个', '家', '处', '座', '所', '间', '栋', '幢'],
  ['台', '部', '辆', '套'],
  ['条', '项'],
];

// ---- The draft side --------------------------------------------------------------------------------

/**
 * Words every section title of a report uses (`三、着力构建现代产业体系，坚定不移推动…`): left out when a
 * plan section is matched with the review section that answers it, so the subject words decide.
 */
export const SECTION_STOCK_WORDS = /着力|坚定不移|持续|加快|推动|全面|深入|扎实|不断|更加|大力|积极/g;
