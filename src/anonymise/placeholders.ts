// Placeholders that read as Finnish (or Swedish): the replaced word's case is kept, so
// "Kankaanpäässä" → "[kunnassa]", "Pomarkkuun" → "[kuntaan]", "Virtaselle" → "[henkilölle]";
// numbered: "[kunta A:ssa]", "[henkilö B:lle]" (the letter takes the ending, as Finnish writes it).
import type { Case, GrammaticalNumber, Inflection } from './inflect.js';

/** The noun a placeholder uses. */
export type PlaceholderNoun =
  | 'kunta'
  | 'paikkakunta'
  | 'alue'
  | 'kuntalainen'
  | 'henkilö'
  | 'yritys'
  | 'hanke'
  | 'taho'
  | 'email'
  | 'phone'
  | 'url'
  | 'business-id'
  | 'address';

type Paradigm = Record<GrammaticalNumber, Partial<Record<Case, string>>>;

// Each paradigm written out in full: placeholders are few and must be exactly right.
const FI: Record<string, Paradigm> = {
  kunta: {
    sg: {
      nom: 'kunta',
      gen: 'kunnan',
      part: 'kuntaa',
      ess: 'kuntana',
      transl: 'kunnaksi',
      iness: 'kunnassa',
      elat: 'kunnasta',
      ill: 'kuntaan',
      adess: 'kunnalla',
      ablat: 'kunnalta',
      allat: 'kunnalle',
      abess: 'kunnatta',
    },
    pl: {
      nom: 'kunnat',
      gen: 'kuntien',
      part: 'kuntia',
      ess: 'kuntina',
      transl: 'kunniksi',
      iness: 'kunnissa',
      elat: 'kunnista',
      ill: 'kuntiin',
      adess: 'kunnilla',
      ablat: 'kunnilta',
      allat: 'kunnille',
      comit: 'kuntineen',
    },
  },
  paikkakunta: {
    sg: {
      nom: 'paikkakunta',
      gen: 'paikkakunnan',
      part: 'paikkakuntaa',
      ess: 'paikkakuntana',
      transl: 'paikkakunnaksi',
      iness: 'paikkakunnalla',
      elat: 'paikkakunnalta',
      ill: 'paikkakunnalle',
      adess: 'paikkakunnalla',
      ablat: 'paikkakunnalta',
      allat: 'paikkakunnalle',
    },
    pl: {
      nom: 'paikkakunnat',
      gen: 'paikkakuntien',
      part: 'paikkakuntia',
      iness: 'paikkakunnilla',
      elat: 'paikkakunnilta',
      ill: 'paikkakunnille',
      adess: 'paikkakunnilla',
      ablat: 'paikkakunnilta',
      allat: 'paikkakunnille',
    },
  },
  // Areas take the external local cases in Finnish ("alueella"), whatever case the name itself took.
  alue: {
    sg: {
      nom: 'alue',
      gen: 'alueen',
      part: 'aluetta',
      ess: 'alueena',
      transl: 'alueeksi',
      iness: 'alueella',
      elat: 'alueelta',
      ill: 'alueelle',
      adess: 'alueella',
      ablat: 'alueelta',
      allat: 'alueelle',
      abess: 'alueetta',
    },
    pl: {
      nom: 'alueet',
      gen: 'alueiden',
      part: 'alueita',
      ess: 'alueina',
      transl: 'alueiksi',
      iness: 'alueilla',
      elat: 'alueilta',
      ill: 'alueille',
      adess: 'alueilla',
      ablat: 'alueilta',
      allat: 'alueille',
    },
  },
  kuntalainen: {
    sg: {
      nom: 'kuntalainen',
      gen: 'kuntalaisen',
      part: 'kuntalaista',
      ess: 'kuntalaisena',
      transl: 'kuntalaiseksi',
      iness: 'kuntalaisessa',
      elat: 'kuntalaisesta',
      ill: 'kuntalaiseen',
      adess: 'kuntalaisella',
      ablat: 'kuntalaiselta',
      allat: 'kuntalaiselle',
    },
    pl: {
      nom: 'kuntalaiset',
      gen: 'kuntalaisten',
      part: 'kuntalaisia',
      ess: 'kuntalaisina',
      transl: 'kuntalaisiksi',
      iness: 'kuntalaisissa',
      elat: 'kuntalaisista',
      ill: 'kuntalaisiin',
      adess: 'kuntalaisilla',
      ablat: 'kuntalaisilta',
      allat: 'kuntalaisille',
      comit: 'kuntalaisineen',
    },
  },
  henkilö: {
    sg: {
      nom: 'henkilö',
      gen: 'henkilön',
      part: 'henkilöä',
      ess: 'henkilönä',
      transl: 'henkilöksi',
      iness: 'henkilössä',
      elat: 'henkilöstä',
      ill: 'henkilöön',
      adess: 'henkilöllä',
      ablat: 'henkilöltä',
      allat: 'henkilölle',
      abess: 'henkilöttä',
    },
    pl: {
      nom: 'henkilöt',
      gen: 'henkilöiden',
      part: 'henkilöitä',
      ess: 'henkilöinä',
      transl: 'henkilöiksi',
      iness: 'henkilöissä',
      elat: 'henkilöistä',
      ill: 'henkilöihin',
      adess: 'henkilöillä',
      ablat: 'henkilöiltä',
      allat: 'henkilöille',
    },
  },
  yritys: {
    sg: {
      nom: 'yritys',
      gen: 'yrityksen',
      part: 'yritystä',
      ess: 'yrityksenä',
      transl: 'yritykseksi',
      iness: 'yrityksessä',
      elat: 'yrityksestä',
      ill: 'yritykseen',
      adess: 'yrityksellä',
      ablat: 'yritykseltä',
      allat: 'yritykselle',
      abess: 'yrityksettä',
    },
    pl: {
      nom: 'yritykset',
      gen: 'yritysten',
      part: 'yrityksiä',
      ess: 'yrityksinä',
      transl: 'yrityksiksi',
      iness: 'yrityksissä',
      elat: 'yrityksistä',
      ill: 'yrityksiin',
      adess: 'yrityksillä',
      ablat: 'yrityksiltä',
      allat: 'yrityksille',
    },
  },
  hanke: {
    sg: {
      nom: 'hanke',
      gen: 'hankkeen',
      part: 'hanketta',
      ess: 'hankkeena',
      transl: 'hankkeeksi',
      iness: 'hankkeessa',
      elat: 'hankkeesta',
      ill: 'hankkeeseen',
      adess: 'hankkeella',
      ablat: 'hankkeelta',
      allat: 'hankkeelle',
      abess: 'hankkeetta',
    },
    pl: {
      nom: 'hankkeet',
      gen: 'hankkeiden',
      part: 'hankkeita',
      ess: 'hankkeina',
      transl: 'hankkeiksi',
      iness: 'hankkeissa',
      elat: 'hankkeista',
      ill: 'hankkeisiin',
      adess: 'hankkeilla',
      ablat: 'hankkeilta',
      allat: 'hankkeille',
    },
  },
  taho: {
    sg: {
      nom: 'taho',
      gen: 'tahon',
      part: 'tahoa',
      ess: 'tahona',
      transl: 'tahoksi',
      iness: 'tahossa',
      elat: 'tahosta',
      ill: 'tahoon',
      adess: 'taholla',
      ablat: 'taholta',
      allat: 'taholle',
    },
    pl: {
      nom: 'tahot',
      gen: 'tahojen',
      part: 'tahoja',
      iness: 'tahoissa',
      elat: 'tahoista',
      ill: 'tahoihin',
      adess: 'tahoilla',
      ablat: 'tahoilta',
      allat: 'tahoille',
    },
  },
};

