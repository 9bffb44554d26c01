// Debug one development case: `node --import tsx test/eval/case.ts <case-id>…` prints the facts of the
// edited report around the case's `at` strings (metric, identity, role, year, change) and its new findings.
import { corpusPath, analyzeLikeCli, readReport, newFindings } from './common';
import { applyEdits, loadCases } from './numbers';

const cases = loadCases();
for (const id of process.argv.slice(2)) {
  const c = cases.find((x) => x.id === id);
  if (!c) {
    console.log(`no case ${id}`);
    continue;
  }
  const path = corpusPath(c.report);
  const peers = c.peers.map(corpusPath);
  const original = readReport(path);
  const applied = applyEdits(original, c.edits);
  if ('error' in applied) {
    console.log(`${id}: ${applied.error}`);
    continue;
  }
  const base = analyzeLikeCli(path, original, peers);
  const a = analyzeLikeCli(path, applied.text, peers);
  console.log(`== ${id} (${c.expect} ${c.rule ?? ''}) ${c.reason}`);
  const needles = c.at ?? c.edits.map((e) => e.replace.slice(0, 12));
  for (const f of a.facts) {
    if (!needles.some((n) => f.clauseText.includes(n) || n.includes(f.text))) continue;
    const flags = Object.entries(f)
      .filter(([k, v]) => ['weak', 'ambiguous', 'cumulative', 'real', 'restated', 'subset', 'duration', 'countWord', 'doubling'].includes(k) && v)
      .map(([k]) => k);
    const more = [
      f.versus,
      f.direction,
      f.multiple,
      f.yearCue,
      f.action && `act=${f.action}`,
      f.levelIndex !== undefined && `lvl→${f.levelIndex}`,
      f.baselineIndex !== undefined && `base→${f.baselineIndex}`,
    ].filter(Boolean);
    console.log(
      `  #${f.index} L${a.lineIndex.positionAt(f.span.start).line + 1} ${JSON.stringify(f.text)} metric=${f.metric} id=${f.identity} ${f.role}/${f.year}/${f.period} ${f.change} [${[...flags, ...more].join(',')}] «${f.clauseText.slice(0, 40)}»`,
    );
  }
  for (const f of newFindings(a, base)) console.log(`  !! ${f.ruleId} L${f.range.start.line + 1} ${f.severity}: ${f.message}`);
}
