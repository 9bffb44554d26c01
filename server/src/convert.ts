// Core results → LSP shapes. Shared by the server and the CLI, so `govreport check --format
// json` prints exactly the Diagnostic objects the server publishes. Type-only LSP imports keep
// the CLI bundle free of the protocol library.
import type { Diagnostic, DiagnosticSeverity as LspSeverity, DocumentSymbol, FoldingRange, SymbolKind } from 'vscode-languageserver';
import type { Analysis } from './core/analyze';
import { documentSymbols, foldingRanges, type ReportSymbol } from './core/features/symbols';
import type { NodeKind } from './core/structure/outline';
import type { Finding, Severity } from './core/types';
import { ruleDocUri } from './ruleDocs';

export const SOURCE = 'govreport';

const SEVERITY: Record<Severity, LspSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

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

/**
 * Kinds chosen so VS Code's outline and `@:` grouping read naturally: the report is a file,
 * its parts modules, numbered sections classes, subsections structs, bold lead-ins fields,
 * and the 主要预期目标 passage a constant (the numbers the year is measured against).
 * (LSP SymbolKind values; the type import keeps the CLI bundle free of the protocol library.)
 */
const SYMBOL_KIND: Record<NodeKind, SymbolKind> = {
  title: 1 /* File */,
  part: 2 /* Module */,
  section: 5 /* Class */,
  subsection: 23 /* Struct */,
  leadin: 8 /* Field */,
  targets: 14 /* Constant */,
};

export function symbolKindOf(kind: NodeKind): SymbolKind {
  return SYMBOL_KIND[kind];
}

export function toDocumentSymbols(analysis: Analysis): DocumentSymbol[] {
  const convert = (s: ReportSymbol): DocumentSymbol => ({ ...s, kind: SYMBOL_KIND[s.kind], children: s.children.map(convert) });
  return documentSymbols(analysis.tree, analysis.lineIndex).map(convert);
}

export function toFoldingRanges(analysis: Analysis): FoldingRange[] {
  return foldingRanges(analysis.tree, analysis.lineIndex).map((r) => ({ startLine: r.startLine, endLine: r.endLine, kind: 'region' }));
}
