// Generators and properties for the fuzz suite (fast-check). Shared by test/unit/fuzz.test.ts
// (10,000 cases in CI) and `npm run fuzz` (100,000).
import fc from 'fast-check';
import { analyze, INTERNAL_ERROR, type Analysis } from '../../server/src/core/analyze';
import { applyEdits, fixAllEdits } from '../../server/src/core/findings/fixes';

const TOKENS = [
  '\n',
  '\n\n',
  '\n\n\n\n',
  '\r\n',
  '\r',
  ' ',
  '\u3000',
  '\t',
  '# ',
  '## ',
  '### ',
  '#### ',
  '**',
  '*',
  '__',
  '`',
  '```\n',
  '> ',
  '- ',
  '1. ',
  '1、',
  '| a | b |\n|---|---|\n| 1 | 2 |\n',
  '<!-- expect: x -->',
  '<!-- govreport-disable-next-line -->',
  '<!-- govreport-disable number-conflict -->',
  '<!--',
  '-->',
  '<br>',
  '[链接](http://example.com/a,b)',
  'https://a.b/c?d=1,2',
  '一、',
  '二、',
  '四、',
  '（一）',
  '(二)',
  '（三）、',
  '1.',
  '（1）',
  '一是',
  '——',
  '各位代表：',
  '各位代表!',
  '着力',
  '政府工作报告',
  '2022年工作回顾',
  '2023年主要工作',
  '今年发展主要预期目标是：',
  '主要预期目标是：',
  '2023年1月13日在新市区第十五届人民代表大会第三次会议上',
  '新市区人民政府区长 宋振博',
  '增长',
  '同比增长',
  '比上年增长',
  '下降',
  '新增',
  '净增',
  '总数',
  '其中',
  '累计',
  '达到',
  '力争',
  '确保',
  '争取',
  '突破',
  '超过',
  '以上',
  '以内',
  '左右',
  '约',
  '近',
  '多',
  '余',
  '分别',
  '6.5%',
  '6.5%－7%',
  '5.5%—6%',
  '15～30%',
  '15%～30%',
  '9亿～16亿',
  '1.1 万亩',
  '2.15万亿元',
  '9300亿元',
  '216 家',
  '50家',
  '３５％',
  '１２３',
  '3千',
  '5百万',
  '99999999999999999999亿',
  '1e308',
  'NaN',
  'Infinity',
  '-0',
  '0.',
  '.5',
  '1,000',
  '1.2.3',
  '0.000000001%',
  '100%',
  '120%',
  '366天',
  '-5个',
  '十件',
  '三大',
  '两所',
  '五个一批',
  '“十四五”',
  '二十大',
  '“1+3”',
  '第六届',
  '，',
  '。',
  '；',
  '：',
  '！',
  '？',
  ',',
  '.',
  ';',
  ':',
  '!',
  '?',
  '(',
  ')',
  '（',
  '）',
  '“',
  '”',
  '《',
  '》',
  '、',
  '…',
  'and',
  'GDP',
  'PM2.5',
  '5G',
  'KL',
  'IT',
  '国内生产总值',
  '城镇新增就业',
  '居民消费价格涨幅',
  '高新技术企业',
  '财政赤字',
  '中央财政赤字',
  '地方财政赤字',
  '粮食产量',
  '能耗强度',
  '经济',
  '发展',
  '改革',
  '民生',
  '坚持',
  '推进',
  '加快',
  '万',
  '亿',
  '元',
  '人',
  '个',
  '家',
  '亩',
  '个百分点',
  '倍',
  '\ufeff',
  '\u0000',
  '\ud800',
  '\udfff',
  '😀',
  '\u200b',
  '\u202e',
];

export const markdownish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 300 }).map((parts) => parts.join(''));

export const unicodeText = fc.string({ unit: 'binary', maxLength: 2000 });

