// Codings made in a QDA program (QualCoder, and others that write REFI-QDA) → decisions on our paragraphs.
//
//   - a source is matched to a report by its name (the report key we wrote), else by the file name in its
//     Description, else by its content (contentFingerprint);
//   - a selection is placed in the report through the offsets when the source text is the report's text
//     as we exported it (line ends \n, code points), else by finding the selected text in the report; it
//     falls on every paragraph it shares a letter or digit with;
//   - a code is matched by the "[code]" its Description starts with (as we export it), else by its name
//     being a label of the codebook (in any language, also "label (code)"), else by being a code;
//   - a coding by the tool's own user is its proposal, not a decision, and is skipped; a coding by anyone
//     else is an `accept` (applied as added where the tool did not propose it), with the selection's
//     Description and Notes as its memo and its user as reviewer;
//   - with the project we exported (`original`), a tool coding there that the imported project no longer
//     has on that paragraph and code (under any user) was deleted by the evaluator: a `reject`.
import type { Codebook } from '../codebook/types.js';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { exchangeText, TOOL_USER } from '../render/qdpx.js';
import { contentFingerprint } from './aliases.js';
import type { Decision } from './decisions.js';
import type { RefiCode, RefiProject, RefiSource } from './refi-model.js';

export interface ImportReport {
  report: string;
  path: string;
  text: string;
  paragraphs: readonly { id: string; start: number; end: number; text: string }[];
}

export interface ImportedProject {
  file: string;
  project: RefiProject;
  /** Source GUID → its plain text as stored in the archive. */
  texts: ReadonlyMap<string, string>;
}

type Who = { reviewer: string; date: string };

/** Code GUID → codebook code, from the project's code tree. */
export function mapCodes(codes: readonly RefiCode[], book: Codebook): Map<string, string> {
  const known = new Set(book.themes.map((t) => t.code));
  const byLabel = new Map<string, string>();
  for (const t of book.themes)
    for (const label of Object.values(t.labels))
      if (label) {
        byLabel.set(label.toLowerCase(), t.code);
        byLabel.set(`${label} (${t.code})`.toLowerCase(), t.code);
      }
  const out = new Map<string, string>();
  const walk = (list: readonly RefiCode[]) => {
    for (const c of list) {
      const tagged = /^\[([^\]\s]+)\]/.exec(c.description)?.[1];
      const code =
        tagged && known.has(tagged)
          ? tagged
          : (byLabel.get(c.name.trim().toLowerCase()) ??
            (known.has(c.name.trim()) ? c.name.trim() : undefined));
      if (code) out.set(c.guid, code);
      walk(c.children);
    }
  };
  walk(codes);
  return out;
}

const normal = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

/** Which report a source holds. */
function reportOf(
  source: RefiSource,
  text: string,
  reports: readonly ImportReport[],
): ImportReport | undefined {
  const byName = reports.find((r) => r.report === source.name);
  if (byName) return byName;
  const base = source.description
    .split(/[\\/]/)
    .pop()
    ?.replace(/\.[^.]+$/, '');
  const byPath = reports.find((r) => r.report === base);
  if (byPath) return byPath;
  const fingerprint = contentFingerprint(text);
  return reports.find((r) => contentFingerprint(r.text) === fingerprint);
}

/** The report text as we exported it, and a map from its code-point positions back to report offsets. */
function exchangeOf(report: ImportReport): { text: string; toOffset: (cp: number) => number } {
  const exchanged = exchangeText(report.text);
  const back: number[] = [];
  for (let i = report.text.length; i >= 0; i--) back[exchanged.toPosition(i)] = i;
  return { text: exchanged.text, toOffset: (cp) => back[cp] ?? report.text.length };
}

/** Paragraphs that share a letter or digit with [from, to). */
function paragraphsIn(report: ImportReport, from: number, to: number) {
  return report.paragraphs.filter((p) => {
    const a = Math.max(from, p.start);
    const b = Math.min(to, p.end);
    return a < b && /[\p{L}\p{N}]/u.test(report.text.slice(a, b));
  });
}

