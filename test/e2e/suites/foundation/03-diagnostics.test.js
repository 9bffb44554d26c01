// @ts-check
// 3. Diagnostics are pushed on open and are exactly what `govreport check --format json` prints.
'use strict';
const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { LANGUAGE_ID, ROOT, isOurs, cliDiagnostics, docWithLanguage, log, normLspDiagnostic, ourDiagnostics, waitFor, workspaceDir } = require('../helpers');

/** Rule ids as the manifest lists them (generated from the rule registry by `npm run gen`). */
function manifestRuleIds() {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  // The settings come in titled groups (an array); the rules setting is in one of them.
  const groups = [pkg.contributes.configuration].flat();
  const rules = groups.find((g) => g.properties?.['govreport.rules'])?.properties['govreport.rules'];
  return Object.keys(rules?.properties || {});
}

describe('3. diagnostics: the CLI’s findings, code by code and range by range', () => {
  /** @type {string[]} */
  let files;
  /** @type {import('../../oracles/targets').FindingsByFile} */
  let expected;
  before(() => {
    const dir = workspaceDir();
    files = ['xinshi-2023.md', 'xinshi-2024.md'].map((f) => path.join(dir, f));
    // Both files, so each report knows its neighbour year, as the server's workspace index does.
    expected = cliDiagnostics(files);
  });

  for (const name of ['xinshi-2023.md', 'xinshi-2024.md']) {
    it(`${name}: published diagnostics (source govreport) equal the CLI's JSON`, async () => {
      const file = path.join(path.dirname(files[0]), name);
      const doc = await docWithLanguage(file, LANGUAGE_ID);
      const want = expected.get(file).map(normLspDiagnostic);
      // Wait until the server has published for the document (an entry exists, even an empty
      // one) and the published list equals the CLI's; it may first publish without the other
      // year's report, before the workspace index has settled.
      /** @param {unknown} ds */
      const key = (ds) => JSON.stringify(ds);
      /** @type {import('../helpers').LspDiagnostic[] | undefined} */
      let last;
      try {
        await waitFor(
          [vscode.languages.onDidChangeDiagnostics],
          () => {
            last = ourDiagnostics(doc.uri);
            return last !== undefined && key(last) === key(want);
          },
          { what: `diagnostics of ${name} to equal the CLI's` },
        );
      } catch (e) {
        // Show the difference, not just the timeout.
        assert.deepEqual(last, want, /** @type {Error} */ (e).message);
      }
      assert.deepEqual(last, want);
      log(`${name}: ${want.length} diagnostic(s), codes ${JSON.stringify([...new Set(want.map((d) => d.code))])}`);
    });
  }

  it('every diagnostic has the shape of a GovReport finding: code = a rule id, source govreport', () => {
    const ids = manifestRuleIds();
    for (const [uri, list] of vscode.languages.getDiagnostics()) {
      for (const d of list.filter((x) => isOurs(x.source))) {
        const code = typeof d.code === 'object' ? d.code.value : d.code;
        assert.ok(typeof code === 'string', `${uri.fsPath}: code is a string, not ${typeof code}`);
        assert.ok(ids.includes(code), `${uri.fsPath}: ${code} is a rule id of the manifest (${ids.join(', ') || 'none yet'})`);
        assert.ok(d.message.length > 0);
        assert.ok(d.range.start.isBeforeOrEqual(d.range.end));
      }
    }
    // And the CLI's JSON has the same shape (the very objects the server publishes).
    for (const list of expected.values()) {
      for (const d of list) {
        assert.match(String(d.source), /^govreport·(numbers|targets|cleanup)$/);
        assert.ok(typeof d.code === 'string', `code ${d.code} is a string`);
        assert.ok(ids.includes(d.code), `${d.code} is a rule id`);
        assert.ok(d.severity !== undefined && [1, 2, 3, 4].includes(d.severity));
      }
    }
  });
});
