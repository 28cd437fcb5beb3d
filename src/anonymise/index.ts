// Public API of the anonymiser: quotes in a published synthesis must not let anyone recognise the
// municipality, person or firm. See anonymiser.ts (replacement), leaks.ts (the check), gazetteer.ts,
// inflect.ts (Finnish case forms) and placeholders.ts (case-keeping placeholders).
export { type Anonymiser, type AnonymiserOptions, createAnonymiser, emptyIdentifiers } from './anonymiser.js';
export { gazetteer, type PlaceRef } from './gazetteer.js';
export { demonymsOf, formsOf, type Inflection, stemsOf } from './inflect.js';
export { findLeaks } from './leaks.js';
export { placeholder } from './placeholders.js';
export type {
  AllowList,
  AnonymiseOptions,
  EntityKind,
  Leak,
  LearnedPerson,
  ProperNounClass,
  Replacement,
  ReportIdentifiers,
} from './types.js';
export { properNounFromVoikko } from './voikko-proper-noun.js';