interface Placed {
  report: string;
  paragraph: string;
  text: string;
  code: string;
  /** The user's name, or undefined when the project does not name one. */
  user: string | undefined;
  memo: string;
  date: string | undefined;
}

/** Every coding of the project placed on our paragraphs. */
function placeCodings(imported: ImportedProject, reports: readonly ImportReport[], book: Codebook) {
  const { file, project } = imported;
  const codes = mapCodes(project.codes, book);
  const diagnostics: Diagnostic[] = [];
  const warned = new Set<string>();
  const warn = (key: string, reason: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    diagnostics.push(diagnostic(file, 'import/qdpx', reason, undefined, 'warning'));
  };
  const placed: Placed[] = [];
  const present = new Set<string>();
  for (const source of project.sources) {
    const text = normal(imported.texts.get(source.guid) ?? source.plainTextContent ?? '');
    const report = reportOf(source, text, reports);
    if (!report) {
      warn(
        `source:${source.guid}`,
        `Source "${source.name}" matches none of the reports given; its codings are skipped`,
      );
      continue;
    }
    present.add(report.report);
    const ours = exchangeOf(report);
    const same = ours.text === text;
    const cps = [...text];
    for (const sel of source.selections) {
      let from = sel.start;
      let to = sel.end;
      if (!same) {
        // Not the text we exported: find the selected words in the report instead.
        const selected = cps.slice(sel.start, sel.end).join('');
        const at = selected.trim() === '' ? -1 : ours.text.indexOf(selected);
        if (at < 0) {
          warn(`sel:${sel.guid}`, `A selection in "${source.name}" is not in the report's text; skipped`);
          continue;
        }
        from = [...ours.text.slice(0, at)].length;
        to = from + [...selected].length;
      }
      const paragraphs = paragraphsIn(report, ours.toOffset(from), ours.toOffset(to));
      const memo = [sel.description, ...sel.notes.map((n) => project.notes.get(n) ?? '')]
        .map((m) => m.trim())
        .filter((m, i, all) => m !== '' && all.indexOf(m) === i)
        .join('\n');
      for (const c of sel.codings) {
        const code = codes.get(c.code);
        if (!code) {
          warn(
            `code:${c.code}`,
            `A code of the project (${c.code}) matches no code of the codebook; its codings are skipped`,
          );
          continue;
        }
        const user = project.users.get(c.user ?? sel.user ?? '');
        for (const p of paragraphs)
          placed.push({
            report: report.report,
            paragraph: p.id,
            text: p.text,
            code,
            user,
            memo,
            date: sel.date,
          });
      }
    }
  }
  return { placed, present, diagnostics };
}

export function decisionsFromProject(
  imported: ImportedProject,
  reports: readonly ImportReport[],
  book: Codebook,
  who: Who,
  original?: ImportedProject,
): { decisions: Decision[]; diagnostics: Diagnostic[] } {
  const { placed, present, diagnostics } = placeCodings(imported, reports, book);
  const decisions: Decision[] = placed
    .filter((p) => p.user !== TOOL_USER)
    .map((p) => ({
      report: p.report,
      paragraph: p.paragraph,
      code: p.code,
      decision: 'accept',
      quote: '',
      memo: p.memo,
      reviewer: p.user ?? who.reviewer,
      date: p.date ?? who.date,
      text: p.text,
    }));
  if (original) {
    const key = (p: { report: string; paragraph: string; code: string }) =>
      `${p.report}\u0000${p.paragraph}\u0000${p.code}`;
    const now = new Set(placed.map(key));
    const before = placeCodings(original, reports, book);
    diagnostics.push(...before.diagnostics);
    const seen = new Set<string>();
    for (const p of before.placed) {
      const k = key(p);
      if (p.user !== TOOL_USER || !present.has(p.report) || now.has(k) || seen.has(k)) continue;
      seen.add(k);
      decisions.push({
        report: p.report,
        paragraph: p.paragraph,
        code: p.code,
        decision: 'reject',
        quote: '',
        memo: '',
        ...who,
        text: p.text,
      });
    }
  }
  return { decisions, diagnostics };
}
