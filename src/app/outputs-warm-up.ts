// The outputs thread's warm-up: while the main thread reads the reports, the thread renders each of its
// files once from a placeholder run of one report, one paragraph and one theme, into memory, and throws
// them away. Most of a first workbook's or document's time is the libraries' code running for the first
// time (compiled on first call); once warm, a one-report run's workbooks take a fraction of it. Nothing of
// the placeholder reaches an output: the renderers are pure.
import type { Codebook } from '../codebook/types.js';
import { memoryTarget } from '../render/xlsx-package.js';
import type { Coding, Tables } from '../types.js';
import { writeApartFile } from './outputs-apart.js';
import type { ApartFile } from './outputs-thread.js';

const TEXT = 'Lämmittely.';

const book: Codebook = {
  file: 'warm-up',
  id: 'warm-up',
  title: { fi: 'Lämmittely', en: 'Warm-up' },
  polarity: true,
  themes: [
    {
      code: 'success.warm-up',
      topic: 'warm-up',
      labels: { fi: 'Lämmittely', en: 'Warm-up' },
      description: 'Lämmittely.',
      polarity: 'success',
      terms: {},
      patterns: [],
      exclusions: [],
      examples: { match: [], noMatch: [] },
      line: 1,
      column: 1,
    },
  ],
};

const coding: Coding = {
  report: 'warm-up',
  segment: 'warm-up#p1',
  section: 'Lämmittely',
  start: 0,
  end: TEXT.length,
  startLine: 1,
  endLine: 1,
  code: 'success.warm-up',
  polarity: 'success',
  theme: 'Lämmittely',
  score: 1,
  confidence: 1,
  matches: [],
  text: TEXT,
};

const tables: Tables = {
  reports: [
    {
      report: 'warm-up',
      path: 'warm-up.md',
      alias: 'Raportti 1',
      format: 'markdown',
      lang: 'fi',
      paragraphs: 1,
      codedParagraphs: 1,
    },
  ],
  codings: [coding],
  counts: [
    {
      code: 'success.warm-up',
      polarity: 'success',
      theme: 'Lämmittely',
      label: 'Lämmittely',
      reports: 1,
      segments: 1,
      shareOfReports: 1,
      shareAmongSiblings: 1,
      strongReports: 1,
      strongSegments: 1,
    },
  ],
  matrix: [{ report: 'warm-up', cells: { 'success.warm-up': 1 } }],
  quotes: [
    {
      code: 'success.warm-up',
      rank: 1,
      report: 'warm-up',
      alias: 'Raportti 1',
      section: 'Lämmittely',
      startLine: 1,
      endLine: 1,
      score: 1,
      confidence: 1,
      text: TEXT,
    },
  ],
  aliases: [{ alias: 'Raportti 1', report: 'warm-up', path: 'warm-up.md' }],
};

const sources = {
  reports: () => ['warm-up'],
  texts: () => [{ report: 'warm-up', path: 'warm-up.md', text: TEXT }],
};

/**
 * Renders each file once from the placeholder run, until `stop` says the real job has come; returns the
 * files whose renderer failed (it fails again on the real job, which then says why). Once, not in rounds:
 * a file renders faster the more it has run (130–300 ms after one rendering, 15–25 ms after four, each
 * file alone), but a round under way when the job comes delays it, and on a quiet machine a one-report
 * run took 1.64 s with one round against 1.71 s with four (medians of 7, alternating builds).
 */
export async function warmUp(
  files: readonly ApartFile[],
  stop: () => boolean = () => false,
): Promise<ApartFile[]> {
  const failed: ApartFile[] = [];
  for (const file of files) {
    // Once the real job is there, it warms the rest up itself.
    if (stop()) break;
    try {
      await writeApartFile(file, tables, book, 'fi', {}, sources, memoryTarget());
    } catch {
      failed.push(file);
    }
  }
  return failed;
}
