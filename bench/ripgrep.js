// The yardstick: ripgrep on one thread (`rg -j1`) scanning the corpus for all the codebook's terms at once,
// one case-insensitive alternation of their stems. That is the practical speed limit of the matching part
// of the job; the bench prints how many times slower the whole analysis is.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export function rgAvailable() {
  return spawnSync('rg', ['--version'], { encoding: 'utf8' }).status === 0;
}

/**
 * The stem of a term word as a prefix: "stem*" as given, "form=" as written, a lemma without its final
 * vowels and one consonant of a cluster, where Finnish inflection and gradation change it (kunta → kun
 * matches kunnissa; palaute → palaut matches palautteen).
 */
export function termStem(word) {
  if (word.endsWith('*') || word.endsWith('=')) return word.slice(0, -1);
  let stem = word.replace(/[aeiouyäöå]+$/i, '');
  if (/[^aeiouyäöå][^aeiouyäöå]$/i.test(stem)) stem = stem.slice(0, -1);
  return stem.length >= 3 ? stem : word;
}

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/** A language's terms: plain strings, or groups `{ source, patterns: [...] }` (codebook term groups). */
function termsOf(list) {
  return (list ?? []).flatMap((item) =>
    typeof item === 'string' ? [item] : Array.isArray(item?.patterns) ? item.patterns.map(String) : [],
  );
}

/** Every term of every theme and language in the codebook, as one alternation of stems. */
export function rgPattern(codebookFile) {
  const book = parse(readFileSync(codebookFile, 'utf8'));
  const stems = new Set();
  const visit = (themes) => {
    for (const theme of themes ?? []) {
      for (const list of Object.values(theme.terms ?? {})) {
        for (const raw of termsOf(list)) {
          // A gap ("olisi ~1 tarvittu") is any words between; "#" any number.
          const words = String(raw)
            .replace(/\^[\d.]+$/, '')
            .trim()
            .split(/\s+/)
            .filter((w) => !/^~/.test(w));
          const parts = words.map((w) => (w === '#' ? '\\d+' : escapeRegex(termStem(w))));
          stems.add(parts.join('\\S*\\s+(?:\\S+\\s+)*'));
        }
      }
      visit(theme.themes);
    }
  };
  visit(book.themes);
  return [...stems].sort().join('|');
}

/** Best of three (the corpus is then in the page cache, as it is for the analysis after generating it). */
export function rgSeconds(pattern, dir) {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = spawnSync('rg', ['-j1', '-i', '-c', '--no-messages', '-e', pattern, dir], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    if (r.status !== 0 && r.status !== 1) throw new Error(`rg failed: ${r.stderr}`);
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return best;
}
