// The bundled genre rules (rules/genre.yaml), read once per run.
import { fileURLToPath } from 'node:url';
import type { Result } from '../diagnostics.js';
import { type GenreRules, parseGenreRules } from '../language/genre-rules.js';
import { cachedLoad } from './load-cache.js';
import { readText } from './read-text.js';

export const GENRE_RULES_FILE = fileURLToPath(new URL('../../rules/genre.yaml', import.meta.url));

export async function loadGenreRules(path = GENRE_RULES_FILE): Promise<Result<GenreRules>> {
  const text = await readText(path);
  return text.ok ? cachedLoad('genre', path, text.value, (file, t) => parseGenreRules(t, file)) : text;
}
