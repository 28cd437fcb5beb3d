// Reads one report: bytes from disk, decoded and parsed by its format. Failures are diagnostics.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { diagnostic, type Result } from '../diagnostics.js';
import { parseMarkdown } from '../parse/markdown.js';
import { parseText } from '../parse/text.js';
import type { SourceDocument } from '../types.js';
import { decode } from './decode.js';

/**
 * The longest report text coded: 4 Mi characters, 50 times the longest seed (82 KB) and more than a
 * 1,000-page report holds. Every stage is linear in the text, but a 50 MB export on one line would still
 * take minutes; such a file is skipped with a diagnostic, as a DOCX that inflates too far is.
 */
export const MAX_REPORT_CHARS = 4 * 1024 * 1024;

function tooLarge(path: string, chars: number): Result<SourceDocument> {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} M`;
  return {
    ok: false,
    diagnostics: [
      diagnostic(
        path,
        'read/too-large',
        `skipped: ${mb(chars)} characters of text, more than any report (at most ${mb(MAX_REPORT_CHARS)}); split the file or check what it holds`,
      ),
    ],
  };
}

export function reportKey(path: string): string {
  return basename(path, extname(path));
}

/** At least two ATX headings ("## 2. Title") at line starts. */
export function looksLikeMarkdown(text: string): boolean {
  return (text.match(/^#{1,6}[ \t]+\S/gm) ?? []).length >= 2;
}

export async function parseReportBytes(bytes: Uint8Array, path: string): Promise<Result<SourceDocument>> {
  const report = reportKey(path);
  const ext = extname(path).toLowerCase();
  // The DOCX and PDF readers (mammoth, unpdf) load only when such a report comes along.
  if (ext === '.docx' || ext === '.pdf') {
    const parsed =
      ext === '.docx'
        ? await (await import('../parse/docx.js')).parseDocx(bytes, report, path)
        : await (await import('../parse/pdf.js')).parsePdf(bytes, report, path);
    return parsed.ok && parsed.value.text.length > MAX_REPORT_CHARS
      ? tooLarge(path, parsed.value.text.length)
      : parsed;
  }
  const decoded = decode(bytes, path);
  if (!decoded.ok) return decoded;
  const text = decoded.value.text;
  if (text.length > MAX_REPORT_CHARS) return tooLarge(path, text.length);
  // What decoding noticed (a guessed code page, broken UTF-8) goes with the parsed report.
  const notes = decoded.diagnostics ? { diagnostics: decoded.diagnostics } : {};
  if (ext === '.md' || ext === '.markdown')
    return { ok: true, value: parseMarkdown(text, report, path), ...notes };
  // Text exported from a converter often is Markdown in all but name (seed 000: "## 1. Johdanto").
  if (ext === '.txt') {
    if (looksLikeMarkdown(text))
      return { ok: true, value: { ...parseMarkdown(text, report, path), format: 'text' }, ...notes };
    return { ok: true, value: parseText(text, report, path), ...notes };
  }
  return {
    ok: false,
    diagnostics: [diagnostic(path, 'read/unknown-extension', `Unknown report format "${ext}"`)],
  };
}

/**
 * A first look at a report, to tell its genre and whether it is a copy of another: Markdown and text are
 * only decoded (cheap); DOCX and PDF are parsed whole and the result handed back so it need not be parsed
 * again. Failures are left for readReport to report.
 */
export async function peekReport(path: string): Promise<{ text?: string; parsed?: Result<SourceDocument> }> {
  const ext = extname(path).toLowerCase();
  if (ext === '.docx' || ext === '.pdf') {
    const parsed = await readReport(path);
    return parsed.ok ? { text: parsed.value.text, parsed } : { parsed };
  }
  try {
    const decoded = decode(await readFile(path), path);
    return decoded.ok && decoded.value.text.length <= MAX_REPORT_CHARS ? { text: decoded.value.text } : {};
  } catch {
    return {};
  }
}

export async function readReport(path: string): Promise<Result<SourceDocument>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return {
      ok: false,
      diagnostics: [diagnostic(path, 'read/unreadable', `Cannot read the file (${code})`)],
    };
  }
  try {
    return await parseReportBytes(bytes, path);
  } catch (e) {
    return {
      ok: false,
      diagnostics: [diagnostic(path, 'parse/failed', `Could not parse: ${(e as Error).message}`)],
    };
  }
}
