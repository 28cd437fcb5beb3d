// The leak check: a second look at exported texts that does not rely on what the detector found. Besides
// the run's inventory (every identifier the anonymiser replaced, in any case form), it looks for every
// municipality, region and postal locality of Finland in every case form, residents' names (demonyms),
// vendors and unique institutions from the lists, "First Last" name pairs, contact details by pattern
// (e-mail also obfuscated, phone, identity code, IBAN, business ID, street address, postcode, hashtag)
// and capitalised words that are no ordinary word and not allow-listed: in mid-sentence any such word,
// at a sentence start one that cannot be an ordinary word. Placeholders ("[kunnassa]") are skipped.
// One pass per file: an Aho–Corasick automaton over the inventory's literal strings, and one walk over
// the words, each looked up once in the stem lexicons (inventory names, gazetteer, vendors).
import { collectEvery, collectGarbage } from '../../heap.js';
import { LineIndex } from '../../positions.js';
import { allowMatcher } from '../allow.js';
import { emptyIdentifiers } from '../anonymiser.js';
import {
  FI_FIXED,
  FI_PARADIGMS,
  SV_PLACEHOLDERS,
  UNIQUE_INSTITUTIONS,
  VENDORS,
} from '../data/tables.generated.js';
import { gazetteer, type PlaceRef } from '../gazetteer.js';
import { languageAt } from '../language.js';
import { Lexicon } from '../lexicon.js';
import { isFirstName, isSurname } from '../names.js';
import { addressRecognizer, isPostcode } from '../recognizers/address.js';
import { unknownNameVerdict } from '../recognizers/name.js';
import type { Analysis } from '../recognizers/recognizer.js';
import { type WordToken, wordTokens } from '../tokens.js';
import type { AllowList, EntityKind, Leak } from '../types.js';
import { vocabulary } from '../vocabulary.js';
import { type InventoryMatcher, inventoryMatcher } from './inventory-matcher.js';
import { scannableText } from './scannable.js';

export interface LeakCheckOptions {
  /** Terms that are no leak (the run's allow-list). Without it, only the bundled lists' knowledge applies. */
  allowList?: AllowList;
  /** The tool's own words in the outputs (codebook labels, headings): never a leak. */
  known?: Iterable<string>;
  /** Characters of a long text read at a time (default PIECE; tests read small pieces). */
  pieceChars?: number;
}

const NO_TERMS: AllowList = { terms: [] };

const NO_WORDS: readonly string[] = [];
// The words of the tool's own text, split once per list (the run checks every quote with the same one).
const knownSets = new WeakMap<Iterable<string>, Set<string>>();
function knownWords(list: Iterable<string> = NO_WORDS): Set<string> {
  let words = knownSets.get(list);
  if (!words) {
    words = new Set<string>();
    for (const k of list) for (const w of k.split(/[^\p{L}\p{N}-]+/u)) if (w) words.add(w.toLowerCase());
    knownSets.set(list, words);
  }
  return words;
}

let lists: Lexicon<string> | undefined;
function listedNames(): Lexicon<string> {
  if (lists) return lists;
  lists = new Lexicon<string>();
  for (const v of [...VENDORS, ...UNIQUE_INSTITUTIONS]) lists.add(v, v);
  return lists;
}

const BRACKETS = /\[([^\]\n]{1,80})\]/gu;
let placeholderWords: Set<string> | undefined;

/** The tool's own placeholder: "[kunnassa]", "[kunta A:ssa]", "[A-kuntalaisille]", "[kommunen]", "[…]". A
 * bracket holding anything else ("[Kankaanpää]", a JSON array) is read like any other text. */
function isPlaceholder(content: string): boolean {
  if (!placeholderWords) {
    placeholderWords = new Set(['…']);
    for (const p of Object.values(FI_PARADIGMS))
      for (const forms of [p.sg, p.pl]) for (const f of Object.values(forms)) placeholderWords.add(f);
    for (const f of Object.values(FI_FIXED)) placeholderWords.add(f);
    for (const forms of Object.values(SV_PLACEHOLDERS))
      for (const f of forms) placeholderWords.add(f.toLowerCase());
  }
  // The letter prefix needs a hyphen and the letter suffix a space: most brackets have neither, and are
  // told without compiling (on first use) and running the Unicode patterns.
  let bare = content.toLowerCase();
  if (bare.includes('-')) bare = bare.replace(/^\p{L}\d*-(?=\p{L}{3})/u, '');
  if (bare.includes(' ')) bare = bare.replace(/ \p{L}\d*(?::\p{L}+)?$/u, '');
  return placeholderWords.has(bare);
}
const EMAIL =
  /[\p{L}\p{N}._%+-]+ ?(?:@|[([{] ?(?:at|ät|a) ?[)\]}]) ?[\p{L}\p{N}-]+(?:(?:\.| ?[([{] ?(?:dot|piste) ?[)\]}] ?)[\p{L}\p{N}-]+)*/giu;
