// quotes.md: per code its label and the ranked, anonymised quotes, attributed only to an alias.
// Quote text is escaped as in synthesis.md: a report may hold raw HTML or Markdown that must not act.
import type { Codebook } from '../codebook/types.js';
import type { Tables } from '../types.js';
import { quoteNotes } from './quote-notes.js';
import { escapeMarkdown } from './synthesis.js';

export function quotesMarkdown(tables: Tables, book: Codebook, lang: 'fi' | 'en' | 'sv' = 'fi'): string {
  const lines: string[] = [`# ${escapeMarkdown(book.title[lang] ?? book.title.fi)}`, ''];
  const total = tables.reports.length;
  for (const count of tables.counts) {
    const theme = book.themes.find((t) => t.code === count.code);
    const quotes = tables.quotes.filter((q) => q.code === count.code);
    lines.push(`## ${escapeMarkdown(theme?.labels[lang] ?? count.label)} (\`${count.code}\`)`, '');
    lines.push(
      lang === 'en'
        ? `Mentioned in ${count.reports}/${total} reports.`
        : `Mainittu ${count.reports}/${total} raportissa.`,
      '',
    );
    if (quotes.length === 0) lines.push(lang === 'en' ? '_No quotes._' : '_Ei sitaatteja._', '');
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
