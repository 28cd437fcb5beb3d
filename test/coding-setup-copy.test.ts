// A codebook copied out of codebooks/ has no examples beside it. With the codes of a bundled codebook it
// codes exactly as the bundled one (its examples and weights); with other codes it gets the default's
// fitted feature weights, never a model fitted on its few inline examples (which coded 3× the paragraphs).
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codingSetup } from '../src/app/coding-setup.js';
import { defaultRules } from '../src/io/read-rules.js';
import { CODEBOOKS, compiledCodebook, DEFAULT_CODEBOOK } from './fixtures/coding.js';

const bundled = [DEFAULT_CODEBOOK, join(CODEBOOKS, 'kuntaliitto-2025.yaml')];

async function setupFor(path: string) {
  const r = await codingSetup({
    codebookPath: path,
    compiled: compiledCodebook(path),
    rules: defaultRules(),
    bundled,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
}

describe('a codebook without examples of its own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'analyse-copy-'));

  it.each([
    ['digikannustin-2020.yaml', 0],
    ['kuntaliitto-2025.yaml', 1],
  ])('a copy of %s learns from the bundled examples and uses its shipped weights', async (name, i) => {
    const copy = join(dir, `oma-${i}.yaml`);
    copyFileSync(join(CODEBOOKS, name), copy);
    const [original, copied] = await Promise.all([setupFor(join(CODEBOOKS, name)), setupFor(copy)]);
    expect(copied.notes.join('\n')).toContain(`codes of the bundled ${name}`);
    expect(copied.fitted).toBe('shipped');
    expect(copied.context.model).toEqual(original.context.model);
    expect(copied.items.length).toBe(original.items.length);
  });

  it('a codebook with other codes gets the default feature weights, with a note', async () => {
    const other = join(dir, 'uusi.yaml');
    writeFileSync(
      other,
      readFileSync(DEFAULT_CODEBOOK, 'utf8').replaceAll('success.participation', 'success.osallisuus'),
    );
    const [standard, renamed] = await Promise.all([setupFor(DEFAULT_CODEBOOK), setupFor(other)]);
    expect(renamed.notes.join('\n')).toMatch(/no examples for uusi\.yaml: .*feature weights/);
    expect(renamed.context.model.weights).toEqual(standard.context.model.weights);
    expect(renamed.context.model.threshold).toBe(standard.context.model.threshold);
  });
});
