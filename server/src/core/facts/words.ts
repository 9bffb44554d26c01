// The facts stage's vocabulary: what a sentence's words say about its figures. Each list has an
// example and the reason it is there; the readers build their regexes from these once.

/**
 * Words that mark a sentence as a commitment (`力争城镇新增就业2.5万人`, `确保粮食产量…`,
 * `今年要新增…`): in a review part such a sentence about this year or next is a target.
 */
export const TARGET_MARKERS = /力争|争取|确保|预期目标|目标是|目标为|计划|拟|将(?:达到|实现|完成|新增)|要(?:达到|实现|完成)|今年要/;

/**
 * Metrics that are better when low (`居民消费价格涨幅3%左右`, `城镇调查失业率5.5%左右`): their
 * 左右 target is a ceiling (CPI 0.9% meets `3%左右`), and a target below last year is no slip.
 * `优良天数` is a count of good days: better when high.
 */
export const LOWER_IS_BETTER = /价格|涨幅|CPI|物价|失业率|能耗|排放|耗|事故|死亡|浓度|PM2\.5|赤字率|负债率|杠杆率|成本|时间|时限|天数(?!比率)|用时|用水量/;
export const NOT_LOWER_IS_BETTER = /优良天数/;
