// Projects: the report's own name (from its title: "Pohjois-Satakunnan digitalisaatiohanke", "DigiSyd –
// digital delaktighet…", "KAINUUN … -HANKE (KaiPäätös)"), projects named before a project word
// ("Satadigi –hanke", "SataDigi-hankkeen", "Kohti E-kuntaa –hanke"), acronyms defined in parentheses next
// to one, and all of them again in any case form, with their head word inflected and as the first part
// of a compound ("JÄPSÄ-palveluväylän"). Project codes and diary numbers ("S21234", "VM/1234/2020").
import { WORDS } from '../data/tables.generated.js';
import { guessCase, type Inflection } from '../inflect.js';
import { Lexicon } from '../lexicon.js';
import { adjacent, hasUpperCase, type WordToken } from '../tokens.js';
import { matchLexicon } from './lexicon-match.js';
import {
  type Analysis,
  kindResult,
  NOM,
  type Recognizer,
  type RecognizerResult,
  tokenFree,
} from './recognizer.js';

const PROJECT_WORDS = new Lexicon<true>();
for (const w of WORDS['project-words']) PROJECT_WORDS.add(true, w);
for (const f of WORDS['project-word-forms'])
  PROJECT_WORDS.addForm(true, f, { case: f.endsWith('s') ? 'gen' : 'nom', number: 'sg' });

/** Case of a project word ("hankkeen", "projektissa"), or undefined when the word is none. */
export function projectWordCase(lower: string): Inflection | undefined {
  return PROJECT_WORDS.lookupLower(lower)[0]?.infl;
}

/** A compound whose head is a project word: "digitalisaatiohanke", "digihankkeessa". */
function hasProjectHead(lower: string): boolean {
  for (let i = 0; i < lower.length - 3; i++) if (projectWordCase(lower.slice(i))) return true;
  return false;
}

const REPORT_WORD = /^(loppuraportti|slutrapport|raportti|rapport|final report)$/iu;

