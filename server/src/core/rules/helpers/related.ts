// The places a finding points at besides its own: this report's lines, or another year's report
// (by URI and range: its offsets mean nothing in this text).
import type { Fact } from '../../facts/facts';
import type { PeerReport } from '../../peers';
import { format, type Msg } from '../../l10n';
import type { Locale, RelatedPlace } from '../../types';

const MESSAGES = {
  line: { zh: '第{line}行', en: 'line {line}' },
  peerLine: { zh: '{year}年报告第{line}行', en: 'line {line} of the {year} report' },
  otherLine: { zh: '另一份报告第{line}行', en: 'line {line} of the other report' },
} satisfies Record<string, Msg>;

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

/** `第12行` / `line 12`, or `2022年报告第12行` / `line 12 of the 2022 report` for a peer. */
export function placeName(locale: Locale, line: number, peer?: PeerReport): string {
  if (!peer) return format(MESSAGES.line, locale, { line });
  const year = peer.meta.year;
  return format(year !== undefined ? MESSAGES.peerLine : MESSAGES.otherLine, locale, { line, year: year ?? '' });
}
