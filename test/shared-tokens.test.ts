// One tokenisation per report (issue 13): the coder tokenises a report once as a whole and hands the tokens
// to the anonymiser's analysis of the same report. The tokens are the anonymiser's own tokenisation of the
// text, and learning a report from them gives exactly what learning it from the text alone gives.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/language/tokens.js';
import { parseMarkdown } from '../src/parse/markdown.js';
import { codeDocument } from '../src/pipeline.js';
import { defaultAnonymiser } from './fixtures/anonymise/measure.js';
import { coding } from './fixtures/coding.js';

const dir = join(import.meta.dirname, '..', 'reports');
const reports = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));

describe('the coder and the anonymiser share a report tokens', () => {
  it('has sample reports to read', () => {
    expect(reports.length).toBeGreaterThan(2);
  });

  it.each(reports.map((r) => [r.name, r.text] as const))(
    '%s: the coder hands over tokenize(text), and the anonymiser learns the same from them',
    async (name, text) => {
      const doc = parseMarkdown(text, name, name);
      const coded = codeDocument(doc, await coding());
      expect(coded.tokens).toEqual(tokenize(doc.text));
      const alone = defaultAnonymiser();
      const shared = defaultAnonymiser();
      const learnedAlone = alone.scanReport(name, doc.text);
      const learnedShared = shared.scanReport(name, doc.text, coded.tokens);
      expect(learnedShared).toEqual(learnedAlone);
      expect(shared.inventory()).toEqual(alone.inventory());
      expect(shared.anonymise(doc.text, learnedShared).text).toBe(
        alone.anonymise(doc.text, learnedAlone).text,
      );
    },
  );
});
