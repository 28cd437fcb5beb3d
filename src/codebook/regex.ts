// Codebook regular expressions run on RE2 (re2js): linear time in the text, whatever the pattern, so a
// pattern like "(a+)+$" cannot hang a run. RE2 has no lookaround or backreferences; such a pattern is
// rejected when the codebook loads, with its place.
import { RE2JS } from 're2js';

export interface SafeRegex {
  source: string;
  /** The first match in the text, or undefined. */
  exec(text: string): string | undefined;
  test(text: string): boolean;
}

/** "/body/" or a bare body; case-insensitive and Unicode-aware, as the codebook format documents. */
export function regexBody(p: string): string {
  return p.startsWith('/') && p.endsWith('/') && p.length > 1 ? p.slice(1, -1) : p;
}

export function compileRegex(p: string): { ok: true; value: SafeRegex } | { ok: false; reason: string } {
  try {
    const re = RE2JS.compile(regexBody(p), RE2JS.CASE_INSENSITIVE);
    const exec = (text: string) => {
      const m = re.matcher(text);
      return m.find() ? (m.group() ?? '') : undefined;
    };
    return { ok: true, value: { source: p, exec, test: (text) => exec(text) !== undefined } };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
}
