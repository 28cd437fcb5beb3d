// Diagnostics, after vfile messages: a problem in an input, with where it is and why.
// A report that fails becomes a diagnostic; the run goes on.

export type Severity = 'error' | 'warning' | 'info';

export interface Place {
  line: number;
  column: number;
  offset?: number;
}

export interface Diagnostic {
  file: string;
  place?: Place;
  /** Stable machine-readable id, e.g. "read/empty", "codebook/unknown-key". */
  ruleId: string;
  severity: Severity;
  reason: string;
}

export type Result<T> =
  | { ok: true; value: T; diagnostics?: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

export function diagnostic(
  file: string,
  ruleId: string,
  reason: string,
  place?: Place,
  severity: Severity = 'error',
): Diagnostic {
  return place ? { file, place, ruleId, severity, reason } : { file, ruleId, severity, reason };
}

/** `file:line:col: severity reason [ruleId]`, the form editors and terminals link. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.place ? `${d.file}:${d.place.line}:${d.place.column}` : d.file;
  return `${where}: ${d.severity} ${d.reason} [${d.ruleId}]`;
}
