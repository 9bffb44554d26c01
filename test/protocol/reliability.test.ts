// The server under the inputs an adversarial tester sends: the lifecycle the spec states,
// a broken stream, cancelled requests, stale versions, floods of findings, bursts of edits,
// config files above the workspace. Every outcome is exact. Requires `npm run build`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/core/analyze';
import { readSample } from '../support/corpus';
import { LspClient, SERVER_JS, type PublishedDiagnostics } from '../support/lspClient';
import { fixAllEdits } from '../../server/src/core/findings/fixes';

const sample = readSample();

describe('the lifecycle', () => {
  test('a request before initialize is answered ServerNotInitialized (-32002); initialize then works', async () => {
    const c = new LspClient();
    try {
      await assert.rejects(c.request('textDocument/documentSymbol', { textDocument: { uri: 'untitled:x' } }), (e: { code: number }) => e.code === -32002);
      const r = await c.initialize();
      assert.equal(r.capabilities.hoverProvider, true);
      await assert.rejects(c.request('initialize', { processId: null, rootUri: null, capabilities: {} }), (e: { code: number }) => e.code === -32600);
    } finally {
      await c.shutdown();
    }
  });

  test('after shutdown a request is answered InvalidRequest (-32600) and exit ends the process with 0', async () => {
    const c = new LspClient();
    await c.initialize();
    await c.request('shutdown', null);
    await assert.rejects(
      c.request('workspace/symbol', { query: '' }),
      (e: { code: number; message: string }) => e.code === -32600 && /after shutdown/.test(e.message),
    );
    const exited = new Promise<number | null>((r) => c.process.on('exit', (code) => r(code)));
    await c.connection.sendNotification('exit');
    assert.equal(await exited, 0);
    c.connection.dispose();
  });

  test('a Content-Length that does not match the body: one line on stderr, exit status 1', async () => {
    const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    // Ten bytes short: the JSON is cut, and what follows would be read as headers.
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body) - 10}\r\n\r\n${body}`);
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    assert.equal(code, 1);
    assert.match(stderr, /^govreport: unreadable message from the client \(.+\); exiting so that the client restarts the server$/m);
  });

  test('a request cancelled before it runs is answered RequestCancelled (-32800); the next one is answered', async () => {
    // Raw frames, the request and its cancellation in one write, as a busy editor sends them.
    const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const frame = (m: object) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...m });
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    let out = '';
    const responses = new Map<number, { error?: { code: number }; result?: unknown }>();
    const waiting = new Map<number, () => void>();
    child.stdout.on('data', (d) => {
      out += String(d);
      for (const m of out.matchAll(/\{"jsonrpc":"2\.0","id":(\d+),("result"|"error")/g)) {
        const id = Number(m[1]);
        if (responses.has(id)) continue;
        const start = m.index!;
        // The body runs to the next frame header or the end.
        const next = out.indexOf('Content-Length:', start);
        try {
          responses.set(id, JSON.parse(out.slice(start, next < 0 ? undefined : next)));
          waiting.get(id)?.();
        } catch {
          /* not complete yet */
        }
      }
    });
    const response = (id: number) =>
      new Promise<{ error?: { code: number }; result?: unknown }>((r) =>
        responses.has(id) ? r(responses.get(id)!) : waiting.set(id, () => r(responses.get(id)!)),
      );
    try {
      const uri = 'untitled:cancel.md';
      child.stdin.write(frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
      await response(1);
      child.stdin.write(
        frame({ method: 'initialized', params: {} }) +
          frame({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text: sample } } }),
      );
      const hover = { textDocument: { uri }, position: { line: 34, character: 92 } };
      child.stdin.write(frame({ id: 2, method: 'textDocument/hover', params: hover }) + frame({ method: '$/cancelRequest', params: { id: 2 } }));
      assert.equal((await response(2)).error?.code, -32800);
      child.stdin.write(frame({ id: 3, method: 'textDocument/hover', params: hover }));
      const answered = await response(3);
      assert.equal(answered.error, undefined);
      assert.equal((answered.result as { contents: { kind: string } }).contents.kind, 'markdown');
    } finally {
      child.kill();
    }
  });
});

describe('analyses follow the text, not only the version', () => {
  let c: LspClient;
  before(async () => {
    c = new LspClient();
    await c.initialize();
  });
  after(() => c.shutdown());

  const first = '# 政府工作报告\n\n## 2022年工作回顾\n\n营业收入达到 1253 亿元。\n';
  const second = '# 政府工作报告\n\n## 2022年工作回顾\n\n全年新增企业 53 家,总数 216 家。\n';
  const fixAll = (uri: string) =>
    c.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.govreport'] },
    });

  /** What a fresh analysis of `text` publishes and fixes: `rule@line:character` and the fix-all edits. */
  const fresh = (text: string) => {
    const a = analyze(text, { fileName: 'x.md' });
    return {
      codes: a.findings.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`),
      edits: fixAllEdits(a.findings).map((e) => `${a.lineIndex.positionAt(e.start).character}:${JSON.stringify(e.newText)}`),
    };
  };
  const published = (d: PublishedDiagnostics) => d.diagnostics.map((x) => `${x.code}@${x.range.start.line}:${x.range.start.character}`);
  const editsOf = (action: { edit: { changes: Record<string, { range: { start: { character: number } }; newText: string }[]> } }, uri: string) =>
    action.edit.changes[uri].map((e) => `${e.range.start.character}:${JSON.stringify(e.newText)}`);

  test('a second didOpen without a close, same version: diagnostics and fix-all are of the new text', async () => {
    const uri = 'untitled:reopen.md';
    c.open(uri, first, 'markdown', 1);
    assert.deepEqual(published(await c.diagnostics(uri, 1)), fresh(first).codes);
    c.open(uri, second, 'markdown', 1);
    const want = fresh(second);
    assert.notDeepEqual(want.codes, fresh(first).codes);
    const d2 = await c.waitDiagnostics(uri, (p) => p.diagnostics.length === want.codes.length);
    assert.deepEqual(published(d2), want.codes);
    const [action] = await fixAll(uri);
    assert.deepEqual(editsOf(action, uri), want.edits);
  });

  test('a didChange that reuses the version number is analysed afresh', async () => {
    const uri = 'untitled:reuse.md';
    c.open(uri, first, 'markdown', 3);
    await c.diagnostics(uri, 3);
    c.change(uri, 3, [{ text: second }]);
    const want = fresh(second);
    const d = await c.waitDiagnostics(uri, (p) => p.diagnostics.length === want.codes.length);
    assert.equal(d.version, 3);
    assert.deepEqual(published(d), want.codes);
    const [action] = await fixAll(uri);
    assert.deepEqual(editsOf(action, uri), want.edits);
  });
});

