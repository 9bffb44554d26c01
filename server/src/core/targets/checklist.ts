// Next year's review checklist, as a Markdown document for the drafter to fill in.
import type { Locale } from '../types';
import type { OutlineNode } from '../structure/outline';
import type { Passage } from '../structure/prose';
import { changeFigure } from '../facts/format';
import type { TargetResult, TargetSource, TargetStatus } from './types';
import { sectionOf, statusName, targetLabel, targetSentence } from './present';

/**
 * Next year's review checklist from year N's report: every target grouped by section, the target
 * sentence quoted, a placeholder for the outcome, the status filled in where next year's report exists.
 */
export function checklistMarkdown(
  report: TargetSource & { lineOf?: (offset: number) => number; passages?: readonly Passage[] },
  uri: string,
  results: readonly TargetResult[],
  locale: Locale,
): string {
  const year = report.meta.year;
  const ny = year !== undefined ? year + 1 : undefined;
  const zh = locale === 'zh';
  const lines: string[] = [];
  const count = (s: TargetStatus) => results.filter((r) => r.status === s).length;
  lines.push(zh ? `# ${ny ?? ''}年工作回顾核对清单` : `# Review checklist for ${ny ?? 'next year'}`);
  lines.push('');
  lines.push(
    zh
      ? `> 对照 ${year ?? ''}年政府工作报告（${uri}）的 ${results.length} 项目标：${count('met')} 项已完成、${count('missed')} 项未完成、${count('unreported')} 项未报告、${count('pending')} 项待报告。`
      : `> Against the ${results.length} targets of the ${year ?? ''} report (${uri}): ${count('met')} met, ${count('missed')} missed, ${count('unreported')} unreported, ${count('pending')} pending.`,
  );
  let lastSection: OutlineNode | undefined | null = null;
  let lastLeadin: OutlineNode | undefined | null = null;
  for (const r of results) {
    const t = r.target;
    const { section, leadin } = sectionOf(report.tree, t);
    if (section !== lastSection) {
      lines.push('', `## ${section ? section.name : zh ? '其他' : 'Other'}`);
      lastSection = section;
      lastLeadin = null;
    }
    if (leadin && leadin !== lastLeadin) {
      lines.push('', `### ${leadin.name}`);
      lastLeadin = leadin;
    }
    const line = report.lineOf ? report.lineOf(t.span.start) + 1 : undefined;
    const done = r.status === 'met';
    const where = line !== undefined ? (zh ? `（第 ${line} 行）` : ` (line ${line})`) : '';
    lines.push('', `- [${done ? 'x' : ' '}] **${escapeMd(targetLabel(t, locale))}**${where}`);
    const colon = zh ? '：' : ': ';
    lines.push(`  - ${zh ? '目标原文' : 'Target as written'}${colon}“${escapeMd(targetSentence(t, report.passages))}”`);
    const outcome = r.outcome ? changeFigure(r.outcome.fact, locale) : '＿＿＿＿';
    const status = statusName(r.status, locale);
    const from = r.outcome ? (zh ? `（${r.next?.year}年报告第 ${r.outcome.range.start.line + 1} 行）` : ` (line ${r.outcome.range.start.line + 1} of the ${r.next?.year} report)`) : '';
    lines.push(`  - ${zh ? '完成情况' : 'Outcome'}${colon}${escapeMd(outcome)}${from} — ${status}`);
    if (r.words) lines.push(`  - ${zh ? '回顾原文' : 'Review says'}${colon}“${escapeMd(r.words.text)}”`);
  }
  return lines.join('\n') + '\n';
}

function escapeMd(s: string): string {
  return s.replace(/([*_`[\]<>])/g, '\\$1');
}
