import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ancestry, ThemeTally } from '../src/aggregate/counts.js';
import { plainText, type QuoteCandidate, quoteCandidates } from '../src/aggregate/quote-text.js';
import { makeAliases, rankQuotes, toQuotes } from '../src/aggregate/quotes.js';
import { compileCodebook } from '../src/codebook/compile.js';
import { loadCodebook } from '../src/codebook/load.js';
import type { Codebook, Theme } from '../src/codebook/types.js';
import { parseMarkdown } from '../src/parse/markdown.js';
import { segmentDocument } from '../src/segment/segment.js';
import { tagParagraph } from '../src/tag/paragraph.js';
import { coding as codingContext } from './fixtures/coding.js';

const context = await codingContext();

import type { Coding } from '../src/types.js';

function theme(code: string, parent?: string, topic = parent ? parent.split('.')[0] : code): Theme {
  return {
    code,
    topic: topic ?? code,
    labels: { fi: `fi:${code}`, en: `en:${code}` },
    description: 'd',
    polarity: 'none',
    terms: {},
    patterns: [],
    exclusions: [],
    examples: { match: [], noMatch: [] },
    line: 1,
    column: 1,
    ...(parent ? { parent } : {}),
  };
}

/** osaaminen > osaaminen.henkilo > osaaminen.henkilo.digi; tieto (no subthemes). */
const book: Codebook = {
  file: 'cb.yaml',
  id: 'h',
  title: { fi: 'H', en: 'H' },
  polarity: false,
  themes: [
    theme('osaaminen'),
    theme('osaaminen.henkilo', 'osaaminen'),
    theme('osaaminen.henkilo.digi', 'osaaminen.henkilo', 'osaaminen'),
    theme('tieto'),
  ],
};

function coding(report: string, segment: string, code: string): Coding {
  return {
    report,
    segment,
    section: '',
    start: 0,
    end: 1,
    startLine: 1,
    endLine: 1,
    code,
    polarity: 'none',
    theme: code.split('.')[0] ?? code,
    score: 2,
    confidence: 0.8,
    matches: [],
    text: 't',
  };
}

describe('ancestry', () => {
  it('lists each code with its ancestors, innermost first', () => {
    expect(Object.fromEntries(ancestry(book))).toEqual({
      osaaminen: ['osaaminen'],
      'osaaminen.henkilo': ['osaaminen.henkilo', 'osaaminen'],
      'osaaminen.henkilo.digi': ['osaaminen.henkilo.digi', 'osaaminen.henkilo', 'osaaminen'],
      tieto: ['tieto'],
    });
  });
});

