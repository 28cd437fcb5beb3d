import type { Polarity } from '../types.js';

/** Labels per language; fi and en are required, sv optional. */
export interface Labels {
  fi: string;
  en: string;
  sv?: string;
}

export interface ThemeExamples {
  /** Sentences that must receive this code. */
  match: string[];
  /** Sentences that must not receive this code. */
  noMatch: string[];
}

export interface TermNote {
  line: number;
  column: number;
  source?: string;
}

/** A theme as written in the codebook file (after validation). */
export interface Theme {
  /** Unique code, e.g. "success.participation" or "osaaminen.henkilo". */
  code: string;
  /** Code of the parent theme, for hierarchical codebooks. */
  parent?: string;
  /** Topic shared by codes of opposite polarity (e.g. "cooperation"); defaults to the top-level code. */
  topic: string;
  labels: Labels;
  description: string;
  polarity: Polarity;
  /** Terms per language (fi, sv, en): words or multi-word phrases, matched through morphology. */
  terms: Record<string, string[]>;
  /** Per language, parallel to `terms`: where each term is written and the source note of its group. */
  termNotes?: Record<string, TermNote[]>;
  /** Regular expressions (JavaScript syntax, flags iu) matched on the segment text. */
  patterns: string[];
  /** Terms or patterns that veto this code when they occur in the same sentence. */
  exclusions: string[];
  examples: ThemeExamples;
  /** 1-based line and column of the theme in the codebook file, for diagnostics and example tests. */
  line: number;
  column: number;
}

export interface Codebook {
  /** File the codebook came from (for diagnostics). */
  file: string;
  id: string;
  title: Labels;
  /** Whether codes carry polarity read from the text (success/challenge) or none. */
  polarity: boolean;
  /** All themes, parents before children, in file order. */
  themes: Theme[];
}
