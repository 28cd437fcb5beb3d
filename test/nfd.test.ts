// A report saved in NFD (ä as a + combining diaeresis, as macOS and some web forms write it) is read as
// the same text as its NFC twin: the same codes, and never taken for OCR umlaut loss.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportBytes } from '../src/io/read-report.js';
import { codeDocument } from '../src/pipeline.js';
import { coding } from './fixtures/coding.js';

const compiled = await coding();

describe('NFD reports', () => {
  it.each(['ylasavo-sahkoinen-asiointi.md', 'sydosterbotten-digital-delaktighet.md'])(
    '%s in NFD codes exactly as in NFC',
    async (name) => {
      const text = readFileSync(join(import.meta.dirname, '..', 'reports', name), 'utf8');
      expect(text.normalize('NFD')).not.toBe(text);
      const coded = async (t: string) => {
        const r = await parseReportBytes(new Uint8Array(Buffer.from(t, 'utf8')), name);
        if (!r.ok) throw new Error(name);
        return codeDocument(r.value, compiled);
      };
      const nfc = await coded(text);
      const nfd = await coded(text.normalize('NFD'));
      expect(nfd.folded).toBe(false);
      expect(nfd.doc.text).toBe(nfc.doc.text);
      expect(nfd.codings.map((c) => [c.segment, c.code, c.score])).toEqual(
        nfc.codings.map((c) => [c.segment, c.code, c.score]),
      );
    },
  );
});
