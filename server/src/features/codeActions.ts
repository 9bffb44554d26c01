// Quick fixes and fix-all, from the fixes the rules computed (the same edits `check --fix` applies).
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import { fixAllEdits } from '../core/findings/fixes';
import { format, type Msg } from '../core/l10n';
import type { Finding, Locale, TextEdit } from '../core/types';
import { toDiagnostic } from '../convert';

export const FIX_ALL_KIND = 'source.fixAll.govreport';

const MESSAGES = {
  fixAllRule: { zh: '修复本文全部 {n} 处“{rule}”问题', en: 'Fix all {n} “{rule}” problems in this file' },
  fixAll: { zh: 'GovReport：修复全部可自动修复的问题', en: 'GovReport: fix all auto-fixable problems' },
} satisfies Record<string, Msg>;

export function codeActions(doc: TextDocument, a: Analysis, params: CodeActionParams, locale: Locale): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const toLsp = (edits: TextEdit[]) => ({ changes: { [doc.uri]: edits.map((e) => ({ range: a.lineIndex.rangeOf(e), newText: e.newText })) } });
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const start = doc.offsetAt(params.range.start);
    const end = doc.offsetAt(params.range.end);
    const byRule = new Map<string, Finding[]>();
    for (const f of a.findings) if (f.fix) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
    const offeredAll = new Set<string>();
    for (const f of a.findings) {
      if (!f.fix || f.end < start || f.start > end) continue;
      actions.push({
        title: f.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toDiagnostic(f, doc.uri, a)],
        isPreferred: true,
        edit: toLsp(f.fix.edits),
      });
      const same = byRule.get(f.ruleId) ?? [];
      if (same.length > 1 && !offeredAll.has(f.ruleId)) {
        offeredAll.add(f.ruleId);
        actions.push({
          title: format(MESSAGES.fixAllRule, locale, { n: same.length, rule: f.ruleId }),
          kind: CodeActionKind.QuickFix,
          edit: toLsp(fixAllEdits(same)),
        });
      }
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const edits = fixAllEdits(a.findings);
    if (edits.length) actions.push({ title: format(MESSAGES.fixAll, locale), kind: FIX_ALL_KIND, edit: toLsp(edits) });
  }
  return actions;
}
