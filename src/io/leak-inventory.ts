// The identifier inventory of a run (names, phone numbers, e-mail addresses found in the reports) holds
// personal data, so it lives in the state folder (io/state.ts: `.analyse/` or `--state DIR`), never in the
// shareable output folder. One file per output folder, named by a hash of the folder's absolute path and
// recording that path, so `check-leaks out/` finds the inventory of the run that wrote out/.
import { createHash } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readState, writeState } from './state.js';

/** The inventory file that an earlier version of the tool left in the output folder. */
export const LEGACY_INVENTORY_FILE = '.analyse-inventory.json';

interface StoredInventory {
  out: string;
  entries: string[];
}

function inventoryName(outDir: string): string {
  const key = createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 16);
  return join('inventory', `${key}.json`);
}

/** Writes the inventory of the run into `outDir` to the state folder, and removes a legacy copy from outDir. */
export async function writeInventory(
  stateDir: string,
  outDir: string,
  entries: readonly string[],
): Promise<string> {
  const stored: StoredInventory = { out: resolve(outDir), entries: [...new Set(entries)].sort() };
  const name = inventoryName(outDir);
  await writeState(stateDir, name, `${JSON.stringify(stored, null, 0)}\n`);
  // Earlier versions wrote it into the shareable folder: personal data that must not be zipped and sent.
  await unlink(join(outDir, LEGACY_INVENTORY_FILE)).catch(() => undefined);
  return join(stateDir, name);
}

/** The inventory recorded for `outDir` in the state folder, or undefined when there is none (or it is for another folder). */
export async function readInventory(
  stateDir: string,
  outDir: string,
): Promise<{ entries: string[]; path: string } | undefined> {
  const name = inventoryName(outDir);
  const text = await readState(stateDir, name);
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<StoredInventory>;
    if (parsed.out !== resolve(outDir) || !Array.isArray(parsed.entries)) return undefined;
    return {
      entries: parsed.entries.filter((x): x is string => typeof x === 'string'),
      path: join(stateDir, name),
    };
  } catch {
    return undefined;
  }
}