const PHONE = /(?<![\p{N},.])(?:\+|00|0)\d[\d \t()-]{5,}\d(?![\p{N}])/gu;
const IDENTITY_CODE = /(?<![\p{L}\p{N}])\d{6}[-+A-Ya-y]\d{3}[\p{L}\p{N}](?![\p{L}\p{N}])/gu;
const IBAN =
  /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ \t]?[A-Z0-9]{4}){3,}(?:[ \t]?[A-Z0-9]{1,4})?(?![\p{L}\p{N}])/gu;
const BUSINESS_ID = /(?<![\p{N}-])\d{7}-\d(?![\p{N}])/gu;
const POSTCODE = /(?<![\p{L}\p{N}.,-])(FI-)?(\d{5})(?=[ \t]+\p{Lu})/gu;
const HASHTAG = /(?<![\p{L}\p{N}_])#\p{L}[\p{L}\p{N}_]+/gu;
/**
 * What every match of a pattern holds (the pattern less its lookarounds and letter classes, in ASCII): a
 * text without it has no match, and is not run through the pattern. Compiling the Unicode classes on first
 * use was most of a one-report run's quote checks, and EMAIL's local part tries every start of every word.
 * Exported for test/anonymise-leak-cores.test.ts, which holds every core to its pattern.
 */
