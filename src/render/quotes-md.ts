// quotes.md: per code its label and the ranked, anonymised quotes, attributed only to an alias.
// Quote text is escaped as in synthesis.md: a report may hold raw HTML or Markdown that must not act.
import type { Codebook } from '../codebook/types.js';
import type { Quote, Tables } from '../types.js';
import { quoteNotes } from './quote-notes.js';
import { escapeMarkdown } from './synthesis.js';
import { uiStrings } from './ui-strings.js';

const WORDS = {
  fi: { mentioned: (n: number, m: number) => `Mainittu ${n}/${m} raportissa.`, none: '_Ei sitaatteja._' },
  en: { mentioned: (n: number, m: number) => `Mentioned in ${n}/${m} reports.`, none: '_No quotes._' },
  sv: { mentioned: (n: number, m: number) => `Nämnt i ${n}/${m} rapporter.`, none: '_Inga citat._' },
};

export function quotesMarkdown(tables: Tables, book: Codebook, lang: 'fi' | 'en' | 'sv' = 'fi'): string {
  const lines: string[] = [`# ${escapeMarkdown(book.title[lang] ?? book.title.fi)}`, ''];
  if (tables.morphology) lines.push(`_${escapeMarkdown(uiStrings(lang).morphology(tables.morphology))}_`, '');
  const total = tables.reports.length;
  const words = WORDS[lang];
  // Themes and quotes by code, once: a search per code grew with the square of a large codebook.
  const themes = new Map(book.themes.map((t) => [t.code, t]));
  const quotesOf = new Map<string, Quote[]>();
  for (const q of tables.quotes) {
    const list = quotesOf.get(q.code);
    if (list) list.push(q);
    else quotesOf.set(q.code, [q]);
  }
  for (const count of tables.counts) {
    const theme = themes.get(count.code);
    const quotes = quotesOf.get(count.code) ?? [];
    lines.push(`## ${escapeMarkdown(theme?.labels[lang] ?? count.label)} (\`${count.code}\`)`, '');
    lines.push(words.mentioned(count.reports, total), '');
    if (quotes.length === 0) lines.push(words.none, '');
    for (const q of quotes) {
      const source = [q.alias, ...quoteNotes(q, lang)].map(escapeMarkdown).join('; ');
      lines.push(`> ”${escapeMarkdown(oneLine(q.text))}” (${source})`, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** A quote on one line of the block quote: a line break would end it or start a block. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
