// A REFI-QDA codebook (.qdc from ATLAS.ti, MAXQDA, NVivo, QualCoder) → an analyse codebook. A .qdc has
// names, descriptions and the tree, not the terms the coder matches, so the result codes nothing until
// terms are added; it serves at once for review, import-review and agree, which need the codes only.
//   - a code's id: the "[code]" its Description starts with (as analyse exports), else its name folded to
//     lower-case ASCII words under its parent's id ("Henkilöstön osaaminen" → "osaaminen.henkiloston-osaaminen");
//     repeats get -2, -3;
//   - its labels: the name, in every label language (fi and en are required; edit them after);
//   - categories (isCodable="false") become parent themes; their children stay under them;
//   - polarity: when every code is success.* or challenge.* (analyse's own export), as those say.
import type { Codebook, Theme } from '../codebook/types.js';
import type { RefiCode } from './refi-model.js';

function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(s) ? s : `c-${s || 'code'}`;
}

export function codebookFromQdc(codes: readonly RefiCode[], id: string, title: string): Codebook {
  const themes: Theme[] = [];
  const used = new Set<string>();
  const unique = (code: string) => {
    let out = code;
    for (let n = 2; used.has(out); n++) out = `${code}-${n}`;
    used.add(out);
    return out;
  };
  const walk = (list: readonly RefiCode[], parent: Theme | undefined) => {
    for (const c of list) {
      const tagged = /^\[([a-z][a-z0-9_-]*(?:\.[a-z0-9][a-z0-9_-]*)*)\]\s*/.exec(c.description);
      const code = unique(tagged?.[1] ?? (parent ? `${parent.code}.${slug(c.name)}` : slug(c.name)));
      const name = c.name.trim() || code;
      const theme: Theme = {
        code,
        ...(parent ? { parent: parent.code } : {}),
        topic: parent?.topic ?? code,
        labels: { fi: name, en: name },
        // The codebook requires a description; a code without one is described by its name.
        description: (tagged ? c.description.slice(tagged[0].length) : c.description).trim() || name,
        polarity: 'none',
        terms: {},
        patterns: [],
        exclusions: [],
        examples: { match: [], noMatch: [] },
        line: 0,
        column: 0,
      };
      themes.push(theme);
      walk(c.children, theme);
    }
  };
  walk(codes, undefined);
  const polar = themes.length > 0 && themes.every((t) => /^(success|challenge)\./.test(t.code));
  if (polar)
    for (const t of themes) {
      t.polarity = t.code.startsWith('success.') ? 'success' : 'challenge';
      t.topic = t.code.split('.')[1] ?? t.code;
    }
  return { file: '', id: slug(id), title: { fi: title, en: title }, polarity: polar, themes };
}