/** The project's name from the report's title or first heading, if the title names one. */
export function projectNameFromTitle(text: string): string | undefined {
  const lines = text.slice(0, 4000).split(/\r\n|\r|\n/u);
  const heading = lines.find((l) => /^#{1,6}\s+\S/u.test(l.trim()));
  const title = (heading ?? lines.find((l) => l.trim().length > 0) ?? '').replace(/[*_#`>]/gu, '').trim();
  // A first line of prose is no title: a text report without one opens with a paragraph or a sentence.
  if (!title || title.length > MAX_TITLE || (!heading && /[.!?]$/u.test(title))) return undefined;
  // "DigiSyd – digital delaktighet…": a name before a dash; "… -hanke (KaiPäätös)" handled as acronym.
  const dashed = /^([^–—:]{2,60}?)\s+[–—:]\s+\S/u.exec(title);
  if (dashed?.[1] && /\p{Lu}.*\p{Lu}|\p{N}/u.test(dashed[1]) && !REPORT_WORD.test(dashed[1]))
    return dashed[1].trim();
  const words = title.split(/\s+/u);
  const end = words.findIndex((w) => hasProjectHead(w.toLowerCase().replace(/[^\p{L}-]/gu, '')));
  if (end < 0 || end > 7) return undefined;
  const name = words
    .slice(0, end + 1)
    .join(' ')
    .replace(/[–—-]\s*$/u, '')
    .trim();
  // "Hankkeen loppuraportti": the project word alone names no project.
  return projectWordCase(name.toLowerCase().replace(/[^\p{L}-]/gu, '')) ? undefined : name;
}

/** Longer than any title: the longest title of the sample reports and seeds is 85 characters. */
const MAX_TITLE = 200;

export interface NamedProject {
  first: number;
  last: number;
  name: string;
  infl: Inflection;
}

const DASH_GAP = /^\s*[-–—]\s*$|^[-–—]\s+$/u;
const nameLike = (t: WordToken): boolean => hasUpperCase(t.text);

/** "Satadigi –hanke", "DIGIVAPA –hankkeen", "SataDigi-hankkeen", "Satadigi- hankkeen". */
export function findNamedProjects(text: string, tokens: readonly WordToken[]): NamedProject[] {
  const out: NamedProject[] = [];
  for (const t of tokens) {
    const parts = t.text.includes('-') ? t.text.split('-') : undefined;
    if (parts) {
      const infl = projectWordCase((parts[parts.length - 1] ?? '').toLowerCase());
      const head = parts.slice(0, -1).join('-');
      if (infl && /\p{Lu}/u.test(head) && head.length > 1) {
        out.push({ first: t.index, last: t.index, name: head, infl });
        continue;
      }
    }
    const infl = projectWordCase(t.lower);
    const prev = tokens[t.index - 1];
    if (!infl || !prev || !DASH_GAP.test(text.slice(prev.end, t.start)) || !nameLike(prev)) continue;
    let first = prev.index;
    while (first - 1 >= 0 && t.index - first < 4) {
      const before = tokens[first - 1] as WordToken;
      if (
        !nameLike(before) ||
        !adjacent(text, before, tokens[first] as WordToken) ||
        tokens[first]?.sentenceStart
      )
        break;
      first--;
    }
    out.push({ first, last: t.index, name: text.slice(tokens[first]?.start ?? 0, prev.end), infl });
  }
  return out;
}

/** Acronyms defined in parentheses after a project's name: "Digitaaliset palvelut -hanke (DIPA)", "-HANKE (KaiPäätös)". */
export function findProjectAcronyms(text: string): string[] {
  const out = new Set<string>();
  // Find "(ACRONYM)" first, then look back over the text before it: a leading [^\n()]{3,160} in one
  // pattern backtracks at every position of a long report.
  for (const m of text.matchAll(/\(\s*(\p{Lu}[\p{L}\p{N}-]{2,})\s*\)/gu)) {
    const at = m.index ?? 0;
    const name = m[1] ?? '';
    if (!/\p{Lu}.*\p{Lu}|\p{N}/u.test(name)) continue; // an acronym or a CamelCase name, not "(Kunta)"
    const window = text.slice(Math.max(0, at - 160), at);
    const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('('), window.lastIndexOf(')'));
    const before = window.slice(cut + 1).toLowerCase();
    if (before.length < 3) continue;
    if (before.split(/\s+/u).some((w) => hasProjectHead(w.replace(/[^\p{L}-]/gu, '')))) out.add(name);
  }
  return [...out];
}

const projectResult = kindResult('project', 'hanke', 'project|');

/** Projects named in the text ("X-hanke") and the report's own and learned project names in any form. */
export const projectRecognizer: Recognizer = {
  name: 'ProjectRecognizer',
  entities: ['project'],
  analyze(a) {
    const out: RecognizerResult[] = [];
    const named = findNamedProjects(a.text, a.tokens).filter(
      (p) => !isPlaceName(a, p.name) && !a.allow.allowsWord(p.name),
    );
    const lexicon = new Lexicon<string>();
    const known = new Set([...a.ids.projectNames, ...a.ids.otherProjects, ...named.map((p) => p.name)]);
    for (const name of known) lexicon.add(name.toLowerCase(), name);
    matchLexicon(a, lexicon, (key, first, last, infl) => {
      // A project word right after the name belongs to it: "Satadigi –hankkeen".
      const next = a.tokens[last + 1];
      const word =
        next && /^\s*[-–—]?\s*$/u.test(a.text.slice(a.tokens[last]?.end ?? 0, next.start))
          ? projectWordCase(next.lower)
          : undefined;
      out.push(projectResult(a, first, word ? last + 1 : last, word ?? infl, key, 0.85, 'ProjectRecognizer'));
      return true;
    });
    for (const p of named) {
      out.push({
        ...projectResult(a, p.first, p.last, p.infl, p.name.toLowerCase(), 0.85, 'ProjectRecognizer'),
        learn: { project: p.name },
      });
    }
    // "JÄPSÄ-palveluväylän", "Satadigi-portaalissa": a known project as the first part of a compound.
    const heads = new Set([...known].map((n) => n.toLowerCase()));
    for (const t of a.tokens) {
      const dash = t.text.indexOf('-');
      if (dash < 2 || !heads.has(t.lower.slice(0, dash)) || !tokenFree(a, t.index)) continue;
      if (projectWordCase(t.lower.slice(dash + 1))) continue;
      out.push({
        start: t.start,
        end: t.end,
        entity: 'project',
        score: 0.85,
        noun: 'palvelu',
        infl: guessTail(t.lower),
        key: `project|${t.lower.slice(0, dash)}`,
        recognizer: 'ProjectRecognizer',
      });
    }
    return out;
  },
};

function guessTail(lower: string): Inflection {
  const tail = lower.slice(lower.lastIndexOf('-') + 1);
  return projectWordCase(tail) ?? guessCase(tail);
}

function isPlaceName(a: Analysis, name: string): boolean {
  return a.places.lexicon.lookup(name).some((h) => !h.value.demonym && h.value.kind !== 'locality');
}

const CODE =
  /(?<![\p{L}\p{N}/-])(?:[A-Z]{1,3}\d{5,6}|[A-Z]{2,6}\/\d{1,6}\/\d{2,4}(?:\/\d{1,4})?|[A-Z]{2,5}\d{2,4}:\d{2}\/\d{4})(?![\p{L}\p{N}])/gu;
// (?<!\p{L})(?:cue|…) with the lookbehind after each cue word (the same matches): the engine then looks for
// the cue words instead of trying the lookbehind at every position of the text.
export const CUED = new RegExp(
  `(?:${WORDS['project-code-cues'].map((c) => `${c}(?<!\\p{L}${c})`).join('|')})\\.?:?\\s*(?:nro\\.?\\s*|n:o\\s*)?([\\p{L}\\p{N}]*\\d[\\p{L}\\p{N}/:.-]*[\\p{L}\\p{N}])`,
  'giu',
);

/** Project codes and diary numbers: "S21234", "A74123", "VM/1234/2020", "hankenumero 12345". */
export const projectCodeRecognizer: Recognizer = {
  name: 'ProjectCodeRecognizer',
  entities: ['project-code'],
  analyze(a) {
    const out: RecognizerResult[] = [];
    const push = (start: number, end: number, score: number) =>
      out.push({
        start,
        end,
        entity: 'project-code',
        score,
        noun: 'project-code',
        infl: NOM,
        recognizer: 'ProjectCodeRecognizer',
      });
    for (const m of a.text.matchAll(CODE)) push(m.index ?? 0, (m.index ?? 0) + m[0].length, 0.9);
    for (const m of a.text.matchAll(CUED)) {
      const code = m[1] ?? '';
      const start = (m.index ?? 0) + m[0].length - code.length;
      push(start, start + code.length, 0.95);
    }
    return out;
  },
};
