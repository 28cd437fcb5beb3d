// Quotes fit to publish (issue 12 point 8, issue 9 point 5): no markup, no doubled quotation marks, one
// passage under one theme only (its strongest), the evidence never trimmed away, OCR damage flagged and
// ranked last, quotes only from confident codings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CandidatePool } from '../src/aggregate/candidate-pool.js';
import { asQuotation, plainText, type QuoteCandidate, quoteCandidates } from '../src/aggregate/quote-text.js';
import { makeAliases, rankQuotes, toQuotes } from '../src/aggregate/quotes.js';
import { showsOcrDamage } from '../src/language/fold.js';
import { renderHtml } from '../src/render/html.js';
import { quotesMarkdown } from '../src/render/quotes-md.js';
import { renderSynthesisMarkdown } from '../src/render/synthesis.js';
import { splitSentences } from '../src/segment/sentences.js';
import type { ParagraphTagging, SentenceTagging } from '../src/tag/paragraph.js';
import type { Coding, Quote, Segment } from '../src/types.js';
import { polarityCodebook, sampleTables } from './fixtures/render/sample-tables.js';

/**
 * A paragraph tagged by hand: its sentences with the codes each carries evidence for, and its codings
 * (code → [score, confidence]). Built without the tagger, which is being rewritten.
 */
function tagged(sentences: [string, Record<string, number>][], codings: Record<string, [number, number]>) {
  let at = 0;
  const point = (offset: number) => ({ line: 1, column: offset + 1, offset });
  const segs: SentenceTagging[] = sentences.map(([text, themes], i) => {
    const start = at;
    at += text.length + 1;
    const segment: Segment = {
      id: `p1.s${i + 1}`,
      report: 'r',
      kind: 'sentence',
      start,
      end: start + text.length,
      startPoint: point(start),
      endPoint: point(start + text.length),
      text,
      section: [],
      blockKind: 'paragraph',
      lang: 'fi',
    };
    return {
      segment,
      // Quote windows read only the sentences' per-theme scores; the evidence behind them is not needed.
      evidence: {} as SentenceTagging['evidence'],
      themes: Object.entries(themes).map(([code, score]) => ({ code, score, matches: [] })),
    };
  });
  const text = sentences.map(([t]) => t).join(' ');
  const paragraph = { ...(segs[0]?.segment as Segment), id: 'p1', kind: 'paragraph' as const, text };
  const list: Coding[] = Object.entries(codings).map(([code, [score, confidence]]) => ({
    report: 'r',
    segment: 'p1',
    section: '',
    start: 0,
    end: text.length,
    startLine: 1,
    endLine: 1,
    code,
    polarity: 'success',
    theme: code,
    score,
    confidence,
    matches: [],
    text,
  }));
  const tagging: ParagraphTagging = {
    segment: paragraph,
    section: {} as ParagraphTagging['section'],
    sentences: segs,
    totals: [],
    codings: list,
  };
  return quoteCandidates([tagging]);
}

describe('plainText and asQuotation: prose without markup, framed once', () => {
  it.each([
    ['** Evijärvi osallistui kartoitukseen.', 'Evijärvi osallistui kartoitukseen.'],
    ['Tulos oli **erinomainen', 'Tulos oli erinomainen'],
    ['Yhteistyö <b>sujui</b> <script>alert(1)</script> hyvin.', 'Yhteistyö sujui hyvin.'],
    ['Palaute <img src=x onerror=alert(2)> oli myönteistä.', 'Palaute oli myönteistä.'],
    ['Tulokset raportoitiin.[^1] Seuraava', 'Tulokset raportoitiin. Seuraava'],
    ['## Otsikko rivillä', 'Otsikko rivillä'],
    ['kaava 2*3*4 ja alle <5 % säilyvät', 'kaava 2*3*4 ja alle <5 % säilyvät'],
  ])('plainText %j → %j', (input, expected) => {
    expect(plainText(input)).toBe(expected);
  });

  it.each([
    [
      '”Hankkeen aikana todettiin, että se oli kallista.”',
      'Hankkeen aikana todettiin, että se oli kallista.',
    ],
    ['"Alku, jonka loppu jäi ikkunan ulkopuolelle', 'Alku, jonka loppu jäi ikkunan ulkopuolelle'],
    ['Loppu lainauksesta.”', 'Loppu lainauksesta.'],
    ['”Lainaus”.', 'Lainaus.'],
    [
      'Palvelu nimettiin ”Digiloikaksi” ja se otettiin käyttöön.',
      'Palvelu nimettiin ’Digiloikaksi’ ja se otettiin käyttöön.',
    ],
  ])('asQuotation %j → %j', (input, expected) => {
    expect(asQuotation(input)).toBe(expected);
  });

  it('never leaves emphasis markers or a double quotation mark in any quote (property)', () => {
    const piece = fc.constantFrom(
      'sana',
      'Hanke',
      '**',
      '*',
      '__',
      '”',
      '"',
      '“',
      '<b>',
      '</b>',
      'onnistui.',
      ' ',
      '2*3',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const q = asQuotation(plainText(pieces.join(' ')));
        expect(q).not.toMatch(/\*\*|__|["”“]|<\/?b>/);
      }),
      { numRuns: 300 },
    );
  });

  it('a closing marker split off by the sentence segmenter stays with its sentence', () => {
    const text = '**Evijärven vetäytyminen.** Evijärvi ei sitoutunut yhteishankintaan.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      '**Evijärven vetäytyminen.**',
      'Evijärvi ei sitoutunut yhteishankintaan.',
    ]);
  });
});

