// Quick fixes and fix-all, from the fixes the rules computed (the same edits `check --fix` applies);
// for every finding also the suppression comment for its line and the rule's page.
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import { fixAllEdits } from '../core/findings/fixes';
import { format, type Msg } from '../core/l10n';
import { ruleById } from '../core/rules/index';
import type { Finding, Locale, TextEdit } from '../core/types';
import { toDiagnostic } from '../convert';

export const FIX_ALL_KIND = 'source.fixAll.govreport';
/** The client command that opens a rule's page read-only (client/src/extension.ts registers it). */
export const OPEN_RULE_DOC = 'govreport.openRuleDoc';

const MESSAGES = {
  // The rule's name, never its id, inside a Chinese sentence: `修复本文全部31处“中文标点应为全角”问题`.
  fixAllRule: { zh: '修复本文全部{n}处“{rule}”问题', en: 'Fix all {n} “{rule}” problems in this file' },
  fixAll: { zh: 'GovReport：修复全部可自动修复的问题', en: 'GovReport: fix all auto-fixable problems' },
  disableLine: { zh: '在此行禁用“{rule}”', en: 'Disable “{rule}” for this line' },
  ruleDoc: { zh: '查看规则说明：{rule}', en: 'Show the rule’s page: {rule}' },
} satisfies Record<string, Msg>;

export function codeActions(doc: TextDocument, a: Analysis, params: CodeActionParams, locale: Locale): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const toLsp = (edits: TextEdit[]) => ({ changes: { [doc.uri]: edits.map((e) => ({ range: a.lineIndex.rangeOf(e), newText: e.newText })) } });
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const start = doc.offsetAt(params.range.start);
    const end = doc.offsetAt(params.range.end);
    const here = a.findings.filter((f) => !(f.end < start || f.start > end));
    const byRule = new Map<string, Finding[]>();
    // Pushed, never copied: 40,000 findings of one rule copied one by one cost 13.7 s a cursor move.
    if (here.some((f) => f.fix)) {
      for (const f of a.findings) {
        if (!f.fix) continue;
        const list = byRule.get(f.ruleId);
        if (list) list.push(f);
        else byRule.set(f.ruleId, [f]);
      }
    }
    const offeredAll = new Set<string>();
    for (const f of here) {
      if (!f.fix) continue;
      actions.push({
        title: f.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toDiagnostic(f, doc.uri, a, locale)],
        isPreferred: true,
        edit: toLsp(f.fix.edits),
      });
      const same = byRule.get(f.ruleId) ?? [];
      if (same.length > 1 && !offeredAll.has(f.ruleId)) {
        offeredAll.add(f.ruleId);
        actions.push({
          title: format(MESSAGES.fixAllRule, locale, { n: same.length, rule: ruleName(f.ruleId, locale) }),
          kind: CodeActionKind.QuickFix,
          edit: toLsp(fixAllEdits(same)),
        });
      }
    }
    // After the fixes: silence a rule on this line, or read why it fired. One of each per rule.
    const offered = new Set<string>();
    for (const f of here) {
      if (offered.has(f.ruleId) || !ruleById(f.ruleId)) continue;
      offered.add(f.ruleId);
      const disable = disableLineEdit(a, f);
      if (disable) {
        // No `diagnostics`: editors list the actions tied to a diagnostic first, and this comes after the fixes.
        actions.push({
          title: format(MESSAGES.disableLine, locale, { rule: ruleName(f.ruleId, locale) }),
          kind: CodeActionKind.QuickFix,
          edit: toLsp([disable]),
        });
      }
      const title = format(MESSAGES.ruleDoc, locale, { rule: ruleName(f.ruleId, locale) });
      actions.push({ title, kind: CodeActionKind.QuickFix, command: { title, command: OPEN_RULE_DOC, arguments: [f.ruleId] } });
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const edits = fixAllEdits(a.findings);
    if (edits.length) actions.push({ title: format(MESSAGES.fixAll, locale), kind: FIX_ALL_KIND, edit: toLsp(edits) });
  }
  return actions;
}

/** The rule's name in the user's language (`中文标点应为全角`), as the settings and the docs call it. */
function ruleName(ruleId: string, locale: Locale): string {
  const rule = ruleById(ruleId);
  return rule ? format(rule.title, locale) : ruleId;
}

/**
 * `<!-- govreport-disable-line <rule> -->` at the end of the finding's first line, which is the line
 * findings/suppress.ts checks. An inline comment changes neither the rendered report nor its
 * paragraphs (a comment on a line of its own would end the paragraph there). None on a blank
 * line: a comment there would join the two paragraphs' neighbourhood into an HTML block.
 */
function disableLineEdit(a: Analysis, f: Finding): TextEdit | undefined {
  const line = f.range.start.line;
  if (a.lineIndex.lineText(line).trim() === '') return undefined;
  const at = a.lineIndex.lineEnd(line);
  return { start: at, end: at, newText: ` <!-- govreport-disable-line ${f.ruleId} -->` };
}
