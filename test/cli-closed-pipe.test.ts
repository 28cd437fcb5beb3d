// A reader that stops early (`analyse --help | head -1`, `analyse explain x.md | head`) closes the pipe
// before the tool has written everything: the tool ends quietly, as Unix tools do, instead of crashing
// with an unhandled EPIPE and a stack trace. Here the reading end is closed before the first write.
import { spawn } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { bin, cliEnv, root } from './helpers/run-cli.js';

vi.setConfig({ testTimeout: 120_000 });

function closedPipe(args: readonly string[], closed: 'stdout' | 'stderr') {
  return new Promise<{ code: number | null; talk: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env: cliEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const open = closed === 'stdout' ? child.stderr : child.stdout;
    (closed === 'stdout' ? child.stdout : child.stderr).destroy();
    let talk = '';
    open.setEncoding('utf8').on('data', (d: string) => {
      talk += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, talk }));
  });
}

describe('output read by a reader that stops early', () => {
  it.each([
    [['--help']],
    [['explain', '--help']],
    [['export-codebook', '--format', 'yaml']],
    [['explain', 'reports/ylasavo-sahkoinen-asiointi.md']],
  ])('stdout closed: analyse %j ends quietly, exit 0', async (args) => {
    const r = await closedPipe(args, 'stdout');
    expect(r.talk).not.toMatch(/EPIPE|Unhandled|at .*:\d+:\d+/);
    expect(r.code).toBe(0);
  });

  it('stderr closed too (`2>&1 | head -1`): analyse anonymise ends quietly', async () => {
    const r = await closedPipe(['anonymise', 'reports/jarviseutu-tilavaraus.md'], 'stderr');
    expect(r.talk).toContain('[');
    expect(r.code).toBe(0);
  });
});
