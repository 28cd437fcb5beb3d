// The one pattern language of the tool, for codebook terms and for the linguistic rules (rules/<lang>/*.yaml).
// A pattern is a sequence of token specs separated by spaces, after spaCy's Matcher (one dict per token),
// written compactly:
//   kunta          a lemma: its inflected forms match, and compounds ending in it (asiakaspalaute)
//   hyvin=         this exact word form only
//   tehost*        every word that begins with the stem
//   *matta         every word that ends so (a morphological category: the abessive "tekemättä")
//   #              any number ("15", "2021")
//   ~2  ~1-3       a gap of up to two (one to three) arbitrary words, only between two word specs
//   ...^1.5        a weight for the whole pattern (default 1; 0 < w ≤ 10)
// Parsing returns a reason for any malformed pattern, so loaders can report it at file:line:col.

export type TokenSpec =
  | { kind: 'lemma'; text: string }
  | { kind: 'form'; text: string }
  | { kind: 'prefix'; text: string }
  | { kind: 'suffix'; text: string }
  | { kind: 'number' }
  | { kind: 'gap'; min: number; max: number };

export type WordSpec = Exclude<TokenSpec, { kind: 'gap' }>;

export interface Pattern {
  /** The pattern as written, without its weight: the label shown in explanations. */
  label: string;
  specs: TokenSpec[];
  weight: number;
}

const WORD = /^[\p{L}\p{N}][\p{L}\p{N}'’:-]*$/u;
const GAP = /^~(?:(\d)-)?(\d)$/;
const MAX_GAP = 6;

export type ParsedPattern = { ok: true; pattern: Pattern } | { ok: false; reason: string };

export function parsePattern(raw: string): ParsedPattern {
  const text = raw.trim();
  const caret = text.lastIndexOf('^');
  let body = text;
  let weight = 1;
  if (caret > 0) {
    body = text.slice(0, caret).trim();
    const w = text.slice(caret + 1);
    if (!/^\d+(\.\d+)?$/.test(w)) return { ok: false, reason: `weight "^${w}" is not a number` };
    weight = Number(w);
    if (!(weight > 0 && weight <= 10)) return { ok: false, reason: `weight ${weight} is outside (0, 10]` };
  }
  const parts = body.split(/\s+/).filter((p) => p.length > 0);
  if (parts.length === 0) return { ok: false, reason: 'empty pattern' };
  const specs: TokenSpec[] = [];
  for (const part of parts) {
    const spec = parseSpec(part.toLowerCase());
    if (typeof spec === 'string') return { ok: false, reason: `"${part}": ${spec}` };
    specs.push(spec);
  }
  const first = specs[0];
  const last = specs[specs.length - 1];
  if (first?.kind === 'gap' || last?.kind === 'gap')
    return { ok: false, reason: 'a gap ~n stands only between two words' };
  for (let i = 1; i < specs.length; i++)
    if (specs[i]?.kind === 'gap' && specs[i - 1]?.kind === 'gap')
      return { ok: false, reason: 'two gaps in a row' };
  return { ok: true, pattern: { label: body, specs, weight } };
}

function parseSpec(part: string): TokenSpec | string {
  const gap = GAP.exec(part);
  if (gap) {
    const min = Number(gap[1] ?? 0);
    const max = Number(gap[2]);
    if (min > max || max > MAX_GAP) return `a gap ~m-n needs m ≤ n ≤ ${MAX_GAP}`;
    return { kind: 'gap', min, max };
  }
  if (part === '#') return { kind: 'number' };
  if (part.startsWith('*')) {
    const text = part.slice(1);
    if (text.length < 3 || !WORD.test(text)) return 'a suffix needs three or more letters after "*"';
    return { kind: 'suffix', text };
  }
  if (part.endsWith('*')) {
    const text = part.slice(0, -1);
    if (text.length < 2 || !WORD.test(text)) return 'a stem needs two or more letters before "*"';
    return { kind: 'prefix', text };
  }
  if (part.endsWith('=')) {
    const text = part.slice(0, -1);
    if (!WORD.test(text)) return 'not a word';
    return { kind: 'form', text };
  }
  if (!WORD.test(part)) return 'not a word (letters, digits, inner hyphens or colons; "*" or "=" at the end)';
  return { kind: 'lemma', text: part };
}

/** The word specs of a pattern, in order (gaps left out). */
export function wordSpecs(p: Pattern): WordSpec[] {
  return p.specs.filter((s): s is WordSpec => s.kind !== 'gap');
}
