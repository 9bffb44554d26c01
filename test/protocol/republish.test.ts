// Two adjacent years open together: each one's analysis feeds the other's (targets, last year's
// figures), and an edit re-checks the other. A re-check made because the peer changed must not
// re-check the peer again: the two would otherwise re-analyse and republish each other for ever
// (a hot loop that starved every request in the editor).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, readSample } from '../support/corpus';
import { LspClient } from '../support/lspClient';

test('two adjacent reports open: a bounded number of publishes, none while nothing changes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-republish-'));
  const client = new LspClient();
  try {
    const files = {
      'xinshi-2023.md': readSample(),
      'xinshi-2024.md': readFileSync(join(REPO_ROOT, 'examples', 'xinshi-2024.md'), 'utf8'),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    await client.initialize(dir, { locale: 'zh-cn' });
    const uris = Object.keys(files).map((name) => pathToFileURL(join(dir, name)).href);
    Object.values(files).forEach((text, i) => client.open(uris[i], text, 'markdown', 1));
    await Promise.all(uris.map((u) => client.diagnostics(u, 1)));
    // Let the index settle, then ask what the editor asks all the time; nothing may be republished.
    await client.request('govreport/reportInfo', { uri: uris[0] });
    await new Promise((r) => setTimeout(r, 500));
    const settled = client.published;
    assert.ok(settled <= 8, `opening two reports publishes a few times, not ${settled}`);
    for (let i = 0; i < 5; i++) {
      await client.request('govreport/targets', { uri: uris[0] });
      await client.request('govreport/reportInfo', { uri: uris[1] });
      await client.request('textDocument/codeLens', { textDocument: { uri: uris[0] } });
    }
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(client.published, settled, 'no publish while nothing changes');
  } finally {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
});