describe('volume', () => {
  let c: LspClient;
  before(async () => {
    c = new LspClient();
    await c.initialize(undefined, { locale: 'en' });
  });
  after(() => c.shutdown());

  test('3,000 unbalanced brackets publish 1,000 diagnostics and one notice saying so', async () => {
    const uri = 'untitled:brackets.md';
    // 200 KB of `（` makes 200,000; 3,000 show the cap as well, in a tenth of the time.
    const text = '# 政府工作报告\n\n' + '（'.repeat(3000) + '\n';
    c.open(uri, text, 'markdown', 1);
    const d = await c.diagnostics(uri, 1);
    const total = analyze(text, { locale: 'en' }).findings.length;
    assert.ok(total >= 3000, `${total} findings`);
    assert.equal(d.diagnostics.length, 1001);
    assert.equal(d.diagnostics[0].code, 'too-many-problems');
    assert.equal(
      d.diagnostics[0].message,
      `GovReport: this text has ${total} problems; 1000 are shown (errors and warnings first, then by position). govreport check lists them all.`,
    );
  });

  test('a burst of 50 keystrokes: the newest version is analysed and published, not each one', async () => {
    const uri = 'untitled:burst.md';
    const big = sample.repeat(3);
    c.open(uri, big, 'markdown', 1);
    await c.diagnostics(uri, 1);
    const before = (await c.request('govreport/debug/memory', {})).analyses as number;
    const versions: number[] = [];
    // Every publication for the document passes the predicate until version 51's.
    const done = c.waitDiagnostics(uri, (p) => {
      if (p.version !== 1) versions.push(p.version!);
      return p.version === 51;
    });
    let text = big;
    for (let v = 2; v <= 51; v++) {
      const at = { line: 40, character: 3 };
      c.change(uri, v, [{ range: { start: at, end: at }, text: '，' }]);
      const lines = text.split('\n');
      lines[40] = lines[40].slice(0, 3) + '，' + lines[40].slice(3);
      text = lines.join('\n');
    }
    const last = await done;
    const after = (await c.request('govreport/debug/memory', {})).analyses as number;
    assert.ok(after - before <= 3, `${after - before} analyses for 50 changes`);
    assert.ok(versions.length <= 3 && versions[versions.length - 1] === 51, `published versions ${versions.join(',')}`);
    assert.equal(last.diagnostics.length, analyze(text, { locale: 'en', fileName: 'burst.md' }).findings.length);
  });

  test('an edit re-reads one passage: the server hands each analysis its document’s last one', async () => {
    const uri = 'untitled:reuse.md';
    c.open(uri, sample, 'markdown', 1);
    await c.diagnostics(uri, 1);
    const opened = await c.request('govreport/debug/memory', {});
    const passages = analyze(sample, { rules: [] }).passages.length;
    assert.deepEqual([opened.lastPassages, opened.lastReused], [passages, 0]);
    const line = sample.split('\n').findIndex((l) => l.includes('新增高新技术企业'));
    const at = { line, character: 3 };
    c.change(uri, 2, [{ range: { start: at, end: at }, text: '，' }]);
    await c.diagnostics(uri, 2);
    const edited = await c.request('govreport/debug/memory', {});
    assert.deepEqual([edited.lastPassages, edited.lastReused], [passages, passages - 1]);
  });
});

