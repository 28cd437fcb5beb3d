// The leak check: scans exported texts for the run's inventory (every identifier found in the sources, in
// any inflected form), for any known municipality or region, for "First Last" name pairs, and for e-mail
// addresses, phone numbers and business IDs. Placeholders ("[kunnassa]") are skipped.
import { LineIndex } from '../positions.js';
import { findContacts } from './contacts.js';
import { gazetteer, type PlaceRef } from './gazetteer.js';
import { Lexicon } from './lexicon.js';
import { isFirstName } from './names.js';
import { tokenize, type WordToken } from './tokens.js';
import type { EntityKind, Leak } from './types.js';
import { vocabulary } from './vocabulary.js';

interface InventoryMatcher {
  words: Lexicon<string>;
  /** Lower-case literal strings (e-mails, URLs, numbers) searched as text. */
  literals: string[];
  /** Digit strings of phone-like entries, matched ignoring spaces and dashes. */
  digits: Set<string>;
  /** Places the sources named: an ambiguous word at a sentence start counts when its place is here. */
  placeIds: Set<string>;
}

let cache: { key: string; matcher: InventoryMatcher } | undefined;

function inventoryMatcher(inventory: readonly string[]): InventoryMatcher {
  const key = inventory.join('\u0001');
  if (cache?.key === key) return cache.matcher;
  const words = new Lexicon<string>();
  const literals: string[] = [];
  const digits = new Set<string>();
  const placeIds = new Set<string>();
  const places = gazetteer().lexicon;
  for (const entry of inventory) {
    const e = entry.trim();
    if (e.length < 3) continue;
    if (/[@/.]|\p{N}/u.test(e)) {
      literals.push(e.toLowerCase());
      const d = e.replace(/\D/g, '');
      if (d.length >= 7 && /^[+\d\s()-]+$/u.test(e)) digits.add(d);
      continue;
    }
    words.add(e, e);
    for (const h of places.lookup(e)) placeIds.add(h.value.id);
  }
  const matcher = { words, literals, digits, placeIds };
  cache = { key, matcher };
  return matcher;
}

const PLACEHOLDER = /\[[^\]\n]{1,80}\]/gu;

/** Scan exported files' texts for inventory strings (in any inflected form) and any known municipality/region name. */
export function findLeaks(files: { file: string; text: string }[], inventory: string[]): Leak[] {
  const matcher = inventoryMatcher(inventory);
  const leaks: Leak[] = [];
  for (const { file, text } of files) {
    const lines = new LineIndex(text);
    const skip = new Uint8Array(text.length);
    for (const m of text.matchAll(PLACEHOLDER)) skip.fill(1, m.index ?? 0, (m.index ?? 0) + m[0].length);
    const found: { start: number; end: number; kind: Leak['kind'] }[] = [];
    const push = (start: number, end: number, kind: Leak['kind']) => {
      if (skip[start] || found.some((f) => start < f.end && end > f.start)) return;
      found.push({ start, end, kind });
    };
    scanText(text, matcher, push);
    for (const f of found.sort((a, b) => a.start - b.start)) {
      const p = lines.point(f.start);
      leaks.push({ file, line: p.line, column: p.column, text: text.slice(f.start, f.end), kind: f.kind });
    }
  }
  return leaks;
}

function scanText(
  text: string,
  matcher: InventoryMatcher,
  push: (s: number, e: number, k: Leak['kind']) => void,
) {
  const lower = text.toLowerCase();
  // Contact details are leaks wherever they appear; URLs only when the sources had them.
  for (const c of findContacts(text)) {
    if (c.kind === 'url') continue;
    push(c.start, c.end, c.kind);
  }
  for (const lit of matcher.literals) {
    for (let at = lower.indexOf(lit); at >= 0; at = lower.indexOf(lit, at + lit.length))
      push(at, at + lit.length, 'inventory');
  }
  if (matcher.digits.size > 0) {
    for (const m of text.matchAll(/\+?\d[\d\s()-]{5,}\d/gu)) {
      if (matcher.digits.has(m[0].replace(/\D/g, '')))
        push(m.index ?? 0, (m.index ?? 0) + m[0].length, 'inventory');
    }
  }
  const tokens = tokenize(text);
  const words = tokens.map((t) => t.lower);
  const vocab = vocabulary();
  const places = gazetteer();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as WordToken;
    // Inventory names, inflected; capitalised entries only match capitalised words.
    const hit = matcher.words.matchAt(words, i).find((h) => !/^\p{Lu}/u.test(h.value) || t.capitalised);
    if (hit) {
      push(t.start, tokens[i + hit.length - 1]?.end ?? t.end, 'inventory');
      continue;
    }
    const place = placeLeak(
      t,
      places.lexicon.lookup(t.lower.split(':')[0] ?? ''),
      matcher,
      vocab.isEveryday(t.lower),
    );
    if (place) {
      push(t.start, t.end, place);
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
      /^[ \t]$/u.test(text.slice(t.end, next.start)) &&
      !vocab.isCommon(next.lower) &&
      !(t.sentenceStart && vocab.isEveryday(t.lower))
    ) {
      push(t.start, next.end, 'person');
      i++;
      continue;
    }
    // Place names written in lower case or without umlauts: file names, URLs ("kankaanpaa", "pohjois_satakunta").
    const foldedKind = t.capitalised || t.lower.length < 6 ? undefined : foldedPlaces().get(t.lower);
    if (foldedKind && !vocab.isCommon(t.lower)) push(t.start, t.end, foldedKind);
  }
}

function placeLeak(
  t: WordToken,
  hits: { value: PlaceRef; infl: unknown }[],
  matcher: InventoryMatcher,
  everyday: boolean,
): EntityKind | undefined {
  for (const h of hits) {
    const ref = h.value;
    if (!ref.demonym && !t.capitalised) continue;
    const sourced = matcher.placeIds.has(ref.id);
    if (ref.kind === 'locality' && !sourced) continue;
    if (t.sentenceStart && everyday && !sourced) continue;
    return ref.kind === 'region' ? 'region' : 'municipality';
  }
  return undefined;
}

let folded: Map<string, EntityKind> | undefined;
function foldedPlaces(): Map<string, EntityKind> {
  if (folded) return folded;
  folded = new Map();
  for (const { name, ref } of gazetteer().names) {
    if (ref.kind === 'locality') continue;
    const kind: EntityKind = ref.kind === 'region' ? 'region' : 'municipality';
    const lower = name.toLowerCase();
    for (const form of [lower, lower.replace(/[äå]/g, 'a').replace(/ö/g, 'o')]) {
      folded.set(form, kind);
      if (form.includes('-')) folded.set(form.replace(/-/g, '_'), kind);
    }
  }
  return folded;
}