describe('quoteCandidates: the evidence, one passage per theme', () => {
  it('keeps every evidence sentence the window can hold, not a neighbour without evidence', () => {
    const [q] = tagged(
      [
        ['Evijärven vetäytyminen.', { c: 2 }],
        ['Evijärvi ei sitoutunut yhteishankintaan.', { c: 3 }],
        ['Tarjouspyyntö oli jo laadittu.', {}],
        ['Asia käsiteltiin ohjausryhmässä.', {}],
      ],
      { c: [5, 0.9] },
    );
    expect(q?.text).toBe('Evijärven vetäytyminen. Evijärvi ei sitoutunut yhteishankintaan.');
  });

  it('gives a passage to its strongest theme only; a weaker theme quotes its own evidence or nothing', () => {
    const candidates = tagged(
      [
        ['Yhteistyö kuntien kanssa sujui erinomaisesti.', { coop: 4, part: 1 }],
        ['Asukkaat osallistuivat työpajoihin innokkaasti.', { part: 3 }],
        ['Toimittaja oli myöhässä.', {}],
      ],
      { coop: [4, 0.9], part: [4, 0.7], vendors: [2, 0.65] },
    );
    expect(candidates.map((c) => [c.code, c.text])).toEqual([
      ['coop', 'Yhteistyö kuntien kanssa sujui erinomaisesti.'],
      ['part', 'Asukkaat osallistuivat työpajoihin innokkaasti.'],
    ]);
  });

  it('flags a passage that shows OCR damage', () => {
    const [q] = tagged([['Hanke eteni my6s kunnissa ja yhteisty6 sujui.', { c: 3 }]], { c: [3, 0.9] });
    expect(q?.ocr).toBe(true);
    expect(showsOcrDamage('Yhteistyö sujui hyvin ja palaute oli myönteistä.')).toBe(false);
    expect(
      showsOcrDamage(
        'Johtamisen nakokulmasta asiakaslahtoisyyden pohjana taas tulee olla kuntalaisen osallisuuden ja yhteisollisyyden monipuolistaminen, ja kunnan asukas on nahtava aktiivisena toimijana, joka voi suunnitella oman palvelupolkunsa.',
      ),
    ).toBe(true);
  });
});

function candidate(report: string, score: number, extra: Partial<QuoteCandidate> = {}): QuoteCandidate {
  return {
    report,
    code: 'x',
    score,
    confidence: 0.9,
    section: '',
    startLine: 1,
    endLine: 1,
    text: `${report}:${score}`,
    ...extra,
  };
}

describe('rankQuotes: confident codings, clean text first', () => {
  it('takes quotes only from codings at least as confident as asked', () => {
    const list = [candidate('a', 9, { confidence: 0.4 }), candidate('b', 2, { confidence: 0.8 })];
    expect(rankQuotes(list, ['x'], 5, 0.6).map((c) => c.report)).toEqual(['b']);
    expect(rankQuotes(list, ['x'], 5, 0).map((c) => c.report)).toEqual(['a', 'b']);
  });

  it('ranks OCR-damaged text after every clean quote, and carries the flag to the quote', () => {
    const list = [candidate('a', 9, { ocr: true }), candidate('b', 2), candidate('b', 1), candidate('c', 3)];
    const ranked = rankQuotes(list, ['x'], 3);
    expect(ranked.map((c) => c.text)).toEqual(['c:3', 'b:2', 'b:1']);
    const all = rankQuotes(list, ['x'], 5);
    expect(all.at(-1)?.ocr).toBe(true);
    const { quotes } = toQuotes(all, makeAliases([{ report: 'a', path: 'a' }]), (_r, t) => t);
    expect(quotes.map((q) => q.ocr ?? false)).toEqual([false, false, false, true]);
  });

  it('the pool keeps exactly what rankQuotes would choose over all candidates (property)', () => {
    const arb = fc.array(
      fc.record({
        report: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
        score: fc.integer({ min: 1, max: 9 }),
        ocr: fc.boolean(),
        confidence: fc.constantFrom(0.3, 0.7, 0.9),
        startLine: fc.integer({ min: 1, max: 50 }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 4 }), (rows, perCode) => {
        const all = rows.map((r) =>
          candidate(r.report, r.score, { ...r, ...(r.ocr ? {} : { ocr: undefined }) }),
        );
        const pool = new CandidatePool(perCode, 0.6);
        for (const c of all) pool.add([c]);
        const key = (cs: QuoteCandidate[]) => cs.map((c) => `${c.report}:${c.score}:${c.startLine}:${c.ocr}`);
        expect(key(rankQuotes(pool.all(), ['x'], perCode, 0.6))).toEqual(
          key(rankQuotes(all, ['x'], perCode, 0.6)),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('renderers: a flagged quote says so wherever it is shown', () => {
  const first = sampleTables.quotes[0] as Quote;
  const tables = { ...sampleTables, quotes: [{ ...first, text: 'Hanke eteni my6s kunnissa.', ocr: true }] };

  it('synthesis.md and report.html give the page or paragraph of a PDF or DOCX quote, not its lines', () => {
    const placed = {
      ...sampleTables,
      quotes: [{ ...first, location: { unit: 'page' as const, first: 4, last: 5 } }],
    };
    expect(renderSynthesisMarkdown(placed, polarityCodebook, 'fi')).toMatch(/> — Raportti \w+ · .*sivut 4–5/);
    expect(renderHtml(placed, polarityCodebook, 'en')).toMatch(/<figcaption>[^<]*pages 4–5<\/figcaption>/);
  });

  it('quotes.md and synthesis.md', () => {
    expect(quotesMarkdown(tables, polarityCodebook, 'fi')).toMatch(
      /my6s kunnissa\.” \(Raportti \w+; OCR-tekstiä: tarkista/,
    );
    expect(renderSynthesisMarkdown(tables, polarityCodebook, 'en')).toMatch(
      /OCR text: check the words against the original/,
    );
  });
});
