// The leak check: inventory strings in any inflected form, known municipalities and regions, name pairs
// and contact details; placeholders are not hits. Also the check-leaks command on a folder.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findLeaks } from '../src/anonymise/index.js';
import { writeInventory } from '../src/io/leak-inventory.js';
import { parseAllowList } from '../src/io/load-allow-list.js';
import { quotesCsv } from '../src/render/csv.js';
import type { Quote } from '../src/types.js';
import { defaultAnonymiser } from './fixtures/anonymise/measure.js';
import { sampleTables } from './fixtures/render/sample-tables.js';

describe('findLeaks', () => {
  it('finds inventory names inflected, places, name pairs and contacts, with line and column', () => {
    const text = [
      'Kiitos [henkilölle] ja [kunnalle].',
      'Aarnikukon raportti valmistui Siikaisissa.',
      'Lisätietoja antaa Heli Puputti, heli@example.fi.',
      'Tiedostossa pohjois_satakunta.csv on luvut.',
    ].join('\n');
    const leaks = findLeaks([{ file: 'out/quotes.md', text }], ['Aarnikukko', 'Puputti']);
    expect(leaks.map((l) => [l.line, l.column, l.kind, l.text])).toEqual([
      [2, 1, 'inventory', 'Aarnikukon'],
      [2, 31, 'municipality', 'Siikaisissa'],
      [3, 19, 'person', 'Heli Puputti'],
      [3, 33, 'email', 'heli@example.fi'],
      [4, 21, 'region', 'satakunta'],
    ]);
  });

  it('finds nothing in an anonymised report', () => {
    const anonymiser = defaultAnonymiser();
    const text = 'Kankaanpäässä ja Pomarkussa Heli Puputti kehitti palvelua Aarnikukko Oy:n kanssa.';
    const ids = anonymiser.scanReport('r', text);
    const out = anonymiser.anonymise(text, ids).text;
    expect(findLeaks([{ file: 'q', text: out }], anonymiser.inventory())).toEqual([]);
    expect(findLeaks([{ file: 'q', text }], anonymiser.inventory()).length).toBeGreaterThan(3);
  });

  it('does not flag everyday words at a sentence start that happen to spell a place', () => {
    expect(
      findLeaks([{ file: 'q', text: 'Miten palvelu toimi? Valo syttyi. Koski on kaunis.' }], []),
    ).toEqual([]);
  });
});

describe("the tool's own words read as an inflected inventory entry", () => {
  // At 10,000 generated reports the first names "Niki" and "Nika" entered the inventory, and the chart
  // caption of report.html ("Niiden loppuraporttien määrä, …") failed the run: "niiden" reads as a plural
  // form of either (k weakening to nothing, as laki → lain).
  const caption = 'Niiden loppuraporttien määrä, joissa teema mainitaan (yhteensä 3 raporttia).';
  const known = [caption];

  it("is no leak when the word is the tool's own", () => {
    expect(findLeaks([{ file: 'report.html', text: caption }], ['Niki'], { known })).toEqual([]);
  });

  it("is still a leak outside the tool's words, or as the entry is written", () => {
    expect(findLeaks([{ file: 'report.html', text: caption }], ['Niki']).map((l) => l.text)).toEqual([
      'Niiden',
    ]);
    const quote = 'Nikin mukaan palvelu toimi. Niki kiitti.';
    expect(
      findLeaks([{ file: 'quotes.md', text: quote }], ['Niki'], { known: [...known, 'Niki kiitti'] }).map(
        (l) => l.text,
      ),
    ).toEqual(['Nikin', 'Niki']);
  });
});

