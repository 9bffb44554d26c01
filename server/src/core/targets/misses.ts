// Misses a review states in words (`粮食种植面积未能完成年初目标`, `增速低于预期`): read once per
// report and kept on its peer, so year N's target check needs no text of year N+1.
import { endsClause, endsSentence } from '../text/chars';
import type { ReportTree } from '../structure/outline';
import type { Passage } from '../structure/prose';
import type { Span } from '../types';
import { MISS_WORDS } from './words';

/** A miss stated in words in a review part, kept on peers (PeerReport.misses). */
export interface MissStatement {
  /** The sentence from its start to the end of the clause with the miss words. */
  text: string;
  /** Where the miss words start in `text`. */
  at: number;
  /** Source span of the clause with the miss words. */
  span: Span;
}

/** Every miss stated in words inside a review part (for PeerReport.misses). Cheap: one regex a passage. */
export function missStatements(passages: readonly Passage[], tree: ReportTree): MissStatement[] {
  const reviews = tree.parts.filter((p) => p.partKind === 'review');
  if (reviews.length === 0) return [];
  const out: MissStatement[] = [];
  for (const p of passages) {
    if (!reviews.some((r) => r.span.start <= p.span.start && p.span.start < r.span.end)) continue;
    const text = p.text.text;
    MISS_WORDS.lastIndex = 0;
    for (let m = MISS_WORDS.exec(text); m; m = MISS_WORDS.exec(text)) {
      let s = m.index;
      while (s > 0 && !endsSentence(text, s - 1)) s--;
      let c = m.index;
      while (c > s && !endsClause(text, c - 1)) c--;
      let e = m.index + m[0].length;
      while (e < text.length && !endsClause(text, e)) e++;
      out.push({ text: text.slice(s, e), at: m.index - s, span: p.text.toSourceSpan(c, e) });
    }
  }
  return out;
}
