import type { Rule } from '../rule';
import { brokenParagraph } from './broken-paragraph';
import { digitSpacing } from './digit-spacing';
import { headingLevel } from './heading-level';
import { numberingFormat } from './numbering-format';
import { ordinalSequence } from './ordinal-sequence';
import { punctuationWidth } from './punctuation-width';
import { strayLatin } from './stray-latin';
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
];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
