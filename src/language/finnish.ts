// Finnish term stems: from a lemma, the prefixes its inflected forms begin with.
// Snowball alone is not enough for Finnish: it stems kunta → "kun" (the conjunction), palaute → "palaut" but
// never relates ymmärrys/ymmärryksen or asukas/asukkaiden, and knows nothing of consonant gradation. These
// rules derive the stem classes of a nominal or verb lemma (nominative / weak / strong grade, -nen and -us
// types) so that "kunta" matches kunnan, kunnissa, kuntien, and "palaute" matches palautteen, palautteita.

const VOWEL = /[aeiouyäöå]/;

/** Strong → weak grade, longest first: kk→k, nt→nn, t→d, k→∅, ... (applied to the end of a stem). */
const WEAKEN: ReadonlyArray<[string, string]> = [
  ['kk', 'k'],
  ['pp', 'p'],
  ['tt', 't'],
  ['nk', 'ng'],
  ['mp', 'mm'],
  ['lt', 'll'],
  ['nt', 'nn'],
  ['rt', 'rr'],
  ['ht', 'hd'],
  ['lk', 'lj'],
  ['rk', 'rj'],
  ['t', 'd'],
  ['p', 'v'],
  ['k', ''],
];

/** Weak → strong grade (a stem ending may be either; both are kept by the caller). */
const STRENGTHEN: ReadonlyArray<[string, string]> = [
  ['ng', 'nk'],
  ['mm', 'mp'],
  ['ll', 'lt'],
  ['nn', 'nt'],
  ['rr', 'rt'],
  ['hd', 'ht'],
  ['d', 't'],
  ['v', 'p'],
  ['k', 'kk'],
  ['p', 'pp'],
  ['t', 'tt'],
];

function swapEnd(stem: string, table: ReadonlyArray<[string, string]>): string | undefined {
  for (const [from, to] of table) {
    if (!stem.endsWith(from)) continue;
    const before = stem.slice(0, stem.length - from.length);
    // Single-consonant gradation happens after a vowel, or after l/r/h (tarve → tarpeen, lähde → lähteen).
    if (from.length === 1 && !/[aeiouyäöålrh]/.test(before.slice(-1))) continue;
    return before + to;
  }
  return undefined;
}

export function weaken(stem: string): string {
  return swapEnd(stem, WEAKEN) ?? stem;
}

export function strengthen(stem: string): string {
  return swapEnd(stem, STRENGTHEN) ?? stem;
}

function isVowel(c: string | undefined): boolean {
  return c !== undefined && VOWEL.test(c);
}

/**
 * Prefixes that the inflected (and compounded) forms of a Finnish lemma start with.
 * A trailing "*" in the codebook means: the author gives the stem, use it as is.
 */
export function finnishStems(lemma: string): string[] {
  const l = lemma.toLowerCase();
  if (l.endsWith('*')) return [l.slice(0, -1)];
  const out = new Set<string>([l]);
  const last = l.slice(-1);
  const prev = l.slice(-2, -1);
  if (l.length < 3) return [...out];

  if (l.endsWith('nen') && l.length > 5) {
    // sitoutuminen → sitoutumin-, sitoutumis-; kuntalainen → kuntalais-
    const b = l.slice(0, -3);
    out.add(`${b}s`);
  } else if (/(uu|yy|[ei][uy])s$/.test(l)) {
    // vaihtuvuus → vaihtuvuu- (vaihtuvuuden, vaihtuvuutta); valmius → valmiu- (valmiuden, valmiutta)
    out.add(l.slice(0, -1));
  } else if (/(^|[^uy])[uyoö]s$/.test(l) && l.length >= 5) {
    // sopimus → sopimuks-, ymmärrys → ymmärryks-, kokous → kokouks-, kuvaus → kuvauks-
    out.add(`${l.slice(0, -1)}ks`);
  } else if (/[^aeiouyäö][aäe]s$/.test(l)) {
    // asukas → asukka-, rikas → rikka-; kirves → kirvee-
    const b = l.slice(0, -2);
    out.add(strengthen(b) + prev);
    out.add(b + prev);
  } else if (last === 'e' && !isVowel(prev)) {
    // palaute → palautte-, hanke → hankke-, tarve → tarpee-
    const b = l.slice(0, -1);
    out.add(`${strengthen(b)}e`);
    // hanke → hankkee-: after n/l/r the plain k/p/t doubles as well
    if (/[kpt]$/.test(b)) out.add(`${b}${b.slice(-1)}e`);
  } else if (/(aa|ää)$/.test(l) && l.length >= 5) {
    // verbs: tehostaa → tehost-, parantaa → parann-, ymmärtää → ymmärr- (ymmärrys)
    const b = l.slice(0, -2);
    out.add(b);
    out.add(weaken(b));
  } else if (/[aeiouyäö](da|dä|ta|tä)$/.test(l) && l.length >= 6) {
    // verbs: kommentoida → kommentoi-, vastata → vasta-/vastaa-, tarjota → tarjo-, luvata → lupa-
    const b = l.slice(0, -2);
    out.add(b);
    out.add(strengthen(b.slice(0, -1)) + b.slice(-1));
  } else if (/(lla|llä|nna|nnä|rra|rrä|sta|stä)$/.test(l) && l.length >= 7 && isVowel(l.slice(-4, -3))) {
    // verbs: opiskella → opiskel-, nousta → nous-
    out.add(l.slice(0, -2));
  } else if (/[eiouy][aä]$/.test(l) && l.length >= 5) {
    // sujua → suju-, kokea → koke-/koe-, tutkia → tutki-
    const b = l.slice(0, -1);
    out.add(b);
    out.add(weaken(b.slice(0, -1)) + b.slice(-1));
  } else if (last === 'i' && !isVowel(prev)) {
    // tuki → tue-/tuke-, lahti → lahde-; long i-words also keep the i-less stem (tietoturvallisuus is not one)
    const b = l.slice(0, -1);
    out.add(`${weaken(b)}e`);
    out.add(`${b}e`);
    // budjetointi → budjetoinni- (budjetoinnin), rekrytointi → rekrytoinni-
    if (l.length >= 7) out.add(`${weaken(b)}i`);
  } else if (isVowel(last) && !isVowel(prev)) {
    // kunta → kunna-, kunti- (kuntien), kunni- (kunnissa); toimittaja → toimittaj-; säästö → säästö-
    const b = l.slice(0, -1);
    const w = weaken(b);
    if (b.length >= 6) {
      out.add(b);
      out.add(w);
    } else {
      out.add(w + last);
      if (last === 'a' || last === 'ä') {
        out.add(`${b}i`);
        out.add(`${w}i`);
      }
      if (last === 'o' || last === 'ö' || last === 'u' || last === 'y') out.add(`${w}${last}`);
    }
    // o/ö/u/y stay through inflection (verkosto → verkoston, verkostoja): dropping them would let
    // "verkosto" match "verkosta" (from the web). Only a/ä change (kunta → kuntien, toimittajia).
    if (b.length >= 6 && (last === 'o' || last === 'ö' || last === 'u' || last === 'y')) {
      out.delete(b);
      out.delete(w);
      out.add(`${w}${last}`);
    }
    // luku → luvun, puku → puvut: k between two u/y weakens to v.
    if (/[uy]k$/.test(b) && (last === 'u' || last === 'y')) out.add(`${b.slice(0, -1)}v${last}`);
  }
  return [...out].filter((s) => s.length >= 3);
}
