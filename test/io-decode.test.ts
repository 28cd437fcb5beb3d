import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode } from '../src/io/decode.js';
import { scanUtf8 } from '../src/io/utf8-scan.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`fixtures/readers/${name}`, import.meta.url))));
const source = readFileSync(
  fileURLToPath(new URL('fixtures/readers/teksti.source.txt', import.meta.url)),
  'utf8',
);
const latin1Source = readFileSync(
  fileURLToPath(new URL('fixtures/readers/teksti.latin1-source.txt', import.meta.url)),
  'utf8',
);

const crlf = (s: string) => s.replace(/\n/g, '\r\n');
const bytesOf = (...parts: (number[] | Uint8Array | Buffer)[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p as Uint8Array))));

describe('decode: fixtures in each encoding (Finnish and Swedish text)', () => {
  const cases: [string, string, string][] = [
    ['teksti.utf8.txt', 'utf-8', source],
    ['teksti.utf8-bom.txt', 'utf-8+bom', source],
    ['teksti.utf16le-bom.txt', 'utf-16le+bom', source],
    ['teksti.utf16be-bom.txt', 'utf-16be+bom', source],
    ['teksti.utf16le.txt', 'utf-16le', source],
    ['teksti.cp1252-crlf.txt', 'windows-1252', crlf(source)],
    ['teksti.latin1.txt', 'windows-1252', latin1Source],
    ['teksti.cp850-crlf.txt', 'cp850', crlf(latin1Source)],
    ['teksti.macroman-cr.txt', 'macintosh', source.replace(/\n/g, '\r')],
  ];
  for (const [file, encoding, expected] of cases) {
    it(`${file} → ${encoding}`, () => {
      const r = decode(fixture(file), file);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.encoding).toBe(encoding);
      expect(r.value.text).toBe(expected);
    });
  }

  it('keeps CRLF and CR line ends exactly (offsets stay true)', () => {
    const r = decode(fixture('teksti.cp1252-crlf.txt'), 'x');
    expect(r.ok && r.value.text.includes('\r\n')).toBe(true);
    const mac = decode(fixture('teksti.macroman-cr.txt'), 'x');
    expect(mac.ok && !mac.value.text.includes('\n') && mac.value.text.includes('\r')).toBe(true);
  });

  it('says when the encoding was guessed rather than known', () => {
    const r = decode(fixture('teksti.cp1252-crlf.txt'), 'raportti.txt');
    expect(r.ok && r.diagnostics?.[0]?.ruleId).toBe('read/encoding');
    const u = decode(fixture('teksti.utf8.txt'), 'raportti.txt');
    expect(u.ok && u.diagnostics).toBeUndefined();
  });
});

describe('decode: failures are diagnostics', () => {
  const table: [string, Uint8Array, string][] = [
    ['empty file', new Uint8Array(0), 'read/empty'],
    ['whitespace only', new Uint8Array(Buffer.from(' \r\n\t\n  ')), 'read/empty'],
    ['UTF-8 BOM only', bytesOf([0xef, 0xbb, 0xbf]), 'read/empty'],
    ['UTF-16 BOM and spaces', bytesOf([0xff, 0xfe], Buffer.from('  \n', 'utf16le')), 'read/empty'],
    [
      'PNG header',
      bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      'read/binary',
    ],
    [
      'text with a NUL byte',
      bytesOf(Buffer.from('Hankkeen tavoite'), [0], Buffer.from('oli selvä')),
      'read/binary',
    ],
    ['zip archive', fixture('raportti.docx'), 'read/binary'],
    ['many control characters', bytesOf(Buffer.from('abc\x01\x02\x03\x04\x05\x06\x07def')), 'read/binary'],
  ];
  for (const [name, bytes, ruleId] of table) {
    it(`${name} → ${ruleId}`, () => {
      const r = decode(bytes, 'x.txt');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.diagnostics[0]?.ruleId).toBe(ruleId);
        expect(r.diagnostics[0]?.file).toBe('x.txt');
      }
    });
  }

  it('random bytes never throw and are never taken for text silently', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 2048 }), (bytes) => {
        const r = decode(bytes, 'x');
        // Random bytes are almost never valid UTF-8; as 8-bit text they are full of control characters.
        if (r.ok) expect(r.value.encoding).not.toBe('utf-8');
        else expect(['read/binary', 'read/empty']).toContain(r.diagnostics[0]?.ruleId);
      }),
      { numRuns: 200 },
    );
  });

  it('a DOS end-of-file mark (Ctrl-Z) is not part of the text', () => {
    const r = decode(bytesOf(iconv.encode('Päätös tehtiin.\r\n', 'windows-1252'), [0x1a]), 'x');
    expect(r.ok && r.value.text).toBe('Päätös tehtiin.\r\n');
  });
});

