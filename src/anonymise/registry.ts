// The recognizer registry (Presidio's RecognizerRegistry): every entity kind's recognizer, in the order
// they run. Order matters only for what a recognizer may look at (Analysis.taken, Analysis.found): the
// most specific run first, so a firm's legal form or an e-mail is found before the words inside it are
// looked at as persons or places; the resolver then decides every overlap by score.
import { addressRecognizer, postcodeRecognizer } from './recognizers/address.js';
import { allowListRecognizer } from './recognizers/allow-list.js';
import {
  businessIdRecognizer,
  emailRecognizer,
  hashtagRecognizer,
  ibanRecognizer,
  identityCodeRecognizer,
  phoneRecognizer,
  urlRecognizer,
} from './recognizers/contacts.js';
import { institutionRecognizer } from './recognizers/institution.js';
import { learnedNameRecognizer, unknownNameRecognizer } from './recognizers/name.js';
import { learnedFirmRecognizer, legalFormRecognizer, vendorRecognizer } from './recognizers/organisation.js';
import {
  learnedPersonRecognizer,
  nameListRecognizer,
  personPatternRecognizer,
} from './recognizers/person.js';
import { demonymRecognizer, placeRecognizer } from './recognizers/place.js';
import { projectCodeRecognizer, projectRecognizer } from './recognizers/project.js';
import type { Recognizer } from './recognizers/recognizer.js';

export const REGISTRY: readonly Recognizer[] = [
  emailRecognizer,
  urlRecognizer,
  identityCodeRecognizer,
  ibanRecognizer,
  phoneRecognizer,
  businessIdRecognizer,
  hashtagRecognizer,
  addressRecognizer,
  postcodeRecognizer,
  projectCodeRecognizer,
  legalFormRecognizer,
  allowListRecognizer,
  learnedFirmRecognizer,
  vendorRecognizer,
  projectRecognizer,
  learnedPersonRecognizer,
  personPatternRecognizer,
  placeRecognizer,
  demonymRecognizer,
  institutionRecognizer,
  nameListRecognizer,
  unknownNameRecognizer,
  learnedNameRecognizer,
];
