// Reads a small UTF-8 text file (a codebook, a gold file, an allow-list) as a Result.
import { readFile } from 'node:fs/promises';
import { diagnostic, type Result } from '../diagnostics.js';

export async function readText(path: string): Promise<Result<string>> {
  try {
    return { ok: true, value: (await readFile(path, 'utf8')).replace(/^\uFEFF/, '') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return {
      ok: false,
      diagnostics: [diagnostic(path, 'read/unreadable', `Cannot read the file (${code})`)],
    };
  }
}
