// The run summary in words: plurals right ("1 report", "wrote 1 file"), stale outputs named.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { plural, type RunSummary, summaryText } from '../src/cli/summary.js';

const summary = (over: Partial<RunSummary>): RunSummary => ({
  reports: 1,
  failed: 0,
  segments: 1,
  codings: 1,
  morphology: 'snowball',
  allowList: 'codebooks/allow-list.yaml',
  ocrFolded: [],
  quotes: 1,
  quotesRedacted: 0,
  quotesDropped: 0,
  leaks: 0,
  out: 'out',
  files: ['quotes.md'],
  removed: [],
  seconds: 0.1,
  counts: [{ code: 'success.x', reports: 1, segments: 1, strongReports: 1 }],
  duplicates: [],
  nonReports: [],
  ...over,
});
const text = (s: RunSummary) => summaryText(s, new Chalk({ level: 0 }));

describe('summaryText', () => {
  it.each([
    [0, 'report', '0 reports'],
    [1, 'report', '1 report'],
    [2, 'report', '2 reports'],
    [1, 'temporary file', '1 temporary file'],
  ])('plural(%i, %s) → %s', (n, word, expected) => {
    expect(plural(n, word)).toBe(expected);
  });

  it('says "1 report", "1 paragraph", "1 coding" and "wrote 1 file"', () => {
    const t = text(summary({}));
    expect(t).toContain('analyse: 1 report, 1 paragraph, 1 coding in');
    expect(t).toMatch(/success\.x\s+1 report\s+1 strong\s+1 paragraph\n/);
    expect(t).toContain('wrote 1 file to out/: quotes.md');
    expect(t).not.toMatch(/\b1 (reports|paragraphs|codings|files)\b/);
  });

  it('says "1 decision" and "1 quote pinned" in the review line', () => {
    const review = {
      file: 'review.csv',
      decisions: 1,
      anchored: 1,
      reanchored: 0,
      orphaned: 0,
      unknownCode: 0,
      pinned: 1,
      accepted: 1,
      added: 0,
      rejected: 0,
      proposed: 0,
    };
    const t = text(summary({ review }));
    expect(t).toContain('review review.csv: 1 decision, 1 applied');
    expect(t).toContain('; 1 quote pinned');
    expect(text(summary({ review: { ...review, decisions: 2, pinned: 0 } }))).toMatch(
      /2 decisions, .*; 0 quotes pinned/,
    );
  });

  it('names the stale outputs it removed', () => {
    expect(text(summary({ removed: ['report.html', 'synthesis.md'] }))).toContain(
      'removed 2 outputs of the previous run that this run did not write: report.html, synthesis.md',
    );
  });
});
