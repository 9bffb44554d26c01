// Fixture reports carry their expectations inline, in HTML comments, so they stay valid reports:
//   新增高新技术企业 53 家 <!-- expect: total-mismatch -->
//   …<!-- expect: digit-spacing, digit-spacing -->          (two findings on this line)
// A fixture may set options in a comment of its own:
//   <!-- fixture: {"rules": ["rule-a", "rule-b"], "peers": ["last-year.peer.md"], "config": {…}, "fileName": "x-2024.md"} -->
// By default only the rule named by the fixture's folder is checked. Files ending in .peer.md
// are other years' reports for cross-document rules, and .fixed.md the text after fix-all: not
// fixtures of their own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { analyze, type AnalyzeOptions } from '../../server/src/core/analyze';
import type { GovReportConfig } from '../../server/src/core/config';
import { toPeer, type PeerReport } from '../../server/src/core/peers';

export const FIXTURE_ROOT = join(__dirname, '..', 'fixtures', 'rules');

export interface Expectation {
  rule: string;
  line: number; // 0-based
}

export interface FixtureOptions {
  rules?: string[] | 'all';
  peers?: string[];
  config?: Partial<GovReportConfig>;
  fileName?: string;
}

export interface Fixture {
  path: string;
  name: string;
  text: string;
  options: FixtureOptions;
  rules: string[] | 'all';
  expected: Expectation[];
}

const EXPECT = /<!--\s*expect:\s*([^>]*?)\s*-->/g;
const OPTIONS = /<!--\s*fixture:\s*(\{[^]*?\})\s*-->/;

export function listFixtures(root = FIXTURE_ROOT): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const p = join(dir, entry);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.md') && !p.endsWith('.peer.md') && !p.endsWith('.fixed.md')) out.push(p);
    }
  };
  walk(root);
  return out;
}

export function loadFixture(path: string): Fixture {
  const text = readFileSync(path, 'utf8');
  const opt = OPTIONS.exec(text);
  const options: FixtureOptions = opt ? JSON.parse(opt[1]) : {};
  const expected: Expectation[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    EXPECT.lastIndex = 0;
    for (let m = EXPECT.exec(line); m; m = EXPECT.exec(line)) {
      for (const id of m[1].split(/[\s,]+/).filter(Boolean)) expected.push({ rule: id, line: i });
    }
  });
  const folder = basename(dirname(path));
  return {
    path,
    name: relative(FIXTURE_ROOT, path),
    text,
    options,
    rules: options.rules ?? [folder],
    expected,
  };
}

export function peersOf(fixture: Fixture): PeerReport[] {
  return (fixture.options.peers ?? []).map((p) => {
    const file = join(dirname(fixture.path), p);
    const text = readFileSync(file, 'utf8');
    return toPeer(`file://${file}`, analyze(text, { fileName: basename(file) }));
  });
}

export function runFixture(fixture: Fixture, extra: AnalyzeOptions = {}) {
  const analysis = analyze(fixture.text, {
    fileName: fixture.options.fileName ?? basename(fixture.path),
    config: fixture.options.config,
    peers: peersOf(fixture),
    ...extra,
  });
  const checked = analysis.findings.filter((f) => fixture.rules === 'all' || fixture.rules.includes(f.ruleId));
  return { analysis, findings: checked };
}

/** Sorted "rule@line" strings (1-based lines, as an editor shows them) for readable diffs. */
export function keys(items: { rule: string; line: number }[]): string[] {
  return items.map((e) => `${e.rule}@${e.line + 1}`).sort();
}
