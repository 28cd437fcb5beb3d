// The leak check: inventory strings in any inflected form, known municipalities and regions, name pairs
// and contact details; placeholders are not hits. Also the check-leaks command on a folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findLeaks } from '../src/anonymise/index.js';
import { parseAllowList } from '../src/io/load-allow-list.js';
import { defaultAnonymiser } from './fixtures/anonymise/measure.js';

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
  const run = (args: string[]) => {
    try {
      return {
        code: 0,
        out: execFileSync('npx', ['tsx', cli, ...args], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      };
    } catch (e) {
      const err = e as { status: number; stdout: string };
      return { code: err.status, out: err.stdout };
    }
  };

  it('anonymise prints the whole report anonymised', () => {
    const fixture = fileURLToPath(new URL('./fixtures/anonymise/dense-report.md', import.meta.url));
    const result = run(['anonymise', '--numbered', fixture]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Kokeilut aloitettiin [kunta A:lla] keväällä 2021');
    expect(result.out).not.toMatch(/Alajärv|Virtanen|Lakeuden Digipalvelut/u);
  });

  it('lists each hit as file:line:col and exits 1; exits 0 when clean', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leaks-'));
    try {
      writeFileSync(join(dir, 'quotes.md'), '# Lainaukset\n\nKoulutus pidettiin Pomarkussa.\n');
      writeFileSync(join(dir, 'table.csv'), 'code,count\nsuccess.participation,3\n');
      writeFileSync(join(dir, '.analyse-inventory.json'), JSON.stringify(['Aarnikukko']));
      const dirty = run(['check-leaks', dir]);
      expect(dirty.code).toBe(1);
      expect(dirty.out).toBe(`${join(dir, 'quotes.md')}:3:20: leak municipality "Pomarkussa"\n`);
      writeFileSync(join(dir, 'quotes.md'), '# Lainaukset\n\nKoulutus pidettiin [kunnassa].\n');
      expect(run(['check-leaks', dir])).toEqual({ code: 0, out: '' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
