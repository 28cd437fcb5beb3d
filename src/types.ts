// Shared value types of the pipeline: read → parse → segment → tag → aggregate → anonymise → render → write.
// Positions follow unist: line and column 1-based, offset 0-based into the decoded source text.

export interface Point {
  line: number;
  column: number;
  offset: number;
}

export type Format = 'markdown' | 'text' | 'docx' | 'pdf';

export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'list-item'
  | 'table'
  | 'blockquote'
  | 'toc'
  | 'code'
  | 'metadata';

/**
 * Where something stands in the original file when the extracted text's lines mean nothing to a reader:
 * the PDF page(s), or the DOCX paragraph number(s) (the nth non-empty paragraph of the body, headings,
 * list items and table-cell paragraphs counted, empty paragraphs and notes not).
 */
export interface SourceLocation {
  unit: 'page' | 'paragraph';
  first: number;
  last: number;
}

/** A structural block of a parsed report. `text.slice(start, end)` is its source. */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** Heading level 1..6 (headings only). */
  depth?: number;
  /** Heading title without markup or numbering noise (headings only), e.g. "3.2.1. Toteutuneet riskit". */
  label?: string;
  /** Page (PDF) or paragraph number (DOCX) in the original file. */
  location?: SourceLocation;
}

/** A report after parsing: the decoded source text and its blocks, all positions into `text`. */
export interface SourceDocument {
  /** File name without extension: the report's key in every table. */
  report: string;
  /** Path as found (relative to the working directory where possible). */
  path: string;
  format: Format;
  /** The decoded source (for DOCX/PDF: the text the parser extracted). Every offset points into it. */
  text: string;
  blocks: Block[];
  title?: string;
}

export type Language = 'fi' | 'sv' | 'en' | 'und';

export interface Segment {
  /** Stable id within the report, a hash of the normalised text (src/segment/paragraph-id.ts): "p3k9x0m2a" for a paragraph, "p3k9x0m2a.s3" for its third sentence. */
  id: string;
  report: string;
  kind: 'paragraph' | 'sentence';
  start: number;
  end: number;
  startPoint: Point;
  endPoint: Point;
  /** Exactly `source.slice(start, end)`. */
  text: string;
  /** Heading path, outermost first, e.g. ["3. Hankkeen toteutuksen arviointi", "3.2.1. Toteutuneet riskit"]. */
  section: string[];
  blockKind: BlockKind;
  lang: Language;
  /** Sentences of a paragraph (paragraph segments only). */
  sentences?: Segment[];
  /** Page (PDF) or paragraph number (DOCX) in the original file; absent for Markdown and text. */
  location?: SourceLocation;
}

export type Polarity = 'success' | 'challenge' | 'none';

/** One code applied to one paragraph segment. */
export interface Coding {
  report: string;
  segment: string;
  section: string;
  start: number;
  end: number;
  startLine: number;
  endLine: number;
  code: string;
  polarity: Polarity;
  /** Top-level theme (topic) the code belongs to. */
  theme: string;
  score: number;
  /** Probability in [0, 1] that an evaluator would accept this coding (the fitted model's output). */
  confidence: number;
  /** Terms, patterns and polarity cues that fired, e.g. "term:yhteistyö", "cue:-neg:ei toiminut". */
  matches: string[];
  text: string;
  /** With review decisions applied (src/review/apply.ts): proposed, accepted, added or rejected. */
  status?: 'proposed' | 'accepted' | 'added' | 'rejected';
  /** Who accepted or added it (review decisions); absent for the tool's own proposals. */
  reviewer?: string;
  /** Page (PDF) or paragraph number (DOCX) in the original file; absent for Markdown and text. */
  location?: SourceLocation;
}

