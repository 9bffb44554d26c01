// What one `npm run bench` measured, row by row, for the README's table (bench/readme.ts). Each
// script appends its rows to .bench/results.json; bench/build.mjs starts the file afresh.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../test/support/corpus';

export interface ResultRow {
  measure: string;
  result: string;
  goal: string;
  /** Whether the goal was met (undefined: no goal). */
  met?: boolean;
}

export const RESULTS = join(REPO_ROOT, '.bench', 'results.json');

export function record(row: ResultRow): void {
  const rows: ResultRow[] = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : [];
  rows.push(row);
  writeFileSync(RESULTS, JSON.stringify(rows, null, 1));
}

/** A bench script's main: any failure (a baseline that cannot load, a server that cannot start) fails `npm run bench`. */
export function run(main: () => Promise<void> | void): void {
  Promise.resolve()
    .then(main)
    .catch((e) => {
      console.error(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      process.exit(1);
    });
}