export const HOLDS = new Map<RegExp, RegExp>([
  [EMAIL, /@|[([{] ?(?:at|ät|a) ?[)\]}]/i],
  [IDENTITY_CODE, /\d{6}[-+A-Ya-y]\d{3}/],
  [IBAN, /[A-Z]{2}\d{2}/],
  [BUSINESS_ID, /\d{7}-\d/],
  [PHONE, /(?:\+|00|0)\d[\d \t()-]{5,}\d/],
  [POSTCODE, /\d{5}[ \t]/],
  [HASHTAG, /#/],
]);

/** Scan exported files' texts for identifiers; see the header. */
export function findLeaks(
  files: { file: string; text: string }[],
  inventory: readonly string[],
  options: LeakCheckOptions = {},
): Leak[] {
  const matcher = inventoryMatcher(inventory);
  // Built once per allow-list (allow.ts), shared with the anonymiser that read the same list.
  const allow = allowMatcher(options.allowList ?? NO_TERMS);
  const known = knownWords(options.known);
  const leaks: Leak[] = [];
  for (const { file, text: raw } of files) {
    const text = scannableText(file, raw);
    // Blanking a long HTML output makes copies of it (src/heap.ts).
    if (text.length > PIECE) collectGarbage();
    const lines = new LineIndex(raw);
    const taken = new Uint8Array(text.length);
    for (const m of text.matchAll(BRACKETS))
      if (isPlaceholder(m[1] ?? '')) taken.fill(1, m.index ?? 0, (m.index ?? 0) + m[0].length);
    const found: { start: number; end: number; kind: Leak['kind'] }[] = [];
    const push = (start: number, end: number, kind: Leak['kind']) => {
      for (let k = start; k < end; k++) if (taken[k]) return;
      taken.fill(2, start, end);
      found.push({ start, end, kind });
    };
    scanPatterns(text, matcher, push);
    scanWords(text, matcher, allow, known, push, options.pieceChars);
    for (const f of found.sort((a, b) => a.start - b.start)) {
      const p = lines.point(f.start);
      leaks.push({ file, line: p.line, column: p.column, text: raw.slice(f.start, f.end), kind: f.kind });
    }
  }
  return leaks;
}

type Push = (start: number, end: number, kind: Leak['kind']) => void;

function scanPatterns(text: string, matcher: InventoryMatcher, push: Push) {
  const all = (re: RegExp, kind: Leak['kind'], check?: (m: RegExpMatchArray) => boolean) => {
    if (HOLDS.get(re)?.test(text) === false) return;
    for (const m of text.matchAll(re))
      if (!check || check(m)) push(m.index ?? 0, (m.index ?? 0) + m[0].length, kind);
  };
  all(EMAIL, 'email', (m) => /@|[([{]/u.test(m[0]) && /\p{L}/u.test(m[0].split(/@|[([{]/u)[0] ?? ''));
  all(IDENTITY_CODE, 'identity-code');
  all(IBAN, 'iban');
  all(BUSINESS_ID, 'business-id');
  all(PHONE, 'phone', (m) => m[0].replace(/\D/g, '').length >= 7);
  all(POSTCODE, 'postcode', (m) => Boolean(m[1]) || isPostcode(m[2] ?? ''));
  all(HASHTAG, 'hashtag');
  if (matcher.literalCount > 0) {
    const lower = text.toLowerCase();
    for (const hit of matcher.literals.search(lower.length === text.length ? lower : text)) {
      const before = text.charAt(hit.start - 1);
      const after = text.charAt(hit.end);
      if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
      push(hit.start, hit.end, 'inventory');
    }
  }
  if (matcher.digits.size > 0) {
    for (const m of text.matchAll(/\+?\d[\d \t()-]{5,}\d/gu)) {
      if (matcher.digits.has(m[0].replace(/\D/g, '')))
        push(m.index ?? 0, (m.index ?? 0) + m[0].length, 'inventory');
    }
  }
}

/**
 * A long text is read in pieces of about PIECE characters (a 12 MB report.html made a million word
 * objects at once): each piece ends at a line end, and is read with CONTEXT characters on either side (to
 * line ends) so that a name or an allow-listed phrase running over its edge is seen whole and a phrase
 * scan is in step with one reading of the whole text. Only what starts inside a piece's own part is
 * taken from it; which spans are taken and which are allow-listed is kept for the whole text. A text up
 * to PIECE characters is one piece, read as before.
 */
const PIECE = 1 << 18;
const CONTEXT = 4096;
const PIECES_PER_COLLECTION = 2;

interface Piece {
  /** Where the text read starts (context before the piece). */
  base: number;
  /** The piece's own part: from..to (the next piece begins at `to`). */
  from: number;
  to: number;
  /** Where the text read ends (context after it). */
  end: number;
}

function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

function pieces(text: string, size: number): Piece[] {
  if (text.length <= size) return [{ base: 0, from: 0, to: text.length, end: text.length }];
  const out: Piece[] = [];
  for (let from = 0; from < text.length; ) {
    const to = lineEnd(text, Math.min(text.length, from + size));
    const base = from === 0 ? 0 : text.lastIndexOf('\n', Math.max(0, from - CONTEXT)) + 1;
    out.push({ base, from, to, end: lineEnd(text, Math.min(text.length, to + CONTEXT)) });
    from = to;
  }
  return out;
}

function analysisOf(text: string, allow: ReturnType<typeof allowMatcher>): Analysis {
  const tokens = wordTokens(text);
  return {
    text,
    tokens,
    lower: tokens.map((t) => t.lower),
    langAt: languageAt(text, tokens),
    ids: emptyIdentifiers(''),
    allow,
    vocab: vocabulary(),
    places: gazetteer(),
    failClosed: true,
    taken: new Uint8Array(text.length),
    found: [],
  };
}

function scanWords(
  text: string,
  matcher: InventoryMatcher,
  allow: ReturnType<typeof allowMatcher>,
  known: Set<string>,
  push: Push,
  pieceChars = PIECE,
) {
  const parts = pieces(text, pieceChars);
  const only = parts.length === 1 ? analysisOf(text, allow) : undefined;
  const analysis = (p: Piece) => only ?? analysisOf(text.slice(p.base, p.end), allow);
  const own = (p: Piece, at: number) => p.base + at >= p.from && p.base + at < p.to;
  // Street addresses by the anonymiser's own pattern, a capitalised street word with a number: before the
  // words, as one reading of the whole text finds them all before it looks at the words one by one. A
  // piece's words reach no further than its text read (p.end), so the addresses of the pieces that start
  // before that are all a piece's words can meet: those are found first, and each piece is read once.
  const addressed: Analysis[] = [];
  let next = 0;
  /** Addresses of the pieces up to `last`, and of the later ones that start before `limit`. */
  const addressesUpTo = (last: number, limit: number) => {
    for (let p = parts[next]; p && (next <= last || p.from < limit); p = parts[++next]) {
      const a = analysis(p);
      for (const r of addressRecognizer.analyze(a)) {
        if (!own(p, r.start)) continue;
        const words = a.text.slice(r.start, r.end).match(/\p{L}+/gu) ?? [];
        if (r.score >= 0.9 && !words.every((w) => known.has(w.toLowerCase())))
          push(p.base + r.start, p.base + r.end, 'address');
      }
      addressed.push(a);
    }
  };
  const kept = new Uint8Array(text.length);
  // A long text's pieces leave nothing alive: collect now and then (src/heap.ts), or the heap grows with them.
  const everyFew = parts.length > 1 ? collectEvery(PIECES_PER_COLLECTION) : () => {};
  for (const [k, p] of parts.entries()) {
    everyFew();
    addressesUpTo(k, p.end);
    const a = addressed.shift() as Analysis;
    for (const [s, e] of allow.ranges(a.text, a.tokens)) if (own(p, s)) kept.fill(1, p.base + s, p.base + e);
    scanPiece(a, p, kept, matcher, allow, known, push);
  }
}

/**
 * A hit that is only a reading of an inventory entry through inflection, on words of the tool's own text:
 * "Niiden" (the tool's "Niiden loppuraporttien määrä …") read as a plural form of the first name "Niia".
 * The entry as written, or any word the tool does not write itself, is still a hit.
 */
function toolWordReading(
  lower: readonly string[],
  i: number,
  hit: { value: string; length: number },
  known: Set<string>,
): boolean {
  const words = lower.slice(i, i + hit.length);
  if (words.join(' ') === hit.value.toLowerCase()) return false;
  return words.every((w) => known.has(w));
}

function scanPiece(
  a: Analysis,
  { base, from, to }: Piece,
  kept: Uint8Array,
  matcher: InventoryMatcher,
  allow: ReturnType<typeof allowMatcher>,
  known: Set<string>,
  push: Push,
) {
  const { tokens, vocab, places } = a;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as WordToken;
    if (base + t.start < from) continue;
    if (base + t.start >= to) break;
    if (kept[base + t.start]) continue;
    const hit = matcher.words
      .matchAt(a.lower, i)
      .find((h) => (!/^\p{Lu}/u.test(h.value) || t.capitalised) && !toolWordReading(a.lower, i, h, known));
    if (hit) {
      push(base + t.start, base + (tokens[i + hit.length - 1]?.end ?? t.end), 'inventory');
      continue;
    }
    const head = t.lower.split(':')[0] ?? '';
    const place = placeLeak(
      t,
      places.lexicon.lookup(head),
      matcher,
      vocab.isEveryday(head) || vocab.isCommon(head),
    );
    if (place) {
      push(base + t.start, base + t.end, place);
      continue;
    }
    if (
      (t.capitalised || t.allCaps) &&
      listedNames().matchAt(a.lower, i).length > 0 &&
      !(t.sentenceStart && vocab.isCommon(head))
    ) {
      const h = listedNames().matchAt(a.lower, i)[0];
      push(base + t.start, base + (tokens[i + (h?.length ?? 1) - 1]?.end ?? t.end), 'organisation');
      continue;
    }
    // "First Last": a known first name and a capitalised word that is no ordinary word.
    const next = tokens[i + 1];
    if (
      t.capitalised &&
      !t.allCaps &&
      isFirstName(t.lower) &&
      next?.capitalised &&
      !next.allCaps &&
      /^[ \t]$/u.test(a.text.slice(t.end, next.start)) &&
      (!vocab.isCommon(next.lower) || isSurname(next.lower)) &&
      !allow.allowsWord(next.text) &&
      !(t.sentenceStart && vocab.isEveryday(t.lower))
    ) {
      push(base + t.start, base + next.end, 'person');
      i++;
      continue;
    }
    // Place names written in lower case or without umlauts: file names, URLs ("kankaanpaa", "pohjois_satakunta").
    const foldedKind = t.capitalised || t.lower.length < 6 ? undefined : places.foldedKind(t.lower);
    if (foldedKind && !vocab.isCommon(t.lower)) {
      push(base + t.start, base + t.end, foldedKind);
      continue;
    }
    // Capitalised words of unknown class: what the fail-closed rule of the anonymiser would replace.
    if (
      (t.capitalised || t.allCaps) &&
      !known.has(head) &&
      !known.has(t.lower) &&
      !allow.allowsWord(t.text)
    ) {
      if (unknownNameVerdict(a, t, false)) push(base + t.start, base + t.end, 'name');
    }
  }
}

function placeLeak(
  t: WordToken,
  hits: { value: PlaceRef; infl: unknown }[],
  matcher: InventoryMatcher,
  ambiguousWord: boolean,
): EntityKind | undefined {
  for (const h of hits) {
    const ref = h.value;
    if (!ref.demonym && !t.capitalised) continue;
    const sourced = matcher.placeIds.has(ref.id);
    // An everyday word at a sentence start ("Koski on kaunis", "Valo syttyi") names a place only if the
    // run's sources named that place.
    if (t.sentenceStart && ambiguousWord && !sourced) continue;
    if (ref.kind === 'locality' && ambiguousWord && !sourced) continue;
    if (ref.demonym) return 'demonym';
    return ref.kind === 'region' ? 'region' : ref.kind === 'locality' ? 'locality' : 'municipality';
  }
  return undefined;
}
