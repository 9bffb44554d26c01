// The corpus in ../shared/corpus is third-party data: tests read it in place and never copy
// it into the repo. GOVREPORT_CORPUS points elsewhere; without it, corpus tests report
// themselves as skipped and one line says how many did not run.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The checkout's root, found from wherever this module runs (tests under tsx, bundled benchmarks). */
export const REPO_ROOT = (() => {
  for (let dir = __dirname; ; dir = resolve(dir, '..')) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'server', 'src', 'core'))) return dir;
    if (resolve(dir, '..') === dir) return resolve(__dirname, '..', '..');
  }
})();
export const CORPUS_DIR = resolve(process.env.GOVREPORT_CORPUS ?? join(REPO_ROOT, '..', 'shared', 'corpus'));
export const HAVE_CORPUS = existsSync(join(CORPUS_DIR, 'national-2019.md'));

let skipped = 0;
process.on('exit', () => {
  if (skipped) process.stdout.write(`\n*** ${skipped} corpus test(s) did not run: no corpus at ${CORPUS_DIR} (set GOVREPORT_CORPUS) ***\n`);
});

/** Options for node:test's `test()` — skips with a reason when the corpus is absent, and counts it. */
export function corpusTest(): { skip: string | false } {
  if (HAVE_CORPUS) return { skip: false };
  skipped++;
  return { skip: `corpus not found at ${CORPUS_DIR}` };
}

export function readCorpus(name: string): string {
  return readFileSync(join(CORPUS_DIR, name), 'utf8');
}

export const SAMPLE_PATH = join(REPO_ROOT, 'examples', 'xinshi-2023.md');
export function readSample(): string {
  return readFileSync(SAMPLE_PATH, 'utf8');
}

/** The reports of the corpus (not the variant), by file name. */
export const CORPUS_REPORTS = [
  'national-2014.md',
  'national-2015.md',
  'national-2016.md',
  'national-2017.md',
  'national-2018.md',
  'national-2019.md',
  'national-2020.md',
  'national-2021.md',
  'national-2022.md',
  'xinjiang-2026.md',
  'xinshi-2023.md',
];
