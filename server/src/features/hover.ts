// The hover on a figure: what the core reads it as (features/hover in the core), plus the target
// check when the figure is one of this year's targets.
import type { Hover } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import { describeNumberAt, factAt } from '../core/features/hover';
import { format, type Msg } from '../core/l10n';
import type { Locale } from '../core/types';
import { targetHoverLine } from './targets';
import { describeMeta } from '../core/structure/meta';

const MESSAGES = {
  targetCheck: { zh: '目标核对：{line}', en: 'Target check: {line}' },
} satisfies Record<string, Msg>;

export function hoverAt(uri: string, a: Analysis, offset: number, locale: Locale): Hover | null {
  const fact = factAt(a.facts, offset);
  if (!fact) return titleHover(a, offset, locale);
  const described = describeNumberAt(a, offset, a.peers, locale, a.config, uri);
  if (!described) return null;
  const target = targetHoverLine(a, fact, locale);
  const value = target ? `${described}\n- ${format(MESSAGES.targetCheck, locale, { line: target })}` : described;
  return { contents: { kind: 'markdown', value }, range: a.lineIndex.rangeOf(fact.span) };
}

/** On the title: the year and government the report was read as, and where each came from (pairing goes by them). */
function titleHover(a: Analysis, offset: number, locale: Locale): Hover | null {
  const title = a.tree.roots.find((n) => n.kind === 'title');
  if (!title || offset < title.selection.start || offset > title.selection.end) return null;
  return { contents: { kind: 'markdown', value: describeMeta(a.meta, locale) }, range: a.lineIndex.rangeOf(title.selection) };
}
