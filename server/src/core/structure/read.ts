// The structure stage as one step: passages → report tree and meta. The two are settled together:
// the report's year comes from its subtitle or its parts' titles (`2022年工作回顾` → 2023), and the
// parts that name no year get theirs from the report's (`今年…`, an unnamed work plan → 2023). The
// tree is finished here, before any later stage sees it.
import { LineIndex } from '../text/lineIndex';
import { readMeta, type ReportMeta } from './meta';
import { buildOutline, settleYears, type ReportTree } from './outline';
import { parseBlocks } from './parse';
import { buildPassages, type Passage } from './prose';

export function readStructure(passages: Passage[], fileName?: string, folderName?: string): { tree: ReportTree; meta: ReportMeta } {
  const tree = buildOutline(passages);
  const meta = readMeta(passages, partYears(tree), fileName, folderName);
  settleYears(tree, meta.year);
  return { tree, meta };
}

/**
 * A text's tree, meta and line index, as analyze() reads them, and nothing else: what the workspace
 * index keeps of a report nobody has opened (its outline for workspace symbols, its year and
 * government for pairing). May throw where analyze() reports a parse failure.
 */
export function readOutline(text: string, fileName?: string, folderName?: string): { lineIndex: LineIndex; tree: ReportTree; meta: ReportMeta } {
  const lineIndex = new LineIndex(text);
  return { lineIndex, ...readStructure(buildPassages(text, parseBlocks(text, lineIndex)), fileName, folderName) };
}

/** The years the review and plan parts name in their titles (the first of each). */
function partYears(tree: ReportTree): { review?: number; plan?: number } {
  const out: { review?: number; plan?: number } = {};
  for (const p of tree.parts) {
    if (p.year === undefined) continue;
    if (p.partKind === 'review' && out.review === undefined) out.review = p.year;
    if ((p.partKind === 'plan' || p.partKind === 'requirements') && out.plan === undefined) out.plan = p.year;
  }
  return out;
}
