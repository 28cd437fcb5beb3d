// Polarity read from the text: what a sentence says about how something went.
//   outcome cues        onnistui, sujui hyvin, parani / ongelma, viivästyi, puute
//   negation            "ei onnistunut", "eivät olleet halukkaita" turn a positive cue or a verb negative;
//                       "ei ongelmia", "ilman viiveitä" turn a negative cue positive
//   contrast            after "mutta", "kuitenkin", "toisaalta" the clause weighs more; a "vaikka" clause less
//   counterfactual      "olisi tarvittu", "olisi vaatinut": something was missing
//   section             a paragraph under "Toteutuneet riskit" or "Onnistumiset" leans that way
import { type CueKey, cueEntries, SECTION_CUES } from '../language/cues.js';
import { foldUmlauts } from '../language/fold.js';
import { type Hit, type LemmaLookup, Lexicon } from '../language/lexicon.js';
import { type Token, tokenize } from '../language/tokens.js';

export interface PolarityCue {
  /** e.g. "+onnistui", "-viivästyi", "-ei+toimi", "+ei-ongelm". */
  label: string;
  value: number;
}

export interface SentencePolarity {
  /** Positive: reads as a success; negative: as a challenge. */
  value: number;
  cues: PolarityCue[];
  /** The sentence reads as a record (signed, procured, consisted of, is attached) rather than a finding. */
  descriptive: boolean;
}

const lexicons = { fi: new Lexicon(cueEntries('fi'), 'fi'), sv: new Lexicon(cueEntries('sv'), 'sv') };
const NEGATION_WINDOW = 4;
/** "ei vain/ainoastaan ... vaan myös" is not a negation of the outcome. */
const NOT_ONLY = new Set(['vain', 'ainoastaan', 'pelkästään', 'bara', 'endast', 'enbart']);
const NO_LONGER = new Set(['enää', 'längre']);
const REDUCER_WINDOW = 6;
/** Words placing a clause before the project: its negation describes the old state. */
const FORMERLY = new Set(['aiemmin', 'aikaisemmin', 'tidigare', 'förut']);
/** Verbs of occurring: "ei ollut", "ei ilmennyt", "fanns inte". */
const EXISTENTIAL =
  /\b(ollut|olleet|ole|ilmennyt|ilmenneet|esiintynyt|esiintyneet|syntynyt|syntyneet|tullut|tulleet|havaittu|kohdattu|fanns|förekom|uppstod)\b/;
/** Abessives that are not about something left undone. */
const NOT_ABESSIVE_NEGATIVE = new Set([
  'huolimatta',
  'riippumatta',
  'epäilemättä',
  'kiistämättä',
  'lukuunottamatta',
  'mainitsematta',
  'sanomattakin',
  'välttämättä',
  'tietämättä',
  'odottamatta',
]);

