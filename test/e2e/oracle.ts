// The hover text the server should show, computed from the core the way the server does it (the
// other reports of the folder as peers). Run by 03-hover.test.js:
//   node --import tsx test/e2e/experience/hoverOracle.ts FILE LINE CHARACTER LOCALE [PEER_FILE...]
// Prints JSON { value, range } or null.
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../../server/src/core/analyze';
import { describeNumberAt, factAt } from '../../../server/src/core/hover';
import { toPeer } from '../../../server/src/core/peers';
import type { Locale } from '../../../server/src/core/types';

const [file, line, character, locale, ...peerFiles] = process.argv.slice(2);
const options = (p: string) => ({ locale: locale as Locale, fileName: basename(p), folderName: basename(dirname(resolve(p))) });
const peers = peerFiles.map((p) => toPeer(pathToFileURL(resolve(p)).href, analyze(readFileSync(p, 'utf8'), { ...options(p), rules: [] })));
const a = analyze(readFileSync(file, 'utf8'), { ...options(file), peers: () => peers });
const offset = a.lineIndex.offsetAt({ line: +line, character: +character });
const fact = factAt(a.facts, offset);
const value = fact && describeNumberAt(a, offset, peers.filter((p) => p.meta.government === a.meta.government), locale as Locale);
process.stdout.write(JSON.stringify(fact && value ? { value, range: a.lineIndex.rangeOf(fact.span) } : null) + '\n');