describe('the tool\'s own "[OCR]" flag in quotes.csv', () => {
  // Seed 003's quotes made a default run exit 1: the flag stood before the quote's first word, which was
  // then read as a capitalised word in mid-sentence ("[OCR] Johtamisen näkökulmasta…").
  const quote = (text: string): Quote => ({
    code: 'success.participation',
    rank: 1,
    report: 'r',
    alias: 'Raportti 1',
    section: 'Johdanto',
    startLine: 1,
    endLine: 1,
    score: 1,
    confidence: 0.9,
    text,
    ocr: true,
  });
  it.each([
    ['Johtamisen nakokulmasta asiakaslahtdisyyden pohjana on osallisuus.'],
    ['Uudenlaiset toiminta- tavat tarvitsevat pohjakseen uudelleen ajattelua.'],
    ['Kumppanuuden tarkein elementti on yhteisen padamaaran tavoittelu.'],
  ])('opens a sentence: %s', (text) => {
    for (const delimiter of [',', ';'] as const) {
      const csv = quotesCsv({ ...sampleTables, quotes: [quote(text)] }, { delimiter });
      expect(findLeaks([{ file: 'quotes.csv', text: csv }], [])).toEqual([]);
    }
  });

  it('still lets a name after the flag be found', () => {
    const csv = quotesCsv({ ...sampleTables, quotes: [quote('Marja Heikkilä kokosi palautteen.')] });
    expect(findLeaks([{ file: 'quotes.csv', text: csv }], []).map((l) => l.text)).toEqual(['Marja Heikkilä']);
  });
});

describe('the allow-list', () => {
  it('loads the bundled codebooks/allow-list.yaml', () => {
    const path = fileURLToPath(new URL('../codebooks/allow-list.yaml', import.meta.url));
    const loaded = parseAllowList(readFileSync(path, 'utf8'), path);
    expect(loaded.ok && loaded.value.terms).toEqual(
      expect.arrayContaining(['DVV', 'Kuntaliitto', 'Suomi.fi', 'Teams', 'SharePoint']),
    );
  });

  it('reports a bad term with its position', () => {
    const loaded = parseAllowList('products:\n  - Teams\n  - {a: 1}\n', 'allow.yaml');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok)
      expect(loaded.diagnostics[0]).toMatchObject({
        file: 'allow.yaml',
        ruleId: 'allow-list/bad-term',
        place: { line: 3 },
      });
  });
});

describe('analyse anonymise and check-leaks', () => {
  const cli = fileURLToPath(new URL('./fixtures/anonymise/run-cli.ts', import.meta.url));
  // Asynchronous, so the test worker is never blocked (vitest's own messages time out after 60 s).
  const run = (args: string[]) =>
    new Promise<{ code: number; out: string }>((done) => {
      execFile('npx', ['tsx', cli, ...args], { encoding: 'utf8' }, (error, stdout) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: stdout }),
      );
    });

  it('anonymise prints the whole report anonymised', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/anonymise/dense-report.md', import.meta.url));
    const result = await run(['anonymise', '--numbered', fixture]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Kokeilut aloitettiin [kunta A:lla] keväällä 2021');
    expect(result.out).not.toMatch(/Alajärv|Virtanen|Lakeuden Digipalvelut/u);
  });

  it('lists each hit as file:line:col and exits 1; exits 0 when clean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leaks-'));
    const state = mkdtempSync(join(tmpdir(), 'leaks-state-'));
    try {
      writeFileSync(join(dir, 'quotes.md'), '# Lainaukset\n\nKoulutus pidettiin Pomarkussa.\n');
      writeFileSync(join(dir, 'table.csv'), 'code,count\nsuccess.participation,3\n');
      // The inventory lives in the state folder (issue 12), found by the output folder's path.
      await writeInventory(state, dir, ['Aarnikukko']);
      const dirty = await run(['check-leaks', dir, '--state', state]);
      expect(dirty.code).toBe(1);
      expect(dirty.out).toBe(`${join(dir, 'quotes.md')}:3:20: leak municipality "Pomarkussa"\n`);
      writeFileSync(join(dir, 'quotes.md'), '# Lainaukset\n\nKoulutus pidettiin [kunnassa].\n');
      expect(await run(['check-leaks', dir, '--state', state])).toEqual({ code: 0, out: '' });
      // An inventory left in the shareable folder by an older version is personal data: a leak itself.
      writeFileSync(join(dir, '.analyse-inventory.json'), JSON.stringify(['Aarnikukko']));
      const legacy = await run(['check-leaks', dir, '--state', state]);
      expect(legacy.code).toBe(1);
      expect(legacy.out).toBe(`${join(dir, '.analyse-inventory.json')}:1:3: leak inventory "Aarnikukko"\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(state, { recursive: true, force: true });
    }
  });
});
