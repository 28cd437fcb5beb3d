// Finnish case forms generated from a nominative, by rule, for names the program has never seen inflected:
// Kankaanpää → Kankaanpäässä, Lahti → Lahdessa, Turku → Turussa, Siikainen → Siikaisissa/Siikaisten,
// Helsinki → Helsingissä, Pihtipudas → Pihtiputaalla, Virrat → Virroilla.
//
// A name gives a few stems (strong and weak grade, i- and e-stems, -nen → -se-/-s-/-si-), and a word is
// read back as stem + ending. The rules over-generate on purpose (both i- and e-stems for every -i name,
// both grades for every ending): a form like "Poressa" never occurs, so generating it costs nothing,
// while missing "Lopella" would leak a municipality. Matching is always against a known name's stems.

/** The Finnish cases, in this order (lexicon-data.ts numbers inflections by it). */
export const CASES = [
  'nom',
  'gen',
  'part',
  'ess',
  'transl',
  'iness',
  'elat',
  'ill',
  'adess',
  'ablat',
  'allat',
  'abess',
  'comit',
] as const;
export type Case = (typeof CASES)[number];
export type GrammaticalNumber = 'sg' | 'pl';
export interface Inflection {
  case: Case;
  number: GrammaticalNumber;
}

/** Which endings a stem takes: singular vowel stem, plural (i-)stem, consonant stem, or the bare nominative. */
export type StemKind = 'sg' | 'pl' | 'cons' | 'nom';
export interface Stem {
  stem: string;
  kind: StemKind;
}
export type Harmony = 'back' | 'front';

const VOWELS = 'aeiouyäöå';
const isVowel = (c: string | undefined): boolean => c !== undefined && VOWELS.includes(c);

/** Back if the last harmonic vowel is a/o/u (or å), front if ä/ö/y or only e/i: "Helsinki" → Helsingissä. */
export function harmonyOf(word: string): Harmony {
  for (let i = word.length - 1; i >= 0; i--) {
    const c = word[i]?.toLowerCase();
    if (c === 'a' || c === 'o' || c === 'u' || c === 'å') return 'back';
    if (c === 'ä' || c === 'ö' || c === 'y') return 'front';
    if (c === '-' || c === ' ') break; // the last part of a compound decides
  }
  return 'front';
}

export function toHarmony(ending: string, harmony: Harmony): string {
  return harmony === 'back' ? ending : ending.replace(/a/g, 'ä').replace(/o/g, 'ö').replace(/u/g, 'y');
}

// Consonant gradation, strong → weak, for the consonants before a stem's final vowel.
const WEAKER: Record<string, string[]> = {
  kk: ['k'],
  pp: ['p'],
  tt: ['t'],
  nk: ['ng'],
  mp: ['mm'],
  lt: ['ll'],
  nt: ['nn'],
  rt: ['rr'],
  ht: ['hd'],
  lk: ['l', 'lj'],
  rk: ['r', 'rj'],
  hk: ['h'],
  lp: ['lv'],
  rp: ['rv'],
  k: ['', 'v'],
  p: ['v'],
  t: ['d'],
};
const STRONGER: Record<string, string[]> = {
  k: ['kk'],
  p: ['pp'],
  t: ['tt'],
  ng: ['nk'],
  mm: ['mp'],
  ll: ['lt'],
  nn: ['nt'],
  rr: ['rt'],
  hd: ['ht'],
  lj: ['lk'],
  rj: ['rk'],
  lv: ['lp'],
  rv: ['rp'],
  d: ['t'],
  v: ['p', 'k'],
  nk: ['nkk'],
  mp: ['mpp'],
  lk: ['lkk'],
  rk: ['rkk'],
  hk: ['hkk'],
  lp: ['lpp'],
  rp: ['rpp'],
  '': ['k'],
};

