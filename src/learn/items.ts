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
