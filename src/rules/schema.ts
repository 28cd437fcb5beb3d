// The rule files (rules/<lang>/*.yaml): linguistic knowledge as data, in a closed set of kinds, after vale's
// `extends:`. Every pattern belongs to a group with a `source:` note that says why it is there (the meaning
// of the kind, a rule of Finnish or Swedish grammar), never which sentence it was written for.

/** What a kind of rule tells the coder. */
export const RULE_KINDS = {
  /** Words that say how something went: `direction: positive | negative`. */
  outcome: 'words that say how something went',
  /** Negation: the outcome in its scope turns over ("ei onnistunut", "ei ongelmia"). */
  negator: 'negation words',
  /** Negators that are no sign of trouble on their own ("ilman", "utan"). */
  'quiet-negator': 'privative words that negate without saying anything went wrong',
  /** After these the clause weighs more; what stood before is background ("mutta", "kuitenkin"). */
  contrast: 'contrast markers',
  /** A concessive clause is background ("vaikka", "även om"). */
  concession: 'concessive conjunctions',
  /** Something was missing or should have been otherwise ("olisi tarvittu"). */
  counterfactual: 'counterfactual constructions',
  /** Less of a problem is a gain ("vähensi virheitä"). */
  reducer: 'verbs that reduce or remove',
  /** After a negator: something stopped being needed ("ei enää tarvitse"). */
  'no-longer': 'no-longer adverbs',
  /** A negated state before the project: a change for the better ("eivät aiemmin"). */
  'former-state': 'adverbs of the former state',
  /** "ei vain … vaan myös": no negation of the outcome. */
  'not-only': 'focus particles of "not only"',
  /** Verbs of occurring: "ongelmia ei ilmennyt" denies the problem before the negator. */
  existential: 'verbs of occurring',
  /** Words that match an outcome pattern but are no outcome ("huolimatta" is no abessive of trouble). */
  exception: 'forms that are never outcome cues',
  /** A sentence that records rather than reports (dates, sums, signing, appendices). */
  record: 'record sentences',
  /** Goals, plans, the future: not a realised outcome. */
  goal: 'goals, plans and the future',
  /** "Should", recommendations, advice to others. */
  recommendation: 'recommendations and obligations',
  /** Hindsight: what one would do differently. */
  hindsight: 'hindsight',
  /** Heading words: what a section reports, `lean: success | challenge | descriptive`. */
  section: 'section headings',
} as const;

export type RuleKind = keyof typeof RULE_KINDS;

export const DIRECTIONS = ['positive', 'negative'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const LEANS = ['success', 'challenge', 'descriptive'] as const;
export type Lean = (typeof LEANS)[number];

/** Inflection files describe endings, not patterns: `extends: inflection`. */
export const INFLECTION = 'inflection';
/** noun and verb files list inflectional endings; a derivation file lists suffixes that make another word. */
export const WORD_CLASSES = ['noun', 'verb', 'derivation'] as const;
export type WordClass = (typeof WORD_CLASSES)[number];

export const RULE_FILE_KEYS = ['extends', 'direction', 'lean', 'description', 'groups'] as const;
export const GROUP_KEYS = ['source', 'patterns'] as const;
export const INFLECTION_FILE_KEYS = ['extends', 'class', 'description', 'slots'] as const;
export const SLOT_KEYS = ['name', 'source', 'forms'] as const;
