// Every report in the workspace folders, as a compact summary (year, government, flat symbols):
// enough for workspace symbols and for pairing reports across years, small enough for a
// thousand reports. Full analyses of other reports (peers) are made on demand and kept in a
// small LRU, so memory does not grow with the workspace. A keystroke needs only the adjacent
// years' peers (2023's report checks against 2022's and 2024's), so an archive of every report
// since 1954 costs what three reports cost.
import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyze, type Analysis } from './core/analyze';
import type { GovReportConfig } from './core/config';
import { looksLikeReport } from '../../shared/reportDetection';
import type { ReportMeta } from './core/structure/meta';
import { readOutline } from './core/structure/read';
import { LineIndex } from './core/text/lineIndex';
import { hasReview, sameGovernment, toPeer, type PeerReport } from './core/peers';
import type { Locale } from './core/types';
import { HAN_RE } from './core/text/chars';
import { SymbolTable } from './symbolTable';
import { DEFAULT_WALK } from './walk';
import { readRegularText } from './io';

export interface IndexEntry {
  readonly uri: string;
  readonly meta: ReportMeta;
  readonly symbols: SymbolTable;
  /** Document version when the entry came from an open document; undefined from disk. */
  version?: number;
  /** Disk modification time when read from disk. */
  mtimeMs?: number;
  /** Whether it has a review part (a draft may have only its plan): the pairing prefers one that has. */
  hasReview: boolean;
}

/** One match of a workspace search: symbol `index` of `entry.symbols`. */
export interface SymbolHit {
  entry: IndexEntry;
  index: number;
  rank: number;
}

const MAX_FILE_BYTES = DEFAULT_WALK.maxFileBytes;
const PEER_CACHE_SIZE = 16;

export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

type Outline = Pick<Analysis, 'meta' | 'tree' | 'lineIndex'>;

/**
 * A report's summary: its meta (a copy: the meta's strings are slices of the report's text, which
 * they would keep alive) and its flat symbols, whose container names the report and its year. An
 * open document's symbols are built when a search first asks for them: every keystroke replaces
 * its entry, and building them each time would cost a keystroke in a 3 MB report 2 ms.
 */
class Summary implements IndexEntry {
  readonly meta: ReportMeta;
  readonly hasReview: boolean;
  private table?: SymbolTable;

  constructor(
    readonly uri: string,
    private outline: Outline | undefined,
    readonly version?: number,
    readonly mtimeMs?: number,
  ) {
    this.meta = JSON.parse(JSON.stringify(outline!.meta)) as ReportMeta;
    this.hasReview = hasReview(outline!);
  }

  get symbols(): SymbolTable {
    if (!this.table) {
      this.table = new SymbolTable(this.outline!.tree.roots, this.outline!.lineIndex, reportLabel(this.meta, this.uri));
      this.outline = undefined;
    }
    return this.table;
  }
}

/** The outline of a report read from disk: no rule runs, no fact is read (analyze() would make a report model for them). */
function outlineOf(text: string, path: string): Pick<Analysis, 'meta' | 'tree' | 'lineIndex'> {
  try {
    return readOutline(text, basename(path), basename(dirname(path)));
  } catch {
    // What analyze() keeps of a text it cannot parse (it reports the failure when the report is opened).
    return { lineIndex: new LineIndex(text), tree: { roots: [], nodes: [], parts: [] }, meta: {} };
  }
}

function reportLabel(meta: ReportMeta, uri: string): string {
  const year = meta.year !== undefined ? `${meta.year}年` : '';
  const gov = meta.government ?? '';
  const label = [year, gov].filter(Boolean).join(' ');
  return label || basename(uriToPath(uri) ?? uri);
}

export class WorkspaceIndex {
  readonly entries = new Map<string, IndexEntry>();
  /** The entries' URIs in order, for a search's ties; recomputed only when a report comes or goes. */
  private uris?: string[];
  /** Peers by URI; an open document's is made only when another report asks for it (`make`). */
  private readonly peers = new Map<string, { stamp: string; peer?: PeerReport; make?: () => PeerReport }>();

