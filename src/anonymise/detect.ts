// Finds every identifier in one text, most specific detector first: contact details, allow-listed terms
// (kept), firms, projects, persons, places, names from the name lists, and last the fail-closed rule.
// A character taken by one detector is not looked at again, so "KS Viestintä Oy" is one firm, not a
// firm and a place, and "Suomi.fi" stays whatever else would match it.
import type { AllowMatcher } from './allow.js';
import { findContacts } from './contacts.js';
import { gazetteer, type PlaceRef } from './gazetteer.js';
import { caseOfColonEnding, guessCase, type Inflection } from './inflect.js';
import { Lexicon } from './lexicon.js';
import { isFirstName, nameLexicon } from './names.js';
import { findFirms } from './organisations.js';
import { findPersonPatterns } from './persons.js';
import type { PlaceholderNoun } from './placeholders.js';
import { findNamedProjects, projectWordCase } from './projects.js';
import { adjacent, tokenize, type WordToken } from './tokens.js';
import type { EntityKind, LearnedPerson, ProperNounClass, ReportIdentifiers } from './types.js';
import { vocabulary } from './vocabulary.js';

export interface Span {
  start: number;
  end: number;
  kind: EntityKind;
  noun: PlaceholderNoun;
  infl: Inflection;
  /** Numbering key "group|entity": one letter per entity within a report. */
  key?: string;
  /** Compound tail kept after the placeholder ("[alue]-liiton"). */
  joiner?: string;
  place?: PlaceRef;
}

export interface DetectOptions {
  failClosed: boolean;
  properNoun?: (word: string) => ProperNounClass;
}

const NOM: Inflection = { case: 'nom', number: 'sg' };
const CONTACT_NOUN = {
  email: 'email',
  phone: 'phone',
  url: 'url',
  'business-id': 'business-id',
  address: 'address',
} as const;

// "Kankaanpään kaupunki", "Siikaisten kunnassa", "Korsholms kommun": the common noun joins the name.
const MUNICIPAL_NOUNS = new Lexicon<true>();
for (const w of ['kunta', 'kaupunki', 'kommun', 'stad']) MUNICIPAL_NOUNS.add(true, w);
for (const f of ['kommunen', 'kommunens', 'staden', 'stadens'])
  MUNICIPAL_NOUNS.addForm(true, f, { case: f.endsWith('s') ? 'gen' : 'nom', number: 'sg' });

const LOCATIVE = new Set(['iness', 'elat', 'ill', 'adess', 'ablat', 'allat']);

function placeSpanFields(ref: PlaceRef): Pick<Span, 'kind' | 'noun' | 'key' | 'place'> {
  const kind: EntityKind = ref.kind === 'region' ? 'region' : 'municipality';
  const noun: PlaceholderNoun = ref.demonym
    ? 'kuntalainen'
    : ref.kind === 'region'
      ? 'alue'
      : ref.kind === 'locality'
        ? 'paikkakunta'
        : 'kunta';
  return { kind, noun, key: `${ref.kind === 'region' ? 'region' : 'place'}|${ref.id}`, place: ref };
}

/** A place is one place even when its name is plural ("Siikaisissa" → "[kunnassa]"); residents keep number. */
function placeInfl(ref: PlaceRef, infl: Inflection): Inflection {
  return ref.demonym ? infl : { case: infl.case, number: 'sg' };
}

const PLACE_RANK = { municipality: 0, region: 1, locality: 2 } as const;

