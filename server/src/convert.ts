// Core results → LSP shapes. Shared by the server and the CLI, so `govreport check --format
// json` prints exactly the Diagnostic objects the server publishes. Type-only LSP imports keep
// the CLI bundle free of the protocol library.
import type { Diagnostic, DiagnosticSeverity as LspSeverity, DocumentSymbol, FoldingRange, SymbolKind } from 'vscode-languageserver';
import type { Analysis } from './core/analyze';
import { documentSymbols, foldingRanges, type ReportSymbol } from './core/features/symbols';
import type { NodeKind } from './core/structure/outline';
import { ruleById } from './core/rules/index';
import type { RuleCategory } from './core/rules/rule';
import type { Finding, Locale, Severity } from './core/types';
import { ruleDocUri } from './ruleDocs';
import { CATEGORY_SOURCES, SOURCE, type SourceCategory } from '../../shared/categories';

export { SOURCE };

/**
 * The diagnostic's `source` names the rule's category, so Problems can be read and filtered
 * without knowing rule ids (`govreport·目标` among `govreport·清理`). The structure rules
 * (heading levels, page breaks, ordinals) repair conversion damage: they are clean-up.
 */
const CATEGORY: Record<RuleCategory, SourceCategory> = { numbers: 'numbers', targets: 'targets', structure: 'cleanup', typography: 'cleanup' };

/** `govreport·数字` for a number rule's finding; plain `govreport` for the analyser's own notices. */
export function sourceOf(ruleId: string, locale: Locale = 'zh'): string {
  const category = ruleById(ruleId)?.category;
  return category ? CATEGORY_SOURCES[CATEGORY[category]][locale] : SOURCE;
}

const SEVERITY: Record<Severity, LspSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

export function toDiagnostic(f: Finding, uri: string, analysis: Analysis, locale: Locale = 'zh'): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    source: sourceOf(f.ruleId, locale),
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

export function toDiagnostics(analysis: Analysis, uri: string, locale: Locale = 'zh'): Diagnostic[] {
  return analysis.findings.map((f) => toDiagnostic(f, uri, analysis, locale));
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
