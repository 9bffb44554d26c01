// `npm run eval [-- --section numbers|mutations|reports|targets] [--json FILE]`
//
// Measures GovReport's number rules and target matching on text nobody tuned them to, and prints
// plain-text tables with one summary line per section. It measures, it does not judge: the exit
// status is 0 whatever the numbers, 2 when it cannot run (no corpus, bad arguments).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CORPUS_DIR, CORPUS_REPORTS, missingCorpus } from './common';
import { printMutations, runMutations, type MutationsResult } from './mutations';
import { printNumbers, runNumbers, type NumbersResult } from './numbers';
import { othersOf, printReports, runReports, type ReportsResult } from './reports';
import { printTargetsEval, runTargets, type TargetsEvalResult } from './targets';

const SECTIONS = ['numbers', 'mutations', 'reports', 'targets'] as const;
type Section = (typeof SECTIONS)[number];

function parseArgs(argv: string[]): { sections: Section[]; json?: string } | string {
  const sections: Section[] = [];
  let json: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a === '--section' || a.startsWith('--section=')) {
      for (const s of (value() ?? '').split(',')) {
        if (!(SECTIONS as readonly string[]).includes(s)) return `--section must be one of ${SECTIONS.join(', ')} (got ${s || 'nothing'})`;
        sections.push(s as Section);
      }
    } else if (a === '--json' || a.startsWith('--json=')) {
      json = value();
      if (!json) return '--json needs a file';
    } else {
      return `unknown argument ${a}`;
    }
  }
  return { sections: sections.length ? sections : [...SECTIONS], json };
}

interface EvalResult {
  corpus: string;
  seconds: Partial<Record<Section, number>>;
  numbers?: NumbersResult;
  mutations?: MutationsResult;
  reports?: ReportsResult;
  targets?: TargetsEvalResult;
}

function main(argv: string[]): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`eval: ${args}\nusage: npm run eval -- [--section ${SECTIONS.join('|')}] [--json FILE]\n`);
    return 2;
  }
  const missing = missingCorpus();
  if (missing.length) {
    process.stderr.write(
      `eval: corpus not found: looked for ${missing[0]}${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}; set GOVREPORT_CORPUS to its folder\n`,
    );
    return 2;
  }
  const result: EvalResult = { corpus: CORPUS_DIR, seconds: {} };
  const timed = <T>(s: Section, run: () => T): T => {
    const t0 = performance.now();
    const r = run();
    result.seconds[s] = Math.round((performance.now() - t0) / 100) / 10;
    return r;
  };
  const print = (s: string) => process.stdout.write(`${s}\n\n`);
  const want = new Set(args.sections);

  if (want.has('numbers')) {
    result.numbers = timed('numbers', () => runNumbers());
    print(printNumbers(result.numbers));
  }
  // The mutation run starts from the real reports' analyses: section 3 makes them either way.
  if (want.has('mutations') || want.has('reports')) {
    const { result: reports, analyses } = timed('reports', () => runReports());
    if (want.has('mutations')) {
      result.mutations = timed('mutations', () => runMutations(CORPUS_REPORTS, (n) => analyses.get(n)!, othersOf));
      print(printMutations(result.mutations, CORPUS_REPORTS));
    }
    if (want.has('reports')) {
      result.reports = reports;
      print(printReports(reports));
    } else {
      delete result.seconds.reports;
    }
  }
  if (want.has('targets')) {
    result.targets = timed('targets', () => runTargets());
    print(printTargetsEval(result.targets));
  }

  const summary: string[] = [];
  if (result.numbers) summary.push(printNumbers(result.numbers).split('\n').pop()!);
  if (result.mutations) summary.push(printMutations(result.mutations, CORPUS_REPORTS).split('\n').pop()!);
  if (result.reports) summary.push(printReports(result.reports).split('\n').pop()!);
  if (result.targets) summary.push(printTargetsEval(result.targets).split('\n').pop()!);
  const secs = Object.entries(result.seconds)
    .map(([k, v]) => `${k} ${v}s`)
    .join(', ');
  process.stdout.write(`== Summary ==\n${summary.join('\n')}\n(${secs}; corpus ${CORPUS_DIR})\n`);
  if (args.json) {
    writeFileSync(resolve(args.json), JSON.stringify(result, null, 2) + '\n');
    process.stdout.write(`wrote ${resolve(args.json)}\n`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
