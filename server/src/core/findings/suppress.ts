import type { LineIndex } from '../text/lineIndex';

/**
 * Inline suppression, as markdownlint does it, in HTML comments (invisible in the rendered report):
 *   <!-- govreport-disable-next-line rule-id … -->   the next non-blank line
 *   <!-- govreport-disable-line rule-id … -->        the comment's own line
 *   <!-- govreport-disable rule-id … --> … <!-- govreport-enable rule-id … -->
 * Without rule ids the comment applies to every rule.
 */
const DIRECTIVE = /<!--\s*govreport-(disable-next-line|disable-line|disable|enable)\b([^]*?)-->/g;
const ALL = '*';

export interface Suppressions {
  isSuppressed(ruleId: string, line: number): boolean;
}

interface Interval {
  rule: string;
  from: number;
  to: number;
}

export function readSuppressions(text: string, index: LineIndex): Suppressions {
  if (!text.includes('govreport-')) return { isSuppressed: () => false };
  const intervals: Interval[] = [];
  const open = new Map<string, number>();
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const kind = m[1];
    const ids = m[2]
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean);
    const rules = ids.length ? ids : [ALL];
    const line = index.lineOf(m.index);
    const endLine = index.lineOf(m.index + m[0].length);
    if (kind === 'disable-line') {
      for (const rule of rules) intervals.push({ rule, from: line, to: endLine });
    } else if (kind === 'disable-next-line') {
      let next = endLine + 1;
      while (next < index.lineCount && index.lineText(next).trim() === '') next++;
      for (const rule of rules) intervals.push({ rule, from: next, to: next });
    } else if (kind === 'disable') {
      for (const rule of rules) if (!open.has(rule)) open.set(rule, line);
    } else {
      for (const rule of rules) {
        if (rule === ALL) {
          for (const [r, from] of open) intervals.push({ rule: r, from, to: line });
          open.clear();
        } else {
          const from = open.get(rule);
          if (from !== undefined) {
            intervals.push({ rule, from, to: line });
            open.delete(rule);
          }
        }
      }
    }
  }
  for (const [rule, from] of open) intervals.push({ rule, from, to: Number.MAX_SAFE_INTEGER });
  return {
    isSuppressed(ruleId, line) {
      return intervals.some((iv) => (iv.rule === ruleId || iv.rule === ALL) && line >= iv.from && line <= iv.to);
    },
  };
}