describe('ThemeTally', () => {
  function tally(): ThemeTally {
    const t = new ThemeTally(book);
    // Report b: a grandchild coding in p1 and a child coding in p1 again (one segment), and p2 for tieto.
    t.add('b', [
      coding('b', 'p1', 'osaaminen.henkilo.digi'),
      coding('b', 'p1', 'osaaminen.henkilo'),
      coding('b', 'p2', 'tieto'),
    ]);
    // Report a: the main theme itself in p1, the child in p3.
    t.add('a', [coding('a', 'p1', 'osaaminen'), coding('a', 'p3', 'osaaminen.henkilo')]);
    // Report c: nothing coded.
    t.add('c', []);
    return t;
  }

  it('counts reports and distinct segments per code, rolling subthemes up to their parents', () => {
    expect(
      tally()
        .counts()
        .map((c) => [c.code, c.reports, c.segments, c.shareOfReports]),
    ).toEqual([
      ['osaaminen', 2, 3, 0.6667], // b:p1, a:p1, a:p3
      ['osaaminen.henkilo', 2, 2, 0.6667], // b:p1, a:p3
      ['osaaminen.henkilo.digi', 1, 1, 0.3333],
      ['tieto', 1, 1, 0.3333],
    ]);
  });

  it('gives labels in the asked language and the theme fields', () => {
    const [first] = tally().counts('en');
    expect(first).toEqual({
      code: 'osaaminen',
      polarity: 'none',
      theme: 'osaaminen',
      label: 'en:osaaminen',
      reports: 2,
      segments: 3,
      shareOfReports: 0.6667,
      shareAmongSiblings: 0.6667,
      strongReports: 0, // no strong level given: no coding is strong evidence
      strongSegments: 0,
    });
    expect(tally().counts('sv')[0]?.label).toBe('fi:osaaminen'); // no sv label: falls back to fi
  });

  it('gives each theme its share of the mentions among its siblings, as seed 004 charts main themes', () => {
    expect(
      tally()
        .counts()
        .map((c) => [c.code, c.shareAmongSiblings]),
    ).toEqual([
      ['osaaminen', 0.6667], // main themes: osaaminen 2 reports, tieto 1
      ['osaaminen.henkilo', 1],
      ['osaaminen.henkilo.digi', 1],
      ['tieto', 0.3333],
    ]);
  });

  it('tells strong evidence (confidence at the strong level, or confirmed) from weak, rolled up to parents', () => {
    const t = new ThemeTally(book, 0.7);
    const at = (c: Coding, confidence: number, status?: Coding['status']): Coding => ({
      ...c,
      confidence,
      ...(status ? { status } : {}),
    });
    // Report a: a strong child coding (p1) and a weak one (p2); report b: a weak coding the evaluator
    // accepted (p1); report c: weak only.
    t.add('a', [at(coding('a', 'p1', 'osaaminen.henkilo'), 0.7), at(coding('a', 'p2', 'osaaminen'), 0.69)]);
    t.add('b', [at(coding('b', 'p1', 'tieto'), 0.2, 'accepted')]);
    t.add('c', [at(coding('c', 'p4', 'tieto'), 0.5)]);
    expect(t.counts().map((c) => [c.code, c.reports, c.strongReports, c.segments, c.strongSegments])).toEqual(
      [
        ['osaaminen', 1, 1, 2, 1],
        ['osaaminen.henkilo', 1, 1, 1, 1],
        ['osaaminen.henkilo.digi', 0, 0, 0, 0],
        ['tieto', 2, 1, 2, 1],
      ],
    );
  });

  it('builds the report × theme matrix, sorted by report, with a zero for every code', () => {
    const t = tally();
    expect(t.reports).toBe(3);
    expect(t.matrix()).toEqual([
      { report: 'a', cells: { osaaminen: 2, 'osaaminen.henkilo': 1, 'osaaminen.henkilo.digi': 0, tieto: 0 } },
      { report: 'b', cells: { osaaminen: 1, 'osaaminen.henkilo': 1, 'osaaminen.henkilo.digi': 1, tieto: 1 } },
      { report: 'c', cells: { osaaminen: 0, 'osaaminen.henkilo': 0, 'osaaminen.henkilo.digi': 0, tieto: 0 } },
    ]);
  });

  it('gives zero shares before any report', () => {
    expect(new ThemeTally(book).counts().every((c) => c.reports === 0 && c.shareOfReports === 0)).toBe(true);
  });

  it('counts a code the codebook does not know for itself only (no crash)', () => {
    const t = new ThemeTally(book);
    t.add('a', [coding('a', 'p1', 'unknown.code')]);
    expect(t.counts().every((c) => c.segments === 0)).toBe(true);
  });
});

function candidate(report: string, code: string, score: number, startLine = 1): QuoteCandidate {
  return {
    report,
    code,
    score,
    confidence: 0.8,
    section: 'S',
    startLine,
    endLine: startLine,
    text: `${report}:${code}:${score}`,
  };
}

describe('rankQuotes', () => {
  it('takes one quote per report before a second from the same report', () => {
    const ranked = rankQuotes(
      [
        candidate('a', 'x', 9),
        candidate('a', 'x', 8),
        candidate('a', 'x', 7),
        candidate('b', 'x', 3),
        candidate('c', 'x', 1),
        candidate('b', 'x', 2),
      ],
      ['x'],
      5,
    );
    expect(ranked.map((c) => c.text)).toEqual(['a:x:9', 'b:x:3', 'c:x:1', 'a:x:8', 'b:x:2']);
  });

  it('groups by code in the order of the codes given, at most perCode each', () => {
    const ranked = rankQuotes(
      [
        candidate('a', 'x', 1),
        candidate('a', 'y', 5),
        candidate('b', 'y', 4),
        candidate('c', 'y', 3),
        candidate('a', 'z', 1),
      ],
      ['y', 'x'],
      2,
    );
    expect(ranked.map((c) => c.text)).toEqual(['a:y:5', 'b:y:4', 'a:x:1']);
  });

  it('breaks ties by report, then line, whatever the input order', () => {
    const list = [candidate('b', 'x', 2, 5), candidate('a', 'x', 2, 9), candidate('a', 'x', 2, 3)];
    const expected = ['a:3', 'b:5', 'a:9'];
    for (const input of [list, [...list].reverse(), [list[1], list[0], list[2]] as QuoteCandidate[]]) {
      expect(rankQuotes(input, ['x']).map((c) => `${c.report}:${c.startLine}`)).toEqual(expected);
    }
  });

  it('takes 5 per code by default', () => {
    const many = Array.from({ length: 9 }, (_, i) => candidate(`r${i}`, 'x', i));
    expect(rankQuotes(many, ['x'])).toHaveLength(5);
  });
});

