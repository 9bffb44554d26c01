import type { Rule } from './rule';
import { brokenParagraph } from './broken-paragraph';
import { countMismatch } from './count-mismatch';
import { digitSpacing } from './digit-spacing';
import { growthMismatch } from './growth-mismatch';
import { headingLevel } from './heading-level';
import { numberConflict } from './number-conflict';
import { numberFormat } from './number-format';
import { numberingFormat } from './numbering-format';
import { ordinalSequence } from './ordinal-sequence';
import { punctuationWidth } from './punctuation-width';
import { rateRange } from './rate-range';
import { strayLatin } from './stray-latin';
import { targetBelowBaseline } from './target-below-baseline';
import { targetMissed } from './target-missed';
import { targetUnreported } from './target-unreported';
import { targetTaskUnreported } from './target-task-unreported';
import { totalMismatch } from './total-mismatch';
import { unbalancedPair } from './unbalanced-pair';

/**
 * Every rule, in the order their findings are reported for the same place.
 * Add a rule: write rules/<id>.ts exporting a `Rule`, list it here, run `npm run gen`.
 */
export const ALL_RULES: readonly Rule[] = [
  // Clean-up of converted reports: structure, then typography.
  brokenParagraph,
  headingLevel,
  ordinalSequence,
  numberingFormat,
  punctuationWidth,
  strayLatin,
  digitSpacing,
  unbalancedPair,
  // Numbers: impossible values first, then contradictions between figures, then advice.
  rateRange,
  numberConflict,
  totalMismatch,
  growthMismatch,
  countMismatch,
  targetBelowBaseline,
  numberFormat,
  // Targets across years: year N's targets against year N+1's review.
  targetMissed,
  targetUnreported,
  targetTaskUnreported,
];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}

/** The rule's page, relative to the package root (shipped in the .vsix; linked from each diagnostic). */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}