export interface ThemeCount {
  code: string;
  polarity: Polarity;
  theme: string;
  label: string;
  reports: number;
  segments: number;
  shareOfReports: number;
  /**
   * This theme's reports as a share of all its siblings' (same parent, or all main themes): the
   * distribution seed 004's slides show ("23 % / 31 % / 32 % / 14 %"), where a report may count twice.
   */
  shareAmongSiblings: number;
  /**
   * Reports and paragraphs with strong evidence: a coding whose confidence reaches the model's `strong`
   * level (where it was at least 90 % precise on its fitting data) or one the evaluator confirmed.
   */
  strongReports: number;
  strongSegments: number;
  /** With review decisions applied: counts on confirmed codings alone and on the tool's proposals alone. */
  review?: {
    confirmedReports: number;
    confirmedSegments: number;
    proposedReports: number;
    proposedSegments: number;
  };
}

export interface Quote {
  code: string;
  rank: number;
  report: string;
  alias: string;
  section: string;
  startLine: number;
  endLine: number;
  score: number;
  confidence: number;
  /** Anonymised text, ready to paste. */
  text: string;
  /** The text shows OCR damage: shown flagged, to be checked against the original before publication. */
  ocr?: boolean;
  /** Page (PDF) or paragraph number (DOCX) in the original file, shown instead of lines. */
  location?: SourceLocation;
}

export interface Alias {
  alias: string;
  report: string;
  path: string;
}

export interface ReportSummary {
  report: string;
  path: string;
  alias: string;
  format: Format;
  /** Main language of the report's paragraphs. */
  lang: Language;
  paragraphs: number;
  codedParagraphs: number;
}

/** Per report, the number of coded paragraphs for each code (the report × theme matrix). */
export interface MatrixRow {
  report: string;
  cells: Record<string, number>;
}

/**
 * The run's codings kept on disk instead of in Tables.codings (app/stored.ts), so that memory does not grow
 * with the corpus; read anew each time they are asked for.
 */
export interface StoredCodings {
  readonly count: number;
  /** Every coding, report after report in the run's (key) order, each report's in the order given. */
  all(): Iterable<Coding>;
  /** The codings of one report, in the order given. */
  ofReport(report: string): Coding[];
  /** The n-th coding of all(). */
  at(n: number): Coding;
}

/** A report's text for the REFI-QDA export. */
export interface SourceText {
  report: string;
  path: string;
  text: string;
  /** The text as the archive holds it, deflated where the report was coded (render/qdpx-source.ts). */
  packed?: PackedEntry;
}

/** A zip entry's content deflated ahead (render/zip-stream.ts `deflateEntry`): its CRC-32 and sizes. */
export interface PackedEntry {
  /** CRC-32 of the content. */
  crc: number;
  /** The content's size in bytes. */
  size: number;
  /** The deflated bytes. */
  data: Uint8Array;
}

/** Everything the renderers need; built by aggregate, quotes already anonymised. */
export interface Tables {
  reports: ReportSummary[];
  /** Every coding; empty when the run keeps them on disk (`stored`). */
  codings: Coding[];
  stored?: StoredCodings;
  counts: ThemeCount[];
  matrix: MatrixRow[];
  quotes: Quote[];
  aliases: Alias[];
  /** The evaluator's memos on codings (review decisions), for the REFI-QDA export and the synthesis draft. */
  memos?: Memo[];
  /**
   * The morphology the run read the reports with ("voikko" or "snowball"). Voikko serves the anonymiser's
   * proper-noun classes, so anonymised quotes can differ with and without it: the outputs that hold them
   * name it.
   */
  morphology?: string;
}

/** A reviewer's memo on one code of one paragraph. */
export interface Memo {
  report: string;
  paragraph: string;
  code: string;
  memo: string;
  reviewer: string;
  date: string;
  /** The decision the memo came with: a memo explaining a rejection stays out of the synthesis draft. */
  decision?: 'accept' | 'reject' | 'add';
  /** The paragraph's offsets in the report text. */
  start: number;
  end: number;
  /** The memo anonymised for shareable outputs (the synthesis draft); absent when it could not be. */
  shareable?: string;
}
