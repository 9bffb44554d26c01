// The evaluation as a test: the development set, the mutation run and the real reports must not get
// worse. Every case or site found when the ratchet was last written (test/eval/ratchet.json) stays
// found, and no must-not-fire case, mutation or real report gains an error or warning. Raise the
// ratchet with `UPDATE_RATCHET=1`; it refuses to drop a found case.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runNumbers } from './numbers';
import { runMutations } from './mutations';
import { othersOf, runReports } from './reports';
import { CORPUS_REPORTS } from './common';
import { corpusTest } from '../support/corpus';

const RATCHET = join(__dirname, 'ratchet.json');

interface Ratchet {
  /** Development cases found, by id. */
  cases: string[];
  /** Mutation sites found, as `report:line kind change`. */
  mutations: string[];
  /** Error/warning findings of the number rules on the real reports that are true (say why). */
  reportFindings: { at: string; why: string }[];
}

test('eval ratchet: the development set, the mutations and the real reports do not get worse', corpusTest(), () => {
  const saved = JSON.parse(readFileSync(RATCHET, 'utf8')) as Ratchet;
  const numbers = runNumbers();
  const { result: reports, analyses } = runReports();
  const mutations = runMutations(CORPUS_REPORTS, (n) => analyses.get(n)!, othersOf);

  const found = numbers.cases.filter((c) => c.found).map((c) => c.id);
  const sites = mutations.results.filter((r) => r.found).map((r) => `${r.report}:${r.line} ${r.kind} ${r.change}`);
  const loud = reports.rows.flatMap((r) => r.loud.map((f) => `${r.report}:${f.line} ${f.rule}`));

  if (process.env.UPDATE_RATCHET) {
    const lost = saved.cases.filter((id) => !found.includes(id));
    assert.deepEqual(lost, [], 'the ratchet only goes up: these cases are no longer found');
    const why = new Map(saved.reportFindings.map((f) => [f.at, f.why]));
    writeFileSync(
      RATCHET,
      `${JSON.stringify({ cases: found, mutations: sites, reportFindings: loud.map((at) => ({ at, why: why.get(at) ?? 'TODO: say why this is true' })) }, null, 2)}\n`,
    );
  }

  assert.deepEqual(
    numbers.cases.filter((c) => c.falseAlarms.length).map((c) => c.id),
    [],
    'no development case draws a false error or warning',
  );
  assert.deepEqual(
    saved.cases.filter((id) => !found.includes(id)),
    [],
    'every development case found before is found',
  );
  assert.deepEqual(
    mutations.results.filter((r) => r.falseAlarms.length).map((r) => `${r.report}:${r.line} ${r.kind}`),
    [],
    'no mutation draws a false error or warning',
  );
  assert.deepEqual(
    saved.mutations.filter((s) => !sites.includes(s)),
    [],
    'every mutation found before is found',
  );
  assert.deepEqual(
    loud,
    saved.reportFindings.map((f) => f.at),
    'the real reports draw only the errors and warnings known to be true',
  );
});
