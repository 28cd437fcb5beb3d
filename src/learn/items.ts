// Training items: passages with the codes an evaluator gave them, from the codebook's own examples (inline
// match/noMatch and the <codebook>.examples/ folder), from gold files and from review decisions the user
// supplies with --learn-from. Each item becomes one paragraph for the coder.
import type { Codebook } from '../codebook/types.js';
import type { GoldItem } from '../eval/gold.js';
import { detectLanguage } from '../language/detect.js';
import { tokenize } from '../language/tokens.js';
import { LineIndex } from '../positions.js';
import { splitSentences } from '../segment/sentences.js';
import type { Segment } from '../types.js';

export interface TrainingItem {
  id: string;
  text: string;
  /** Codes the passage is evidence for; empty: it should get no code. */
  codes: string[];
  /** Codes it may also touch: counted neither for nor against. */
  also: string[];
  /** Heading path of the passage, when known. */
  section?: string[];
  /** The file the item came from (leave-one-source-out groups by it). */
  source: string;
  /** How much the item counts in fitting (default 1); see `balanceUserItems`. */
  weight?: number;
}

/** At most how many of the codebook's examples one of the user's own items counts as. */
const MAX_USER_WEIGHT = 10;

/**
 * The evaluator's own decisions are the authority on their scheme: items the user gives (--learn-from)
 * count more than the codebook's examples — together as much as all of them once there are enough — but
 * one item never more than MAX_USER_WEIGHT examples, so a handful of decisions does not swamp the model.
 */
export function balanceUserItems(
  own: readonly TrainingItem[],
  user: readonly TrainingItem[],
): TrainingItem[] {
  if (user.length === 0) return [...own];
  const weight = Math.min(MAX_USER_WEIGHT, Math.max(1, own.length / user.length));
  return [...own, ...user.map((i) => ({ ...i, weight }))];
}

/** Every theme's inline examples: a match is evidence for its theme; a noMatch only against it. */
export function inlineExamples(book: Codebook): TrainingItem[] {
  const codes = book.themes.map((t) => t.code);
  const out: TrainingItem[] = [];
  for (const t of book.themes) {
    t.examples.match.forEach((text, i) => {
      out.push({ id: `${t.code}#m${i + 1}`, text, codes: [t.code], also: [], source: book.file });
    });
    t.examples.noMatch.forEach((text, i) => {
      out.push({
        id: `${t.code}#n${i + 1}`,
        text,
        codes: [],
        also: codes.filter((c) => c !== t.code),
        source: book.file,
      });
    });
  }
  return out;
}

/** Gold-file items (id, code, text; optional also and section); `none` means no code. */
export function goldItems(items: readonly GoldItem[], source: string): TrainingItem[] {
  return items.map((g) => ({
    id: g.id,
    text: g.text,
    codes: g.code === 'none' ? [] : [g.code],
    also: g.also ?? [],
    // A heading path ("3. Toteutus > 3.2 Riskit"); a bare chapter number of a synthesis ("2.1") is none.
    ...(g.section && /\p{L}/u.test(g.section) ? { section: g.section.split('>').map((s) => s.trim()) } : {}),
    source,
  }));
}

/** A passage as one paragraph segment with its sentences (how items are coded for fitting and eval). */
export function itemSegment(text: string, id: string, section: readonly string[] = []): Segment {
  const tokens = tokenize(text);
  const detected = detectLanguage(tokens, 'fi');
  const lang: 'fi' | 'sv' = detected === 'sv' ? 'sv' : 'fi';
  const index = new LineIndex(text);
  const base = { report: id, section: [...section], blockKind: 'paragraph' as const, lang };
  const sentences: Segment[] = splitSentences(text, lang).map((s, j) => ({
    ...base,
    id: `${id}.s${j + 1}`,
    kind: 'sentence',
    start: s.start,
    end: s.end,
    startPoint: index.point(s.start),
    endPoint: index.point(s.end),
    text: text.slice(s.start, s.end),
  }));
  return {
    ...base,
    id,
    kind: 'paragraph',
    start: 0,
    end: text.length,
    startPoint: index.point(0),
    endPoint: index.point(text.length),
    text,
    sentences,
  };
}

/**
 * In a hierarchical codebook an item coded with a subtheme is evidence of its main theme too, and one
 * coded with a main theme says nothing about which subtheme: ancestors and descendants of an item's codes
 * are counted neither for nor against it.
 */
export function withHierarchy(items: readonly TrainingItem[], book: Codebook): TrainingItem[] {
  const parent = new Map(book.themes.filter((t) => t.parent).map((t) => [t.code, t.parent as string]));
  if (parent.size === 0) return [...items];
  const ancestors = (code: string): string[] => {
    const out: string[] = [];
    for (let p = parent.get(code); p !== undefined; p = parent.get(p)) out.push(p);
    return out;
  };
  const related = (code: string) => [
    ...ancestors(code),
    ...book.themes.filter((t) => ancestors(t.code).includes(code)).map((t) => t.code),
  ];
  return items.map((item) => {
    const extra = item.codes.flatMap(related).filter((c) => !item.codes.includes(c));
    return extra.length === 0 ? item : { ...item, also: [...new Set([...item.also, ...extra])] };
  });
}
