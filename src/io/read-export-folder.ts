// Reads an output folder for the leak check: every file, hidden ones included (a killed run's
// `.codings.csv.<hex>.tmp` holds un-anonymised text), as text when it is text (csv, md, html, json, txt,
// temporaries…), and the text inside zipped exports (xlsx, docx, qdpx: their XML and text members).
// Sub-folders are read too. The tool's own manifest is listed apart (it names files, not people).
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { type Diagnostic, diagnostic, type Result } from '../diagnostics.js';

export interface ExportFolder {
  /** Relative name ("quotes.md", "table.xlsx!xl/sharedStrings.xml", ".quotes.md.3f2a.tmp") and text. */
  files: { name: string; text: string }[];
  /** Files that are neither text nor a zip (images, fonts): not scanned. */
  skipped: string[];
}

/** Largest file read whole; bigger ones are read up to this many bytes (a report is never this big). */
const MAX_BYTES = 256 * 1024 * 1024;

export async function readExportFolder(
  dir: string,
  ignore: readonly string[] = [],
): Promise<Result<ExportFolder>> {
  const diagnostics: Diagnostic[] = [];
  let paths: string[];
  try {
    paths = await listFiles(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return {
      ok: false,
      diagnostics: [diagnostic(dir, 'read/unreadable', `Cannot read the folder (${code})`)],
    };
  }
  const files: ExportFolder['files'] = [];
  const skipped: string[] = [];
  for (const path of paths.sort()) {
    const name = relative(dir, path);
    if (ignore.includes(name)) continue;
    try {
      const bytes = await readFile(path);
      const data = bytes.length > MAX_BYTES ? bytes.subarray(0, MAX_BYTES) : bytes;
      if (isZip(data)) {
        for (const member of unzipTextMembers(data))
          files.push({ name: `${name}!${member.name}`, text: member.text });
      } else if (isText(data)) files.push({ name, text: data.toString('utf8').replace(/^\uFEFF/, '') });
      else skipped.push(name);
    } catch (e) {
      diagnostics.push(
        diagnostic(path, 'read/unreadable', `Cannot read: ${(e as Error).message}`, undefined, 'warning'),
      );
    }
  }
  return { ok: true, value: { files, skipped }, diagnostics };
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4;

/** Text: no NUL byte in the first 8 KiB (UTF-8 and legacy 8-bit text alike). */
function isText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  for (let i = 0; i < n; i++) if (b[i] === 0) return false;
  return true;
}

/** Text members (.xml, .txt, .qde, .rels excluded) of a zip archive, XML tags turned into line breaks. */
export function unzipTextMembers(zip: Uint8Array): { name: string; text: string }[] {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: { name: string; text: string }[] = [];
  // End of central directory: signature 0x06054b50 within the last 64 KiB.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return out;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let k = 0; k < count && p + 46 <= buf.length; k++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) break;
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (!/\.(xml|txt|qde|qdc|html?|md|csv)$/i.test(name) || /\.rels$/i.test(name)) continue;
    // Office packaging (themes name fonts such as "Osma Ebrima", styles, settings) holds no report text.
    if (
      /(^|\/)(theme\d*|styles|fontTable|settings|webSettings|numbering|app|\[Content_Types\])\.xml$/i.test(
        name,
      )
    )
      continue;
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataStart, dataStart + size);
    const data = method === 8 ? inflateRawSync(raw) : method === 0 ? raw : undefined;
    if (!data) continue;
    let text = data.toString('utf8');
    if (/\.(xml|qde|qdc)$/i.test(name)) {
      // REFI-QDA keeps source and code names in attributes; Office XML only style names and fonts.
      const attributes = /\.(qde|qdc)$/i.test(name);
      text = attributes ? refiText(text) : officeText(text);
    }
    out.push({ name, text });
  }
  return out;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** REFI-QDA: element text and attribute values (source and code names live in attributes). */
function refiText(xml: string): string {
  return unescapeXml(
    xml
      .replace(/<\/(Paragraph|Code|Source|PlainTextContent|Description)>/g, '\n')
      .replace(/<[^>]+>/g, (tag) => ` ${[...tag.matchAll(/="([^"]*)"/g)].map((m) => m[1]).join(' ')} `),
  );
}

/** Office XML: the text runs joined as Word and Excel show them (a word split over runs stays one word). */
function officeText(xml: string): string {
  return unescapeXml(
    xml
      .replace(/<\/(w:p|row|si|p|a:p)>|<w:br\/>/g, '\n')
      .replace(/<\/(w:tc|c)>|<w:tab\/>/g, '\t')
      .replace(/<[^>]+>/g, ''),
  );
}