const FI_FIXED: Record<string, string> = {
  email: 'sähköpostiosoite',
  phone: 'puhelinnumero',
  url: 'verkko-osoite',
  'business-id': 'y-tunnus',
  address: 'osoite',
};

// Swedish: names take only the genitive -s; the placeholder is a definite noun.
const SV: Record<string, [string, string, string]> = {
  // [definite, definite genitive, numbered stem]
  kunta: ['kommunen', 'kommunens', 'kommun'],
  paikkakunta: ['orten', 'ortens', 'ort'],
  alue: ['regionen', 'regionens', 'region'],
  kuntalainen: ['kommuninvånarna', 'kommuninvånarnas', 'kommuninvånare'],
  henkilö: ['personen', 'personens', 'person'],
  yritys: ['företaget', 'företagets', 'företag'],
  hanke: ['projektet', 'projektets', 'projekt'],
  taho: ['aktören', 'aktörens', 'aktör'],
  email: ['e-postadress', 'e-postadress', 'e-postadress'],
  phone: ['telefonnummer', 'telefonnummer', 'telefonnummer'],
  url: ['webbadress', 'webbadress', 'webbadress'],
  'business-id': ['FO-nummer', 'FO-nummer', 'FO-nummer'],
  address: ['adress', 'adress', 'adress'],
};