export function detect(
  text: string,
  ids: ReportIdentifiers,
  allow: AllowMatcher,
  options: DetectOptions,
): { spans: Span[]; confirmedPlaces: Set<string> } {
  const tokens = tokenize(text);
  const lower = tokens.map((t) => t.lower);
  const vocab = vocabulary();
  const places = gazetteer();
  const claimed = new Uint8Array(text.length);
  const spans: Span[] = [];
  const isFree = (start: number, end: number) => {
    for (let k = start; k < end; k++) if (claimed[k]) return false;
    return true;
  };
  const mark = (start: number, end: number, v: number) => claimed.fill(v, start, end);
  const add = (span: Span): boolean => {
    if (span.end <= span.start || !isFree(span.start, span.end)) return false;
    mark(span.start, span.end, 1);
    spans.push(span);
    return true;
  };
  const tokFree = (i: number) => {
    const t = tokens[i];
    return t !== undefined && isFree(t.start, t.end);
  };
  const tokRange = (first: number, last: number) => ({
    start: tokens[first]?.start ?? 0,
    end: tokens[last]?.end ?? 0,
  });

  // 1. Contact details; a domain that is allow-listed ("Suomi.fi") is kept.
  for (const c of findContacts(text)) {
    if (c.kind === 'url' && !c.text.includes('/') && allow.allowsWord(c.text)) {
      mark(c.start, c.end, 2);
      continue;
    }
    add({ start: c.start, end: c.end, kind: c.kind, noun: CONTACT_NOUN[c.kind], infl: NOM });
  }
  // 2. Allow-listed terms are kept.
  for (const [s, e] of allow.ranges(text, tokens)) if (isFree(s, e)) mark(s, e, 2);

  // 3. Firms with a legal form, then firm names the report tied to a firm, used alone.
  for (const f of findFirms(text, tokens)) {
    add({
      ...tokRange(f.first, f.last),
      kind: 'organisation',
      noun: 'yritys',
      infl: f.infl,
      key: `org|${f.name.toLowerCase()}`,
    });
  }
  const firmLexicon = new Lexicon<string>();
  for (const name of ids.firms) firmLexicon.add(name.toLowerCase(), name);
  matchLexicon(firmLexicon, (key, first, last, infl) =>
    add({ ...tokRange(first, last), kind: 'organisation', noun: 'yritys', infl, key: `org|${key}` }),
  );

  // 4. Projects: the report's own name, named projects and acronyms, with a following "-hanke".
  const projectLexicon = new Lexicon<string>();
  for (const name of [...ids.projectNames, ...ids.otherProjects])
    projectLexicon.add(name.toLowerCase(), name);
  matchLexicon(projectLexicon, (key, first, last, infl) => {
    const next = tokens[last + 1];
    const word =
      next && /^\s*[-–—]?\s*$/u.test(text.slice(tokens[last]?.end ?? 0, next.start))
        ? projectWordCase(next.lower)
        : undefined;
    const end = word ? last + 1 : last;
    return add({
      ...tokRange(first, end),
      kind: 'project',
      noun: 'hanke',
      infl: word ?? infl,
      key: `project|${key}`,
    });
  });
  for (const p of findNamedProjects(text, tokens)) {
    if (isPlaceName(p.name)) continue;
    add({
      ...tokRange(p.first, p.last),
      kind: 'project',
      noun: 'hanke',
      infl: p.infl,
      key: `project|${p.name.toLowerCase()}`,
    });
  }

  // 5. Persons: those the report introduced, then patterns (first name + surname, role + name, initials).
  const personLexicon = new Lexicon<LearnedPerson>();
  const firstNameLexicon = new Lexicon<LearnedPerson>();
  for (const p of ids.persons) {
    if (p.surname) personLexicon.add(p, p.surname);
    for (const f of p.firstNames) firstNameLexicon.add(p, f);
  }
  const personKey = (p: LearnedPerson) => `person|${(p.surname || p.firstNames.join(' ')).toLowerCase()}`;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as WordToken;
    if (!t.capitalised || !tokFree(i)) continue;
    const surname = personLexicon.lookup(t.text)[0] ?? learnedByPrefix(ids.persons, t.lower);
    if (!surname) continue;
    // Extend back over the first names written before it ("Heli Puputille").
    let first = i;
    while (first > 0) {
      const before = tokens[first - 1] as WordToken;
      if (!before.capitalised || !tokFree(first - 1) || !adjacent(text, before, tokens[first] as WordToken))
        break;
      if (firstNameLexicon.lookup(before.text).length === 0 && !isFirstName(before.lower)) break;
      first--;
    }
    add({
      ...tokRange(first, i),
      kind: 'person',
      noun: 'henkilö',
      infl: surname.infl,
      key: personKey(surname.value),
    });
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as WordToken;
    if (!t.capitalised || !tokFree(i)) continue;
    const firstName = firstNameLexicon.lookup(t.text)[0];
    if (firstName && !(t.sentenceStart && vocab.isEveryday(t.lower))) {
      add({
        start: t.start,
        end: t.end,
        kind: 'person',
        noun: 'henkilö',
        infl: firstName.infl,
        key: personKey(firstName.value),
      });
    }
  }
  for (const m of findPersonPatterns({ text, tokens, free: tokFree, ...placeChecks(tokens), vocab })) {
    const known = personLexicon.lookup(m.person.surname)[0]?.value;
    add({
      ...tokRange(m.first, m.last),
      kind: 'person',
      noun: 'henkilö',
      infl: m.infl,
      key: personKey(known ?? m.person),
    });
  }

  // 6. Places, in two passes: a place spelt like an everyday word at a sentence start ("Kotka", "Koski")
  // counts only if the same place is named unambiguously elsewhere in the text or the report.
  const confirmed = new Set(ids.placeIds);
  const pending: { span: Span; ambiguous: boolean }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!tokFree(i)) continue;
    for (const found of placeSpans(tokens[i] as WordToken)) {
      if (!found.ambiguous && found.span.place) confirmed.add(found.span.place.id);
      pending.push(found);
    }
  }
  for (const { span, ambiguous } of pending) {
    if (ambiguous && !(span.place && confirmed.has(span.place.id))) continue;
    add(span);
  }

  // 7. Names from the name lists, alone: "Virtaselle", "Korhosen".
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as WordToken;
    if (!t.capitalised || t.allCaps || !tokFree(i)) continue;
    if (t.sentenceStart && (vocab.isEveryday(t.lower) || vocab.isCommon(t.lower))) continue;
    const hit = nameLexicon()
      .lookup(t.text)
      .sort((a, b) => (a.value.kind === 'surname' ? -1 : 1) - (b.value.kind === 'surname' ? -1 : 1))[0];
    if (hit && (!t.sentenceStart || hit.infl.case === 'nom' || !vocab.isCommon(t.lower))) {
      add({
        start: t.start,
        end: t.end,
        kind: 'person',
        noun: 'henkilö',
        infl: hit.infl,
        key: `person|${hit.value.name}`,
      });
    }
  }

  // 8. Names the fail-closed rule caught elsewhere in the report, also at a sentence start.
  const nameLex = new Lexicon<string>();
  for (const n of ids.names ?? []) nameLex.add(n.toLowerCase(), n);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as WordToken;
    if (!t.capitalised || !tokFree(i)) continue;
    const hit = nameLex.lookup(t.lower.replace(/:.*$/u, ''))[0];
    if (hit)
      add({
        start: t.start,
        end: t.end,
        kind: 'name',
        noun: 'taho',
        infl: guessCase(t.text),
        key: `name|${nameKey(hit.value)}`,
      });
  }

  // 9. Fail closed: any other capitalised word in mid-sentence that is no ordinary word is a name.
  if (options.failClosed) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as WordToken;
      if (!tokFree(i) || t.sentenceStart || !/\p{Lu}/u.test(t.text) || /\p{N}/u.test(t.text)) continue;
      const letters = t.text.replace(/[^\p{L}]/gu, '');
      if (letters.length < 2) continue;
      const verdict = options.properNoun?.(t.text.split(':')[0] ?? t.text);
      if (verdict === 'other') continue;
      if (verdict === 'person') {
        add({
          start: t.start,
          end: t.end,
          kind: 'person',
          noun: 'henkilö',
          infl: guessCase(t.text),
          key: `person|${t.lower}`,
        });
        continue;
      }
      const near = verdict === 'place' ? undefined : nearPlace(t.lower);
      if (near || verdict === 'place') {
        const ref: PlaceRef = near?.value ?? {
          id: `loc:${t.lower}`,
          kind: 'locality',
          name: t.text,
          demonym: false,
        };
        add({
          start: t.start,
          end: t.end,
          ...placeSpanFields(ref),
          infl: placeInfl(ref, near?.infl ?? guessCase(t.text)),
        });
        continue;
      }
      if (!t.allCaps && unknownParts(t.text).length === 0) continue;
      add({
        start: t.start,
        end: t.end,
        kind: 'name',
        noun: 'taho',
        infl: guessCase(t.text),
        key: `name|${nameKey(t.lower)}`,
      });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  return { spans, confirmedPlaces: confirmed };

  // --- helpers (closures over the text) ---

  function matchLexicon(
    lexicon: Lexicon<string>,
    onHit: (key: string, first: number, last: number, infl: Inflection) => boolean,
  ) {
    for (let i = 0; i < tokens.length; i++) {
      if (!tokFree(i)) continue;
      const t = tokens[i] as WordToken;
      const colon = t.lower.indexOf(':');
      const words =
        colon > 0 ? [...lower.slice(0, i), t.lower.slice(0, colon), ...lower.slice(i + 1)] : lower;
      for (const hit of lexicon.matchAt(words, i)) {
        const last = i + hit.length - 1;
        const lastToken = tokens[last] as WordToken;
        if (!lastToken.capitalised && !tokens[i]?.capitalised) continue;
        const infl = colon > 0 && hit.length === 1 ? caseOfColonEnding(t.lower.slice(colon + 1)) : hit.infl;
        if (onHit(hit.value, i, last, infl)) {
          i = last;
          break;
        }
      }
    }
  }

  function isPlaceName(name: string): boolean {
    return places.lexicon.lookup(name).some((h) => !h.value.demonym && h.value.kind !== 'locality');
  }

  function placeSpans(t: WordToken): { span: Span; ambiguous: boolean }[] {
    const colon = t.lower.indexOf(':');
    const word = colon > 0 ? t.lower.slice(0, colon) : t.lower;
    const best = bestPlace(word, t.capitalised);
    if (best) {
      const infl = colon > 0 ? caseOfColonEnding(t.lower.slice(colon + 1)) : best.infl;
      const ambiguous =
        t.sentenceStart &&
        (best.value.kind === 'locality'
          ? vocab.isEveryday(word) || vocab.isCommon(word)
          : vocab.isEveryday(word));
      const localityMidSentence = best.value.kind === 'locality' && !t.capitalised;
      if (localityMidSentence) return [];
      let end = t.end;
      let finalInfl = infl;
      // "Kankaanpään kaupunki" → "[kunta]", "Siikaisten kunnassa" → "[kunnassa]".
      const next = tokens[t.index + 1];
      if (
        !best.value.demonym &&
        best.value.kind !== 'region' &&
        (infl.case === 'gen' || infl.case === 'nom') &&
        next &&
        adjacent(text, t, next)
      ) {
        const noun = MUNICIPAL_NOUNS.lookup(next.lower)[0];
        if (noun && tokFree(next.index)) {
          end = next.end;
          finalInfl = noun.infl;
        }
      }
      return [
        {
          span: {
            start: t.start,
            end,
            infl: placeInfl(best.value, finalInfl),
            ...placeSpanFields(best.value),
          },
          ambiguous,
        },
      ];
    }
    if (ids.placeAbbreviations.includes(t.text.split(':')[0] ?? '')) {
      const infl = colon > 0 ? caseOfColonEnding(t.lower.slice(colon + 1)) : NOM;
      return [
        {
          span: {
            start: t.start,
            end: t.end,
            kind: 'region',
            noun: 'alue',
            infl,
            key: `region|abbr:${t.text}`,
          },
          ambiguous: false,
        },
      ];
    }
    if (word.includes('-')) return hyphenSpans(t, word);
    return compoundSpans(t, word);
  }

  function bestPlace(word: string, capitalised: boolean) {
    const hits = places.lexicon.lookup(word).filter((h) => h.value.demonym || capitalised);
    hits.sort(
      (a, b) =>
        PLACE_RANK[a.value.kind] - PLACE_RANK[b.value.kind] ||
        Number(a.value.demonym) - Number(b.value.demonym),
    );
    return hits[0];
  }

  // "Pohjois-Satakunnan", "Kankaanpää-Jämijärvi", "Kankaanpään-hanke", "Nousianen-Mynämäki-Masku".
  function hyphenSpans(t: WordToken, word: string): { span: Span; ambiguous: boolean }[] {
    const parts = word.split('-');
    const written = t.text.split(':')[0]?.split('-') ?? [];
    const rest = parts.slice(1).join('-');
    if (parts.length > 1 && places.isAreaPrefix(parts[0] ?? '')) {
      const hit = bestPlace(rest, /\p{Lu}/u.test(written[1] ?? ''));
      if (hit && !hit.value.demonym) {
        const ref: PlaceRef = { ...hit.value, kind: 'region', id: `region:${parts[0]}-${hit.value.name}` };
        return [
          {
            span: { start: t.start, end: t.end, infl: placeInfl(ref, hit.infl), ...placeSpanFields(ref) },
            ambiguous: false,
          },
        ];
      }
    }
    const found = parts.map((p, k) =>
      /\p{Lu}/u.test(written[k]?.charAt(0) ?? '') ? bestPlace(p, true) : undefined,
    );
    if (!found.some((h) => h && !h.value.demonym && h.value.kind !== 'locality')) return [];
    const out: { span: Span; ambiguous: boolean }[] = [];
    let offset = t.start;
    parts.forEach((p, k) => {
      const hit = found[k];
      const w = written[k] ?? p;
      const capital = /^\p{Lu}/u.test(w);
      if (hit)
        out.push({
          span: {
            start: offset,
            end: offset + p.length,
            infl: placeInfl(hit.value, hit.infl),
            ...placeSpanFields(hit.value),
          },
          ambiguous: false,
        });
      else if (capital && !vocab.isCommon(p) && !projectWordCase(p)) {
        // An unknown capitalised part among places is a place too (often misspelt: "Nousianen").
        const ref: PlaceRef = { id: `loc:${p}`, kind: 'locality', name: w, demonym: false };
        const infl = k === parts.length - 1 ? guessCase(p) : NOM;
        out.push({
          span: { start: offset, end: offset + p.length, infl, ...placeSpanFields(ref) },
          ambiguous: false,
        });
      }
      offset += p.length + 1;
    });
    return out;
  }

  // "Satakuntaliiton": a closed compound that starts with a place name (5+ letters).
  function compoundSpans(t: WordToken, word: string): { span: Span; ambiguous: boolean }[] {
    if (!t.capitalised || word.length < 9) return [];
    for (let k = word.length - 4; k >= 5; k--) {
      const hit = places.lexicon
        .lookup(word.slice(0, k))
        .find(
          (h) =>
            !h.value.demonym &&
            h.value.kind !== 'locality' &&
            (h.infl.case === 'nom' || h.infl.case === 'gen') &&
            h.value.name.length >= 5,
        );
      if (hit) {
        return [
          {
            span: { start: t.start, end: t.start + k, infl: NOM, joiner: '-', ...placeSpanFields(hit.value) },
            ambiguous: t.sentenceStart,
          },
        ];
      }
    }
    return [];
  }

  // A misspelt place: one letter added, dropped or changed ("Jämsijärvellä", "Nousianen").
  function nearPlace(word: string) {
    if (word.length < 7) return undefined;
    const letters = 'aeiouyäöklmnprstvhjdg';
    const tries = new Set<string>();
    for (let k = 1; k < word.length; k++) {
      tries.add(word.slice(0, k) + word.slice(k + 1));
      for (const c of letters) {
        tries.add(word.slice(0, k) + c + word.slice(k));
        tries.add(word.slice(0, k) + c + word.slice(k + 1));
      }
    }
    for (const w of tries) {
      const hit = places.lexicon.lookup(w).find((h) => !h.value.demonym && h.value.kind !== 'locality');
      if (hit) return hit;
    }
    return undefined;
  }

  function unknownParts(word: string): string[] {
    return word
      .split(/[-:]/u)
      .filter(
        (p) => /^\p{Lu}/u.test(p) && p.length > 1 && !vocab.isCommon(p.toLowerCase()) && !allow.allowsWord(p),
      );
  }
}

/** Whether a token is a place name (in a local case, or in any case), for the person patterns. */
export function placeChecks(tokens: readonly WordToken[]): {
  isLocativePlace(i: number): boolean;
  isPlace(i: number): boolean;
} {
  const hits = (i: number) =>
    gazetteer()
      .lexicon.lookup(tokens[i]?.lower ?? '')
      .filter((h) => !h.value.demonym && (h.value.kind !== 'locality' || tokens[i]?.capitalised));
  return {
    isLocativePlace: (i) => hits(i).some((h) => LOCATIVE.has(h.infl.case)),
    isPlace: (i) => hits(i).some((h) => h.value.kind !== 'locality'),
  };
}

function nameKey(lower: string): string {
  return lower.replace(/:.*$/u, '').replace(/(n|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|a|ä|ta|tä)$/u, '');
}

function learnedByPrefix(persons: readonly LearnedPerson[], lower: string) {
  for (const p of persons) {
    const s = p.surname.toLowerCase();
    if (s.length < 6) continue;
    const stem = s.slice(0, s.length - 2);
    if (lower.startsWith(stem) && lower.length - s.length <= 4) return { value: p, infl: guessCase(lower) };
  }
  return undefined;
}
