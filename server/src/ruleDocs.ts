// Where each rule's page is: docs/rules/<id>.md inside the installed extension (or the checkout).
// The registry names the page (core/rules/index.ts ruleDocPath); this finds the folder on disk.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocPath } from './core/rules/index';

let root: string | undefined;
/** The installed extension's (or the checkout's) root: the folder with package.json and docs/rules. */
function packageRoot(): string {
  if (root) return root;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'docs', 'rules'))) return (root = dir);
    dir = dirname(dir);
  }
  return (root = dirname(__dirname));
}

const docUris = new Map<string, string | undefined>();
/** The rule's page as a file URI, looked up once per rule; undefined when it is not shipped. */
export function ruleDocUri(ruleId: string): string | undefined {
  if (!docUris.has(ruleId)) {
    const file = join(packageRoot(), ruleDocPath(ruleId));
    docUris.set(ruleId, existsSync(file) ? pathToFileURL(file).href : undefined);
  }
  return docUris.get(ruleId);
}
