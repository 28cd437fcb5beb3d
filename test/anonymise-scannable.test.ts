// The leak check reads an HTML output with its tags blanked but for their text-carrying attributes
// (check/scannable.ts), every offset kept. The tag blanking is built from slices now (a million tags in a
// 10,000-report report.html): the same text as the character-array version it replaced, for any tag, and
// the same length as the input (one character per UTF-16 unit) even with characters outside the BMP.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scannableText } from '../src/anonymise/check/scannable.js';

/** The earlier version of the tag blanking (for tags of BMP characters, where it kept offsets). */
function blankTagBefore(tag: string): string {
  const out: string[] = [...tag].map((c) => (c === '\n' ? '\n' : ' '));
  for (const m of tag.matchAll(/\b(?:title|alt|aria-label|label|placeholder)="([^"]*)"/gu)) {
    const value = m[1] ?? '';
    const from = (m.index ?? 0) + m[0].length - 1 - value.length;
    for (let k = 0; k < value.length; k++) out[from + k] = value.charAt(k);
    out[from - 1] = '|';
  }
  out[0] = '|';
  out[out.length - 1] = '|';
  return out.join('');
}

const html = (body: string) => `<html><body>${body}</body></html>`;
const before = (text: string) => text.replace(/<[^>]*>/gu, blankTagBefore);
/** The whole earlier pipeline, at once (for BMP text). */
const beforeHtml = (text: string) =>
  text
    .replace(/<(style|script)\b[\s\S]*?<\/\1\s*>/giu, (b) => b.replace(/[^\n\r]/gu, ' '))
    .replace(/<!--[\s\S]*?-->/gu, (b) => b.replace(/[^\n\r]/gu, ' '))
    .replace(/<[^>]*>/gu, blankTagBefore)
    .replace(
      /&(?:#\d+|#x[\da-f]+|[a-z]+);/giu,
      (e) => `${e === '&nbsp;' ? ' ' : '_'}${' '.repeat(e.length - 1)}`,
    );

describe('HTML as the leak check reads it', () => {
  it('tags blanked as before, attribute values kept in place (fast-check)', () => {
    const word = fc.stringMatching(/^[a-zA-ZäöÄÖ ·\n-]{0,12}$/);
    const attribute = fc.tuple(fc.constantFrom('title', 'alt', 'class', 'aria-label', 'data-x'), word);
    const tag = fc
      .tuple(fc.constantFrom('td', 'th', 'span', 'img'), fc.array(attribute, { maxLength: 3 }))
      .map(([name, attrs]) => `<${name}${attrs.map(([a, v]) => ` ${a}="${v}"`).join('')}>`);
    fc.assert(
      fc.property(fc.array(fc.tuple(tag, word), { maxLength: 8 }), (parts) => {
        const body = parts.map(([t, w]) => `${t}${w}`).join('');
        // No <style>, comments or entities here: only the tag blanking differs between the versions.
        expect(scannableText('r.html', body)).toBe(before(body));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every offset with characters outside the BMP in a title', () => {
    const text = html('<td title="Raportti 3 · 😀 Kankaanpää">2</td>\n<p>Kankaanpää</p>');
    const scanned = scannableText('report.html', text);
    expect(scanned).toHaveLength(text.length);
    expect(scanned.indexOf('Kankaanpää</')).toBe(-1);
    expect(scanned.slice(text.indexOf('😀'), text.indexOf('😀') + 2)).toBe('😀');
    expect(scanned.slice(text.lastIndexOf('Kankaanpää'), text.lastIndexOf('Kankaanpää') + 10)).toBe(
      'Kankaanpää',
    );
  });

  it('a long page is blanked piece by piece exactly as at once (tags over line ends, entities, styles)', () => {
    const rows: string[] = ['<style>\n td { color: #123; }\n</style>', '<!-- kommentti\n<td title="x"> -->'];
    for (let i = 0; rows.join('\n').length < 700_000; i++)
      rows.push(
        i % 7 === 0
          ? `<td\n  title="Raportti ${i} &amp; Kankaanpää"\n  style="background:#fff">${i}&nbsp;kpl</td>`
          : `<tr><th scope="row">Raportti ${i}</th><td title="Raportti ${i} · Kuntien yhteistyö: ${i % 5}">${i % 5}</td></tr>`,
      );
    rows.push('<p>lopussa < ilman loppua');
    const text = html(rows.join('\n'));
    expect(scannableText('report.html', text)).toBe(beforeHtml(text));
  });
});
