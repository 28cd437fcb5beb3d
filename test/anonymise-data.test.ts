// The anonymiser's knowledge is data (src/anonymise/data/*.yaml): the build script checks each file's
// shape and reports file:line:col, and the compiled module the tool loads must be up to date with it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

describe('anonymiser data files', () => {
  it('compile, and tables.generated.ts is up to date with them', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts/build-anonymiser-data.mjs'), '--check'], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
