// Property-based fuzzing of analyze(): random Unicode, random Markdown made of report
// vocabulary, and mutations of real reports. 1,000 cases in `npm test` and CI (a fixed seed, so
// every run replays the same cases); `npm run fuzz` runs 100,000 with a new seed.
// Every crash found becomes a file in test/fixtures/fuzz/, replayed below forever.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { corpusTest, CORPUS_REPORTS, HAVE_CORPUS, readCorpus, readSample } from '../support/corpus';
import { markdownish, mutationOf, unicodeText, violation } from '../support/fuzz';

const TOTAL = Number(process.env.FUZZ_RUNS ?? 1000);
// CI replays the same cases every run (a fixed seed); `FUZZ_SEED=random` explores new ones and
// fast-check prints the seed of any failure so it can be replayed.
const seed = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261127);
const params = (numRuns: number) => ({ numRuns, ...(seed !== undefined ? { seed } : {}) });
const check = (text: string) => {
  const v = violation(text);
  if (v) throw new Error(v);
};

test('found crashes stay fixed', () => {
  const dir = join(__dirname, '..', 'fixtures', 'fuzz');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  for (const f of files) assert.equal(violation(readFileSync(join(dir, f), 'utf8')), undefined, f);
});

test(`random Unicode (${Math.round(TOTAL * 0.2)} cases)`, () => {
  fc.assert(fc.property(unicodeText, check), params(Math.round(TOTAL * 0.2)));
});

test(`random Markdown of report vocabulary (${Math.round(TOTAL * 0.4)} cases)`, () => {
  fc.assert(fc.property(markdownish, check), params(Math.round(TOTAL * 0.4)));
});

test(`mutations of the sample report (${Math.round(TOTAL * 0.2)} cases)`, () => {
  fc.assert(fc.property(mutationOf(readSample()), check), params(Math.round(TOTAL * 0.2)));
});

test(`mutations of the corpus reports (${Math.round(TOTAL * 0.2)} cases)`, corpusTest(), () => {
  if (!HAVE_CORPUS) return;
  const texts = CORPUS_REPORTS.map(readCorpus);
  const perReport = Math.max(1, Math.round((TOTAL * 0.2) / texts.length));
  for (const t of texts) fc.assert(fc.property(mutationOf(t), check), params(perReport));
});