// How a letter is read aloud decides its ending after the colon: A:ssa (aa), B:ssä (bee), F:ssä (äf).
const LETTER_READING: Record<string, string> = {
  A: 'aa',
  B: 'bee',
  C: 'cee',
  D: 'dee',
  E: 'ee',
  F: 'äf',
  G: 'gee',
  H: 'hoo',
  I: 'ii',
  J: 'jii',
  K: 'koo',
  L: 'äl',
  M: 'äm',
  N: 'än',
  O: 'oo',
  P: 'pee',
  Q: 'kuu',
  R: 'är',
  S: 'äs',
  T: 'tee',
  U: 'uu',
  V: 'vee',
  W: 'vee',
  X: 'äks',
  Y: 'yy',
  Z: 'tset',
};

/** Ending of a letter in a case, written after a colon: ("A", iness) → ":ssa", ("F", ill) → ":ään". */
export function letterEnding(letter: string, c: Case): string {
  const reading = LETTER_READING[letter.charAt(0)] ?? 'aa';
  const back = /[aou]/.test(reading);
  const a = back ? 'a' : 'ä';
  const vowelFinal = /[aeiouyäö]$/.test(reading);
  const lastVowel = reading.replace(/[^aeiouyäö]/g, '').slice(-1) || 'a';
  switch (c) {
    case 'nom':
      return '';
    case 'gen':
      return ':n';
    case 'part':
      return vowelFinal ? `:t${a}` : `:${a}${a}`;
    case 'ess':
      return `:n${a}`;
    case 'transl':
      return ':ksi';
    case 'iness':
      return `:ss${a}`;
    case 'elat':
      return `:st${a}`;
    case 'ill':
      return vowelFinal ? `:h${lastVowel}n` : `:${a}${a}n`;
    case 'adess':
      return `:ll${a}`;
    case 'ablat':
      return `:lt${a}`;
    case 'allat':
      return ':lle';
    case 'abess':
      return `:tt${a}`;
    case 'comit':
      return ':ineen';
  }
}

/** Letter for the n-th entity of a kind in a report: A, B, …, Z, A2, B2, … */
export function letterFor(n: number): string {
  const letter = String.fromCharCode(65 + (n % 26));
  return n < 26 ? letter : `${letter}${Math.floor(n / 26) + 1}`;
}

function finnishForm(noun: string, infl: Inflection): string {
  const p = FI[noun];
  if (!p) return FI_FIXED[noun] ?? noun;
  return p[infl.number][infl.case] ?? p[infl.number].nom ?? p.sg.nom ?? noun;
}

/**
 * The placeholder text, brackets included.
 * Finnish: placeholder('kunta', {iness, sg}) → "[kunnassa]"; numbered 'A' → "[kunta A:ssa]";
 * residents numbered → "[A-kuntalaisille]". Swedish: "[kommunen]", "[kommun A]", "[kommun A:s]".
 */
export function placeholder(
  noun: PlaceholderNoun,
  infl: Inflection,
  lang: 'fi' | 'sv' = 'fi',
  letter?: string,
): string {
  if (lang === 'sv') {
    const [definite, genitive, stem] = SV[noun] ?? [noun, noun, noun];
    if (letter && FI[noun]) return `[${stem} ${letter}${infl.case === 'gen' ? ':s' : ''}]`;
    return `[${infl.case === 'gen' ? genitive : definite}]`;
  }
  if (!FI[noun]) return `[${FI_FIXED[noun] ?? noun}]`;
  if (!letter) return `[${finnishForm(noun, infl)}]`;
  if (noun === 'kuntalainen') return `[${letter}-${finnishForm(noun, infl)}]`;
  if (infl.number === 'pl' && infl.case !== 'nom') return `[${finnishForm(noun, infl)} ${letter}]`;
  return `[${finnishForm(noun, { case: 'nom', number: infl.number })} ${letter}${letterEnding(letter, infl.case)}]`;
}
