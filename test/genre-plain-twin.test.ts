// The genre patterns run without the Unicode flag on texts that allow it (language/genre.ts plainTwin): the
// claim that only surrogates, ſ, the Kelvin sign and the Ångström sign read differently, checked over
// every character of the BMP, and the twins of the rules' patterns finding the same matches on any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadGenreRules } from '../src/io/load-genre-rules.js';
import { classifyGenre, plainTwin } from '../src/language/genre.js';

const rules = await loadGenreRules();
if (!rules.ok) throw new Error(JSON.stringify(rules.diagnostics));
const patterns = rules.value.signals.flatMap((s) => [s.pattern, s.against]).filter((p) => p !== undefined);
const UNICODE_ONLY = new Set([0x17f, 0x212a, 0x212b]);

describe('plainTwin', () => {
  it('reads every BMP character as the Unicode flag does, but surrogates, ſ, K and Å', () => {
    const letters = [...'abcdefghijklmnopqrstuvwxyzåäöABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ0123456789_'];
    const pairs = letters.map((c) => [new RegExp(`^${c}$`, 'i'), new RegExp(`^${c}$`, 'iu')] as const);
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if ((c >= 0xd800 && c <= 0xdfff) || UNICODE_ONLY.has(c)) continue;
      const t = String.fromCharCode(c);
      if (/\w/i.test(t) !== /\w/iu.test(t) || /^\s$/.test(t) !== /^\s$/u.test(t)) differ.push(c);
      else if (pairs.some(([plain, unicode]) => plain.test(t) !== unicode.test(t))) differ.push(c);
    }
    expect(differ).toEqual([]);
  });

  it('twins the plain patterns of the rules, not those with \\p', () => {
    expect(patterns.some((p) => plainTwin(p) !== undefined)).toBe(true);
    for (const p of patterns) {
      if (p.source.includes('\\p')) expect(plainTwin(p)).toBeUndefined();
      else expect(plainTwin(p)?.flags).toBe(p.flags.replace('u', ''));
    }
  });

  it('finds the same matches as the pattern on any plain text', () => {
    const pieces = [
      ...patterns.flatMap((p) => p.source.match(/[a-zåäö]{3,}/gi) ?? []),
      ...'  \n\t.,;:/%-–”’•0123456789aeiksÄÖÅäöåÉé'.split(''),
      'Hankkeen',
      'HANKKEET',
      '12 hanketta',
      '3/5 hankkeessa',
      '40 % hankkeista',
      'vi',
      'Dia 3',
      '2 / 14',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (list) => {
        const text = list.join(' ');
        for (const p of patterns) {
          const twin = plainTwin(p);
          if (twin) expect(text.match(twin)).toEqual(text.match(p));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('classifies a text with ſ or an astral letter with the Unicode patterns', () => {
    for (const odd of ['ſ', 'K', 'Å', '𝔙']) {
      const text = `Loppuraportti${odd}\n\nHankkeen tavoitteet ja hankkeessa tehtiin paljon. Hankkeet ${odd}hanke.`;
      expect(classifyGenre(text, rules.value).genre).toBe('final-report');
    }
  });
});
