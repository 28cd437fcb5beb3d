// The codebook as a `tag,description` CSV, the form Taguette imports a codebook in. Tags are the codes'
// unique names (as in the .qdc); the description starts with "[code]", as the REFI-QDA export's does, so
// an import back into analyse finds the code. UTF-8 without BOM: Taguette reads the header as is.
import { stringify } from 'csv-stringify/sync';
import type { Codebook } from '../codebook/types.js';
import { uniqueCodeNames } from './qdc.js';
import type { UiLang } from './ui-strings.js';

export function renderCodebookCsv(codebook: Codebook, lang: UiLang = 'fi'): string {
  const names = uniqueCodeNames(codebook, lang);
  const rows = codebook.themes.map((t) => [
    names.get(t.code) ?? t.code,
    t.description ? `[${t.code}] ${t.description.replace(/\s+/g, ' ').trim()}` : `[${t.code}]`,
  ]);
  return stringify([['tag', 'description'], ...rows], { record_delimiter: 'unix' });
}
