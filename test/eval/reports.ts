// Section 3, the real reports: every corpus report as published, with the other reports of its
// government as peers. The number rules should raise no error or warning on them: each one is
// either a real slip of the published text or a false alarm to explain.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis } from '../../server/src/core/analyze';
import { analyzeLikeCli, clip, corpusPath, CORPUS_REPORTS, isLoud, isNumberRule, readReport, record, table, type FindingRecord } from './common';

/** The government a corpus file belongs to, from its name (meta.ts is what is measured, not the key). */
export const governmentOf = (name: string): string => name.replace(/-\d{4}\.md$/, '');

/** The other corpus reports of `name`'s government. */
export function othersOf(name: string): string[] {
  return CORPUS_REPORTS.filter((n) => n !== name && governmentOf(n) === governmentOf(name));
}

export interface ReportRow {
  report: string;
  /** What the report's own text says of itself (meta.ts): a missing government means no peers. */
  government: string | null;
  year: number | null;
  /** The peers analyze() was given (cli.ts's rule: the same known government). */
  peers: string[];
  errors: number;
  warnings: number;
  information: number;
  loud: FindingRecord[];
}

export interface ReportsResult {
  rows: ReportRow[];
  totals: { reports: number; errors: number; warnings: number; information: number; loudReports: number };
}

export function runReports(reports: readonly string[] = CORPUS_REPORTS): { result: ReportsResult; analyses: Map<string, Analysis> } {
  const analyses = new Map<string, Analysis>();
  const rows = reports.map((report) => {
    const path = corpusPath(report);
    const a = analyzeLikeCli(path, readReport(path), othersOf(report).map(corpusPath));
    analyses.set(report, a);
    const number = a.findings.filter((f) => isNumberRule(f.ruleId));
    return {
      report,
      government: a.meta.government ?? null,
      year: a.meta.year ?? null,
      peers: a.peers.map((p) => decodeURIComponent(p.uri.slice(p.uri.lastIndexOf('/') + 1))),
      errors: number.filter((f) => f.severity === 'error').length,
      warnings: number.filter((f) => f.severity === 'warning').length,
      information: number.filter((f) => !isLoud(f)).length,
      loud: number.filter(isLoud).map((f) => record(a, f)),
    };
  });
  const sum = (k: 'errors' | 'warnings' | 'information') => rows.reduce((n, r) => n + r[k], 0);
  return {
    result: {
      rows,
      totals: {
        reports: rows.length,
        errors: sum('errors'),
        warnings: sum('warnings'),
        information: sum('information'),
        loudReports: rows.filter((r) => r.loud.length).length,
      },
    },
    analyses,
  };
}

/**
 * The errors and warnings on the published reports known to be true (`report:line rule` → why), as
 * ratchet.json keeps them: the ratchet test holds the list exact, this section says which are which.
 */
function knownTrue(): Map<string, string> {
  const saved = JSON.parse(readFileSync(join(__dirname, 'ratchet.json'), 'utf8')) as { reportFindings: { at: string; why: string }[] };
  return new Map(saved.reportFindings.map((f) => [f.at, f.why]));
}

export function printReports(r: ReportsResult): string {
  const out: string[] = ['== 3. Real reports (number rules, other reports of the same government as peers) ==', ''];
  out.push(
    table(
      ['report', 'government (meta)', 'year', 'peers', 'error', 'warning', 'info'],
      r.rows.map((x) => [
        x.report,
        x.government ?? '(none)',
        x.year === null ? '?' : String(x.year),
        String(x.peers.length),
        String(x.errors),
        String(x.warnings),
        String(x.information),
      ]),
    ),
  );
  const missing = r.rows.filter((x) => x.government === null);
  if (missing.length) {
    out.push(
      '',
      `No government read from ${missing.map((x) => x.report).join(', ')}: as in the CLI, such a report gets no peers and is no peer of the others.`,
    );
  }
  const loud = r.rows.flatMap((x) => x.loud.map((f) => ({ x, f })));
  const known = knownTrue();
  const why = (x: ReportRow, f: FindingRecord) => known.get(`${x.report}:${f.line} ${f.rule}`);
  out.push('', `Errors and warnings (${loud.length}):`);
  for (const { x, f } of loud) {
    out.push(`  ${x.report}:${f.line}  ${f.rule}  ${clip(f.message, 140)}`);
    out.push(`    ${why(x, f) ? `true (the published text): ${why(x, f)}` : 'NOT EXPLAINED: a false alarm until shown otherwise'}`);
  }
  const t = r.totals;
  const unexplained = loud.filter(({ x, f }) => !why(x, f)).length;
  out.push(
    '',
    `reports: ${t.errors} errors, ${t.warnings} warnings of the number rules in ${t.loudReports}/${t.reports} reports, ${unexplained} not shown true (should be 0); ${t.information} information findings`,
  );
  return out.join('\n');
}