describe('a .govreport.json above the workspace', () => {
  let dir: string;
  before(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'govreport-above-')));
    mkdirSync(join(dir, 'ws'));
    writeFileSync(join(dir, '.govreport.json'), JSON.stringify({ rules: { 'digit-spacing': 'off' } }));
    writeFileSync(join(dir, 'ws', 'xinshi-2023.md'), sample);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const allowed of [false, true]) {
    test(allowed ? 'is used when govreport.configAboveWorkspace allows it' : 'is ignored, and the status says which file applies', async () => {
      const c = new LspClient();
      c.settings = { configAboveWorkspace: allowed };
      try {
        await c.initialize(join(dir, 'ws'));
        // Settings read and the workspace indexed first (the log line says so).
        while (!c.logs.some((l) => /^indexed \d+ report/.test(l))) await new Promise((r) => setTimeout(r, 10));
        const uri = pathToFileURL(join(dir, 'ws', 'xinshi-2023.md')).href;
        c.open(uri, sample, 'markdown', 1);
        const d = await c.waitDiagnostics(uri, () => true);
        const spacing = d.diagnostics.filter((x) => x.code === 'digit-spacing').length;
        const info = await c.request('govreport/reportInfo', { uri });
        if (allowed) {
          assert.equal(spacing, 0);
          assert.equal(info.configFile, join(dir, '.govreport.json'));
          assert.equal(info.ignoredConfigFile, undefined);
        } else {
          assert.ok(spacing > 10, `${spacing} digit-spacing findings`);
          assert.equal(info.configFile, undefined);
          assert.equal(info.ignoredConfigFile, join(dir, '.govreport.json'));
          assert.ok(c.logs.some((l) => l.includes(`${join(dir, '.govreport.json')}: above the workspace folder`)));
        }
        assert.equal(info.yearSource, 'subtitle');
        assert.equal(info.governmentSource, 'speaker');
      } finally {
        await c.shutdown();
      }
    });
  }
});

describe('a workspace being indexed', () => {
  let dir: string;
  before(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'govreport-indexing-')));
    for (let i = 0; i < 400; i++) writeFileSync(join(dir, `r-${i}.md`), sample);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a request sent while the index is built is answered within 20 files of it', async () => {
    // The index reports its progress every 20 files: a request answered with at most one such
    // report between its sending and its answer waited for at most 20 files. Counting reports,
    // not milliseconds, keeps the test exact on a busy machine. (The walk's reports carry no
    // percentage; requests during the walk are not counted.)
    const c = new LspClient();
    let reports = 0;
    let ended = false;
    c.connection.onNotification('$/progress', (p: { value: { kind: string; percentage?: number } }) => {
      if (p.value.kind === 'report' && p.value.percentage !== undefined) reports++;
      if (p.value.kind === 'end') ended = true;
    });
    try {
      await c.initialize(dir);
      const waited: number[] = [];
      const unopened = { textDocument: { uri: pathToFileURL(join(dir, 'none.md')).href } };
      while (!ended) {
        const at = reports;
        assert.equal(await c.request('textDocument/documentSymbol', unopened), null);
        if (at > 0 && !ended) waited.push(reports - at);
      }
      assert.ok(waited.length >= 5, `${waited.length} requests answered while indexing`);
      waited.sort((a, b) => a - b);
      // Yielding only every 20 files, the requests waited for 2 to 5 reports.
      assert.ok(waited[waited.length - 1] <= 1, `reports waited: ${waited.join(' ')}`);
      assert.equal((await c.request('govreport/debug/memory', {})).reports, 400);
    } finally {
      await c.shutdown();
    }
  });
});
