// The shape every recognizer has (after Microsoft Presidio's EntityRecognizer): a name, the entity kinds
// it finds, and analyze(), which reads one text's Analysis and returns scored results. Recognizers do not
// decide overlaps: resolve.ts does, once, by score and length. A recognizer may look at what the ones
// before it in the registry found (Analysis.taken), as Presidio's recognizers read the NLP artifacts.
import type { AllowMatcher } from '../allow.js';
import type { PlaceholderNoun } from '../data/tables.generated.js';
import type { Gazetteer, PlaceRef } from '../gazetteer.js';
import type { Inflection } from '../inflect.js';
import type { WordToken } from '../tokens.js';
import type { EntityKind, LearnedPerson, ProperNounClass, ReportIdentifiers } from '../types.js';
import type { Vocabulary } from '../vocabulary.js';

export interface RecognizerResult {
  start: number;
  end: number;
  entity: EntityKind | 'keep';
  /** Confidence 0–1; the resolver prefers higher scores, then longer spans. */
  score: number;
  /** The placeholder's noun and the case it takes ("[kunnassa]": kunta, inessive). */
  noun: PlaceholderNoun;
  infl: Inflection;
  /** Numbering key "group|entity": one letter per entity within a report. */
  key?: string;
  /** Compound tail kept after the placeholder ("[alue]-liiton"). */
  joiner?: string;
  place?: PlaceRef;
  /** What the report teaches by this result: a firm's name without its legal form, a project's name, a person. */
  learn?: { firm?: string; project?: string; person?: LearnedPerson };
  recognizer: string;
}

export interface Analysis {
  text: string;
  tokens: readonly WordToken[];
  /** Lower-case token texts, for phrase lookups. */
  lower: readonly string[];
  /** Paragraph language at an offset. */
  langAt(offset: number): 'fi' | 'sv';
  ids: ReportIdentifiers;
  allow: AllowMatcher;
  vocab: Vocabulary;
  places: Gazetteer;
  properNoun?: ((word: string) => ProperNounClass) & { knows?: (word: string) => boolean };
  failClosed: boolean;
  /** Characters already covered by a result of an earlier recognizer. */
  taken: Uint8Array;
  /** Results of the recognizers before this one in the registry. */
  found: readonly RecognizerResult[];
}

export interface Recognizer {
  name: string;
  entities: readonly (EntityKind | 'keep')[];
  analyze(a: Analysis): RecognizerResult[];
}

export const NOM: Inflection = { case: 'nom', number: 'sg' };

/** No character of [start, end) is covered by an earlier result. */
export function isFree(a: Analysis, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (a.taken[k]) return false;
  return true;
}

export function tokenFree(a: Analysis, i: number): boolean {
  const t = a.tokens[i];
  return t !== undefined && isFree(a, t.start, t.end);
}

/** Character range of tokens first..last, inclusive. */
export function tokenRange(a: Analysis, first: number, last: number): { start: number; end: number } {
  return { start: a.tokens[first]?.start ?? 0, end: a.tokens[last]?.end ?? 0 };
}

/** A result over tokens first..last: the kind's placeholder noun and case, its numbering key, score. */
export function tokenResult(
  a: Analysis,
  first: number,
  last: number,
  fields: Omit<RecognizerResult, 'start' | 'end'>,
): RecognizerResult {
  return { ...tokenRange(a, first, last), ...fields };
}

/** A maker of results of one kind over tokens: `(a, first, last, infl, key, score, recognizer)`. */
export function kindResult(entity: EntityKind, noun: PlaceholderNoun, keyPrefix: string) {
  return (
    a: Analysis,
    first: number,
    last: number,
    infl: Inflection,
    key: string,
    score: number,
    recognizer: string,
  ): RecognizerResult =>
    tokenResult(a, first, last, { entity, score, noun, infl, key: `${keyPrefix}${key}`, recognizer });
}
