// The anonymiser engine (Presidio's analyzer and anonymizer in one): a text is analysed once by every
// recognizer in the registry, the resolver settles overlaps, and an operator per entity kind writes
// the replacement. A whole report is analysed once (analyseReport): that one pass both anonymises it
// and teaches what later quotes from it need (the project's name, its persons and firms, the names
// caught fail-closed, the numbering), and adds every identifier to the inventory for the leak check.
import { detach } from '../detach.js';
import type { Token } from '../language/tokens.js';
import { allowMatcher } from './allow.js';
import { gazetteer } from './gazetteer.js';
import { Inventory } from './inventory.js';
import { languageAt } from './language.js';
import { letterFor, OPERATORS } from './operators.js';
import { placeAbbreviations } from './place-abbreviations.js';
import { findProjectAcronyms, projectNameFromTitle } from './recognizers/project.js';
import type { Analysis, RecognizerResult } from './recognizers/recognizer.js';
import { REGISTRY } from './registry.js';
import { resolve } from './resolve.js';
import { wordTokens } from './tokens.js';
import type {
  AllowList,
  AnonymiseOptions,
  LearnedPerson,
  OperatorName,
  ProperNounClass,
  Replacement,
  ReportIdentifiers,
} from './types.js';
import { vocabulary } from './vocabulary.js';

export interface Anonymiser {
  /**
   * Learn a whole report's identifiers (one analysis of the report). `tokens`: tokenize(text), when the
   * coder has made them for the same text (they are extended in place; the same result as without).
   */
  scanReport(report: string, text: string, tokens?: readonly Token[]): ReportIdentifiers;
  /** A whole report anonymised in one analysis, with what it taught. */
  anonymiseReport(
    report: string,
    text: string,
    options?: AnonymiseOptions,
  ): { text: string; replacements: Replacement[]; ids: ReportIdentifiers };
  /** Replace every identifier in `text` (a quote from a report whose identifiers `ids` holds). */
  anonymise(
    text: string,
    ids: ReportIdentifiers,
    options?: AnonymiseOptions,
  ): { text: string; replacements: Replacement[] };
  /** Every identifier string seen so far in scanned reports and anonymised texts, for the leak check:
   * sorted, and the same array until an identifier is added. */
  inventory(): string[];
  /** How many identifiers the inventory holds, and those added from position `from` on (in order found). */
  inventorySize(): number;
  inventorySince(from: number): string[];
  /** Adds identifiers found elsewhere (by another anonymiser of the run, in a worker thread). */
  addToInventory(entries: Iterable<string>): void;
  /** Forgets the inventory (a worker thread's, once handed over: its memory does not grow with the run). */
  clearInventory(): void;
  /** The allow-list it keeps, for the leak check (allow-listed terms are no leaks). */
  readonly allowList: AllowList;
}

export type ProperNoun = ((word: string) => ProperNounClass) & { knows?: (word: string) => boolean };

