// Plain data shared by every layer. Positions follow LSP: 0-based line, UTF-16 code units
// (a JS string index is a UTF-16 code unit, so offsets into the text are exact for CJK).

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Half-open span [start, end) of UTF-16 offsets into the analysed text. */
export interface Span {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export type Locale = 'zh' | 'en';

/** A replacement of [start, end) by newText, in offsets of the analysed text. */
export interface TextEdit extends Span {
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface RelatedPlace extends Span {
  /** Another document's URI; absent for the analysed document itself. */
  uri?: string;
  /** Range in the other document (offsets are meaningless there). */
  range?: Range;
  message: string;
}

/** What a rule reports, in offsets. analyze() turns it into a Diagnostic-shaped Finding. */
export interface RawFinding extends Span {
  ruleId: string;
  message: string;
  related?: RelatedPlace[];
  fix?: Fix;
  /** Rule-specific payload kept for hover/code lens (never shown as text). */
  data?: unknown;
}

export interface Finding extends RawFinding {
  severity: Severity;
  range: Range;
}
