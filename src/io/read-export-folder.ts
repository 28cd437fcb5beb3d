// Reads an output folder for the leak check: every text export (csv, md, html, json, txt, tsv, yaml, qde)
// as text, the text inside zipped exports (xlsx, docx, qdpx: their XML and text members), and the run's
// inventory file (a JSON array of strings) when present. Sub-folders are read too.
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { type Diagnostic, diagnostic, type Result } from '../diagnostics.js';

export interface ExportFolder {
  /** Relative name ("quotes.md", "table.xlsx!xl/sharedStrings.xml") and text. */
  files: { name: string; text: string }[];
  inventory: string[];
}

const TEXT = new Set([
  '.csv',
  '.tsv',
  '.md',
  '.html',
  '.htm',
  '.json',
  '.txt',
  '.yaml',
  '.yml',
  '.qde',
  '.xml',
  '.qdc',
]);
const ZIP = new Set(['.xlsx', '.docx', '.qdpx', '.zip']);

export async function readExportFolder(dir: string, inventoryFile: string): Promise<Result<ExportFolder>> {
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
  let inventory: string[] = [];
  for (const path of paths.sort()) {
    const name = relative(dir, path);
    const ext = extname(path).toLowerCase();
    try {
      if (name === inventoryFile) {
        const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
        if (Array.isArray(parsed)) inventory = parsed.filter((x): x is string => typeof x === 'string');
        else
          diagnostics.push(
            diagnostic(
              path,
              'leaks/bad-inventory',
              'The inventory is not a JSON array of strings',
              undefined,
              'warning',
            ),
          );
        continue;
      }
      if (name.split(/[\\/]/).some((part) => part.startsWith('.'))) continue;
      if (TEXT.has(ext)) files.push({ name, text: (await readFile(path, 'utf8')).replace(/^\uFEFF/, '') });
      else if (ZIP.has(ext)) {
        for (const member of unzipTextMembers(await readFile(path))) {
          files.push({ name: `${name}!${member.name}`, text: member.text });
        }
      }
    } catch (e) {
      diagnostics.push(
        diagnostic(path, 'read/unreadable', `Cannot read: ${(e as Error).message}`, undefined, 'warning'),
      );
    }
  }
  return { ok: true, value: { files, inventory }, diagnostics };
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
    if (!/\.(xml|txt|qde|html?|md|csv)$/i.test(name) || /\.rels$/i.test(name)) continue;
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
    if (/\.(xml|qde)$/i.test(name)) {
      text = text
        .replace(/<\/(w:p|row|si|p|Paragraph|Code|Source)>/g, '\n')
        // Attribute values carry names too (REFI-QDA source and code names).
        .replace(/<[^>]+>/g, (tag) => ` ${[...tag.matchAll(/="([^"]*)"/g)].map((m) => m[1]).join(' ')} `)
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
    }
    out.push({ name, text });
  }
  return out;
}
