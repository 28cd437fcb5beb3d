// The anonymiser: learns a report's own identifiers (scanReport), replaces identifiers in any text from
// it with case-keeping placeholders (anonymise), and remembers every identifier it saw (inventory) for
// the leak check.
import { detach } from '../detach.js';
import { allowMatcher } from './allow.js';
import { detect, placeChecks, type Span } from './detect.js';
import { gazetteer } from './gazetteer.js';
import { languageAt } from './language.js';
import { findFirms } from './organisations.js';
import { findPersonPatterns } from './persons.js';
import { letterFor, placeholder } from './placeholders.js';
import { findNamedProjects, findProjectAcronyms, projectNameFromTitle } from './projects.js';
import { tokenize } from './tokens.js';
import type {
  AllowList,
  AnonymiseOptions,
  LearnedPerson,
  ProperNounClass,
  Replacement,
  ReportIdentifiers,
} from './types.js';
import { vocabulary } from './vocabulary.js';

export interface Anonymiser {
  /** Learn identifiers from a whole report's text (project name, acronyms, persons, firms tied to the report). */
  scanReport(report: string, text: string): ReportIdentifiers;
  /** Replace every identifier in `text` (a whole report or a quote from it). */
  anonymise(
    text: string,
    ids: ReportIdentifiers,
    options?: AnonymiseOptions,
  ): { text: string; replacements: Replacement[] };
  /** Every identifier string seen so far in scanned reports and anonymised texts, for the leak check. */
  inventory(): string[];
}

export interface AnonymiserOptions {
  /** Optional morphology (Voikko): classifies a capitalised word the word lists do not know. */
  properNoun?: (word: string) => ProperNounClass;
}

export function emptyIdentifiers(report: string): ReportIdentifiers {
  return {
    report,
    projectNames: [],
    otherProjects: [],
    persons: [],
    firms: [],
    placeAbbreviations: [],
    names: [],
    placeIds: [],
    letters: {},
  };
}

