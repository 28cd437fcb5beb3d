// Option values as commander hands them to the parsers (src/cli/option-values.ts): a bad value is one
// message naming what would be right, never a NaN carried into the run; and which arguments get the
// default command put in front so that `analyse reports/ --help` shows the run's options.
import { InvalidArgumentError } from 'commander';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withDefaultCommand } from '../src/cli/main.js';
import {
  closest,
  listOf,
  parseConfidence,
  parseCount,
  parseJobs,
  parseLineNumber,
} from '../src/cli/option-values.js';

const messageOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof InvalidArgumentError) return e.message;
    throw e;
  }
  return '';
};

describe('parseConfidence (--threshold of run, eval, explain and review)', () => {
  it.each([
    ['0.6', 0.6],
    [' 0.25 ', 0.25],
    ['.5', 0.5],
    ['1e-1', 0.1],
    ['0.999', 0.999],
  ])('%j → %d', (value, expected) => {
    expect(parseConfidence(value)).toBe(expected);
  });

  it.each([
    ['0,6', 'Use a decimal point, not a comma: 0.6.'],
    [',5', 'Use a decimal point, not a comma: .5.'],
    ['1,5', 'Use a decimal point, not a comma, and a confidence between 0 and 1, e.g. 0.6.'],
    ['0', 'Expected a confidence between 0 and 1, e.g. 0.6.'],
    ['1', 'Expected a confidence between 0 and 1, e.g. 0.6.'],
    ['1.2', 'Expected a confidence between 0 and 1, e.g. 0.6.'],
    ['-0.5', 'Expected a confidence between 0 and 1, e.g. 0.6.'],
    ['abc', 'Expected a confidence between 0 and 1, e.g. 0.6.'],
    ['', 'Expected a confidence between 0 and 1, e.g. 0.6.'],
    ['NaN', 'Expected a confidence between 0 and 1, e.g. 0.6.'],
    ['Infinity', 'Expected a confidence between 0 and 1, e.g. 0.6.'],
  ])('%j is refused: %s', (value, message) => {
    expect(messageOf(() => parseConfidence(value))).toBe(message);
  });

  it('takes every number strictly between 0 and 1 as written, and refuses every other', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (n) => {
        const inside = n > 0 && n < 1;
        if (inside) expect(parseConfidence(String(n))).toBe(n);
        else expect(messageOf(() => parseConfidence(String(n)))).not.toBe('');
      }),
    );
  });
});

describe('parseCount, parseLineNumber, parseJobs, listOf', () => {
  it.each([
    [() => parseCount('5'), 5],
    [() => parseCount(' 0 '), 0],
    [() => parseLineNumber('64'), 64],
    [() => parseJobs(' 2 '), 2],
    [() => listOf(['csv', 'md'])(' md, csv,md'), ['md', 'csv']],
  ])('%#: accepted', (f, expected) => {
    expect(f()).toEqual(expected);
  });

  it.each([
    [() => parseCount('x'), 'Expected a whole number, 0 or more.'],
    [() => parseCount('1.5'), 'Expected a whole number, 0 or more.'],
    [() => parseLineNumber('0'), 'Expected a line number (1 or more).'],
    [() => parseLineNumber('abc'), 'Expected a line number (1 or more).'],
    [() => parseJobs('0'), 'Expected a number of threads, 1 or more.'],
    [() => parseJobs('two'), 'Expected a number of threads, 1 or more.'],
    [() => listOf(['csv', 'md'])(''), 'Names nothing: choose one or more of csv,md.'],
    [() => listOf(['csv', 'md'])('csv,pdf'), 'Unknown "pdf": choose from csv,md.'],
  ])('%#: %s', (f, message) => {
    expect(messageOf(f)).toBe(message);
  });
});

describe('closest (a mistyped subcommand)', () => {
  const names = ['eval', 'explain', 'check-leaks', 'import-review', 'review'];
  it.each([
    ['explian', 'explain'],
    ['chek-leaks', 'check-leaks'],
    ['reveiw', 'review'],
    ['reports', undefined],
    ['x', undefined],
  ])('%s → %s', (word, meant) => {
    expect(closest(word, names)).toBe(meant);
  });
});

describe('withDefaultCommand', () => {
  const argv = (...args: string[]) => ['node', 'analyse', ...args];
  it.each([
    [
      ['reports/', '--help'],
      ['run', 'reports/', '--help'],
    ],
    [
      ['--out', 'x', 'reports/', '-h'],
      ['run', '--out', 'x', 'reports/', '-h'],
    ],
    [['reports/'], ['reports/']],
    [['--help'], ['--help']],
    [
      ['help', 'explain'],
      ['help', 'explain'],
    ],
    [
      ['explain', '--help'],
      ['explain', '--help'],
    ],
    [
      ['review', 'reports/', '--help'],
      ['review', 'reports/', '--help'],
    ],
    [['--version'], ['--version']],
    [[], []],
  ])('%j → %j', (args, expected) => {
    expect(withDefaultCommand(argv(...args))).toEqual(argv(...expected));
  });
});
