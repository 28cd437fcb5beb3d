// The lazy command line: which subcommands an invocation loads, and a top-level help (listed from
// main.ts's table without loading anything) identical to the one the subcommands' own modules give.
import { describe, expect, it } from 'vitest';
import { buildProgram, neededSubcommands, SUBCOMMANDS } from '../src/cli/main.js';

describe('neededSubcommands', () => {
  it.each([
    [[], ['run']],
    [['reports/'], ['run']],
    [['--out', 'x', 'reports/'], ['run']],
    [['eval', 'gold.yaml'], ['eval']],
    [['check-leaks', 'out/', '--json'], ['check-leaks']],
    [['--version'], []],
    [['-V'], []],
    [['--help'], []],
    [['-h'], []],
    [['help'], []],
    [['help', 'explain'], ['explain']],
    [['explain', '--help'], ['explain']],
    [['reports/', '--help'], ['run']],
    [['no-such-command'], ['run']],
  ])('%j → %j', (args, expected) => {
    expect(neededSubcommands(args)).toEqual(expected);
  });
});

describe('top-level help', () => {
  it('lists every subcommand as its module defines it', async () => {
    const listed = (await buildProgram([])).helpInformation();
    const loaded = (await buildProgram(Object.keys(SUBCOMMANDS))).helpInformation();
    expect(listed).toBe(loaded);
    for (const name of Object.keys(SUBCOMMANDS)) expect(listed).toContain(name);
  });
});
