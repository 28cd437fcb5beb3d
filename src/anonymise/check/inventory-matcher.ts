// The run's inventory (every identifier the anonymiser replaced) as the leak check looks for it: names
// in any case form (a stem lexicon), literal strings (e-mail and web addresses, numbers: one Aho–Corasick
// automaton), phone numbers by their digits, and the places named. Built once per inventory list, and
// extended rather than rebuilt when the next list only adds entries (the run's inventory only grows).
import { collectGarbage } from '../../heap.js';
import { gazetteer } from '../gazetteer.js';
import { Lexicon } from '../lexicon.js';
import { Automaton } from './automaton.js';

export interface InventoryMatcher {
  words: Lexicon<string>;
  literals: Automaton;
  literalCount: number;
  digits: Set<string>;
  placeIds: Set<string>;
}

// By the inventory list's identity: the run checks every quote against the same list (the anonymiser hands
// out one array until an identifier is added), and joining 60,000 entries into a key per quote was itself
// a pass over the whole inventory. An inventory only grows: a list that holds the last one's entries and
// more extends its matcher with the new ones instead of building it again.
let matchers = new WeakMap<readonly string[], InventoryMatcher>();
/** Entries from which a matcher built anew is followed by a garbage collection. */
const LARGE = 5_000;
interface Built {
  /** The list it was last extended for (its cached matcher is dropped when extended again). */
  list: readonly string[];
  matcher: InventoryMatcher;
  entries: Set<string>;
  literals: string[];
}
let last: Built | undefined;

export function inventoryMatcher(inventory: readonly string[]): InventoryMatcher {
  const known = matchers.get(inventory);
  if (known) return known;
  const added = last ? inventory.filter((e) => !last?.entries.has(e)) : [];
  const grows = last !== undefined && last.entries.size + added.length === new Set(inventory).size;
  const base = grows && last ? last : fresh(inventory);
  // The last list's matcher is about to change in place: that list gets a matcher of its own if it
  // comes again.
  if (grows && last) matchers.delete(last.list);
  base.list = inventory;
  const literalsBefore = base.literals.length;
  for (const entry of grows ? added : inventory) addEntry(base, entry);
  const matcher: InventoryMatcher =
    base.literals.length === literalsBefore && grows
      ? base.matcher
      : { ...base.matcher, literals: new Automaton(base.literals), literalCount: base.literals.length };
  base.matcher = matcher;
  matchers.set(inventory, matcher);
  last = base;
  // Building a large matcher anew leaves ten times its size in garbage (src/heap.ts).
  if (!grows && inventory.length >= LARGE) collectGarbage();
  return matcher;
}

function fresh(list: readonly string[]): Built {
  const matcher: InventoryMatcher = {
    words: new Lexicon<string>(),
    literals: new Automaton([]),
    literalCount: 0,
    digits: new Set<string>(),
    placeIds: new Set<string>(),
  };
  return { list, matcher, entries: new Set<string>(), literals: [] };
}

function addEntry(into: Built, entry: string): void {
  into.entries.add(entry);
  const e = entry.trim();
  if (e.length < 3) return;
  if (/[@/.]|\p{N}/u.test(e)) {
    into.literals.push(e.toLowerCase());
    const d = e.replace(/\D/g, '');
    if (d.length >= 7 && /^[+\d\s()-]+$/u.test(e)) into.matcher.digits.add(d);
    return;
  }
  into.matcher.words.add(e, e);
  for (const h of gazetteer().lexicon.lookup(e)) into.matcher.placeIds.add(h.value.id);
}

/**
 * Lets the matchers go: the run's last leak check is done, and the matcher of a 10,000-report inventory
 * (some 70 MB) would otherwise stay alive through the outputs still being made.
 */
export function forgetInventoryMatchers(): void {
  matchers = new WeakMap();
  last = undefined;
}
