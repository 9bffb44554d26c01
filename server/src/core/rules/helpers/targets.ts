// What the three target rules share: where they look. In the draft (year N+1, last year's report a
// peer) each reads last year's targets as its review answers them; in last year's report itself
// (year N, next year's a peer) only with `targetDiagnosticsInLastYear` — a published report cannot
// be changed, so by default it keeps its lenses and hover and no diagnostics.
import { nextYearOf, type PeerReport } from '../../peers';
import { lastYearTargets, type LastYear } from '../../targets/draft';
import { matchTargetsCached } from '../../targets/match';
import type { TargetResult } from '../../targets/types';
import type { RuleContext } from '../rule';

export interface TargetSides {
  /** This report is the draft: `last` is last year's report and its targets against this review. */
  draft(ctx: RuleContext, last: LastYear): void;
  /** This report is last year's: its own targets against next year's report `next`. */
  plan(ctx: RuleContext, next: PeerReport, results: readonly TargetResult[]): void;
}

export function checkTargetSides(ctx: RuleContext, sides: TargetSides): void {
  if (ctx.peers.length === 0) return;
  const last = lastYearTargets(ctx);
  if (last) sides.draft(ctx, last);
  if (!ctx.config.targetDiagnosticsInLastYear) return;
  const next = nextYearOf(ctx.meta, ctx.peers);
  if (next) sides.plan(ctx, next, matchTargetsCached(ctx, next, ctx.config));
}