export interface AnonymiserOptions {
  /** Optional morphology (Voikko): only adds names (see recognizers/name.ts), never keeps one. */
  properNoun?: ProperNoun;
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

/** Whether offset `at` begins a sentence: a line start, or a full stop and white space (markup looked through). */
function sentenceStart(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /[ \t*_#>"”“«»(\u2022-]/u.test(text.charAt(i))) i--;
  if (i < 0) return true;
  const c = text.charAt(i);
  if (c === '\n' || c === '\r' || c === '|' || c === '\t') return true;
  return /[.!?]/u.test(c) && /\s/u.test(text.charAt(i + 1) || ' ');
}

export function createAnonymiser(allowList: AllowList, options: AnonymiserOptions = {}): Anonymiser {
  const allow = allowMatcher(allowList);
  const seen = new Inventory();

  function analyse(
    text: string,
    ids: ReportIdentifiers,
    failClosed: boolean,
    coderTokens?: readonly Token[],
  ): RecognizerResult[] {
    const tokens = wordTokens(text, coderTokens);
    const found: RecognizerResult[] = [];
    const a: Analysis = {
      text,
      tokens,
      lower: tokens.map((t) => t.lower),
      langAt: languageAt(text, tokens),
      ids,
      allow,
      vocab: vocabulary(),
      places: gazetteer(),
      ...(options.properNoun ? { properNoun: options.properNoun } : {}),
      failClosed,
      taken: new Uint8Array(text.length),
      found,
    };
    for (const recognizer of REGISTRY) {
      const results = recognizer.analyze(a);
      for (const r of results) {
        found.push(r);
        if (r.end > r.start) a.taken.fill(1, r.start, r.end);
      }
    }
    return resolve(text, found);
  }

  function operate(
    text: string,
    results: readonly RecognizerResult[],
    ids: ReportIdentifiers,
    opts: AnonymiseOptions,
  ): { text: string; replacements: Replacement[] } {
    const langAt = languageAt(text);
    const replacements: Replacement[] = [];
    let out = '';
    let cursor = 0;
    for (const r of results) {
      if (r.entity === 'keep') continue;
      const original = text.slice(r.start, r.end);
      const name: OperatorName = opts.operators?.[r.entity] ?? (opts.numbered ? 'numbered' : 'placeholder');
      const letter = name === 'numbered' && r.key ? letterOf(ids, r.key) : undefined;
      const plain =
        OPERATORS[name]({
          original,
          noun: r.noun,
          infl: r.infl,
          lang: opts.lang ?? langAt(r.start),
          ...(letter ? { letter } : {}),
        }) + (name === 'keep' ? '' : (r.joiner ?? ''));
      // At the start of a sentence the placeholder reads as its first word: "[Kunnassa] järjestettiin…".
      const ph = sentenceStart(text, r.start)
        ? plain.replace(/^\[(\p{Ll})/u, (_, c: string) => `[${c.toUpperCase()}`)
        : plain;
      out += text.slice(cursor, r.start) + ph;
      cursor = r.end;
      replacements.push({
        start: r.start,
        end: r.end,
        original,
        placeholder: ph,
        kind: r.entity,
        recognizer: r.recognizer,
        score: r.score,
      });
      remember(original, r);
    }
    out += text.slice(cursor);
    return { text: out, replacements };
  }

  function remember(original: string, r: RecognizerResult) {
    // Fail-closed guesses ('name': a capitalised word nobody vouched for) are replaced but kept out of
    // the inventory: a wrong guess there ("Lainaukset", a table heading) would flag the tool's own
    // interface text in every output. The second look of the leak check covers such words anyway.
    if (r.entity === 'name') return;
    // The inventory keeps copies, not slices: a slice keeps the whole source text alive with it.
    seen.add(original);
    // Multi-word originals also leave their words, so a surname alone is still found later.
    if (
      r.entity === 'person' ||
      r.entity === 'organisation' ||
      r.entity === 'project' ||
      r.entity === 'institution'
    ) {
      for (const w of original.split(/\s+/u)) {
        const word = w.replace(/:.*$/u, '');
        // A word the inventory holds already needs no look at the word lists (a report repeats its names).
        if (
          word.length > 2 &&
          /^\p{Lu}/u.test(word) &&
          !seen.has(word) &&
          !vocabulary().isCommon(word.toLowerCase()) &&
          !allow.allowsWord(word)
        )
          seen.add(word);
      }
    }
  }

  /** What a whole report teaches, from its one analysis. */
  function learn(text: string, ids: ReportIdentifiers, results: readonly RecognizerResult[]) {
    const firms = new Set(ids.firms);
    const projects = new Set(ids.otherProjects);
    const persons = new Map<string, LearnedPerson>();
    const names = new Set(ids.names);
    const vocab = vocabulary();
    for (const r of results) {
      if (r.learn?.firm && !allow.allowsWord(r.learn.firm)) firms.add(detach(r.learn.firm));
      if (r.learn?.project) projects.add(detach(r.learn.project));
      const p = r.learn?.person;
      if (p) {
        const key = (p.surname || p.firstNames.join(' ')).toLowerCase();
        const known = persons.get(key);
        if (known) known.firstNames = [...new Set([...known.firstNames, ...p.firstNames])];
        else persons.set(key, { firstNames: p.firstNames.map(detach), surname: detach(p.surname) });
      }
      if (r.entity === 'name' && r.recognizer === 'UnknownNameRecognizer') {
        const word = text.slice(r.start, r.end).replace(/:.*$/u, '');
        if (word.length >= 4 && !vocab.isEveryday(word.toLowerCase())) names.add(detach(word));
      }
      if (r.key) letterOf(ids, r.key);
    }
    ids.firms = [...firms];
    ids.otherProjects = [...projects];
    ids.persons = [...ids.persons, ...persons.values()];
    ids.names = [...names];
    const places = new Set(ids.placeIds);
    for (const r of results) if (r.place && !r.place.demonym) places.add(r.place.id);
    ids.placeIds = [...places].sort();
    for (const p of ids.persons) if (p.surname) seen.add(p.surname);
    for (const name of [...ids.projectNames, ...ids.otherProjects, ...ids.firms]) seen.add(name);
  }

  /** The report's definitions read before the analysis: its title, acronyms, place abbreviations. */
  function prepare(report: string, text: string): ReportIdentifiers {
    const ids = emptyIdentifiers(report);
    const allowed = (s: string) => allow.allowsWord(s) || s.split(/\s+/u).every((w) => allow.allowsWord(w));
    const title = projectNameFromTitle(text);
    if (title && !allowed(title)) ids.projectNames.push(detach(title));
    ids.otherProjects = findProjectAcronyms(text)
      .filter((p) => !allowed(p) && !isPlace(p))
      .map(detach);
    ids.placeAbbreviations = placeAbbreviations(text);
    return ids;
  }

  function isPlace(name: string): boolean {
    return gazetteer()
      .lexicon.lookup(name)
      .some((h) => !h.value.demonym && h.value.kind !== 'locality');
  }

  const anonymiseReport: Anonymiser['anonymiseReport'] = (report, text, opts = {}) => {
    const ids = prepare(report, text);
    const results = analyse(text, ids, opts.failClosed !== false);
    learn(text, ids, results);
    return { ...operate(text, results, ids, opts), ids };
  };

  return {
    scanReport(report, text, tokens) {
      const ids = prepare(report, text);
      const results = analyse(text, ids, true, tokens);
      learn(text, ids, results);
      for (const r of results) remember(text.slice(r.start, r.end), r);
      return ids;
    },
    anonymiseReport,
    anonymise(text, ids, opts = {}) {
      return operate(text, analyse(text, ids, opts.failClosed !== false), ids, opts);
    },
    inventory: () => seen.list(),
    inventorySize: () => seen.size,
    inventorySince: (from) => seen.since(from),
    addToInventory(entries) {
      for (const e of entries) seen.add(e);
    },
    clearInventory: () => seen.clear(),
    allowList,
  };
}

/**
 * How many letters each group ("person", "org") of a report's numbering has given, kept beside its letters
 * (counting them anew for every new entity made a report's learning quadratic in its entities).
 */
const lettersUsed = new WeakMap<Record<string, string>, Map<string, number>>();

function groupOf(key: string): string | undefined {
  const bar = key.indexOf('|');
  return bar < 0 ? undefined : key.slice(0, bar);
}

/** The letter of an entity within a report; new entities get the next free letter of their group. */
function letterOf(ids: ReportIdentifiers, key: string): string {
  const existing = ids.letters[key];
  if (existing) return existing;
  const group = groupOf(key);
  let used = 0;
  if (group === undefined) {
    // No group (no key is made so): the letters of the keys that start with what precedes its last character.
    const prefix = `${key.slice(0, -1)}|`;
    for (const k in ids.letters) if (k.startsWith(prefix)) used++;
  } else {
    let counts = lettersUsed.get(ids.letters);
    if (counts === undefined) {
      counts = new Map();
      for (const k in ids.letters) {
        const g = groupOf(k);
        if (g !== undefined) counts.set(g, (counts.get(g) ?? 0) + 1);
      }
      lettersUsed.set(ids.letters, counts);
    }
    used = counts.get(group) ?? 0;
    counts.set(group, used + 1);
  }
  const letter = letterFor(used);
  ids.letters[key] = letter;
  return letter;
}