// Text-like strings: any printable grapheme plus line ends and tabs, no control characters, no U+FEFF
// (a leading U+FEFF cannot be told from a byte-order mark), at least one visible character.
const textUnit = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.constantFrom('ä', 'ö', 'å', 'Ä', 'Ö', 'Å', 'é', '€', '–', '”', 'š') },
  { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\t', ' ') },
);
const textString = fc
  .string({ unit: textUnit, minLength: 1, maxLength: 200 })
  .map((s) => s.replace(/[\p{Cc}\ufeff\ufffd]/gu, (c) => ('\t\n\r'.includes(c) ? c : '')))
  .filter((s) => s.trim() !== '' && s.isWellFormed());

describe('decode: round trips (property)', () => {
  it('UTF-8 without BOM', () => {
    fc.assert(
      fc.property(textString, (s) => {
        const r = decode(new Uint8Array(Buffer.from(s, 'utf8')), 'x');
        expect(r.ok && r.value.text).toBe(s.normalize('NFC'));
      }),
      { numRuns: 300 },
    );
  });

  it('UTF-8 with BOM', () => {
    fc.assert(
      fc.property(textString, (s) => {
        const r = decode(bytesOf([0xef, 0xbb, 0xbf], Buffer.from(s, 'utf8')), 'x');
        expect(r.ok && r.value.encoding === 'utf-8+bom' && r.value.text).toBe(s.normalize('NFC'));
      }),
      { numRuns: 300 },
    );
  });

  it('UTF-16LE and UTF-16BE with BOM', () => {
    fc.assert(
      fc.property(textString, (s) => {
        const le = decode(bytesOf([0xff, 0xfe], Buffer.from(s, 'utf16le')), 'x');
        expect(le.ok && le.value.text).toBe(s.normalize('NFC'));
        const be = decode(bytesOf([0xfe, 0xff], Buffer.from(s, 'utf16le').swap16()), 'x');
        expect(be.ok && be.value.text).toBe(s.normalize('NFC'));
      }),
      { numRuns: 300 },
    );
  });

  // Latin-1 printable characters (and €), as a Windows-1252 file. Bytes that also happen to be valid
  // UTF-8 (e.g. "Ã¤", which is byte for byte UTF-8 "ä") are read as UTF-8 by design: such text is
  // mojibake, while real Finnish text in Windows-1252 ("ä" = E4 before an ASCII letter) never is. So is
  // a file with at least as many such pairs as broken sequences: UTF-8 with damage (see the next block).
  const latin1Char = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
    { weight: 2, arbitrary: fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)) },
    { weight: 2, arbitrary: fc.constantFrom('ä', 'ö', 'å', 'Ä', 'Ö', 'Å', 'é', '€') },
    { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n') },
  );
  const isUtf8 = (b: Uint8Array) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b);
      return true;
    } catch {
      return false;
    }
  };

  it('Windows-1252 whenever there is a non-ASCII character', () => {
    fc.assert(
      fc.property(fc.string({ unit: latin1Char, minLength: 1, maxLength: 200 }), (s) => {
        // A file opening with the bytes of a byte-order mark ("ÿþ", "þÿ", "ï»¿") is taken at its mark.
        fc.pre(/[^ -~\t\n\r]/.test(s) && s.trim() !== '' && !/^(ÿþ|þÿ|ï»¿)/.test(s));
        const bytes = new Uint8Array(iconv.encode(s, 'windows-1252'));
        fc.pre(!isUtf8(bytes));
        const scan = scanUtf8(bytes);
        fc.pre(scan.valid < scan.invalid);
        const r = decode(bytes, 'x');
        expect(r.ok && r.value.encoding).toBe('windows-1252');
        expect(r.ok && r.value.text).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('Finnish words in Windows-1252 are never valid UTF-8', () => {
    const words = ['pääsy', 'työ', 'Äänekoski', 'Österbotten', 'kehittämistä', 'yhteistyö', 'Åbo', 'café'];
    for (const w of words) {
      const r = decode(new Uint8Array(iconv.encode(`${w} ja muut`, 'windows-1252')), 'x');
      expect(r.ok && r.value).toEqual({ text: `${w} ja muut`, encoding: 'windows-1252' });
    }
  });

  it('a byte sequence that is valid UTF-8 is read as UTF-8', () => {
    const r = decode(new Uint8Array(Buffer.from('Ã¤', 'latin1')), 'x');
    expect(r.ok && r.value).toEqual({ text: 'ä', encoding: 'utf-8' });
  });
});

describe('decode: UTF-8 with broken bytes is UTF-8, flagged, never mojibake', () => {
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  // "Mäki … yhteistyö": the ö of one word cut to its lead byte, a stray continuation byte at the end.
  const damaged = bytesOf(
    utf8('Hankkeen vetäjä Maija Mäki kertoi, että yhteisty'),
    [0xc3],
    utf8(' sujui.\nPalaute oli myönteistä.'),
    [0x9f],
    utf8('\n'),
  );

  it('decodes the good sequences as UTF-8 and each bad one as U+FFFD, with a warning where it is', () => {
    const r = decode(damaged, 'rikki.md');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.text).toBe(
      'Hankkeen vetäjä Maija Mäki kertoi, että yhteisty\ufffd sujui.\nPalaute oli myönteistä.\ufffd\n',
    );
    expect(r.value.text).not.toMatch(/√|Ã/);
    expect(r.value.encoding).toBe('utf-8');
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'read/invalid-utf8',
        severity: 'warning',
        file: 'rikki.md',
        place: { line: 1, column: 49, offset: 48 },
      }),
    ]);
    expect(r.diagnostics?.[0]?.reason).toMatch(/2 broken byte sequences/);
  });

  it('behind a UTF-8 byte-order mark too', () => {
    const r = decode(bytesOf([0xef, 0xbb, 0xbf], damaged), 'x');
    expect(r.ok && r.value.encoding).toBe('utf-8+bom');
    expect(r.ok && r.value.text.startsWith('Hankkeen vetäjä Maija Mäki')).toBe(true);
  });

  it('one good ä and one broken byte is still UTF-8 ("Mäki" never becomes "M√§ki")', () => {
    const r = decode(bytesOf(utf8('Mäki sanoi'), [0xe4], utf8(' näin.')), 'x');
    expect(r.ok && r.value.text).toBe('Mäki sanoi\ufffd näin.');
  });

  it('keeps the legacy code pages where the bytes really are that', () => {
    for (const encoding of ['windows-1252', 'cp850', 'macintosh'] as const) {
      const text = 'Hankkeen vetäjä Maija Mäki kertoi, että yhteistyö sujui. Påbörjat i Åbo.';
      const r = decode(new Uint8Array(iconv.encode(text, encoding)), 'x');
      expect(r.ok && r.value.text).toBe(text);
      expect(r.ok && r.diagnostics?.[0]?.ruleId).toBe('read/encoding');
    }
  });

  it('scanUtf8 counts maximal broken subsequences as TextDecoder replaces them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        // A literal U+FFFD written in the file (EF BF BD) is not a replacement.
        fc.pre(!Buffer.from(bytes).includes(Buffer.from([0xef, 0xbf, 0xbd])));
        const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
        const replaced = [...text].filter((c) => c === '\ufffd').length;
        const multiByte = [...text].filter((c) => c !== '\ufffd' && (c.codePointAt(0) ?? 0) >= 0x80).length;
        expect(scanUtf8(bytes)).toEqual({ valid: multiByte, invalid: replaced });
      }),
      { numRuns: 500 },
    );
  });
});

describe('decode: Unicode normalisation form C', () => {
  it('composes NFD text (a + combining diaeresis) so "ä" is one character', () => {
    const nfd = 'Yhteistyö sujui hyvin, päätökset tehtiin ajallaan.'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    for (const bytes of [Buffer.from(nfd, 'utf8'), bytesOf([0xff, 0xfe], Buffer.from(nfd, 'utf16le'))]) {
      const r = decode(new Uint8Array(bytes), 'x');
      expect(r.ok && r.value.text).toBe('Yhteistyö sujui hyvin, päätökset tehtiin ajallaan.');
    }
  });
});