/** A mutation of a real report: delete, duplicate or swap spans, inject tokens. */
export function mutationOf(base: string) {
  const pos = fc.nat({ max: base.length });
  const op = fc.oneof(
    fc.tuple(fc.constant('delete' as const), pos, fc.nat({ max: 400 }), fc.constant('')),
    fc.tuple(fc.constant('duplicate' as const), pos, fc.nat({ max: 400 }), fc.constant('')),
    fc.tuple(fc.constant('swap' as const), pos, fc.nat({ max: 200 }), fc.constant('')),
    fc.tuple(
      fc.constant('inject' as const),
      pos,
      fc.constant(0),
      fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 8 }).map((t) => t.join('')),
    ),
  );
  return fc.array(op, { minLength: 1, maxLength: 12 }).map((ops) => {
    let text = base;
    for (const [kind, p, n, s] of ops) {
      const at = Math.min(p, text.length);
      const end = Math.min(text.length, at + n);
      if (kind === 'delete') text = text.slice(0, at) + text.slice(end);
      else if (kind === 'duplicate') text = text.slice(0, end) + text.slice(at, end) + text.slice(end);
      else if (kind === 'swap') {
        const other = Math.max(0, Math.min(text.length - (end - at), (at * 7919) % Math.max(1, text.length)));
        const a = text.slice(at, end);
        const rest = text.slice(0, at) + text.slice(end);
        text = rest.slice(0, other) + a + rest.slice(other);
      } else text = text.slice(0, at) + s + text.slice(at);
    }
    return text;
  });
}

/** What must hold for every text; returns a description of the first violation, or undefined. */
export function violation(text: string): string | undefined {
  const started = performance.now();
  let a: Analysis;
  try {
    a = analyze(text);
  } catch (e) {
    return `analyze threw: ${(e as Error).stack}`;
  }
  let elapsed = performance.now() - started;
  // Linear cost: ~0.04 µs per character measured; allow 25× slack plus a fixed floor. A slow run
  // is timed again (best of three) so a GC pause or a busy machine is not taken for a bug.
  const bound = 100 + text.length * 0.001;
  for (let retry = 0; retry < 2 && elapsed > bound; retry++) {
    const t = performance.now();
    analyze(text);
    elapsed = Math.min(elapsed, performance.now() - t);
  }
  if (elapsed > bound) return `analyze took ${elapsed.toFixed(1)} ms for ${text.length} characters (bound ${bound.toFixed(0)} ms)`;
  const internal = a.findings.find((f) => f.ruleId === INTERNAL_ERROR);
  if (internal) return `internal error: ${internal.message}`;
  const inText = (s: { start: number; end: number }) =>
    Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= text.length;
  for (const f of a.findings) {
    if (!inText(f)) return `finding ${f.ruleId} span ${f.start}-${f.end} outside text of ${text.length}`;
    const r = a.lineIndex.rangeOf(f);
    if (JSON.stringify(r) !== JSON.stringify(f.range)) return `finding ${f.ruleId} range does not match its span`;
    for (const rel of f.related ?? []) if (!rel.uri && !inText(rel)) return `related place of ${f.ruleId} outside text`;
    for (const e of f.fix?.edits ?? []) if (!inText(e)) return `fix edit of ${f.ruleId} outside text`;
    if (!f.message) return `finding ${f.ruleId} without message`;
  }
  for (const n of a.tree.nodes) {
    if (!inText(n.span) || !inText(n.selection)) return `outline node ${n.name} outside text`;
    for (const c of n.children) if (c.span.start < n.span.start || c.span.end > n.span.end) return `child ${c.name} outside parent ${n.name}`;
  }
  // Fixes: fix-all once, plus the first and the last single fix (re-analysing after every fix
  // of a report with a hundred findings would cost minutes and find nothing new).
  const fixable = a.findings.filter((f) => f.fix);
  const trials: [string, string][] = [];
  if (fixable.length) {
    trials.push(['fix-all', applyEdits(text, fixAllEdits(a.findings))]);
    for (const f of new Set([fixable[0], fixable[fixable.length - 1]])) trials.push([`the fix of ${f.ruleId}`, applyEdits(text, f.fix!.edits)]);
  }
  for (const [what, fixed] of trials) {
    try {
      const again = analyze(fixed);
      const err = again.findings.find((x) => x.ruleId === INTERNAL_ERROR);
      if (err) return `after ${what}: internal error ${err.message}`;
    } catch (e) {
      return `after ${what}: analyze threw ${(e as Error).message}`;
    }
  }
  return undefined;
}
