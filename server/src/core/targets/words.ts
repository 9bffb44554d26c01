// The targets stage's vocabulary: each list with an example and the reason it is there.

/**
 * Words that say a target was missed (`粮食种植面积未能完成年初目标`, `低于13%左右的预期目标`).
 * Softer words (不及预期, 仍需加力) are not counted: they do not say the target was missed.
 */
export const MISS_WORDS = /未能实现|未能完成|未完成|没有完成|没能完成|未能达到|未达到预期|未达预期|低于预期|低于[^，。；]{0,12}预期目标/g;

/** What separates the items of a list of targets (`5个自建房区域和2700户棚户区改造`). */
export const LIST_SEPARATORS = '、和及';

// ---- Choosing targets ------------------------------------------------------------------------------

/** Before a figure these say it is not this year's commitment: `已开工的57个项目`, `现行16%的税率`, `上述2万亿元`, `年产20万吨…项目`. */
export const NOT_COMMITMENT_BEFORE = /已[^，、；。]{0,4}$|(?:现行|上述|年产)\s*$/;
/** `30万千瓦以下煤电机组`, `不到100万元的部分`: a threshold with these scopes a measure when a noun follows. */
export const SCOPE_QUALIFIER_WORDS = ['以下', '不足'] as const;
/** `降低工商业电价5%政策`: a figure inside a policy's name. */
export const POLICY_AFTER = /^\s*的?政策/;
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
