// The codebook file format, as data: which keys a map may carry, which are required, and of what kind.
// Stage 2 of loading walks the YAML tree against this and rejects unknown keys with file:line:col.

export type FieldKind =
  | 'string'
  | 'boolean'
  | 'string-list'
  | 'labels'
  | 'terms'
  | 'examples'
  | 'polarity'
  | 'themes';

export interface FieldSpec {
  kind: FieldKind;
  required?: boolean;
}

export const CODEBOOK_FIELDS: Record<string, FieldSpec> = {
  id: { kind: 'string', required: true },
  title: { kind: 'labels', required: true },
  description: { kind: 'string' },
  /** true: codes carry success/challenge polarity read from the text; false: topic only. */
  polarity: { kind: 'boolean', required: true },
  themes: { kind: 'themes', required: true },
  /** The anonymiser's allow-list for this codebook, relative to it (read by io/load-allow-list.ts). */
  allowList: { kind: 'string' },
};

export const THEME_FIELDS: Record<string, FieldSpec> = {
  code: { kind: 'string', required: true },
  topic: { kind: 'string' },
  labels: { kind: 'labels', required: true },
  description: { kind: 'string', required: true },
  polarity: { kind: 'polarity' },
  terms: { kind: 'terms' },
  patterns: { kind: 'string-list' },
  exclusions: { kind: 'string-list' },
  examples: { kind: 'examples' },
  /** Subthemes: a hierarchy (main theme → subthemes). */
  themes: { kind: 'themes' },
};

export const LABEL_LANGUAGES = ['fi', 'en', 'sv'] as const;
export const REQUIRED_LABELS = ['fi', 'en'] as const;
export const TERM_LANGUAGES = ['fi', 'sv', 'en'] as const;
export const EXAMPLE_FIELDS = ['match', 'noMatch'] as const;
export const POLARITIES = ['success', 'challenge', 'none'] as const;

/** A theme code: lower-case words joined by dots, dashes or underscores. */
export const CODE_PATTERN = /^[a-z][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*$/;
