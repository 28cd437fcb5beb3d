// Runs the built CLI (dist/, built by `npm test`'s pretest) as a child process, asynchronously: a test
// worker blocked in spawnSync for long under load misses its own RPC deadlines. Each run gets a fresh
// state folder (ANALYSE_STATE): the alias table of one test's reports must not number another's, and no
// run writes into the checkout's .analyse/.
import { spawn } from 'node:child_process';
import { chownSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
export const bin = join(root, 'bin', 'analyse.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a CLI run: no colour, a fresh state folder (owned by `uid` when given). */
export function cliEnv(uid?: number): NodeJS.ProcessEnv {
  const state = mkdtempSync(join(tmpdir(), 'analyse-state-'));
  if (uid !== undefined) chownSync(state, uid, uid);
  return { ...process.env, NO_COLOR: '1', ANALYSE_STATE: state };
}

export function analyse(
  args: readonly string[],
  options: { uid?: number; command?: readonly string[]; bin?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  const [cmd, ...pre] = options.command ?? [process.execPath];
  return new Promise((resolve, reject) => {
    const child = spawn(
      cmd ?? process.execPath,
      [...pre, ...(options.command ? [process.execPath] : []), options.bin ?? bin, ...args],
      {
        cwd: root,
        env: { ...cliEnv(options.uid), ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
        ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
