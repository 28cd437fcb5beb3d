// The one place overlaps are decided (Presidio's conflict resolution): results are taken by score, then
// length, then position; one that overlaps a result already taken is dropped. Allow-listed terms ('keep')
// take part like any other result and are then left out, so "Visma Finland Oyj" (a firm, 0.95) goes as a
// whole while "DVV:n" (kept, 0.9) stays. Neighbours of the same kind with only a space between merge into
// one ("Lakeuden Digipalvelut" → one "[taho]"), taking the case of the last word.
import type { RecognizerResult } from './recognizers/recognizer.js';

export function resolve(text: string, results: readonly RecognizerResult[]): RecognizerResult[] {
  const ordered = [...results].sort(
    (a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const taken = new Uint8Array(text.length);
  const chosen: RecognizerResult[] = [];
  for (const r of ordered) {
    if (r.end <= r.start) continue;
    let free = true;
    for (let k = r.start; k < r.end && free; k++) if (taken[k]) free = false;
    if (!free) continue;
    taken.fill(1, r.start, r.end);
    chosen.push(r);
  }
  const kept = chosen.filter((r) => r.entity !== 'keep').sort((a, b) => a.start - b.start);
  const merged: RecognizerResult[] = [];
  for (const r of kept) {
    const prev = merged[merged.length - 1];
    if (prev && mergeable(text, prev, r))
      merged[merged.length - 1] = { ...r, start: prev.start, key: prev.key ?? r.key };
    else merged.push(r);
  }
  return merged;
}

function mergeable(text: string, a: RecognizerResult, b: RecognizerResult): boolean {
  if (a.entity !== b.entity || a.joiner || a.entity === 'keep') return false;
  if (!(a.entity === 'name' || a.entity === 'organisation' || a.entity === 'person')) return false;
  if (a.entity === 'person' && a.key !== b.key && a.recognizer !== 'UnknownNameRecognizer') return false;
  return /^ $/u.test(text.slice(a.end, b.start));
}
