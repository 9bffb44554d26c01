// Every report in the workspace folders, as a compact summary (year, government, flat symbols):
// enough for workspace symbols and for pairing reports across years, small enough for a
// thousand reports. Full analyses of other reports (peers) are made on demand and kept in a
// small LRU, so memory does not grow with the workspace.
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyze, type Analysis } from './core/analyze';
import type { GovReportConfig } from './core/config';
import { looksLikeReport } from '../../shared/reportDetection';
import type { ReportMeta } from './core/structure/meta';
import type { OutlineNode } from './core/structure/outline';
import { toPeer, type PeerReport } from './core/peers';
import type { Locale, Range } from './core/types';
import { HAN_RE } from './core/text/chars';
import { symbolKindOf } from './convert';
import { readText } from './io';

export interface IndexedSymbol {
  name: string;
  kind: number;
  containerName: string;
  range: Range;
}

export interface IndexEntry {
  uri: string;
  meta: ReportMeta;
  symbols: IndexedSymbol[];
  /** Document version when the entry came from an open document; undefined from disk. */
  version?: number;
  /** Disk modification time when read from disk. */
  mtimeMs?: number;
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test', '.hg', '.svn']);
const MAX_FILE_BYTES = 50 * 1024 * 1024;
const PEER_CACHE_SIZE = 16;

export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** Flat symbols for workspace search; the container names the report and its year. */
function summarize(uri: string, a: Analysis, version?: number, mtimeMs?: number): IndexEntry {
  const symbols: IndexedSymbol[] = [];
  const label = reportLabel(a.meta, uri);
  const walk = (n: OutlineNode, container: string) => {
    symbols.push({ name: n.name, kind: symbolKindOf(n.kind), containerName: container, range: a.lineIndex.rangeOf(n.span) });
    const inner = n.kind === 'title' ? label : `${label} · ${n.name}`;
    for (const c of n.children) walk(c, inner);
  };
  for (const r of a.tree.roots) walk(r, label);
  return { uri, meta: a.meta, symbols, version, mtimeMs };
}

function reportLabel(meta: ReportMeta, uri: string): string {
  const year = meta.year !== undefined ? `${meta.year}年` : '';
  const gov = meta.government ?? '';
  const label = [year, gov].filter(Boolean).join(' ');
  return label || basename(uriToPath(uri) ?? uri);
}

export class WorkspaceIndex {
  readonly entries = new Map<string, IndexEntry>();
  private readonly peers = new Map<string, { stamp: string; peer: PeerReport }>();

  constructor(
    private readonly configFor: (path: string | undefined) => GovReportConfig,
    private readonly locale: () => Locale,
    private readonly log: (message: string) => void,
  ) {}

  /** Report files under the folders (Markdown files that look like a report). */
  listMarkdownFiles(folders: string[]): string[] {
    const out: string[] = [];
    const walk = (dir: string, depth: number) => {
      if (depth > 12) return;
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      for (const name of names) {
        if (name.startsWith('.') && name !== '.') continue;
        const p = join(dir, name);
        let st;
        try {
          st = statSync(p);
        } catch {
          continue;
        }
        if (st.isDirectory()) {
          if (!SKIP_DIRS.has(name)) walk(p, depth + 1);
        } else if (/\.(md|markdown)$/i.test(name) && st.size <= MAX_FILE_BYTES) out.push(p);
      }
    };
    for (const f of folders) walk(f, 0);
    return out.sort();
  }

  /** Reads and indexes one file from disk; returns false when it is not a report. */
  indexFile(path: string): boolean {
    const uri = pathToFileURL(path).href;
    const open = this.entries.get(uri);
    if (open?.version !== undefined) return true; // the open document is the truth
    let st;
    try {
      st = statSync(path);
    } catch {
      this.remove(uri);
      return false;
    }
    if (open && open.mtimeMs === st.mtimeMs) return true;
    let text: string;
    try {
      text = readText(path).text;
    } catch (e) {
      this.log(`cannot read ${path}: ${(e as Error).message}`);
      return false;
    }
    if (!looksLikeReport(text)) {
      this.remove(uri);
      return false;
    }
    const a = analyze(text, { locale: this.locale(), fileName: basename(path), folderName: basename(dirname(path)), config: this.configFor(path), rules: [] });
    this.entries.set(uri, summarize(uri, a, undefined, st.mtimeMs));
    this.peers.delete(uri);
    return true;
  }