  constructor(
    private readonly configFor: (path: string | undefined) => GovReportConfig,
    private readonly locale: () => Locale,
    private readonly log: (message: string) => void,
  ) {}

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
    if (!st.isFile()) {
      this.remove(uri);
      return false;
    }
    if (open && open.mtimeMs === st.mtimeMs) return true;
    let text: string;
    try {
      text = readRegularText(path, MAX_FILE_BYTES).text;
    } catch (e) {
      this.log(`cannot read ${path}: ${(e as Error).message}`);
      this.remove(uri);
      return false;
    }
    if (!looksLikeReport(text)) {
      this.remove(uri);
      return false;
    }
    // Its folder's configuration settled now, so that a broken .govreport.json is reported while
    // the workspace is indexed (the outline itself reads no setting).
    this.configFor(path);
    const entry = new Summary(uri, outlineOf(text, path), undefined, st.mtimeMs);
    // Built now, so that the text can go.
    void entry.symbols;
    this.setEntry(entry);
    this.peers.delete(uri);
    return true;
  }

  /** An open document's analysis replaces what was read from disk. */
  updateFromDocument(uri: string, version: number, a: Analysis): void {
    this.setEntry(new Summary(uri, a, version));
    // Not made now: most keystrokes are in a report no open report pairs with, and a 3 MB report's
    // peer data (its misses read from every passage) would cost every keystroke.
    this.peers.set(uri, { stamp: `v${version}`, make: () => toPeer(uri, a) });
    this.trimPeers();
  }

  /**
   * An open document is about to be analysed again: its last analysis is no longer needed as a peer
   * (the new one replaces it at once, synchronously, in updateFromDocument).
   */
  releaseDocument(uri: string): void {
    this.peers.delete(uri);
  }

  /** The document was closed: fall back to the file on disk. */
  closeDocument(uri: string): void {
    const e = this.entries.get(uri);
    if (!e) return;
    this.remove(uri);
    const path = uriToPath(uri);
    if (path) this.indexFile(path);
  }

  remove(uri: string): void {
    if (this.entries.delete(uri)) this.uris = undefined;
    this.peers.delete(uri);
  }

  private setEntry(e: IndexEntry): void {
    if (!this.entries.has(e.uri)) this.uris = undefined;
    this.entries.set(e.uri, e);
  }

  /**
   * Reports of the same government as `meta` (other than `uri`). With `adjacent`, only the years
   * a report's checks read: the year before (growth against last year's figures) and the year
   * after (its targets' outcomes).
   */
  relatedEntries(uri: string, meta: ReportMeta, adjacent = false): IndexEntry[] {
    const self = { uri, meta };
    const out: IndexEntry[] = [];
    for (const e of this.entries.values()) {
      if (e.uri === uri) continue;
      if (adjacent && (meta.year === undefined || e.meta.year === undefined || Math.abs(e.meta.year - meta.year) !== 1)) continue;
      if (sameGovernment(self, e)) out.push(e);
    }
    return out;
  }

  /**
   * Peer data for cross-year rules: last year's and next year's report, one each (the one the
   * pairing picks: with a review part first, then by URI), from an open document's analysis or read
   * on demand. Ten drafts of next year's report cost what one costs.
   */
  peersFor(uri: string, meta: ReportMeta): PeerReport[] {
    const best = new Map<number, IndexEntry>();
    for (const e of this.relatedEntries(uri, meta, true)) {
      const year = e.meta.year!;
      const have = best.get(year);
      if (!have || Number(e.hasReview) > Number(have.hasReview) || (e.hasReview === have.hasReview && e.uri < have.uri)) best.set(year, e);
    }
    return this.peersOf([...best.values()]);
  }

  /** Every report of the same government as peers (the targets view lists them all). */
  allPeersFor(uri: string, meta: ReportMeta): PeerReport[] {
    return this.peersOf(this.relatedEntries(uri, meta));
  }

  private peersOf(entries: IndexEntry[]): PeerReport[] {
    const out: PeerReport[] = [];
    for (const e of entries) {
      const stamp = e.version !== undefined ? `v${e.version}` : `m${e.mtimeMs}`;
      const cached = this.peers.get(e.uri);
      if (cached && cached.stamp === stamp) {
        // Refresh LRU position.
        this.peers.delete(e.uri);
        this.peers.set(e.uri, cached);
        if (!cached.peer) {
          cached.peer = cached.make!();
          cached.make = undefined;
        }
        out.push(cached.peer);
        continue;
      }
      const path = uriToPath(e.uri);
      if (!path) continue;
      try {
        const text = readRegularText(path, MAX_FILE_BYTES).text;
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

  /** Open documents whose cross-year findings may depend on `meta`'s report: the adjacent years'. */
  dependentsOf(uri: string, meta: ReportMeta): string[] {
    return this.relatedEntries(uri, meta, true).map((e) => e.uri);
  }

  /**
   * Workspace symbols matching `query`, best first: the exact name, then a name starting with the
   * query, then the query inside it, then (Latin queries) its letters in order; shorter names first
   * within a rank, then by URI and line. `limit` only guards the response's size: it is far above
   * any real workspace's matches for a word (1,000 reports × ~60 headings).
   */
  search(query: string, limit = 100_000): SymbolHit[] {
    const q = query.replace(/\s+/g, '').toLowerCase();
    // Chinese queries match as substrings (what a drafter types is a word of the title);
    // Latin queries also match fuzzily, as VS Code does.
    const fuzzy = !HAN_RE.test(q);
    const hits: (SymbolHit & { length: number })[] = [];
    this.uris ??= [...this.entries.keys()].sort();
    // Reports by URI and each report's symbols in document order: the stable sort below keeps
    // that order within a rank and a length, so URI and line need no comparing.
    for (const uri of this.uris) {
      const entry = this.entries.get(uri)!;
      const table = entry.symbols;
      table.match(q, fuzzy, (index, rank) => hits.push({ entry, index, rank, length: table.nameLength(index) }));
    }
    hits.sort((a, b) => a.rank - b.rank || a.length - b.length);
    if (hits.length > limit) hits.length = limit;
    return hits;
  }

  private trimPeers(): void {
    while (this.peers.size > PEER_CACHE_SIZE) {
      const oldest = this.peers.keys().next().value as string;
      this.peers.delete(oldest);
    }
  }
}
