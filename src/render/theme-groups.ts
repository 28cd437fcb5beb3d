// How renderers order and group themes: by polarity (successes, then challenges) when the codebook codes
// polarity, otherwise by main theme (a hierarchical codebook's top-level themes with their subthemes).
import type { Codebook, Theme } from '../codebook/types.js';
import type { Polarity, Tables, ThemeCount } from '../types.js';
import { type UiLang, uiStrings } from './ui-strings.js';

export interface ThemeGroup {
  /** "success", "challenge", "none" or the main theme's code. */
  key: string;
  label: string;
  /** Set when the group is a polarity group. */
  polarity?: Polarity;
  /** The main theme itself, when the group is a main theme. */
  main?: Theme;
  /** Themes that get a bar, a column, a section: leaves, in codebook order. */
  themes: Theme[];
}

export function themeLabel(theme: Theme, lang: UiLang): string {
  return theme.labels[lang] ?? theme.labels.fi;
}

export function codebookTitle(codebook: Codebook, lang: UiLang): string {
  return codebook.title[lang] ?? codebook.title.fi;
}

/** Themes without children, in codebook order: the codes segments are coded with. */
export function leafThemes(codebook: Codebook): Theme[] {
  const parents = new Set(codebook.themes.map((t) => t.parent).filter((p): p is string => p !== undefined));
  return codebook.themes.filter((t) => !parents.has(t.code));
}

interface CodebookIndex {
  byCode: Map<string, Theme>;
  /** A top-level theme's position among the top-level themes. */
  mainIndex: Map<Theme, number>;
}

// Built once per codebook: renderers ask for every theme's main theme and colour, and a codebook of
// 10,000 themes made a search of the whole codebook per theme 100 million steps.
const indexes = new WeakMap<Codebook, CodebookIndex>();
function indexOf(codebook: Codebook): CodebookIndex {
  let index = indexes.get(codebook);
  if (!index) {
    const mains = codebook.themes.filter((t) => t.parent === undefined);
    index = {
      byCode: new Map(codebook.themes.map((t) => [t.code, t])),
      mainIndex: new Map(mains.map((t, i) => [t, i])),
    };
    indexes.set(codebook, index);
  }
  return index;
}

/** Top-level ancestor of a theme (itself when it has no parent). */
export function mainThemeOf(codebook: Codebook, theme: Theme): Theme {
  const { byCode } = indexOf(codebook);
  let current = theme;
  const seen = new Set<string>();
  while (current.parent !== undefined && !seen.has(current.code)) {
    seen.add(current.code);
    const parent = byCode.get(current.parent);
    if (!parent) break;
    current = parent;
  }
  return current;
}

export function themeGroups(codebook: Codebook, lang: UiLang): ThemeGroup[] {
  const ui = uiStrings(lang);
  const leaves = leafThemes(codebook);
  const usesPolarity = codebook.polarity || leaves.some((t) => t.polarity !== 'none');
  if (usesPolarity) {
    const groups: ThemeGroup[] = [
      { key: 'success', label: ui.successes, polarity: 'success', themes: [] },
      { key: 'challenge', label: ui.challenges, polarity: 'challenge', themes: [] },
      { key: 'none', label: ui.otherThemes, polarity: 'none', themes: [] },
    ];
    for (const theme of leaves) groups.find((g) => g.polarity === theme.polarity)?.themes.push(theme);
    return groups.filter((g) => g.themes.length > 0);
  }
  const groups = new Map<string, ThemeGroup>();
  for (const theme of leaves) {
    const main = mainThemeOf(codebook, theme);
    let group = groups.get(main.code);
    if (!group) {
      group = { key: main.code, label: themeLabel(main, lang), main, themes: [] };
      groups.set(main.code, group);
    }
    group.themes.push(theme);
  }
  return [...groups.values()];
}

// The counts by code, once per table of counts (a search per theme grew with the square of the codebook).
const countIndexes = new WeakMap<readonly ThemeCount[], Map<string, ThemeCount>>();

/** The aggregate's row for a code, if it has one. */
export function countOf(tables: Tables, code: string): ThemeCount | undefined {
  let byCode = countIndexes.get(tables.counts);
  if (!byCode) {
    byCode = new Map(tables.counts.map((c) => [c.code, c]));
    countIndexes.set(tables.counts, byCode);
  }
  return byCode.get(code);
}

/** Count for a code; zeros when the aggregate has no row for it. */
export function countFor(tables: Tables, theme: Theme): ThemeCount {
  return (
    countOf(tables, theme.code) ?? {
      code: theme.code,
      polarity: theme.polarity,
      theme: theme.topic,
      label: theme.labels.fi,
      reports: 0,
      segments: 0,
      shareOfReports: 0,
      shareAmongSiblings: 0,
      strongReports: 0,
      strongSegments: 0,
    }
  );
}

const POLARITY_COLORS: Record<Polarity, string> = {
  success: '#2F855A',
  challenge: '#C05621',
  none: '#2B6CB0',
};
const MAIN_THEME_COLORS = [
  '#2B6CB0',
  '#6B46C1',
  '#2C7A7B',
  '#B7791F',
  '#C53030',
  '#4A5568',
  '#2F855A',
  '#97266D',
];

/** Colour of a theme: by polarity when it has one, otherwise by its main theme's position in the codebook. */
export function themeColor(codebook: Codebook, theme: Theme): string {
  if (theme.polarity !== 'none') return POLARITY_COLORS[theme.polarity];
  const index = indexOf(codebook).mainIndex.get(mainThemeOf(codebook, theme)) ?? 0;
  return MAIN_THEME_COLORS[index % MAIN_THEME_COLORS.length] ?? POLARITY_COLORS.none;
}
