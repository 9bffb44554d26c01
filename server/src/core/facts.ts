// Facts: every quantity of a report as {metric, value, unit, qualifier, role, year, range}.
// The number reader and fact extraction land with the numbers work; until then a report has
// no facts and the number rules have nothing to check.
import type { Span } from './types';

export type Role = 'outcome' | 'target' | 'baseline';

export interface Fact {
  metric: string;
  value: number;
  unit: string;
  role: Role;
  year?: number;
  span: Span;
}

export function extractFacts(): Fact[] {
  return [];
}
