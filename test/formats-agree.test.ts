// The same report as Markdown, DOCX and PDF gives the same sections and the same codes: the format a
// report arrives in must not change what the evaluator counts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportBytes } from '../src/io/read-report.js';
import { codeDocument } from '../src/pipeline.js';
import type { SourceDocument } from '../src/types.js';
import { coding } from './fixtures/coding.js';

const dir = join(import.meta.dirname, 'fixtures', 'readers');
const context = await coding();

async function doc(name: string): Promise<SourceDocument> {
  const r = await parseReportBytes(readFileSync(join(dir, name)), name);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.diagnostics)}`);
  return r.value;
}

/** Heading labels without markdown or numbering noise. */
const headings = (d: SourceDocument) =>
  d.blocks.filter((b) => b.kind === 'heading').map((b) => (b.label ?? '').replace(/\s+/g, ' ').trim());

/** Per code, the number of coded paragraphs and whether the report has it. */
function codeProfile(d: SourceDocument): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of codeDocument(d, context, { fold: false }).codings) out[c.code] = (out[c.code] ?? 0) + 1;
  return out;
}

describe.each(['ylasavo-sahkoinen-asiointi', 'raportti'])('%s as md, docx and pdf', (base) => {
  it('has the same headings', async () => {
    const md = headings(await doc(`${base}.md`));
    expect(headings(await doc(`${base}.docx`))).toEqual(md);
    expect(headings(await doc(`${base}.pdf`))).toEqual(md);
  });

  it('gets the same codes in every format (the same set; paragraph counts within one)', async () => {
    const md = codeProfile(await doc(`${base}.md`));
    for (const other of [`${base}.docx`, `${base}.pdf`]) {
      const p = codeProfile(await doc(other));
      expect(Object.keys(p).sort(), other).toEqual(Object.keys(md).sort());
      for (const [code, n] of Object.entries(md))
        expect(Math.abs((p[code] ?? 0) - n), `${other} ${code}`).toBeLessThanOrEqual(1);
    }
  });
});
