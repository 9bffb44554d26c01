import type { Fact } from '../facts/facts';
import { figure } from '../numbers/format';
import { metricName } from '../facts/format';
import type { Msg } from '../l10n';
import type { Rule } from './rule';

const MESSAGES = {
  over100: {
    zh: '“{metric}”为{value}，超过100%：比率、占比、覆盖率不可能超过100%',
    en: '"{metric}" is {value}, above 100 %: a rate, share or coverage cannot exceed 100 %',
  },
  days: {
    zh: '“{metric}”为{value}，超过一年的天数（{max}天）',
    en: '"{metric}" is {value}, more days than a year has ({max})',
  },
  negative: {
    zh: '“{metric}”为{value}：个数、人数不可能为负',
    en: '"{metric}" is {value}: a count cannot be negative',
  },
  fall: {
    zh: '“{metric}”下降{value}：下降超过100%意味着变为负数',
    en: '"{metric}" falls by {value}: a fall of more than 100 % would make it negative',
  },
} satisfies Record<string, Msg>;

/**
 * A rate, share or proportion (`…率`, `比重`, `占比`, `比例`, `份额`, `覆盖面`) is a part of a whole and lies
 * between 0 and 100 % — `湿地保护率`, `“保交房”交付率`, `达标率` alike. Only these can exceed it: a ratio to
 * a plan or to last year (`完成率`, `达成率`, `执行率`), growth and contribution, self-sufficiency, debt and
 * leverage ratios, returns and interest, and gross enrolment.
 */
const BOUNDED = /(率|比重|占比|比例|份额|覆盖面|满意度|安全感)$/;
const NOT_BOUNDED =
  /增长|增速|增幅|涨幅|贡献率|完成率|达成率|执行率|完成进度|自给率|负债率|杠杆率|债务率|回报率|收益率|利率|汇率|毛入学率|周转率|产销率|倍|发展速度|拉动率|弹性/;
// prettier-ignore
const COUNTS = new Set(['个', '项', '家', '人', '名', '户', '套', '所', '件', '座', '处', '张', '条', '间', '辆', '台', '部', '批', '次', '场', '届', '类', '种', '列', '架', '艘', '人次', '天']);

/**
 * Figures that cannot be true whatever the other figures say: a share above 100 %, more days in
 * a year than it has, a negative count, a fall of more than 100 %. An error, not a warning: no
 * reading of the sentence makes them right.
 */
export const rateRange: Rule = {
  id: 'rate-range',
  defaultSeverity: 'error',
  category: 'numbers',
  expensive: true,
  title: { zh: '数值超出可能范围', en: 'Impossible value' },
  description: {
    zh: '比率、占比、比重、覆盖率超过100%，一年内的天数超过366天，个数为负，或下降幅度超过100%。',
    en: 'A rate, share or coverage above 100 %, more days in a year than it has, a negative count, or a fall of more than 100 %.',
  },
  check(ctx) {
    for (const f of ctx.facts) {
      const which = problem(f);
      if (!which) continue;
      ctx.report({
        start: f.span.start,
        end: f.span.end,
        message: ctx.t(MESSAGES[which], { metric: metricName(f) || f.text, value: figure(f), max: 366 }),
      });
    }
  },
};

function problem(f: Fact): keyof typeof MESSAGES | undefined {
  const top = f.high ?? f.value;
  if (f.unit === '%') {
    if (f.change === 'growth-rate' && f.direction === 'down' && f.value > 100) return 'fall';
    const bounded = f.change === 'share' || (f.change === 'level' && BOUNDED.test(f.metric) && !NOT_BOUNDED.test(f.metric));
    // Above 100 even at the low end of what the digits allow (以上 and 超过 only raise it).
    if (bounded && f.value - f.precision > 100 && f.qualifier !== '以下' && f.qualifier !== '以内' && f.qualifier !== '不超过' && f.qualifier !== '近') {
      return 'over100';
    }
    if (bounded && top - f.precision > 100 && f.high !== undefined) return 'over100';
    return undefined;
  }
  if (f.unit === '天' && f.change === 'level' && f.period === 'year' && /天数|天$/.test(f.metric) && f.value > 366) return 'days';
  if (f.value < 0 && COUNTS.has(f.unit)) return 'negative';
  return undefined;
}
