// What one document publishes: at most MAX_PUBLISHED diagnostics. 200 KB of `（` holds 200,000
// unbalanced brackets, 65 MB of diagnostics a keystroke that no one can read; past the cap the
// errors and warnings come first, and one notice at the top says how many were left out.
// `govreport check` still prints them all.
import type { Diagnostic } from 'vscode-languageserver';
import type { Analysis } from './core/analyze';
import { format, type Msg } from './core/l10n';
import type { Finding, Locale, Severity } from './core/types';
import { SOURCE, toDiagnostic } from './convert';

export const MAX_PUBLISHED = 1000;
export const CAPPED = 'too-many-problems';

const MESSAGES = {
  capped: {
    zh: 'GovReport：本文共有 {total} 处问题，只显示其中 {shown} 处（先错误和警告，再按位置）；运行 govreport check 可看全部。',
    en: 'GovReport: this text has {total} problems; {shown} are shown (errors and warnings first, then by position). govreport check lists them all.',
  },
} satisfies Record<string, Msg>;

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** The findings to publish, in position order: all of them, or the most severe `max`. */
export function publishedFindings(findings: readonly Finding[], max = MAX_PUBLISHED): readonly Finding[] {
  if (findings.length <= max) return findings;
  // Findings come sorted by position; a stable sort by severity keeps that order within a rank.
  const kept = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
    .slice(0, max);
  kept.sort((a, b) => a.i - b.i);
  return kept.map((k) => k.f);
}

export function diagnosticsOf(a: Analysis, uri: string, locale: Locale, max = MAX_PUBLISHED): Diagnostic[] {
  const shown = publishedFindings(a.findings, max);
  const out = shown.map((f) => toDiagnostic(f, uri, a, locale));
  if (shown.length < a.findings.length) {
    out.unshift({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 3,
      code: CAPPED,
      source: SOURCE,
      message: format(MESSAGES.capped, locale, { total: a.findings.length, shown: shown.length }),
    });
  }
  return out;
}
