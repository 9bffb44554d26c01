// What the server should answer, computed from the core the way the server does it, for the
// real-editor checks that have no CLI counterpart (the hover text). Run from the repo root:
//
//   node --import tsx test/e2e/oracles/hover.ts hover FILE LINE CHARACTER LOCALE [PEER_FILE...]
//       → JSON { value, range } of the hover at that place (the peers as the other years' reports), or null
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../../server/src/core/analyze';
import { describeNumberAt, factAt } from '../../../server/src/core/features/hover';
import { toPeer } from '../../../server/src/core/peers';
import type { Locale } from '../../../server/src/core/types';

const [command, file, ...rest] = process.argv.slice(2);
const options = (p: string, locale: Locale) => ({ locale, fileName: basename(p), folderName: basename(dirname(resolve(p))) });
let out: unknown;
if (command === 'hover') {
  const [line, character, locale, ...peerFiles] = rest as [string, string, Locale, ...string[]];
  const peers = peerFiles.map((p) => toPeer(pathToFileURL(resolve(p)).href, analyze(readFileSync(p, 'utf8'), { ...options(p, locale), rules: [] })));
  const a = analyze(readFileSync(file, 'utf8'), { ...options(file, locale), peers: () => peers });
  const offset = a.lineIndex.offsetAt({ line: +line, character: +character });
  const fact = factAt(a.facts, offset);
  const mine = peers.filter((p) => p.meta.government === a.meta.government);
  const value = fact && describeNumberAt(a, offset, mine, locale, undefined, pathToFileURL(resolve(file)).href);
  out = fact && value ? { value, range: a.lineIndex.rangeOf(fact.span) } : null;
} else {
  process.stderr.write('usage: hover.ts hover FILE LINE CHARACTER LOCALE [PEER...]\n');
  process.exit(2);
}
process.stdout.write(JSON.stringify(out) + '\n');