describe('makeAliases', () => {
  const reports = [
    { report: 'kainuu', path: 'reports/kainuu.txt' },
    { report: 'ahvenanmaa', path: 'reports/ahvenanmaa.md' },
    { report: 'lappi', path: 'reports/lappi.pdf' },
  ];

  it('numbers reports in key order', () => {
    expect(makeAliases(reports)).toEqual([
      { alias: 'Raportti 1', report: 'ahvenanmaa', path: 'reports/ahvenanmaa.md' },
      { alias: 'Raportti 2', report: 'kainuu', path: 'reports/kainuu.txt' },
      { alias: 'Raportti 3', report: 'lappi', path: 'reports/lappi.pdf' },
    ]);
  });

  it('is stable whatever order the reports come in, and does not change its input', () => {
    const copy = [...reports];
    const a = makeAliases(reports);
    expect(makeAliases([...reports].reverse())).toEqual(a);
    expect(makeAliases([reports[2], reports[0], reports[1]] as typeof reports)).toEqual(a);
    expect(reports).toEqual(copy);
  });

  it('takes another word', () => {
    expect(makeAliases(reports, 'Rapport').map((a) => a.alias)).toEqual([
      'Rapport 1',
      'Rapport 2',
      'Rapport 3',
    ]);
  });
});

describe('toQuotes', () => {
  it('numbers quotes per code, carries the alias, and drops those the anonymiser refuses', () => {
    const aliases = makeAliases([
      { report: 'a', path: 'a.md' },
      { report: 'b', path: 'b.md' },
    ]);
    const ranked = [candidate('a', 'x', 3), candidate('b', 'x', 2), candidate('a', 'y', 1)];
    const { quotes, dropped } = toQuotes(ranked, aliases, (report, text) =>
      report === 'a' && text.includes(':x:') ? undefined : text.toUpperCase(),
    );
    expect(quotes.map((q) => [q.code, q.rank, q.alias, q.text])).toEqual([
      ['x', 1, 'Raportti 2', 'B:X:2'],
      ['y', 1, 'Raportti 1', 'A:Y:1'],
    ]);
    expect(dropped.map((c) => c.text)).toEqual(['a:x:3']);
  });
});

describe('plainText', () => {
  it.each([
    ['**Lihava** ja *kursiivi* teksti', 'Lihava ja kursiivi teksti'],
    ['- luettelon kohta', 'luettelon kohta'],
    ['• luettelon kohta', 'luettelon kohta'],
    ['3. numeroitu kohta', 'numeroitu kohta'],
    ['> lainaus\n> jatkuu', 'lainaus jatkuu'],
    ['[linkki](https://example.fi) tekstissä', 'linkki tekstissä'],
    ['rivi\r\nvaihtuu   tässä', 'rivi vaihtuu tässä'],
    ['kaava 2*3*4 säilyy', 'kaava 2*3*4 säilyy'],
  ])('%j → %j', (markdown, text) => {
    expect(plainText(markdown)).toBe(text);
  });
});

describe('quoteCandidates', () => {
  it('quotes the sentence that carries the evidence, as plain text, with its lines', () => {
    const text = [
      '# Raportti',
      '',
      '## 3. Toteutus',
      '',
      'Hankkeen budjetti oli 124 970 euroa. **Yhteistyö naapurikuntien kanssa sujui erinomaisesti,**',
      'ja kokemuksia jaettiin avoimesti.',
    ].join('\n');
    const taggings = segmentDocument(parseMarkdown(text, 'r', 'r.md')).map((s) => tagParagraph(s, context));
    const quotes = quoteCandidates(taggings).filter((q) => q.code === 'success.cooperation');
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({
      report: 'r',
      section: 'Raportti > 3. Toteutus',
      startLine: 5,
      endLine: 6,
      text: 'Yhteistyö naapurikuntien kanssa sujui erinomaisesti, ja kokemuksia jaettiin avoimesti.',
    });
  });
});
