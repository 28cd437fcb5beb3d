// Public value types of the anonymiser (re-exported by index.ts).

/** What an identifier is: one recognizer per kind (recognizers/), one operator per kind (operators.ts). */
export type EntityKind =
  | 'municipality'
  | 'region'
  | 'locality'
  | 'demonym'
  | 'person'
  | 'organisation'
  | 'product'
  | 'institution'
  | 'project'
  | 'project-code'
  | 'email'
  | 'phone'
  | 'url'
  | 'business-id'
  | 'address'
  | 'postcode'
  | 'iban'
  | 'identity-code'
  | 'hashtag'
  | 'name';

/** Terms never replaced: public bodies that identify no project, widely used products, common acronyms. */
export interface AllowList {
  terms: string[];
}

export interface Replacement {
  start: number;
  end: number;
  original: string;
  placeholder: string;
  kind: EntityKind;
  /** The recognizer that found it, and how sure it was (0–1). */
  recognizer: string;
  score: number;
}

export interface LearnedPerson {
  /** First names as written in the report ("Heli"). */
  firstNames: string[];
  /** Surname as first written ("Puputti", "Suomalainen-Ajanko"); empty when only a first name was seen. */
  surname: string;
}

/** What a whole report taught about itself; plain data, so it can be stored and passed to anonymise(). */
export interface ReportIdentifiers {
  report: string;
  /** The report's own project name(s), from the title and self-references ("Pohjois-Satakunnan digitalisaatiohanke"). */
  projectNames: string[];
  /** Named projects and their acronyms ("DIGIVAPA", "Satadigi", "Kohti E-kuntaa"). */
  otherProjects: string[];
  persons: LearnedPerson[];
  /** Firm names without the legal form ("Aarnikukko", "KS Viestintä"): also replaced when used alone. */
  firms: string[];
  /** Abbreviations of places the report uses ("P-S" for Pohjois-Satakunta). */
  placeAbbreviations: string[];
  /** Other capitalised names the fail-closed rule caught in the report ("Trimble", "Petäjäopisto"): replaced everywhere in it. */
  names: string[];
  /** Ids of the places the report names (gazetteer ids), for telling ambiguous words apart. */
  placeIds: string[];
  /** Numbering of entities for --numbered, "group|key" → letter, in order of first appearance in the report. */
  letters: Record<string, string>;
}

/** How an entity kind is replaced: a case-keeping placeholder, a numbered one, a plain mark, or not at all. */
export type OperatorName = 'placeholder' | 'numbered' | 'redact' | 'keep';

export interface AnonymiseOptions {
  /** "[kunta A]" instead of "[kunta]": the same entity gets the same letter within a report. */
  numbered?: boolean;
  /** Treat a capitalised word that is neither common nor allow-listed as a name (default true). */
  failClosed?: boolean;
  /** Language of the placeholders; default: decided per paragraph. */
  lang?: 'fi' | 'sv';
  /** Operator per entity kind, overriding the default (placeholder, or numbered with `numbered`). */
  operators?: Partial<Record<EntityKind, OperatorName>>;
}

export type ProperNounClass = 'person' | 'place' | 'other' | undefined;

export interface Leak {
  file: string;
  line: number;
  column: number;
  text: string;
  kind: EntityKind | 'inventory';
}
