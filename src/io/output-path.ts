// Makes sure an output folder can be used before a run starts, with a one-line reason when it cannot:
// a path that is a file, a virtual file system (/proc, /sys, /dev), no permission, a read-only file system.
// Folders are created one level at a time: Node's recursive mkdir spins forever under /proc, where mkdir
// answers ENOENT for a parent that exists.
import { mkdir, stat, statfs } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** statfs magic numbers of kernel virtual file systems, which hold no files of ours. */
const VIRTUAL_FS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1373, 'devtmpfs'],
  [0x1cd1, 'devpts'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
]);
const VIRTUAL_PREFIXES = ['/proc', '/sys', '/dev'];

export type Checked = { ok: true; dir: string } | { ok: false; reason: string };

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a part of the path is a file',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
};

/** "read-only file system (EROFS)": what an errno means, for one-line messages. */
export function errnoReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === undefined) return e instanceof Error ? e.message : String(e);
  return REASONS[code] ? `${REASONS[code]} (${code})` : code;
}

async function statOrUndefined(path: string) {
  try {
    return await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTDIR') return 'not-a-folder' as const;
    throw e;
  }
}

async function virtualFileSystem(existing: string): Promise<string | undefined> {
  try {
    const fs = await statfs(existing);
    const name = VIRTUAL_FS.get(Number(fs.type));
    if (name) return name;
  } catch {
    // statfs unsupported: the path prefixes below still apply
  }
  return VIRTUAL_PREFIXES.find((p) => existing === p || existing.startsWith(`${p}/`));
}

/** Creates `out` (and missing parents) unless it cannot hold a run's outputs; never hangs. */
export async function ensureOutputFolder(out: string): Promise<Checked> {
  const full = resolve(out);
  const missing: string[] = [];
  let existing = full;
  try {
    for (;;) {
      const s = await statOrUndefined(existing);
      if (s === 'not-a-folder') return { ok: false, reason: `${out}: a part of the path is a file` };
      if (s !== undefined) {
        if (!s.isDirectory())
          return {
            ok: false,
            reason:
              existing === full
                ? `${out} is a file, not a folder: name a folder for the outputs`
                : `${out}: ${existing} is a file, not a folder`,
          };
        break;
      }
      missing.unshift(existing);
      const parent = dirname(existing);
      if (parent === existing) break;
      existing = parent;
    }
    const virtual = await virtualFileSystem(existing);
    if (virtual)
      return {
        ok: false,
        reason: `${out} is on a virtual file system (${virtual}): choose a folder on disk`,
      };
    for (const dir of missing) {
      try {
        await mkdir(dir);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
  } catch (e) {
    return { ok: false, reason: `cannot create the output folder ${out}: ${errnoReason(e)}` };
  }
  return { ok: true, dir: full };
}
