// Project names: the report's own (from its title: "Pohjois-Satakunnan digitalisaatiohanke"), projects
// named before "-hanke" ("Satadigi –hanke", "SataDigi-hankkeen", "DIGIVAPA –hankkeen", "Kohti E-kuntaa
// –hanke"), and acronyms defined in parentheses next to a project word.
import type { Inflection } from './inflect.js';
import { Lexicon } from './lexicon.js';
import { adjacent, type WordToken } from './tokens.js';

const PROJECT_WORDS = new Lexicon<true>();
for (const w of ['hanke', 'projekti', 'projekt']) PROJECT_WORDS.add(true, w);
for (const f of ['projektet', 'projektets'])
  PROJECT_WORDS.addForm(true, f, { case: f.endsWith('s') ? 'gen' : 'nom', number: 'sg' });

/** Case of a project word ("hankkeen", "projektissa"), or undefined when the word is none. */
export function projectWordCase(lower: string): Inflection | undefined {
  return PROJECT_WORDS.lookup(lower)[0]?.infl;
}

/** A compound whose head is a project word: "digitalisaatiohanke", "digihankkeessa". */
function hasProjectHead(lower: string): boolean {
  for (let i = 0; i < lower.length - 3; i++) if (projectWordCase(lower.slice(i))) return true;
  return false;
}

/** The project's name from the report's title or first heading, if the title names a project. */
export function projectNameFromTitle(text: string): string | undefined {
  const lines = text.split(/\r\n|\r|\n/u).map((l) => l.replace(/[*_#`>]/gu, '').trim());
  const heading = text.split(/\r\n|\r|\n/u).find((l) => /^#{1,6}\s+\S/u.test(l.trim()));
  const title = heading ? heading.replace(/[*_#`>]/gu, '').trim() : lines.find((l) => l.length > 0);
  if (!title) return undefined;
  const words = title.split(/\s+/u);
  const end = words.findIndex((w) => hasProjectHead(w.toLowerCase().replace(/[^\p{L}-]/gu, '')));
  if (end < 0 || end > 7) return undefined;
  return words
    .slice(0, end + 1)
    .join(' ')
    .replace(/[–—-]\s*$/u, '')
    .trim();
}

export interface NamedProject {
  /** Token indices, inclusive, of the name and (when present) the project word. */
  first: number;
  last: number;
  name: string;
  infl: Inflection;
}

const DASH_GAP = /^\s*[-–—]\s*$|^[-–—]\s+$/u;
const nameLike = (t: WordToken): boolean => /\p{Lu}/u.test(t.text);

/** "Satadigi –hanke", "DIGIVAPA –hankkeen", "SataDigi-hankkeen", "Satadigi- hankkeen". */
export function findNamedProjects(text: string, tokens: readonly WordToken[]): NamedProject[] {
  const out: NamedProject[] = [];
  for (const t of tokens) {
    // One token: "SataDigi-hankkeen".
    const parts = t.text.split('-');
    if (parts.length > 1) {
      const infl = projectWordCase((parts[parts.length - 1] ?? '').toLowerCase());
      const head = parts.slice(0, -1).join('-');
      if (infl && /\p{Lu}/u.test(head) && head.length > 1) {
        out.push({ first: t.index, last: t.index, name: head, infl });
        continue;
      }
    }
    const infl = projectWordCase(t.lower);
    const prev = tokens[t.index - 1];
    if (!infl || !prev || !DASH_GAP.test(text.slice(prev.end, t.start))) continue;
    let first = prev.index;
    if (!nameLike(prev)) continue;
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

/** Acronyms defined in parentheses after a project's name: "Digitaaliset palvelut -hanke (DIPA)". */
export function findProjectAcronyms(text: string): string[] {
  const out = new Set<string>();
  // Find "(ACRONYM)" first, then look back over the text before it: a leading [^\n()]{3,160} in one
  // pattern backtracks at every position of a long report.
  for (const m of text.matchAll(/\(\s*(\p{Lu}[\p{Lu}\p{N}-]{2,})\s*\)/gu)) {
    const at = m.index ?? 0;
    const window = text.slice(Math.max(0, at - 160), at);
    const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('('), window.lastIndexOf(')'));
    const before = window.slice(cut + 1).toLowerCase();
    if (before.length < 3) continue;
    if (before.split(/\s+/u).some((w) => hasProjectHead(w.replace(/[^\p{L}-]/gu, '')))) out.add(m[1] ?? '');
  }
  return [...out].filter(Boolean);
}