export function sentencePolarity(
  tokens: readonly Token[],
  lang: 'fi' | 'sv',
  options: { fold?: boolean; lemmas?: LemmaLookup } = {},
): SentencePolarity {
  const hits = lexicons[lang].find(tokens, options);
  const byFirst = new Map<number, Hit<CueKey>[]>();
  for (const h of hits as Hit<CueKey>[]) {
    const list = byFirst.get(h.first) ?? [];
    list.push(h);
    byFirst.set(h.first, list);
  }
  const cues: PolarityCue[] = [];
  const consumed = new Set<number>();
  // Where the weight of a clause changes: after a contrast, and inside a concessive "vaikka" clause.
  const contrastAt = hits
    .filter((h) => h.entry.key === 'contrast' && !/^(vaikka|även om|trots)$/.test(h.entry.label))
    .map((h) => h.first);
  const lastContrast = contrastAt.length > 0 ? Math.max(...contrastAt) : -1;
  const concessive = hits.filter((h) => /^(vaikka|även om|trots)$/.test(h.entry.label)).map((h) => h.first);
  const commaAfter = (i: number) => tokens.findIndex((_, j) => j > i && /^,/.test(sliceAfter(tokens, j - 1)));
  const weightAt = (i: number): number => {
    for (const c of concessive) {
      const end = commaAfter(c);
      if (i > c && (end === -1 || i < end)) return 0.6;
    }
    if (lastContrast >= 0) return i > lastContrast ? 1.3 : 0.75;
    return 1;
  };

  const negatorAt = new Set<number>();
  /** The words a negator governs (to the clause end, at most NEGATION_WINDOW) yield no cue of their own. */
  const consumeScope = (negator: number) => {
    for (
      let j = negator + 1;
      j <= negator + NEGATION_WINDOW && j < tokens.length && !clauseBreak(tokens, j);
      j++
    ) {
      consumed.add(j);
    }
  };
  let noLonger = false;
  for (const h of hits as Hit<CueKey>[]) {
    const key = h.entry.key;
    if (key === 'negator') {
      // "eivätkä" matches both eivät and eivätkä: one negation per token.
      if (negatorAt.has(h.first)) continue;
      negatorAt.add(h.first);
      const next = tokens[h.first + 1]?.lower ?? '';
      if (NOT_ONLY.has(next)) continue;
      // "ei enää tarvitse", "inte längre": something stopped being needed, a change for the better;
      // "ei enää tulosteta eikä postiteta": the coordinated "eikä" carries the same "no longer".
      const continuesNoLonger = noLonger && /kä$|ej heller/.test(h.entry.label);
      if (
        NO_LONGER.has(next) ||
        (next === 'tarvitse' && tokens[h.first + 2]?.lower === 'enää') ||
        continuesNoLonger
      ) {
        noLonger = true;
        cues.push({
          label: `+${h.entry.label} ${continuesNoLonger ? '(enää)' : next}`,
          value: 0.8 * weightAt(h.first),
        });
        consumeScope(h.first);
        continue;
      }
      // "eivät aiemmin olleet työskennelleet yhdessä", "mikä ei aiemmin olisi ollut mahdollista": a negation
      // of the state before the project tells of a change for the better.
      if (clauseWords(tokens, h.first).some((w) => FORMERLY.has(w))) {
        cues.push({ label: `+${h.entry.label} (aiemmin)`, value: 0.6 * weightAt(h.first) });
        consumeScope(h.first);
        continue;
      }
      let flipped = false;
      for (
        let j = h.first + 1;
        j <= h.first + NEGATION_WINDOW && j < tokens.length && !clauseBreak(tokens, j);
        j++
      ) {
        for (const c of byFirst.get(j) ?? []) {
          if (c.entry.key === 'pos' && !consumed.has(j)) {
            cues.push({
              label: `-${h.entry.label} ${c.entry.label}`,
              value: -1.3 * c.entry.weight * weightAt(j),
            });
            consumed.add(j);
            flipped = true;
          } else if (c.entry.key === 'neg' && !consumed.has(j)) {
            cues.push({ label: `+${h.entry.label} ${c.entry.label}`, value: 0.6 * weightAt(j) });
            consumed.add(j);
            flipped = true;
          }
        }
        if (flipped) break;
      }
      // "Ongelmia ei ollut", "Viiveitä ei hankkeen aikana ilmennyt": Finnish puts the problem before the
      // negated existential verb; a problem word just before the negator, in its clause, is denied.
      if (
        !flipped &&
        EXISTENTIAL.test(
          tokens
            .slice(h.first + 1, h.first + 1 + NEGATION_WINDOW)
            .map((t) => t.lower)
            .join(' '),
        )
      ) {
        for (let j = h.first - 1; j >= Math.max(0, h.first - 3) && !clauseBreak(tokens, j + 1); j--) {
          const c = (byFirst.get(j) ?? []).find((x) => x.entry.key === 'neg');
          if (c && !consumed.has(j)) {
            cues.push({ label: `+${c.entry.label} ${h.entry.label}`, value: 0.6 * weightAt(j) });
            consumed.add(j);
            flipped = true;
            break;
          }
        }
      }
      // A bare negated verb ("toimittaja ei vastannut") is itself a mild sign of trouble in report voice.
      if (!flipped && h.entry.label !== 'ilman' && h.entry.label !== 'utan') {
        cues.push({ label: `-${h.entry.label}`, value: -0.6 * weightAt(h.first) });
      }
    }
  }
  // "vähensi virheitä", "puutteelliset hakemukset vähenivät": less of a problem is a gain.
  for (const r of hits as Hit<CueKey>[]) {
    if (r.entry.key !== 'reducer') continue;
    for (
      let j = Math.max(0, r.first - REDUCER_WINDOW);
      j <= Math.min(tokens.length - 1, r.first + REDUCER_WINDOW);
      j++
    ) {
      if (j === r.first || consumed.has(j) || !sameClause(tokens, r.first, j)) continue;
      const neg = (byFirst.get(j) ?? []).find((c) => c.entry.key === 'neg');
      if (!neg) continue;
      consumed.add(j);
      cues.push({
        label: `+${r.entry.label} ${neg.entry.label}`,
        value: 0.8 * neg.entry.weight * weightAt(j),
      });
    }
  }
  // "jäi saavuttamatta", "toteutumatta", "tekemättä": the abessive says something was not done.
  tokens.forEach((t, i) => {
    if (
      /[^ ]{3,}(matta|mättä)$/.test(t.lower) &&
      !NOT_ABESSIVE_NEGATIVE.has(t.lower) &&
      !consumed.has(i) &&
      !byFirst.has(i)
    ) {
      cues.push({ label: `-${t.lower}`, value: -1.5 * weightAt(i) });
    }
  });
  // One token is one cue, and the longest cue wins: "hitaasti" matches hidas, hitaa* and hitaasti; in
  // "ratkotaan ongelmia" the phrase (positive) covers "ongelm*" (negative).
  const covered = new Set<number>();
  const chosen: Hit<CueKey>[] = [];
  const outcome = (hits as Hit<CueKey>[])
    .filter((h) => h.entry.key === 'pos' || h.entry.key === 'neg' || h.entry.key === 'counterfactual')
    .sort(
      (a, b) => b.last - b.first - (a.last - a.first) || b.entry.weight - a.entry.weight || a.first - b.first,
    );
  for (const h of outcome) {
    let free = true;
    for (let i = h.first; i <= h.last; i++) if (covered.has(i)) free = false;
    if (!free) continue;
    for (let i = h.first; i <= h.last; i++) covered.add(i);
    chosen.push(h);
  }
  for (const h of chosen.sort((a, b) => a.first - b.first)) {
    if (consumed.has(h.first)) continue;
    const w = weightAt(h.first);
    if (h.entry.key === 'pos') cues.push({ label: `+${h.entry.label}`, value: h.entry.weight * w });
    else if (h.entry.key === 'neg') cues.push({ label: `-${h.entry.label}`, value: -h.entry.weight * w });
    else if (h.entry.key === 'counterfactual') cues.push({ label: `-${h.entry.label}`, value: -1 * w });
  }
  const value = cues.reduce((s, c) => s + c.value, 0);
  const descriptive = hits.some((h) => h.entry.key === 'descriptive');
  return { value: Math.round(value * 100) / 100, cues, descriptive };
}

