// The words paragraphSegments finds in a paragraph are read again by the tagger (sentence tokens, the
// matchers, the lexical score): tagging a paragraph with them gives exactly what tagging it without them
// gives, also where a sentence is cut inside a word or the text holds a Greek capital sigma.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/language/tokens.js';
import { wordOf } from '../src/language/words.js';
import { fitLexical } from '../src/learn/lexical.js';
import { parseMarkdown } from '../src/parse/markdown.js';
import { paragraphSegments } from '../src/segment/segment.js';
import { tagParagraph } from '../src/tag/paragraph.js';
import { coding } from './fixtures/coding.js';

const long = `${'asukaspalautejärjestelmä'.repeat(60)} onnistui hyvin.`;

const PARAGRAPHS = [
  'Yhteistyö toimittajan kanssa ei sujunut. Asukkaiden osallistuminen lisääntyi selvästi, mutta aikataulu viivästyi.',
  'Projektet förbättrade samarbetet mellan kommunerna. Invånarna deltog aktivt i enkäten.',
  `Hanke onnistui. ${long} Kuntalaiset antoivat palautetta.`,
  'ΣΟΦΙΑ-hanke: asukkaat osallistuivat ΠΑΡΑΣΚΕΥΑΣ kyselyyn ja palautetta tuli paljon.',
  // Σ before a full stop and a capital: not final in the whole text, final in the word alone.
  'Asukkaat osallistuivat ΟΔΟΣ.ΑΘΗΝΑ kyselyyn ja palautetta tuli paljon.',
  'Oy:n ja DVV:n kanssa tehty yhteistyö onnistui – digituki-päivät keräsivät kuntalaisia.',
];

describe('paragraph words handed to the tagger', () => {
  it.each(PARAGRAPHS)('%s', async (paragraph) => {
    const context = await coding();
    const doc = parseMarkdown(`# Raportti\n\n${paragraph}\n`, 'r', 'r.md');
    for (const segment of paragraphSegments(doc)) {
      const alone = tagParagraph({ ...segment }, context);
      const handed = tagParagraph(segment, context);
      expect(handed).toEqual({ ...alone, segment });
      expect(alone.totals.length).toBeGreaterThan(0);
    }
  });
});

describe('the lexical score from the words', () => {
  it('is the score of the text, also where the whole text lower-cases a sigma otherwise', () => {
    const model = fitLexical(
      [
        { text: 'ΟΔΟΣ.ΑΘΗΝΑ asukkaat osallistuivat', positive: ['a'] },
        { text: 'aikataulu viivästyi', positive: ['b'] },
      ],
      ['a', 'b'],
    );
    for (const text of ['ΟΔΟΣ.ΑΘΗΝΑ asukkaat', 'Asukkaat osallistuivat kyselyyn.', 'Oy:n digituki-päivät']) {
      const words = tokenize(text).map((t) => wordOf(t.lower));
      expect(model.score(text, words)).toEqual(model.score(text));
    }
  });
});
