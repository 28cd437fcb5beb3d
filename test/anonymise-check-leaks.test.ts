// The leak check can fail: a clean run's output folder passes, and a doctored copy with one planted leak
// of each kind (in quotes.md, a hidden temporary and a stale output the manifest does not list) is caught,
// each one, at its file:line:col. The inventory lives in the state folder, not in the output folder;
// without it the second look alone still catches everything but the inventory's own entries.
import { execFile } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'analyse.js');
// Asynchronous, so a long run never blocks the test worker (vitest's own messages time out after 60 s).
const analyse = (args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 180_000 },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });

// One planted line per kind: [kind the check must name, the line, the text it must report].
const PLANTS: [string, string, string][] = [
  ['municipality', 'Koulutus järjestettiin Kuhmoisissa.', 'Kuhmoisissa'],
  ['locality', 'Tilaisuus pidettiin Ylläsjärvellä.', 'Ylläsjärvellä'],
  ['region', 'Myös Etelä-Karjalan kunnat osallistuivat.', 'Etelä-Karjalan'],
  ['demonym', 'Palvelu avattiin myös joensuulaisille.', 'joensuulaisille'],
  ['demonym', 'Tjänsten uppskattades av borgåborna.', 'borgåborna'],
  ['organisation', 'Tietoevryn kanssa sovittiin jatkosta.', 'Tietoevryn'],
  ['name', 'Sopimus tehtiin DXQ:n kanssa.', 'DXQ:n'],
  ['person', 'Palautteen kokosi Marja Heikkilä.', 'Marja Heikkilä'],
  ['email', 'Lisätietoja: etunimi.sukunimi(at)kunta.fi', 'etunimi.sukunimi(at)kunta.fi'],
  ['phone', 'Soita numeroon 044 987 6543.', '044 987 6543'],
  ['identity-code', 'Listassa näkyi tunnus 010203-123K.', '010203-123K'],
  ['iban', 'Tili FI21 1234 5600 0007 85 suljettiin.', 'FI21 1234 5600 0007 85'],
  ['business-id', 'Toimittajan Y-tunnus 2345678-9 tarkistettiin.', '2345678-9'],
  ['address', 'Toimisto on osoitteessa Kirkkokatu 12.', 'Kirkkokatu 12'],
  ['postcode', 'Lähetys osoitteeseen 70100 Kuopio.', '70100'],
  ['hashtag', 'Seuraa tunnistetta #MeidänKuntaDigi.', '#MeidänKuntaDigi'],
  ['name', 'Yhteistyö Zorblaxin kanssa sujui.', 'Zorblaxin'],
];

describe('check-leaks on a doctored output folder', () => {
  const out = mkdtempSync(join(tmpdir(), 'analyse-leaks-out-'));
  const state = mkdtempSync(join(tmpdir(), 'analyse-leaks-state-'));
  let inventory: string[] = [];

  beforeAll(async () => {
    const run = await analyse(['reports/', '--out', out, '--state', state, '--morphology', 'snowball']);
    expect(run.code, run.stderr).toBe(0);
    const stored = readdirSync(join(state, 'inventory'));
    inventory = (
      JSON.parse(readFileSync(join(state, 'inventory', stored[0] ?? ''), 'utf8')) as { entries: string[] }
    ).entries;
  }, 180_000);

  it('keeps the inventory out of the output folder and passes a clean run', async () => {
    expect(existsSync(join(out, '.analyse-inventory.json'))).toBe(false);
    expect(inventory.length).toBeGreaterThan(50);
    const clean = await analyse(['check-leaks', out, '--state', state]);
    expect(clean.stdout).toBe('');
    expect(clean.code).toBe(0);
  });

  it('finds every planted leak, each at its file:line:col, also in hidden and stale files', async () => {
    const quotes = join(out, 'quotes.md');
    const firstLine = readFileSync(quotes, 'utf8').split('\n').length;
    appendFileSync(quotes, `${PLANTS.map((p) => p[1]).join('\n')}\n`);
    // An inventory entry (a surname from the reports) inflected, at a sentence start where the second
    // look alone would not call it a name.
    const surname = inventory.find((e) => e === 'Kivistö') ?? 'Kivistö';
    appendFileSync(quotes, `${surname}n mukaan kaikki sujui.\n`);
    writeFileSync(join(out, '.quotes.md.1a2b3c.tmp'), 'Raportin kirjoitti Timo Kivistö.\n');
    writeFileSync(join(out, 'report-old.html'), '<p>Hanke toteutettiin Varkaudessa.</p>\n');
    const doctored = await analyse(['check-leaks', out, '--state', state]);
    expect(doctored.code).toBe(1);
    const hits = doctored.stdout.trim().split('\n');
    PLANTS.forEach(([kind, line, text], k) => {
      const col = line.indexOf(text) + 1;
      expect(hits, `${kind}: ${line}`).toContain(`${quotes}:${firstLine + k}:${col}: leak ${kind} "${text}"`);
    });
    expect(hits).toContain(`${quotes}:${firstLine + PLANTS.length}:1: leak inventory "${surname}n"`);
    expect(hits.some((h) => h.startsWith(`${join(out, '.quotes.md.1a2b3c.tmp')}:1:`))).toBe(true);
    expect(hits).toContain(`${join(out, 'report-old.html')}:1:23: leak municipality "Varkaudessa"`);
    expect(doctored.stderr).toMatch(/not written by the last run.*report-old\.html/u);
  });

  it('without the inventory, says so and still runs the second look', async () => {
    const other = mkdtempSync(join(tmpdir(), 'analyse-leaks-nostate-'));
    const result = await analyse(['check-leaks', out, '--state', other]);
    expect(result.stderr).toMatch(/no inventory for .* only the second look runs/u);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('leak municipality "Kuhmoisissa"');
  });

  it('exits 2 on a folder with nothing to check', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'analyse-leaks-empty-'));
    const result = await analyse(['check-leaks', empty, '--state', state]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nothing to check/u);
  });
});
