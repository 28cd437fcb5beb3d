// quotes.md: the quotes an evaluator pastes into a publication, so nothing in a quote may act as markup.
import { describe, expect, it } from 'vitest';
import { quotesMarkdown } from '../src/render/quotes-md.js';
import type { Quote, Tables } from '../src/types.js';
import { polarityCodebook, sampleTables } from './fixtures/render/sample-tables.js';

function withQuote(text: string): Tables {
  const first = sampleTables.quotes[0] as Quote;
  return { ...sampleTables, quotes: [{ ...first, text }] };
}

describe('quotesMarkdown', () => {
  it.each([
    [
      'raw HTML',
      'Yhteistyö sujui <script>alert(1)</script> ja <b>asukkaat</b> osallistuivat.',
      /[^\\]<(script|b)\b/,
    ],
    ['an image tag', 'Palaute <img src=x onerror=alert(2)> oli myönteistä.', /[^\\]<img/],
    ['Markdown emphasis', 'Tulos oli *erittäin* hyvä ja __selkeä__.', /(^|[^\\])[*_]/m],
    ['a link', 'Katso [sivu](https://example.org) lisää.', /[^\\]\]\(/],
  ])('escapes %s in a quote', (_name, text, raw) => {
    const md = quotesMarkdown(withQuote(text), polarityCodebook, 'fi');
    const line = md.split('\n').find((l) => l.startsWith('> ”')) ?? '';
    expect(line).not.toMatch(raw);
  });

  it('keeps the words of the quote readable', () => {
    const md = quotesMarkdown(withQuote('Yhteistyö sujui <b>hyvin</b>.'), polarityCodebook, 'fi');
    expect(md).toContain('> ”Yhteistyö sujui \\<b>hyvin\\</b>.” (');
  });

  // With --lang sv the headings and captions were Swedish but these two lines Finnish.
  it.each([
    ['fi', 'Mainittu 3/3 raportissa.', '_Ei sitaatteja._'],
    ['en', 'Mentioned in 3/3 reports.', '_No quotes._'],
    ['sv', 'Nämnt i 3/3 rapporter.', '_Inga citat._'],
  ] as const)('counts and "no quotes" in the chosen language: %s', (lang, mentioned, none) => {
    const md = quotesMarkdown({ ...sampleTables, quotes: [] }, polarityCodebook, lang);
    expect(md).toContain(none);
    expect(md).toMatch(new RegExp(mentioned.replace(/\d\/\d/, '\\d+/\\d+').replace('.', '\\.')));
  });
});
