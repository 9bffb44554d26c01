// Core results → LSP shapes. Shared by the server and the CLI, so `govreport check --format
// json` prints exactly the Diagnostic objects the server publishes. Type-only LSP imports keep
// the CLI bundle free of the protocol library.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DiagnosticSeverity as LspSeverity, DocumentSymbol, FoldingRange } from 'vscode-languageserver';
import type { Analysis } from './core/analyze';
import { documentSymbols, foldingRanges } from './core/symbols';
import type { Finding, Severity } from './core/types';

export const SOURCE = 'govreport';

const SEVERITY: Record<Severity, LspSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

let root: string | undefined;
/** The installed extension's (or the checkout's) root: the folder whose package.json names govreport. */
export function packageRoot(): string {
  if (root) return root;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'docs', 'rules'))) return (root = dir);
    dir = dirname(dir);
  }
  return (root = dirname(__dirname));
}

const docUris = new Map<string, string | undefined>();
/** Each rule has a page in docs/rules/, shipped with the extension (looked up once per rule). */
export function ruleDocUri(ruleId: string): string | undefined {
  if (!docUris.has(ruleId)) {
    const file = join(packageRoot(), 'docs', 'rules', `${ruleId}.md`);
    docUris.set(ruleId, existsSync(file) ? pathToFileURL(file).href : undefined);
  }
  return docUris.get(ruleId);
}

export function toDiagnostic(f: Finding, uri: string, analysis: Analysis): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    source: SOURCE,
    message: f.message,
  };
  const doc = ruleDocUri(f.ruleId);
  if (doc) d.codeDescription = { href: doc };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({
      location: { uri: r.uri ?? uri, range: r.range ?? analysis.lineIndex.rangeOf(r) },
      message: r.message,
    }));
  }
  return d;
}

export function toDiagnostics(analysis: Analysis, uri: string): Diagnostic[] {
  return analysis.findings.map((f) => toDiagnostic(f, uri, analysis));
}

export function toDocumentSymbols(analysis: Analysis): DocumentSymbol[] {
  return documentSymbols(analysis.tree, analysis.lineIndex) as DocumentSymbol[];
}

export function toFoldingRanges(analysis: Analysis): FoldingRange[] {
  return foldingRanges(analysis.tree, analysis.lineIndex).map((r) => ({ startLine: r.startLine, endLine: r.endLine, kind: 'region' }));
}
