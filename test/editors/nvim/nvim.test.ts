// A second real LSP client: headless Neovim 0.7.2 (vim.lsp.start_client) against
// `node dist/server.js --stdio`, the sample report opened with filetype `markdown` (so the server
// sees languageId `markdown`, not VS Code's `govreport`). Keeps the server honest to the protocol,
// not to VS Code's client. Requires `npm run build` and Neovim (test/e2e/harness/setup-editors.sh).
//
//   node --import tsx --test --test-reporter=spec test/editors/nvim/nvim.test.ts    (npm run test:nvim)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');
const SERVER_JS = join(ROOT, 'dist', 'server.js');
const CLI_JS = join(ROOT, 'dist', 'cli.js');
const { runNvim } = createRequire(__filename)(join(__dirname, 'run-nvim.js')) as {
  runNvim: (file: string, server: string, options?: Record<string, unknown>) => Promise<NvimResult>;
};

interface Pos {
  line: number;
  character: number;
}
interface Range {
  start: Pos;
  end: Pos;
}
interface NvimSymbol {
  name: string;
  detail: string | null;
  kind: number;
  range: Range;
  children: NvimSymbol[];
}
interface NvimDiagnostic {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  code: string | number | null;
  severity: number | null;
  message: string;
  source: string | null;
}
interface NvimResult {
  diagnostics: NvimDiagnostic[];
  symbols: NvimSymbol[];
}
interface LspSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: Range;
  children?: LspSymbol[];
}
interface LspDiagnostic {
  range: Range;
  code?: string | number;
  severity?: number;
  message: string;
  source?: string;
}

/** `node dist/cli.js ARGS`, stdout parsed as JSON (exit 1 = error-level findings, still a report). */
function cli<T>(args: string[]): T {
  try {
    return JSON.parse(execFileSync(process.execPath, [CLI_JS, ...args], { encoding: 'utf8' })) as T;
  } catch (e) {
    const err = e as { status?: number; stdout?: string };
    if (err.status === 1 && err.stdout) return JSON.parse(err.stdout) as T;
    throw e;
  }
}

const shape = (s: LspSymbol): unknown => ({ name: s.name, detail: s.detail ?? null, kind: s.kind, range: s.range, children: (s.children ?? []).map(shape) });
const tree = (s: NvimSymbol): unknown => ({ name: s.name, detail: s.detail, kind: s.kind, range: s.range, children: s.children.map(tree) });
const asNvim = (d: LspDiagnostic): NvimDiagnostic => ({
  line: d.range.start.line,
  character: d.range.start.character,
  endLine: d.range.end.line,
  endCharacter: d.range.end.character,
  code: d.code ?? null,
  severity: d.severity ?? null,
  message: d.message,
  source: d.source ?? null,
});

describe('Neovim 0.7.2 as the LSP client (stdio, languageId markdown)', () => {
  let dir: string;
  let file: string;
  let result: NvimResult;
  let ms: number;
  before(async () => {
    // A folder with only the sample, so the server's workspace index and the CLI see the same reports.
    dir = mkdtempSync(join(tmpdir(), 'govreport-nvim-'));
    file = join(dir, 'xinshi-2023.md');
    copyFileSync(join(ROOT, 'examples', 'xinshi-2023.md'), file);
    const t0 = Date.now();
    result = await runNvim(file, SERVER_JS, { rootDir: dir, languageId: 'markdown', timeoutMs: 15000 });
    ms = Date.now() - t0;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('document symbols: the logical outline (title → two parts → sections), 着力 marked', () => {
    const [title, ...rest] = result.symbols;
    assert.equal(rest.length, 0, 'one root');
    assert.deepEqual([title.name, title.kind, title.range.start.line, title.range.end.line], ['政府工作报告', 1, 2, 186]);
    assert.deepEqual(
      title.children.map((p) => [p.name, p.kind, p.range.start.line, p.range.end.line]),
      [
        ['2022年工作回顾', 2, 14, 72],
        ['2023年主要工作', 2, 74, 186],
      ],
    );
    assert.deepEqual(
      title.children[0].children.map((s) => s.name),
      ['一、经济发展取得新成效', '二、发展动力活力不断增强', '三、城区功能品质持续优化', '四、群众获得感更加充实'],
    );
    const plan = title.children[1].children;
    assert.deepEqual(
      plan.map((s) => [s.name.slice(0, 6), s.kind, s.detail]),
      [
        ['2023年政', 8, ''],
        ['一、深入学习', 5, ''],
        ['二、着力维护', 5, '着力'],
        ['三、着力构建', 5, '着力'],
        ['四、着力增强', 5, '着力'],
        ['五、着力加强', 5, '着力'],
        ['六、着力保障', 5, '着力'],
        ['七、着力加强', 5, '着力'],
      ],
    );
    assert.equal(plan[3].children[0].name, '以更优服务提升营商环境');
  });

  test('document symbols equal `govreport outline --format json`, node for node', () => {
    const expected = cli<LspSymbol[]>(['outline', file, '--format', 'json']);
    assert.deepEqual(result.symbols.map(tree), expected.map(shape));
  });

  test('published diagnostics equal `govreport check --format json` (codes, ranges, severities, messages)', () => {
    const report = cli<{ files: { path: string; diagnostics: LspDiagnostic[] }[] }>(['check', file, '--format', 'json']);
    assert.equal(report.files.length, 1);
    const expected = report.files[0].diagnostics.map(asNvim);
    assert.deepEqual(result.diagnostics, expected);
    for (const d of result.diagnostics) {
      assert.match(d.source ?? '', /^govreport·(数字|目标|清理)$/);
      assert.equal(typeof d.code, 'string');
    }
    console.log(`# neovim: ${result.diagnostics.length} diagnostics, ${JSON.stringify([...new Set(result.diagnostics.map((d) => d.code))])}; run ${ms} ms`);
  });
});
