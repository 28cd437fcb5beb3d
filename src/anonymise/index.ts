// Public API of the anonymiser: quotes in a published synthesis must not let anyone recognise the
// municipality, person or firm. Built the way Microsoft Presidio is: recognizers/ (one per entity kind)
// in a registry (registry.ts), one resolver for overlaps (resolve.ts), operators per entity kind
// (operators.ts), word lists and placeholder tables as data (data/). check/ is the leak check, an
// independent second look at the outputs.
export {
  type Anonymiser,
  type AnonymiserOptions,
  createAnonymiser,
  emptyIdentifiers,
  type ProperNoun,
} from './anonymiser.js';
export { findLeaks, type LeakCheckOptions } from './check/find-leaks.js';
export { forgetInventoryMatchers } from './check/inventory-matcher.js';
export { gazetteer, type PlaceRef } from './gazetteer.js';
export { demonymsOf, formsOf, type Inflection, stemsOf } from './inflect.js';
export { placeholder } from './operators.js';
export { REGISTRY } from './registry.js';
export type {
  AllowList,
  AnonymiseOptions,
  EntityKind,
  Leak,
  LearnedPerson,
  OperatorName,
  ProperNounClass,
  Replacement,
  ReportIdentifiers,
} from './types.js';
export { properNounFromVoikko } from './voikko-proper-noun.js';
