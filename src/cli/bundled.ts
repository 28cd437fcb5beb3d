// The codebooks that ship with the tool (src/cli or dist/cli → ../../codebooks), the default first: the
// run's default, training for a copied codebook without examples, the tool's own words for check-leaks.
import { fileURLToPath } from 'node:url';

export const DEFAULT_CODEBOOK = fileURLToPath(
  new URL('../../codebooks/digikannustin-2020.yaml', import.meta.url),
);

export const BUNDLED_CODEBOOKS: readonly string[] = [
  DEFAULT_CODEBOOK,
  fileURLToPath(new URL('../../codebooks/kuntaliitto-2025.yaml', import.meta.url)),
];