  /** An open document's analysis replaces what was read from disk. */
  updateFromDocument(uri: string, version: number, a: Analysis): void {
    this.entries.set(uri, summarize(uri, a, version));
    this.peers.set(uri, { stamp: `v${version}`, peer: toPeer(uri, a) });
    this.trimPeers();
  }

  /** The document was closed: fall back to the file on disk. */
  closeDocument(uri: string): void {
    const e = this.entries.get(uri);
    if (!e) return;
    this.entries.delete(uri);
    this.peers.delete(uri);
    const path = uriToPath(uri);
    if (path) this.indexFile(path);
  }

  remove(uri: string): void {
    this.entries.delete(uri);
    this.peers.delete(uri);
  }

  /** Reports of the same government as `meta` (other than `uri`), e.g. last year's and next year's. */
  relatedEntries(uri: string, meta: ReportMeta): IndexEntry[] {
    if (!meta.government) return [];
    return [...this.entries.values()].filter((e) => e.uri !== uri && e.meta.government === meta.government);
  }

  /** Peer data for cross-year rules: open documents from their analysis, others read on demand. */
  peersFor(uri: string, meta: ReportMeta): PeerReport[] {
    const out: PeerReport[] = [];
    for (const e of this.relatedEntries(uri, meta)) {
      const stamp = e.version !== undefined ? `v${e.version}` : `m${e.mtimeMs}`;
      const cached = this.peers.get(e.uri);
      if (cached && cached.stamp === stamp) {
        // Refresh LRU position.
        this.peers.delete(e.uri);
        this.peers.set(e.uri, cached);
        out.push(cached.peer);
        continue;
      }
      const path = uriToPath(e.uri);
      if (!path) continue;
      try {
        const text = readText(path).text;
        const a = analyze(text, {
          locale: this.locale(),
          fileName: basename(path),
          folderName: basename(dirname(path)),
          config: this.configFor(path),
          rules: [],
        });
        const peer = toPeer(e.uri, a);
        this.peers.set(e.uri, { stamp, peer });
        out.push(peer);
      } catch (err) {
        this.log(`cannot read ${path}: ${(err as Error).message}`);
      }
    }
    this.trimPeers();
    return out;
  }

  /** Open documents whose cross-year findings may depend on `meta`'s report. */
  dependentsOf(uri: string, meta: ReportMeta): string[] {
    return this.relatedEntries(uri, meta).map((e) => e.uri);
  }

  search(query: string, limit = 500): { entry: IndexEntry; symbol: IndexedSymbol }[] {
    const q = query.replace(/\s+/g, '').toLowerCase();
    // Chinese queries match as substrings (what a drafter types is a word of the title);
    // Latin queries also match fuzzily, as VS Code does.
    const fuzzy = !HAN_RE.test(q);
    const out: { entry: IndexEntry; symbol: IndexedSymbol }[] = [];
    for (const entry of this.entries.values()) {
      for (const symbol of entry.symbols) {
        if (q && !(fuzzy ? matches(symbol.name.toLowerCase(), q) : symbol.name.includes(q))) continue;
        out.push({ entry, symbol });
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  private trimPeers(): void {
    while (this.peers.size > PEER_CACHE_SIZE) {
      const oldest = this.peers.keys().next().value as string;
      this.peers.delete(oldest);
    }
  }
}

/** Substring first (Chinese queries), else the query's characters in order (fuzzy, like VS Code). */
function matches(name: string, q: string): boolean {
  if (name.includes(q)) return true;
  let i = 0;
  for (let j = 0; j < name.length && i < q.length; j++) if (name[j] === q[i]) i++;
  return i === q.length;
}
