// A place in the original file as an evaluator reads it in a table.
import type { SourceLocation } from '../types.js';

/** "page 4", "pages 4–5", "paragraph 37", "paragraphs 37–39"; '' without a location (Markdown, text). */
export function locationLabel(location: SourceLocation | undefined): string {
  if (!location) return '';
  const { unit, first, last } = location;
  return last > first ? `${unit}s ${first}–${last}` : `${unit} ${first}`;
}
