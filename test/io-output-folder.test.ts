// The output folder as one set: the lock (a live owner blocks, a dead one is taken over, two takers of one
// dead lock cannot both win), staging and swap, and clean-up after runs killed at any moment — including a
// real SIGKILL in the middle of the swap.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { beginOutputs } from '../src/app/output-stage.js';
import { LOCK_FILE, lockFolder, ownerIsDead } from '../src/io/folder-lock.js';
import { COMMIT_DIR, openOutputFolder, recoverOutputFolder } from '../src/io/output-folder.js';

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `analyse-${name}-`));
const root = join(import.meta.dirname, '..');

/** The pid of a process that has exited (spawned and waited for). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(r.stdout);
}

function writeLock(dir: string, owner: object): void {
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify(owner));
}

const listing = (dir: string) => readdirSync(dir).sort();
const contents = (dir: string) =>
  Object.fromEntries(
    listing(dir)
      .filter((n) => !n.startsWith('.'))
      .map((n) => [n, readFileSync(join(dir, n), 'utf8')]),
  );

describe('the folder lock', () => {
  it.each([
    ['a live process on this host', () => ({ pid: process.ppid, host: hostname(), token: 'x' }), false],
    ['a dead process on this host', () => ({ pid: deadPid(), host: hostname(), token: 'x' }), true],
    ['a process on another host', () => ({ pid: deadPid(), host: 'elsewhere.example', token: 'x' }), false],
    [
      'this process id with another start time (a reused id)',
      () => ({ pid: process.pid, host: hostname(), start: '1', token: 'x' }),
      existsSync('/proc/self/stat'),
    ],
  ])('judges the owner dead or alive: %s', (_what, owner, dead) => {
    expect(ownerIsDead({ since: '', ...owner() })).toBe(dead);
  });

  it('makes a second locker wait briefly and fail with the owner named while the first holds it', async () => {
    const dir = tmp('lock');
    const first = await lockFolder(dir, 0);
    expect(first.ok).toBe(true);
    const second = await lockFolder(dir, 300);
    expect(second).toMatchObject({ ok: false, reason: expect.stringMatching(`process ${process.pid}`) });
    if (first.ok) first.lock.release();
    const third = await lockFolder(dir, 0);
    expect(third.ok).toBe(true);
    if (third.ok) third.lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it("takes over a dead run's lock, and only one of several takers wins", async () => {
    const dir = tmp('stale');
    writeLock(dir, { pid: deadPid(), host: hostname(), token: 'dead', since: '' });
    const results = await Promise.all([lockFolder(dir, 0), lockFolder(dir, 0), lockFolder(dir, 0)]);
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect(winners[0]?.ok && winners[0].lock.tookOver).toBe(true);
  });

  it('never releases a lock it does not own (taken over after it was judged dead)', async () => {
    const dir = tmp('release');
    const mine = await lockFolder(dir, 0);
    if (!mine.ok) throw new Error('no lock');
    writeLock(dir, { pid: process.ppid, host: hostname(), token: 'someone-else', since: '' });
    mine.lock.release();
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).token).toBe('someone-else');
  });
});

describe('staging and swap', () => {
  const own = new Set(['a.csv', 'b.md', 'c.html', '.analyse-manifest.json']);

  async function runSet(dir: string, files: Record<string, string>) {
    const begun = await beginOutputs(dir, { ownNames: own, waitMs: 0 });
    if (!begun.ok) throw new Error(begun.reason);
    return begun.stage.finish(new Map(Object.entries(files)), new Set(['b.md']));
  }

  it('writes the set, removes stale outputs named by the manifest, and leaves foreign files alone', async () => {
    const dir = tmp('swap');
    writeFileSync(join(dir, 'mine.txt'), 'mine');
    await runSet(dir, { 'a.csv': '1', 'b.md': '1', 'c.html': '1' });
    const second = await runSet(dir, { 'a.csv': '2', 'b.md': '2' });
    expect(second.removed).toEqual(['c.html']);
    expect(contents(dir)).toEqual({ 'a.csv': '2', 'b.md': '2', 'mine.txt': 'mine' });
    expect(listing(dir)).toEqual(['.analyse-manifest.json', 'a.csv', 'b.md', 'mine.txt']);
  });

  it('refuses to overwrite or remove an output edited since the tool wrote it, and leaves everything as it was', async () => {
    const dir = tmp('edited');
    await runSet(dir, { 'a.csv': '1', 'b.md': '1' });
    writeFileSync(join(dir, 'b.md'), 'my edits');
    const begun = await beginOutputs(dir, { ownNames: own, waitMs: 0 });
    expect(begun).toMatchObject({
      ok: false,
      reason: expect.stringContaining('b.md changed after analyse wrote it'),
    });
    expect(contents(dir)).toEqual({ 'a.csv': '1', 'b.md': 'my edits' });
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('abandoning leaves the previous output whole and no staging behind', async () => {
    const dir = tmp('abandon');
    await runSet(dir, { 'a.csv': '1' });
    const begun = await beginOutputs(dir, { ownNames: own, waitMs: 0 });
    if (!begun.ok) throw new Error(begun.reason);
    begun.stage.spool('a.csv').write('half');
    begun.stage.abandon();
    expect(listing(dir)).toEqual(['.analyse-manifest.json', 'a.csv']);
    expect(contents(dir)).toEqual({ 'a.csv': '1' });
  });

  it("recovery removes killed runs' staging folders and temporaries of its own files only", () => {
    const dir = tmp('recover');
    mkdirSync(join(dir, '.analyse-staging-0123456789ab'));
    writeFileSync(join(dir, '.analyse-staging-0123456789ab', 'a.csv'), 'original text');
    writeFileSync(join(dir, '.a.csv.0123456789ab.tmp'), 'original text');
    writeFileSync(join(dir, '.notes.txt.0123456789ab.tmp'), 'not ours');
    const r = recoverOutputFolder(dir, own);
    expect(r).toEqual({
      finishedSwap: false,
      stagingRemoved: 1,
      temporariesRemoved: ['.a.csv.0123456789ab.tmp'],
    });
    expect(listing(dir)).toEqual(['.notes.txt.0123456789ab.tmp']);
  });
});

/** A child that commits a new set and kills itself with SIGKILL after `after` files are in place. */
function killMidSwap(dir: string, after: number): Promise<NodeJS.Signals | null> {
  const script = `
    import { openOutputFolder } from ${JSON.stringify(join(root, 'dist/io/output-folder.js'))};
    const opened = await openOutputFolder(${JSON.stringify(dir)}, { ownNames: new Set(), waitMs: 0 });
    if (!opened.ok) { console.error(opened.reason); process.exit(3); }
    const f = opened.folder;
    for (const n of ['a.csv', 'b.md', '.analyse-manifest.json']) f.write(n, 'new');
    let n = 0;
    f.commit(['a.csv', 'b.md', '.analyse-manifest.json'], ['c.html'], () => {
      if (++n === ${after}) process.kill(process.pid, 'SIGKILL');
    });`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
    child.on('exit', (_code, signal) => resolve(signal));
  });
}

describe('a run killed with SIGKILL in the middle of the swap', () => {
  it.each([1, 2])(
    'is finished by the next run that opens the folder (killed after %i files)',
    async (after) => {
      const dir = tmp('killed');
      for (const n of ['a.csv', 'b.md', 'c.html', '.analyse-manifest.json'])
        writeFileSync(join(dir, n), 'old');
      writeFileSync(join(dir, 'mine.txt'), 'mine');
      expect(await killMidSwap(dir, after)).toBe('SIGKILL');
      // The set is committed: the rest waits in the commit folder, and the dead run's lock is still there.
      expect(existsSync(join(dir, COMMIT_DIR))).toBe(true);
      const opened = await openOutputFolder(dir, { ownNames: new Set(), waitMs: 0 });
      if (!opened.ok) throw new Error(opened.reason);
      expect(opened.folder.recovery.finishedSwap).toBe(true);
      expect(opened.folder.tookOverLock).toBe(true);
      opened.folder.abandon();
      expect(contents(dir)).toEqual({ 'a.csv': 'new', 'b.md': 'new', 'mine.txt': 'mine' });
      expect(listing(dir)).toEqual(['.analyse-manifest.json', 'a.csv', 'b.md', 'mine.txt']);
    },
  );
});
