// The items of a list introduced by a goal ("Hankkeen tavoitteet olivat:") state what was meant, not what
// happened: they weigh as if each said so itself, while the same items under a lead-in of results do not.
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/parse/markdown.js';
import { codeDocument } from '../src/pipeline.js';
import { coding } from './fixtures/coding.js';

const item = 'asukkaiden osallistuminen kunnan päätöksentekoon lisääntyi selvästi uusien kanavien ansiosta';

async function confidenceUnder(leadIn: string): Promise<number> {
  const text = `# Loppuraportti\n\n## 2. Hankkeen vaikutukset\n\n${leadIn}\n\n- ${item}\n- kokousmateriaalit ovat nyt sähköisiä\n`;
  const coded = codeDocument(parseMarkdown(text, 'r', 'r.md'), await coding(), { keep: true });
  const tagging = coded.taggings.find((t) => t.segment.text.includes('asukkaiden'));
  return tagging?.totals.find((t) => t.code === 'success.participation')?.confidence ?? 0;
}

describe('a list introduced by a goal', () => {
  it.each([
    ['Hankkeen tavoitteet olivat:', 'Hankkeen tulokset olivat seuraavat:'],
    ['Hankkeelle asetettiin kolme tavoitetta:', 'Hankkeessa saavutettiin seuraavaa:'],
  ])('items under "%s" weigh less than under "%s"', async (goal, results) => {
    const [underGoal, underResults] = await Promise.all([confidenceUnder(goal), confidenceUnder(results)]);
    expect(underResults).toBeGreaterThan(0.5);
    expect(underGoal).toBeLessThan(underResults);
  });

  it('a goal sentence that does not introduce the list (no colon) frames nothing', async () => {
    const plain = await confidenceUnder('Hankkeen tavoitteena oli lisätä osallistumista.');
    const results = await confidenceUnder('Hankkeen tulokset olivat seuraavat:');
    expect(plain).toBeCloseTo(results, 5);
  });
});
