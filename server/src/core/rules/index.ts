import type { Rule } from '../rule';

/**
 * Every rule, in the order their findings are reported for the same place.
 * Add a rule: write rules/<id>.ts exporting a `Rule`, list it here, run `npm run gen`.
 */
export const ALL_RULES: readonly Rule[] = [];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