/** The lower-cased words of the clause around token i. */
function clauseWords(tokens: readonly Token[], i: number): string[] {
  let a = i;
  while (a > 0 && !clauseBreak(tokens, a)) a--;
  let b = i;
  while (b + 1 < tokens.length && !clauseBreak(tokens, b + 1)) b++;
  return tokens.slice(a, b + 1).map((t) => t.lower);
}

/** Whether clause punctuation stands between token j-1 and token j. */
function clauseBreak(tokens: readonly Token[], j: number): boolean {
  return /[,;:.!?–—]/.test(sliceAfter(tokens, j - 1));
}

function sameClause(tokens: readonly Token[], a: number, b: number): boolean {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  for (let j = lo + 1; j <= hi; j++) if (clauseBreak(tokens, j)) return false;
  return true;
}

function sliceAfter(tokens: readonly Token[], j: number): string {
  // Callers only need to know whether a comma follows token j; tokens carry no punctuation, so we look at
  // the gap to the next token through a cached source string attached by the caller (see withSource).
  const t = tokens[j] as Token & { gapAfter?: string };
  return t?.gapAfter ?? '';
}

/** Tokenises a sentence and records the punctuation between tokens (for clause boundaries). */
export function sentenceTokens(text: string, base = 0): Token[] {
  const tokens = tokenize(text, base) as (Token & { gapAfter?: string })[];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token & { gapAfter?: string };
    const nextStart = tokens[i + 1]?.start ?? base + text.length;
    t.gapAfter = text.slice(t.end - base, nextStart - base).trim();
  }
  return tokens;
}

export type SectionLean = 'success' | 'challenge' | 'descriptive';

const sectionLexicons = {
  fi: new Lexicon(
    (Object.entries(SECTION_CUES) as [SectionLean, string[]][]).flatMap(([key, list]) =>
      list.map((w) => ({ key, label: w, weight: 1, words: w.split(' ') })),
    ),
    'fi',
  ),
};

/** What the innermost headings of a section say about its content. */
export function sectionLeans(section: readonly string[], fold = false): Set<SectionLean> {
  const out = new Set<SectionLean>();
  // The innermost two headings decide: "3.2.1. Toteutuneet riskit > Henkilöresurssi" is about risks.
  for (const heading of section.slice(-2)) {
    const tokens = tokenize(fold ? foldUmlauts(heading) : heading);
    for (const h of sectionLexicons.fi.find(tokens, { fold })) out.add(h.entry.key as SectionLean);
  }
  return out;
}
