// Before any report is coded, a first look at every file: which files are one report (the same text as
// .md, .docx and .pdf, or copied into two folders), and which are not final reports at all (a synthesis,
// a press release, slides). A report is counted once, from its most faithful copy, with a warning naming
// the others; a non-report is flagged, and left out when asked (--skip-non-reports).
import { basename, extname } from 'node:path';
import { SameReportIndex, type Sketch, sketchOf } from '../aggregate/near-duplicates.js';
import { type Diagnostic, diagnostic, type Result } from '../diagnostics.js';
import { peekReport } from '../io/read-report.js';
import { classifyGenre, type GenreVerdict } from '../language/genre.js';
import { FINAL_REPORT, type GenreRules } from '../language/genre-rules.js';
import type { SourceDocument } from '../types.js';

/**
 * Which copy of a report to code, most faithful first: Markdown is read exactly as written and its lines
 * are the evaluator's; DOCX text and structure come straight from Word's XML; plain text has exact words
 * but guessed headings; PDF text is rebuilt from glyph positions (hyphenation, running heads, reading order).
 */
const FIDELITY = ['.md', '.markdown', '.docx', '.txt', '.pdf'];
/** Parsed DOCX/PDF documents kept from the first look for the second, up to this much text in all. */
const CACHE_CHARS = 64 * 1024 * 1024;

export interface NonReport {
  path: string;
  genre: string;
  skipped: boolean;
}

export interface ReportPlan {
  /** The files to code, in the order given. */
  files: string[];
  diagnostics: Diagnostic[];
  /** Copies left out, each with the file counted in its place. */
  duplicates: { path: string; sameAs: string }[];
  nonReports: NonReport[];
  /** DOCX and PDF results of the first look, so they are not parsed twice. */
  parsed: Map<string, Result<SourceDocument>>;
}

/** The first look at one file: what the plan needs of it (plain data: it may come from a worker thread). */
export interface Look {
  /** Undefined when the file could not be read (readReport will say why). */
  sketch?: Sketch;
  verdict?: GenreVerdict;
  /** DOCX and PDF: the parsed document, kept for the second look. */
  parsed?: Result<SourceDocument>;
  chars: number;
}

/** Looks at one file: its shingle sketch (copies of one report) and its genre (with genre rules). */
export async function lookAt(path: string, genres?: GenreRules): Promise<Look> {
  const peek = await peekReport(path);
  const chars = peek.text?.length ?? 0;
  const parsed = peek.parsed ? { parsed: peek.parsed } : {};
  if (peek.text === undefined) return { chars, ...parsed };
  return {
    chars,
    sketch: sketchOf(peek.text),
    ...(genres ? { verdict: classifyGenre(peek.text, genres) } : {}),
    ...parsed,
  };
}

/**
 * The plan. `looks` gives each file's first look in the order of `paths` (by default one after another
 * here; the run hands them out to worker threads and gives them back in order).
 */
export async function planReports(
  paths: readonly string[],
  options: { genres?: GenreRules; skipNonReports?: boolean } = {},
  looks: AsyncIterable<Look> = lookEach(paths, options.genres),
): Promise<ReportPlan> {
  const index = new SameReportIndex();
  const groups = new Map<string, string[]>();
  const verdicts = new Map<string, GenreVerdict>();
  const parsed = new Map<string, Result<SourceDocument>>();
  let cached = 0;
  let i = 0;
  for await (const look of looks) {
    const path = paths[i++] as string;
    if (look.parsed && cached < CACHE_CHARS) {
      parsed.set(path, look.parsed);
      cached += look.chars;
    }
    if (look.sketch === undefined) {
      groups.set(path, [path]); // unreadable: readReport will say why
      continue;
    }
    const first = index.add(path, look.sketch);
    if (first === undefined) groups.set(path, [path]);
    else groups.get(first)?.push(path);
    if (options.genres && look.verdict) verdicts.set(path, look.verdict);
  }

  const plan: ReportPlan = { files: [], diagnostics: [], duplicates: [], nonReports: [], parsed };
  const chosen = new Set<string>();
  for (const members of groups.values()) {
    const keep = [...members].sort((a, b) => fidelity(a) - fidelity(b))[0] as string;
    chosen.add(keep);
    const reason = members.every((m) => fidelity(m) === fidelity(keep))
      ? 'copies in one format: the first found'
      : why(keep);
    for (const other of members) {
      if (other === keep) continue;
      plan.duplicates.push({ path: other, sameAs: keep });
      plan.parsed.delete(other);
      plan.diagnostics.push(
        diagnostic(
          other,
          'read/duplicate',
          `the same report as ${keep}: counted once, from ${basename(keep)} (${reason})`,
          undefined,
          'warning',
        ),
      );
    }
  }
  for (const path of paths) {
    if (!chosen.has(path)) continue;
    const verdict = verdicts.get(path);
    if (verdict && verdict.genre !== FINAL_REPORT && options.genres) {
      const label = options.genres.genres.get(verdict.genre)?.label.en ?? verdict.genre;
      const skipped = options.skipNonReports === true;
      plan.nonReports.push({ path, genre: verdict.genre, skipped });
      plan.diagnostics.push(
        diagnostic(
          path,
          'read/not-a-report',
          `looks like a ${label}, not a final report (${verdict.reasons.join('; ')}): ${
            skipped
              ? 'left out (--skip-non-reports)'
              : 'counted as a report; --skip-non-reports leaves it out'
          }`,
          undefined,
          'warning',
        ),
      );
      if (skipped) {
        plan.parsed.delete(path);
        continue;
      }
    }
    plan.files.push(path);
  }
  return plan;
}

async function* lookEach(paths: readonly string[], genres: GenreRules | undefined): AsyncIterable<Look> {
  for (const path of paths) yield await lookAt(path, genres);
}

function fidelity(path: string): number {
  const at = FIDELITY.indexOf(extname(path).toLowerCase());
  return at < 0 ? FIDELITY.length : at;
}

/** Why the kept copy is the most faithful of its group. */
function why(path: string): string {
  const ext = extname(path).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'Markdown is read exactly as written';
  if (ext === '.docx') return 'DOCX text and headings come straight from Word, PDF text is rebuilt';
  return 'plain text has the exact words, PDF text is rebuilt from the page';
}
