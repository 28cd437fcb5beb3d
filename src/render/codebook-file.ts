// A loaded codebook written back in the codebook file format (YAML or JSON): subthemes nested under their
// parent, and topic/polarity written only where they differ from what the loader would infer, so the output
// loads back to the same codebook. Comments of the original file are not kept (the file itself has them).
import type { Codebook, TermNote, Theme } from '../codebook/types.js';
import { stringify } from '../yaml-lazy.js';

type FileTheme = Record<string, unknown>;

function fileTheme(theme: Theme, parent: Theme | undefined, children: Map<string, Theme[]>): FileTheme {
  const out: FileTheme = { code: theme.code };
  if (theme.topic !== (parent?.topic ?? theme.code)) out.topic = theme.topic;
  out.labels = theme.labels;
  out.description = theme.description;
  if (theme.polarity !== (parent?.polarity ?? 'none')) out.polarity = theme.polarity;
  const terms = Object.fromEntries(
    Object.entries(theme.terms)
      .filter(([, list]) => list.length > 0)
      .map(([lang, list]) => [lang, termList(list, theme.termNotes?.[lang])]),
  );
  if (Object.keys(terms).length > 0) out.terms = terms;
  if (theme.patterns.length > 0) out.patterns = theme.patterns;
  if (theme.exclusions.length > 0) out.exclusions = theme.exclusions;
  if (theme.examples.match.length > 0 || theme.examples.noMatch.length > 0) out.examples = theme.examples;
  const subthemes = children.get(theme.code) ?? [];
  if (subthemes.length > 0) out.themes = subthemes.map((child) => fileTheme(child, theme, children));
  return out;
}

/** Terms as written: consecutive terms of one source note go back into their group. */
function termList(list: readonly string[], notes: readonly TermNote[] | undefined): unknown[] {
  if (!notes?.some((n) => n.source)) return [...list];
  const out: unknown[] = [];
  list.forEach((term, i) => {
    const source = notes[i]?.source;
    const last = out[out.length - 1] as { source?: string; patterns?: string[] } | string | undefined;
    if (source === undefined) out.push(term);
    else if (typeof last === 'object' && last.source === source) last.patterns?.push(term);
    else out.push({ source, patterns: [term] });
  });
  return out;
}

/** The codebook as the plain object the codebook file holds. */
export function codebookFileObject(codebook: Codebook): Record<string, unknown> {
  const children = new Map<string, Theme[]>();
  for (const theme of codebook.themes) {
    if (theme.parent === undefined) continue;
    children.set(theme.parent, [...(children.get(theme.parent) ?? []), theme]);
  }
  const known = new Set(codebook.themes.map((t) => t.code));
  const top = codebook.themes.filter((t) => t.parent === undefined || !known.has(t.parent));
  return {
    id: codebook.id,
    title: codebook.title,
    polarity: codebook.polarity,
    themes: top.map((t) => fileTheme(t, undefined, children)),
  };
}

export function renderCodebookYaml(codebook: Codebook): string {
  return stringify(codebookFileObject(codebook), { lineWidth: 0 });
}

export function renderCodebookJson(codebook: Codebook): string {
  return `${JSON.stringify(codebookFileObject(codebook), null, 2)}\n`;
}