/** Whether offset `at` begins a sentence: only white space since the text's start or a full stop. */
function sentenceStart(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 4), at);
  return at === 0 || /(^|[.!?]["”»)]?)\s+$/u.test(before) || /^\s*$/.test(text.slice(0, at));
}

export function createAnonymiser(allowList: AllowList, options: AnonymiserOptions = {}): Anonymiser {
  const allow = allowMatcher(allowList);
  const seen = new Set<string>();

  const anonymise: Anonymiser['anonymise'] = (text, ids, opts = {}) => {
    const { spans } = detect(text, ids, allow, {
      failClosed: opts.failClosed !== false,
      ...(options.properNoun ? { properNoun: options.properNoun } : {}),
    });
    const langAt = languageAt(text);
    const replacements: Replacement[] = [];
    let out = '';
    let cursor = 0;
    for (const span of spans) {
      const original = text.slice(span.start, span.end);
      const lang = opts.lang ?? langAt(span.start);
      const letter = opts.numbered && span.key ? letterOf(ids, span.key) : undefined;
      const plain = placeholder(span.noun, span.infl, lang, letter) + (span.joiner ?? '');
      // At the start of a sentence the placeholder reads as its first word: "[Kunnassa] järjestettiin…".
      const ph = sentenceStart(text, span.start)
        ? plain.replace(/^\[(\p{Ll})/u, (_, c: string) => `[${c.toUpperCase()}`)
        : plain;
      out += text.slice(cursor, span.start) + ph;
      cursor = span.end;
      replacements.push({ start: span.start, end: span.end, original, placeholder: ph, kind: span.kind });
      remember(original, span);
    }
    out += text.slice(cursor);
    return { text: out, replacements };
  };

  function remember(original: string, span: Span) {
    // The inventory feeds the leak check of every output: an ordinary word in it ("KUNTIEN" from a
    // project title in capitals, a table heading caught fail-closed) would flag the codebook's own labels.
    const common = (w: string) => vocabulary().isCommon(w.toLowerCase());
    // Fail-closed guesses ('name': a capitalised word nobody vouched for) are replaced in quotes but kept
    // out of the inventory: a wrong guess there ("Lainaukset", a table heading) would flag the tool's own
    // interface text in every output. Municipalities are checked from the gazetteer anyway.
    if (span.kind === 'name') return;
    // Copies, not slices: a slice keeps the whole source text alive as long as the inventory lives.
    seen.add(detach(original));
    // Multi-word originals also leave their words, so a surname alone is still found later.
    if (span.kind === 'person' || span.kind === 'organisation' || span.kind === 'project') {
      for (const w of original.split(/\s+/u)) {
        const word = w.replace(/:.*$/u, '');
        if (word.length > 2 && /^\p{Lu}/u.test(word) && !common(word)) seen.add(detach(word));
      }
    }
  }

  const scanReport: Anonymiser['scanReport'] = (report, text) => {
    const ids = emptyIdentifiers(report);
    const vocab = vocabulary();
    const tokens = tokenize(text);
    const allowed = (s: string) => allow.allowsWord(s) || s.split(/\s+/u).every((w) => allow.allowsWord(w));
    const title = projectNameFromTitle(text);
    if (title && !allowed(title)) ids.projectNames.push(title);
    const others = new Set<string>(findProjectAcronyms(text));
    for (const p of findNamedProjects(text, tokens)) others.add(p.name);
    ids.otherProjects = [...others].filter((p) => !allowed(p) && !isPlace(p));
    const firms = new Set<string>();
    for (const f of findFirms(text, tokens)) if (!allowed(f.name)) firms.add(f.name);
    ids.firms = [...firms];
    // Persons: patterns over tokens not taken by allow-listed terms or firms.
    const taken = new Uint8Array(text.length);
    for (const [s, e] of allow.ranges(text, tokens)) taken.fill(1, s, e);
    for (const f of findFirms(text, tokens))
      taken.fill(1, tokens[f.first]?.start ?? 0, tokens[f.last]?.end ?? 0);
    const places = gazetteer().lexicon;
    const persons = new Map<string, LearnedPerson>();
    for (const m of findPersonPatterns({
      text,
      tokens,
      free: (i) => !taken[tokens[i]?.start ?? 0],
      ...placeChecks(tokens),
      vocab,
    })) {
      const key = (m.person.surname || m.person.firstNames.join(' ')).toLowerCase();
      const known = persons.get(key);
      if (known) known.firstNames = [...new Set([...known.firstNames, ...m.person.firstNames])];
      else persons.set(key, m.person);
    }
    ids.persons = [...persons.values()];
    // Abbreviations of hyphenated places used in the report ("P-S" for Pohjois-Satakunta).
    const abbreviations = new Set<string>();
    const heads = new Set(tokens.map((u) => u.text.split(':')[0]));
    for (const t of tokens) {
      if (!t.text.includes('-') || !places.lookup(t.lower).some((h) => !h.value.demonym)) continue;
      const initials = t.text
        .split(/[-:]/u)
        .slice(0, 2)
        .map((p) => p.charAt(0).toUpperCase());
      for (const abbr of [initials.join('-'), initials.join('')]) {
        if (abbr.length >= 2 && heads.has(abbr)) abbreviations.add(abbr);
      }
    }
    ids.placeAbbreviations = [...abbreviations];
    // A full pass fixes the numbering in order of appearance and records which places the report names.
    const { spans, confirmedPlaces } = detect(text, ids, allow, {
      failClosed: true,
      ...(options.properNoun ? { properNoun: options.properNoun } : {}),
    });
    ids.placeIds = [...confirmedPlaces].sort();
    const names = new Set<string>();
    for (const span of spans) {
      if (span.kind !== 'name') continue;
      const word = text.slice(span.start, span.end).replace(/:.*$/u, '');
      if (word.length >= 4 && !vocab.isEveryday(word.toLowerCase())) names.add(word);
    }
    ids.names = [...names];
    for (const span of spans) {
      if (span.key) letterOf(ids, span.key);
      remember(text.slice(span.start, span.end), span);
    }
    for (const p of ids.persons) {
      if (p.surname) seen.add(detach(p.surname));
    }
    for (const name of [...ids.projectNames, ...ids.otherProjects, ...ids.firms]) seen.add(detach(name));
    return ids;
  };

  function isPlace(name: string): boolean {
    return gazetteer()
      .lexicon.lookup(name)
      .some((h) => !h.value.demonym && h.value.kind !== 'locality');
  }

  return {
    scanReport,
    anonymise,
    inventory: () => [...seen].sort((a, b) => a.localeCompare(b, 'fi')),
  };
}

/** The letter of an entity within a report; new entities get the next free letter of their group. */
function letterOf(ids: ReportIdentifiers, key: string): string {
  const existing = ids.letters[key];
  if (existing) return existing;
  const group = key.slice(0, key.indexOf('|'));
  const used = Object.keys(ids.letters).filter((k) => k.startsWith(`${group}|`)).length;
  const letter = letterFor(used);
  ids.letters[key] = letter;
  return letter;
}
