// Renders findings as compact golden text: one finding a line, 1-based positions as an editor shows them.
export interface GoldenFinding {
  rule: string;
  severity: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
  message: string;
  related?: { message: string; uri?: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
  fix?: { title: string; edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] };
}
const pos = (p: { line: number; character: number }) => `${p.line + 1}:${p.character + 1}`;
const span = (r: GoldenFinding['range']) => `${pos(r.start)}-${pos(r.end)}`;
const oneLine = (s: string) => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
export function renderGolden(findings: GoldenFinding[]): string {
  const out: string[] = [];
  for (const f of findings) {
    out.push(`${span(f.range)} ${f.rule} ${f.severity} ${JSON.stringify(f.text)} ${oneLine(f.message)}`);
    for (const r of f.related ?? []) out.push(`  related ${span(r.range)}${r.uri ? ` ${r.uri}` : ''} ${oneLine(r.message)}`);
    if (f.fix) out.push(`  fix ${oneLine(f.fix.title)}: ${f.fix.edits.map((e) => `${span(e.range)} → ${JSON.stringify(e.newText)}`).join(', ')}`);
  }
  return out.length ? out.join('\n') + '\n' : '';
}