/** Splits a stem ending in one short vowel into (head ending in a vowel, consonant cluster, final vowel). */
function gradationSite(stem: string): [string, string, string] | undefined {
  const m = /^(.*[aeiouyäöå])([^aeiouyäöå]*)([aeiouyäöå])$/u.exec(stem);
  if (!m) return undefined;
  return [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
}

/** Weak-grade variants of a vowel stem: "lahti" → ["lahdi"], "turku" → ["turu", "turju"], "kurikka" → ["kurika"]. */
export function weaken(stem: string): string[] {
  const site = gradationSite(stem);
  if (!site) return [];
  const [head, cluster, vowel] = site;
  const out: string[] = [];
  // A double stop after another consonant grades alone: Pomarkku → Pomarku-, Kemppainen → Kempai-.
  if (!(cluster in WEAKER) && /(kk|pp|tt)$/.test(cluster)) return [head + cluster.slice(0, -1) + vowel];
  for (const weak of WEAKER[cluster] ?? []) {
    if (weak === 'v' && !(head.endsWith('u') && vowel === 'u') && !(head.endsWith('y') && vowel === 'y'))
      continue;
    out.push(head + weak + vowel);
  }
  return out;
}

/** Strong-grade variants of a vowel stem: "hanke" → ["hankke"], "pihtipuda" → ["pihtiputa"], "virra" → ["virta"]. */
export function strengthen(stem: string): string[] {
  const site = gradationSite(stem);
  if (!site) return [];
  const [head, cluster, vowel] = site;
  const out: string[] = [];
  for (const strong of STRONGER[cluster] ?? []) {
    if (cluster === '' && head.length < 2) continue;
    out.push(head + strong + vowel);
  }
  return out;
}

const LONG_END = /([aeiouyäö])\1$|(ie|uo|yö|[aeouäöy]i|[aeio]u|[äeiy]y)$/u;

/**
 * Stems of a (lower-case) nominative. Only the last part of a hyphenated or multi-part name inflects:
 * "mänttä-vilppula" → "mänttä-vilppula", "mänttä-vilppulassa".
 */
export function stemsOf(nominative: string): Stem[] {
  const w = nominative.toLowerCase();
  const cut = Math.max(w.lastIndexOf('-'), w.lastIndexOf(' ')) + 1;
  const prefix = w.slice(0, cut);
  const last = w.slice(cut);
  const stems = lastPartStems(last);
  const seen = new Set<string>();
  const out: Stem[] = [];
  for (const s of stems) {
    const key = `${s.kind}:${s.stem}`;
    if (s.stem.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push({ stem: prefix + s.stem, kind: s.kind });
  }
  return out;
}

function lastPartStems(w: string): Stem[] {
  const out: Stem[] = [{ stem: w, kind: 'nom' }];
  const sg = (...s: string[]) => out.push(...s.map((stem) => ({ stem, kind: 'sg' as const })));
  const pl = (...s: string[]) => out.push(...s.map((stem) => ({ stem, kind: 'pl' as const })));
  const cons = (...s: string[]) => out.push(...s.map((stem) => ({ stem, kind: 'cons' as const })));
  const last = w.slice(-1);

  if (w.length > 4 && w.endsWith('nen')) {
    // Siikainen → Siikaise-n, Siikais-ta, Siikais-ten, Siikaisi-ssa; demonyms likewise.
    const x = w.slice(0, -3);
    sg(`${x}se`);
    cons(`${x}s`);
    pl(`${x}si`);
    return out;
  }
  if (isVowel(last)) {
    if (LONG_END.test(w)) {
      sg(w); // Kankaanpää-ssä, Espoo-seen, Kitee-llä, Joensuu-hun
      return out;
    }
    if (last === 'e') {
      // Tampere → Tamperee-n, Häme → Hämee-n, Raahe → Raahe-n, hanke → hankkee-n.
      sg(w, `${w}e`, ...strengthen(w).flatMap((s) => [s, `${s}e`]));
      pl(`${w.slice(0, -1)}ei`, ...strengthen(w).map((s) => `${s.slice(0, -1)}ei`));
      return out;
    }
    if (last === 'i' && !isVowel(w.at(-2))) {
      // New i-stems (Pori-ssa, Helsingi-ssä) and old e-stems (Lahde-ssa, Järve-llä, Joe-lla, Lope-lla).
      const iStems = [w, ...weaken(w)];
      sg(...iStems);
      pl(...iStems);
      if (w.length > 3) {
        const e = `${w.slice(0, -1)}e`;
        sg(e, ...weaken(e));
        if (/[aeiouyäö]si$/u.test(w)) {
          // vesi → vede-, vete-, vet-tä; uusi → uude-, uute-, uut-ta.
          const h = w.slice(0, -2);
          sg(`${h}de`, `${h}te`);
          cons(`${h}t`);
        }
        if (/[lnr]mi$|iemi$/u.test(w)) cons(`${w.slice(0, -2)}n`); // niemi → nien-tä, salmi → salmea (sg covers)
      }
      return out;
    }
    // Short final a/ä/o/u/y/ö (and i after a vowel): Kotka-ssa, Turu-ssa, Kurika-ssa, Pyhäranna-ssa.
    sg(w, ...weaken(w));
    if (last === 'a' || last === 'ä') {
      const h = w.slice(0, -1);
      pl(`${h}i`, `${h}oi`, ...weaken(w).map((s) => `${s.slice(0, -1)}i`));
    } else {
      pl(`${w}i`, ...weaken(w).map((s) => `${s}i`));
    }
    return out;
  }
  // Consonant-final.
  if (last === 's') {
    const x = w.slice(0, -1);
    sg(`${x}kse`, `${x}de`, `${x}te`); // Kannukse-ssa, Alavude-lla, Varkaute-en
    if (/[aä]s$/u.test(w) && w.length > 3) {
      const v = w.at(-2) ?? 'a';
      for (const s of strengthen(x)) sg(`${s}${v}`); // Pihtipudas → Pihtiputaa-lla, kangas → kankaa-lla
    }
    cons(w); // Kannus-ta
    sg(`${w}i`); // foreign: Teams-iin, Närpes-issä
    return out;
  }
  if (last === 't' && isVowel(w.at(-2)) && w.length > 3) {
    // Plural names: Virrat → Virroi-lla, Virtain; Kuusiokunnat → Kuusiokunni-ssa, Kuusiokunti-en.
    const x = w.slice(0, -1);
    const bases = [x.slice(0, -1), ...strengthen(x).map((s) => s.slice(0, -1))];
    for (const b of bases) pl(`${b}oi`, `${b}öi`, `${b}i`);
    pl(`${x}i`, ...weaken(x).map((s) => `${s}i`)); // Digipalvelut → Digipalvelui-den, -ssa
    sg(`${w}i`);
    return out;
  }
  if (last === 'n' && w.length > 3) {
    const x = w.slice(0, -1);
    for (const s of [x, ...strengthen(x)]) sg(`${s}me`); // Punkalaidun → Punkalaitume-lla
    cons(w);
  }
  sg(`${w}i`); // foreign and Swedish: Korsholm-issa, Raseborg-in, Webropol-ia, Dropbox-iin
  return out;
}

interface EndingSpec {
  ending: string;
  infl: Inflection;
}
const e = (ending: string, c: Case, number: GrammaticalNumber = 'sg'): EndingSpec => ({
  ending,
  infl: { case: c, number },
});

const SG_ENDINGS: EndingSpec[] = [
  e('', 'nom'),
  e('n', 'gen'),
  e('a', 'part'),
  e('ta', 'part'),
  e('tta', 'part'),
  e('na', 'ess'),
  e('ksi', 'transl'),
  e('ssa', 'iness'),
  e('sta', 'elat'),
  e('seen', 'ill'),
  e('lla', 'adess'),
  e('lta', 'ablat'),
  e('lle', 'allat'),
  e('t', 'nom', 'pl'),
  e('s', 'gen'), // Swedish genitive: "Kankaanpääs", "Närpes" stays
];
const PL_ENDINGS: EndingSpec[] = [
  e('ssa', 'iness', 'pl'),
  e('sta', 'elat', 'pl'),
  e('lla', 'adess', 'pl'),
  e('lta', 'ablat', 'pl'),
  e('lle', 'allat', 'pl'),
  e('na', 'ess', 'pl'),
  e('ksi', 'transl', 'pl'),
  e('in', 'ill', 'pl'),
  e('hin', 'ill', 'pl'),
  e('siin', 'ill', 'pl'),
  e('a', 'part', 'pl'),
  e('ta', 'part', 'pl'),
  e('en', 'gen', 'pl'),
  e('den', 'gen', 'pl'),
  e('tten', 'gen', 'pl'),
  e('ne', 'comit', 'pl'),
];
const CONS_ENDINGS: EndingSpec[] = [e('ta', 'part'), e('ten', 'gen', 'pl')];
const NOM_ENDINGS: EndingSpec[] = [e('', 'nom'), e('s', 'gen')];

const ENDINGS: Record<StemKind, EndingSpec[]> = {
  sg: SG_ENDINGS,
  pl: PL_ENDINGS,
  cons: CONS_ENDINGS,
  nom: NOM_ENDINGS,
};

// The endings of a stem depend only on its kind, harmony and (for the illatives) last vowel: a few dozen
// lists, built once each instead of on every lookup of every word.
const endingLists = new Map<string, readonly EndingSpec[]>();

/** All (ending, inflection) pairs a stem takes, in its harmony, including the illatives that echo its vowel. */
export function endingsOf(stem: Stem, harmony: Harmony): readonly EndingSpec[] {
  const v = stem.stem.slice(-1);
  const echo = stem.kind === 'sg' && isVowel(v);
  const key = echo ? `${stem.kind}|${harmony}|${v}` : `${stem.kind}|${harmony}`;
  const known = endingLists.get(key);
  if (known) return known;
  const out = ENDINGS[stem.kind].map((s) => ({ ending: toHarmony(s.ending, harmony), infl: s.infl }));
  if (echo) {
    out.push(e(`${v}n`, 'ill')); // Pomarkku-un, Pori-in, Karvia-an
    out.push(e(`h${v}n`, 'ill')); // Kankaanpää-hän, Ii-hin
  }
  endingLists.set(key, out);
  return out;
}

const CLITICS = ['kin', 'kaan', 'kään', 'han', 'hän', 'pa', 'pä', 'ko', 'kö'];

export type StemLookup<T> = (
  stem: string,
) => readonly { value: T; stem: Stem; harmony: Harmony }[] | undefined;

/** Reads a lower-case word as stem + ending against known stems; clitics (-kin, -han) are stripped. */
export function analyse<T>(word: string, lookup: StemLookup<T>): { value: T; infl: Inflection }[] {
  const direct = analyseBare(word, lookup);
  if (direct.length > 0) return direct;
  for (const c of CLITICS) {
    if (word.length > c.length + 2 && word.endsWith(c)) {
      const found = analyseBare(word.slice(0, -c.length), lookup);
      if (found.length > 0) return found;
    }
  }
  return [];
}

function analyseBare<T>(word: string, lookup: StemLookup<T>): { value: T; infl: Inflection }[] {
  const out: { value: T; infl: Inflection }[] = [];
  for (let cut = word.length; cut >= Math.max(1, word.length - 5); cut--) {
    const entries = lookup(word.slice(0, cut));
    if (!entries) continue;
    const ending = word.slice(cut);
    for (const entry of entries) {
      for (const spec of endingsOf(entry.stem, entry.harmony)) {
        if (spec.ending === ending) out.push({ value: entry.value, infl: spec.infl });
      }
    }
    if (out.length > 0) return out;
  }
  return out;
}

/**
 * Names whose first part is an adjective inflect in both parts: Uusikaupunki → Uudessakaupungissa,
 * Uusimaa → Uudellamaalla, Isokyrö → Isossakyrössä. Returns those extra forms (empty for other names).
 */
export function doubleInflectedForms(nominative: string): Map<string, Inflection> {
  const w = nominative.toLowerCase();
  const m = /^(.*-)?(uusi|iso)(.{3,})$/u.exec(w);
  const out = new Map<string, Inflection>();
  if (!m) return out;
  const [, prefix = '', adjective = '', noun = ''] = m;
  const adjectiveForms = formsOf(adjective);
  const nounForms = formsOf(noun);
  for (const [a, ai] of adjectiveForms) {
    for (const [n, ni] of nounForms) {
      if (ai.case === ni.case && ai.number === ni.number && ai.case !== 'nom') out.set(prefix + a + n, ni);
    }
  }
  return out;
}

/** Every generated form of a nominative with its inflection (first reading wins). */
export function formsOf(nominative: string): Map<string, Inflection> {
  const harmony = harmonyOf(nominative);
  const out = new Map<string, Inflection>();
  for (const stem of stemsOf(nominative)) {
    for (const spec of endingsOf(stem, harmony)) {
      const form = stem.stem + spec.ending;
      if (!out.has(form)) out.set(form, spec.infl);
    }
  }
  return out;
}

/**
 * Residents' names of a place, lower-case nominatives: Kankaanpää → kankaanpääläinen, Lahti → lahtelainen,
 * Siikainen → siikaislainen, Karjala → karjalainen, Pohjois-Satakunta → pohjois-satakuntalainen.
 */
export function demonymsOf(nominative: string): string[] {
  const w = nominative.toLowerCase();
  const bases = new Set<string>([w]);
  if (w.endsWith('nen')) bases.add(`${w.slice(0, -3)}s`);
  else if (/[^aeiouyäö]i$/u.test(w)) {
    const e = `${w.slice(0, -1)}e`;
    bases.add(e);
  }
  const out = new Set<string>();
  for (const b of bases) {
    const suffix = harmonyOf(b) === 'back' ? 'lainen' : 'läinen';
    out.add(b + suffix);
    // Rovaniemi → rovaniemeläinen: a neutral last part (-niemi, -vesi) takes front harmony.
    if (/[aou][^aouäöy]*[ei][^aouäöyei]*$/u.test(b)) out.add(`${b}läinen`);
    if (/l[aä]$/u.test(b)) out.add(`${b}${harmonyOf(b) === 'back' ? 'inen' : 'inen'}`); // karjala-inen
  }
  if (w.endsWith('nen')) out.delete(`${w}${harmonyOf(w) === 'back' ? 'lainen' : 'läinen'}`);
  // Länsi-Uusimaa → länsiuusimaalainen, Pohjois-Satakunta → pohjoissatakuntalainen: the hyphen goes.
  for (const d of [...out]) if (d.includes('-')) out.add(d.replace(/-/g, ''));
  return [...out];
}

/** Case of an ending written after a colon, as in "Oy:n", "DVV:lle", "A4:ssä". */
export function caseOfColonEnding(ending: string): Inflection {
  const x = ending.toLowerCase().replace(/[äöy]/g, (c) => (c === 'ä' ? 'a' : c === 'ö' ? 'o' : 'u'));
  if (x === 'n') return { case: 'gen', number: 'sg' };
  if (x === 'ssa') return { case: 'iness', number: 'sg' };
  if (x === 'sta') return { case: 'elat', number: 'sg' };
  if (x === 'lla') return { case: 'adess', number: 'sg' };
  if (x === 'lta') return { case: 'ablat', number: 'sg' };
  if (x === 'lle') return { case: 'allat', number: 'sg' };
  if (x === 'ksi') return { case: 'transl', number: 'sg' };
  if (x === 'na') return { case: 'ess', number: 'sg' };
  if (x === 'a' || x === 'ta' || x === 'aa') return { case: 'part', number: 'sg' };
  if (/^(h?[aeiou]n|aan|een|seen)$/.test(x)) return { case: 'ill', number: 'sg' };
  if (x === 't') return { case: 'nom', number: 'pl' };
  return { case: 'nom', number: 'sg' };
}

/** Best guess of the case of a word whose stem is unknown (fail-closed names): "Trimblen" → genitive. */
export function guessCase(word: string): Inflection {
  const w = word.toLowerCase();
  const colon = w.lastIndexOf(':');
  if (colon > 0) return caseOfColonEnding(w.slice(colon + 1));
  const rules: [RegExp, Case][] = [
    [/iss[aä]$/u, 'iness'],
    [/ss[aä]$/u, 'iness'],
    [/st[aä]$/u, 'elat'],
    [/ll[aä]$/u, 'adess'],
    [/lt[aä]$/u, 'ablat'],
    [/lle$/u, 'allat'],
    [/ksi$/u, 'transl'],
    // "-een" is mostly the genitive of an e-stem ("Pisteen", "Hankkeen"); other long vowels + n the illative.
    [/(seen|([aiouyäö])\2n|h[aeiouyäö]n)$/u, 'ill'],
    [/[aeiouyäö]n$/u, 'gen'],
  ];
  if (w.length > 4) {
    for (const [re, c] of rules) if (re.test(w)) return { case: c, number: 'sg' };
  }
  return { case: 'nom', number: 'sg' };
}
