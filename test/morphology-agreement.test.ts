// The same answer everywhere (issue 9 point 6): the coder reads terms and cues through the rule morphology
// only, so a machine with Voikko and one without code the sample reports and the seeds identically; Voikko
// serves the anonymiser alone. Runs the CLI both ways and compares every coding.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVoikko } from '../src/language/voikko.js';

const root = join(import.meta.dirname, '..');
const seeds = join(root, '..', 'shared', 'seeds');
const voikko = loadVoikko();
if (!voikko.voikko) console.warn(`morphology agreement: Voikko absent (${voikko.reason}); test skipped`);
voikko.voikko?.close();

function run(morphology: string, out: string): Promise<number> {
  const inputs = [join(root, 'reports'), ...(existsSync(seeds) ? [seeds] : [])];
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'bin', 'analyse.js'),
        ...inputs,
        '--out',
        out,
        '--formats',
        'csv',
        // codings() below splits on commas: ask for them (the Finnish default is ';' with decimal commas).
        '--delimiter',
        ',',
        '--morphology',
        morphology,
      ],
      { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1', ANALYSE_STATE: join(out, '..', 'state') } },
    );
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** report, paragraph, code and confidence of every coding. */
function codings(out: string): string[] {
  return readFileSync(join(out, 'codings.csv'), 'utf8')
    .split('\n')
    .map((l) => l.split(',').slice(0, 10).join(','))
    .filter(Boolean);
}

describe.skipIf(!voikko.voikko)('codes with and without Voikko', () => {
  it('are the same on the sample reports and the seeds', { timeout: 300_000 }, async () => {
    const work = mkdtempSync(join(tmpdir(), 'morphology-'));
    const [a, b] = [join(work, 'voikko'), join(work, 'rules')];
    expect(await run('voikko', a)).toBe(0);
    expect(await run('snowball', b)).toBe(0);
    const withVoikko = codings(a);
    expect(withVoikko.length).toBeGreaterThan(10);
    expect(codings(b)).toEqual(withVoikko);
  });
});
