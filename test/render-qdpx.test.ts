import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { Codebook } from '../src/codebook/types.js';
import { codeGuid, renderQdc } from '../src/render/qdc.js';
import { codePointOffsets, renderQdpx } from '../src/render/qdpx.js';
import { selectionName } from '../src/render/qdpx-source.js';
import type { Tables } from '../src/types.js';
import {
  hierarchicalCodebook,
  hierarchicalTables,
  polarityCodebook,
  sampleSources,
  sampleTables,
} from './fixtures/render/sample-tables.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const standards = resolve(repoRoot, '../shared/standards/refi-qda');
const projectXsd = join(standards, 'Project.xsd');
const codebookXsd = join(standards, 'Codebook.xsd');
const xmllintAvailable = spawnSync('xmllint', ['--version']).status === 0;
const canValidate = xmllintAvailable && existsSync(projectXsd) && existsSync(codebookXsd);
if (!canValidate)
  console.warn('render-qdpx: xmllint or the REFI-QDA XSDs are absent; schema validation skipped');

const work = mkdtempSync(join(tmpdir(), 'render-qdpx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function validate(xml: string, xsd: string, name: string): string {
  const file = join(work, name);
  writeFileSync(file, xml);
  const result = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
  return result.status === 0 ? 'valid' : result.stderr;
}

function attr(tag: string, name: string): string {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  if (!m?.[1]) throw new Error(`no ${name} in ${tag}`);
  return m[1];
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

describe.each([
  ['polarity codebook', polarityCodebook, sampleTables],
  ['hierarchical codebook', hierarchicalCodebook, hierarchicalTables],
] as [string, Codebook, Tables][])('renderQdpx with the %s', (_name, codebook, tables) => {
  it('is byte-identical across two renders', async () => {
    const a = await renderQdpx(tables, codebook, sampleSources);
    const b = await renderQdpx(tables, codebook, sampleSources);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('holds project.qde and one UTF-8 text file per source', async () => {
    const files = unzipSync(await renderQdpx(tables, codebook, sampleSources));
    const names = Object.keys(files);
    expect(names[0]).toBe('project.qde');
    expect(names.filter((n) => /^sources\/[0-9a-f-]{36}\.txt$/.test(n))).toHaveLength(sampleSources.length);
    const texts = names.slice(1).map((n) => strFromU8(files[n] as Uint8Array));
    // Line ends are written as \n (QualCoder drops \r); the text is otherwise the source's.
    expect(texts.sort()).toEqual(sampleSources.map((s) => s.text.replace(/\r\n?/g, '\n')).sort());
  });

  it.skipIf(!canValidate)('validates against Project.xsd', async () => {
    const files = unzipSync(await renderQdpx(tables, codebook, sampleSources));
    expect(validate(strFromU8(files['project.qde'] as Uint8Array), projectXsd, `${codebook.id}.qde`)).toBe(
      'valid',
    );
  });

  it('selects exactly the coded text, in code points, with a CodeRef per coding', async () => {
    const files = unzipSync(await renderQdpx(tables, codebook, sampleSources));
    const xml = strFromU8(files['project.qde'] as Uint8Array);
    const codeByGuid = new Map(codebook.themes.map((t) => [codeGuid(codebook, t.code), t.code]));
    const seen: string[] = [];
    const sourceBlocks = xml.split('<TextSource ').slice(1);
    expect(sourceBlocks).toHaveLength(sampleSources.length);
    for (const block of sourceBlocks) {
      const head = block.slice(0, block.indexOf('>'));
      const report = unescapeXml(attr(head, 'name'));
      const path = attr(head, 'plainTextPath').replace('internal://', 'sources/');
      const codePoints = Array.from(strFromU8(files[path] as Uint8Array));
      for (const sel of block.split('<PlainTextSelection ').slice(1)) {
        const selHead = sel.slice(0, sel.indexOf('>'));
        const start = Number(attr(selHead, 'startPosition'));
        const end = Number(attr(selHead, 'endPosition'));
        const selected = codePoints.slice(start, end).join('');
        const refs = [...sel.matchAll(/<CodeRef targetGUID="([^"]+)"/g)].map((m) => m[1] ?? '');
        expect(refs.length).toBeGreaterThan(0);
        for (const ref of refs) {
          const code = codeByGuid.get(ref);
          expect(code, `CodeRef ${ref} names a code`).toBeDefined();
          const coding = tables.codings.find(
            (c) => c.report === report && c.code === code && c.text === selected,
          );
          expect(coding, `${report} ${code} [${start},${end}) = ${JSON.stringify(selected)}`).toBeDefined();
          seen.push(`${report}|${code}|${coding?.start}`);
        }
      }
    }
    expect(seen.sort()).toEqual(tables.codings.map((c) => `${c.report}|${c.code}|${c.start}`).sort());
  });
});

describe('a selection’s name', () => {
  /** What a name is: the passage on one line, cut after 59 code points with … when over 60. */
  const named = (text: string) => {
    const chars = [...text.replace(/\s+/g, ' ').trim()];
    return chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : chars.join('');
  };
  const passage = fc.array(fc.oneof(fc.constantFrom(' ', '\n', '\t', '😀', '\ud800', 'ä'), fc.string()), {
    maxLength: 80,
  });

  it.each([
    ['a\n  b ', 'a b'],
    ['x'.repeat(60), 'x'.repeat(60)],
    ['x'.repeat(61), `${'x'.repeat(59)}…`],
    ['😀'.repeat(60), '😀'.repeat(60)],
    ['😀'.repeat(61), `${'😀'.repeat(59)}…`],
  ])('of %j is %j', (text, name) => expect(selectionName(text)).toBe(name));

  it('is the passage on one line, at most 60 code points (fast-check, astral and lone surrogates)', () => {
    fc.assert(
      fc.property(passage, (parts) => {
        expect(selectionName(parts.join(''))).toBe(named(parts.join('')));
      }),
    );
  });
});

describe('codePointOffsets', () => {
  it('counts astral characters once', () => {
    const text = 'a😀b𝔙c';
    const toCp = codePointOffsets(text);
    expect([0, 1, 3, 4, 6, 7].map(toCp)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(toCp(2)).toBe(1); // inside the pair: the pair's start
  });

  it('differs from UTF-16 offsets in the fixture, so the conversion is exercised', () => {
    const coding = sampleTables.codings.find(
      (c) => c.report === 'pohjois-satakunta' && c.code === 'challenge.vendors',
    );
    const source = sampleSources.find((s) => s.report === 'pohjois-satakunta');
    if (!coding || !source) throw new Error('fixture changed');
    expect(codePointOffsets(source.text)(coding.start)).toBe(coding.start - 1);
  });
});

describe('renderQdc', () => {
  it('nests subthemes under their main theme', () => {
    const xml = renderQdc(hierarchicalCodebook);
    const main = xml.indexOf('name="Osaaminen"');
    const sub = xml.indexOf('name="Henkilöstön digiosaaminen"');
    const nextMain = xml.indexOf('name="Palvelut"');
    expect(main).toBeGreaterThan(0);
    expect(sub).toBeGreaterThan(main);
    expect(sub).toBeLessThan(nextMain);
    expect(xml.match(/<Code /g)).toHaveLength(hierarchicalCodebook.themes.length);
  });

  it('uses English labels with lang en and the same GUIDs', () => {
    const fi = renderQdc(polarityCodebook, 'fi');
    const en = renderQdc(polarityCodebook, 'en');
    expect(en).toContain('name="Problems with vendors"');
    expect(fi.match(/guid="[^"]+"/g)).toEqual(en.match(/guid="[^"]+"/g));
  });

  it.skipIf(!canValidate)('validates against Codebook.xsd', () => {
    expect(validate(renderQdc(polarityCodebook), codebookXsd, 'polarity.qdc')).toBe('valid');
    expect(validate(renderQdc(hierarchicalCodebook), codebookXsd, 'hierarchical.qdc')).toBe('valid');
  });
});
