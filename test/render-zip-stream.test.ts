// The streaming zip writer (render/zip-stream.ts) and reader (render/zip-read.ts): archives that fflate
// and Python's zipfile (QualCoder's reader) read back exactly, entries whole, streamed in pieces (with a
// data descriptor), deflated ahead and copied compressed from another archive; the same content gives the
// same bytes; repacking a workbook keeps every part's content and puts [Content_Types].xml first.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bufferSource, repackEntries, zipEntries } from '../src/render/zip-read.js';
import { crc32, deflateEntry, ZipWriter } from '../src/render/zip-stream.js';

function archive(build: (zip: ZipWriter) => void, date?: Date): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new ZipWriter((c) => chunks.push(c), date);
  build(zip);
  zip.finish();
  return Buffer.concat(chunks);
}

const big = 'Hankkeen tavoitteena oli sähköinen asiointi. '.repeat(40_000);

describe('ZipWriter', () => {
  it('whole, streamed and copied entries read back as written', () => {
    const source = zipSync({
      'a/copied.txt': new TextEncoder().encode(big),
      'b.txt': new Uint8Array([1, 2, 3]),
    });
    const bytes = archive((zip) => {
      zip.add('whole.txt', 'ääkköset ja [Content_Types]');
      const s = zip.stream('streamed.xml');
      for (let i = 0; i < 1000; i++) s.write(`<row n="${i}">${'x'.repeat(i % 50)}</row>\n`);
      s.end();
      repackEntries(bufferSource(source), zip, (a, b) => (a < b ? -1 : 1));
      zip.add('sources/ö.txt', new Uint8Array(0));
    });
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual([
      'whole.txt',
      'streamed.xml',
      'a/copied.txt',
      'b.txt',
      'sources/ö.txt',
    ]);
    expect(strFromU8(files['whole.txt'] as Uint8Array)).toBe('ääkköset ja [Content_Types]');
    expect(strFromU8(files['streamed.xml'] as Uint8Array).split('\n')).toHaveLength(1001);
    expect(strFromU8(files['a/copied.txt'] as Uint8Array)).toBe(big);
    expect([...(files['b.txt'] as Uint8Array)]).toEqual([1, 2, 3]);
    // The central directory agrees with what was written.
    const entries = zipEntries(bufferSource(bytes));
    expect(entries.map((e) => e.name)).toEqual(Object.keys(files));
    for (const e of entries) expect(e.crc).toBe(crc32(files[e.name] as Uint8Array));
  });

  it('the same content gives the same bytes; the date (SOURCE_DATE_EPOCH) changes only the entry times', () => {
    const build = (zip: ZipWriter) => {
      zip.add('a.txt', 'a');
      const s = zip.stream('b.txt');
      s.write(big);
      s.end();
    };
    expect(Buffer.from(archive(build)).equals(Buffer.from(archive(build)))).toBe(true);
    const dated = archive(build, new Date(Date.UTC(2024, 4, 17, 12, 30, 0)));
    expect(Buffer.from(dated).equals(Buffer.from(archive(build)))).toBe(false);
    expect(strFromU8(unzipSync(dated)['b.txt'] as Uint8Array)).toBe(big);
  });

  it('an entry deflated ahead (deflateEntry, after a structured clone) is written as `add` writes it', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.uint8Array({ maxLength: 400 })),
        (content) => {
          const ahead = structuredClone(deflateEntry(content));
          const added = archive((zip) => zip.add('sources/ä.txt', content));
          const copied = archive((zip) => zip.addDeflated('sources/ä.txt', ahead));
          expect(Buffer.from(copied).equals(Buffer.from(added))).toBe(true);
        },
      ),
    );
    const large = archive((zip) => zip.addDeflated('big.txt', deflateEntry(big)));
    expect(Buffer.from(large).equals(Buffer.from(archive((zip) => zip.add('big.txt', big))))).toBe(true);
  });

  it('CRC-32 is the zip one (fast-check against fflate’s archives)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        const [entry] = zipEntries(bufferSource(zipSync({ x: data })));
        expect(crc32(data)).toBe(entry?.crc);
      }),
    );
  });

  it('Python’s zipfile (QualCoder reads projects with it) tests and reads a streamed archive', () => {
    const python = spawnSync('python3', ['--version']);
    if (python.status !== 0) {
      console.warn('python3 not installed: the zipfile check is skipped');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'analyse-zip-'));
    const path = join(dir, 'p.zip');
    writeFileSync(
      path,
      archive((zip) => {
        const s = zip.stream('project.qde');
        s.write(big);
        s.end();
        zip.add('sources/a.txt', 'lähde');
      }),
    );
    const script = `import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(len(z.read('project.qde')), z.read('sources/a.txt').decode())`;
    const r = spawnSync('python3', ['-c', script, path], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(`${Buffer.byteLength(big)} lähde`);
  });
});
