// The leak check reads a long text in pieces (a 12 MB report.html held a million word objects at once):
// it must find exactly what one reading of the whole text finds, names, phrases and allow-listed terms
// running over a piece's edge included.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLeaks, forgetInventoryMatchers } from '../src/anonymise/index.js';

const root = join(import.meta.dirname, '..');
const reports = readdirSync(join(root, 'reports'))
  .filter((f) => /\.(md|txt)$/.test(f))
  .map((f) => readFileSync(join(root, 'reports', f), 'utf8'));
// Sample report text, lines of names, addresses and contacts, and names broken over a line end.
const extra = [
  'Yhteyshenkilö Heli\nPuputti vastasi, puh. 040 123 4567, heli.puputti@kankaanpaa.fi.',
  'Asiakaspalvelu, Kauppakatu 12, 38700 Kankaanpää. Mukana Suomi.fi\n-palvelu ja Kuntaliitto.',
  'Jämijärven ja Karvian kunnat sekä Pohjois-Satakunnan seutu; Satadigi-hanke (DIPA).',
];
const text = [...reports, ...extra, ...reports.map((r) => r.split('\n').reverse().join('\n'))].join('\n');
const inventory = ['Heli Puputti', 'Satadigi', 'DIPA', 'heli.puputti@kankaanpaa.fi', 'Kustkonsult Ab'];
const key = (l: { line: number; column: number; text: string; kind: string }) =>
  `${l.line}:${l.column}:${l.kind}:${l.text}`;

describe('the leak check in pieces', () => {
  const whole = findLeaks([{ file: 'a.md', text }], inventory).map(key);

  it.each([500, 1_000, 3_000, 20_000])(
    'pieces of %i characters find what one reading finds',
    (pieceChars) => {
      expect(text.length).toBeGreaterThan(pieceChars * 4);
      const pieced = findLeaks([{ file: 'a.md', text }], inventory, { pieceChars }).map(key);
      expect(pieced).toEqual(whole);
    },
  );

  it('reads an empty text and a text of one line, whole and in pieces', () => {
    for (const t of ['', 'Kauppakatu 12']) {
      const once = findLeaks([{ file: 'a.md', text: t }], inventory).map(key);
      expect(findLeaks([{ file: 'a.md', text: t }], inventory, { pieceChars: 4 }).map(key)).toEqual(once);
    }
  });

  it('finds the same once the run has let its inventory matchers go (they are built again)', () => {
    forgetInventoryMatchers();
    expect(findLeaks([{ file: 'a.md', text }], inventory).map(key)).toEqual(whole);
  });

  it('finds something to compare', () => {
    expect(whole.length).toBeGreaterThan(20);
  });
});
