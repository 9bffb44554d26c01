// The places a finding points at besides its own: this report's lines, or another year's report
// (by URI and range: its offsets mean nothing in this text).
import type { Fact } from '../../facts/facts';
import type { PeerReport } from '../../peers';
import type { Locale, RelatedPlace } from '../../types';

export function lineOf(rangeOf: (s: number, e: number) => { start: { line: number } }, f: Pick<Fact, 'span'>): number {
  return rangeOf(f.span.start, f.span.end).start.line + 1;
}

/** A related place in this report. */
export function here(f: Fact, message: string): RelatedPlace {
  return { start: f.span.start, end: f.span.end, message };
}

/** A related place in another report (offsets there mean nothing here: the range carries the place). */
export function there(peer: PeerReport, f: Fact, message: string): RelatedPlace {
  return { start: 0, end: 0, uri: peer.uri, range: peer.rangeOf(f.span.start, f.span.end), message };
}

/** `第 12 行` / `line 12`, or `2022 年报告第 12 行` / `line 12 of the 2022 report` for a peer. */
export function placeName(locale: Locale, line: number, peer?: PeerReport): string {
  const year = peer?.meta.year;
  if (locale === 'en') return peer ? `line ${line} of the ${year ?? 'other'} report` : `line ${line}`;
  return peer ? `${year !== undefined ? `${year} 年` : '另一份'}报告第 ${line} 行` : `第 ${line} 行`;
}

