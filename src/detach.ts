/**
 * A copy of a string that shares no memory with the string it was sliced from: V8 keeps a whole source
 * text alive behind every slice of it, so what outlives a report (codings, learned names) is detached.
 */
export function detach(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}
