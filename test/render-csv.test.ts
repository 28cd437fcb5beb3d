import { describe, expect, it } from 'vitest';
import type { Codebook } from '../src/codebook/types.js';
import {
  aliasesCsv,
  codingsCsv,
  csvFormatFor,
  quotesCsv,
  reportThemesCsv,
  themeCountsCsv,
} from '../src/render/csv.js';
import type { Coding, Tables } from '../src/types.js';

const BOM = '\uFEFF';

function coding(over: Partial<Coding>): Coding {
  return {
    report: 'a',
    segment: 'p1',
    section: '2. Tulokset',
    start: 0,
    end: 10,
    startLine: 1,
    endLine: 1,
    code: 'success.cooperation',
    polarity: 'success',
    theme: 'cooperation',
    score: 2,
    confidence: 0.8,
    matches: ['term:yhteistyö', 'cue:+sujui*'],
    text: 'Yhteistyö sujui.',
    ...over,
  };
}

function tables(over: Partial<Tables> = {}): Tables {
  return { reports: [], codings: [], counts: [], matrix: [], quotes: [], aliases: [], ...over };
}

const book: Codebook = {
  file: 'cb.yaml',
  id: 'cb',
  title: { fi: 'T', en: 'T' },
  polarity: true,
  themes: ['success.cooperation', 'challenge.vendors'].map((code, i) => ({
    code,
    topic: code,
    labels: { fi: code, en: code },
    description: 'd',
    polarity: i === 0 ? 'success' : 'challenge',
    terms: {},
    patterns: [],
    exclusions: [],
    examples: { match: [], noMatch: [] },
    line: 1,
    column: 1,
  })),
};

/** Lines of a CSV without its BOM and final newline. */
function lines(csv: string): string[] {
  return csv
    .replace(/^\uFEFF/, '')
    .replace(/\n$/, '')
    .split('\n');
}

describe('CSV renderers: encoding and header', () => {
  it('starts with a BOM by default and not when asked', () => {
    expect(aliasesCsv(tables())).toBe(`${BOM}alias,report,path\n`);
    expect(aliasesCsv(tables(), { bom: false })).toBe('alias,report,path\n');
  });

  it.each([
    [
      'codings',
      codingsCsv,
      'report,segment,section,start_line,end_line,location,code,polarity,theme,score,confidence,matches,text',
    ],
    [
      'theme counts',
      themeCountsCsv,
      'code,polarity,theme,label,reports,segments,share_of_reports,share_among_siblings,strong_reports,strong_segments',
    ],
    ['quotes', quotesCsv, 'code,rank,alias,section,score,quote'],
    ['aliases', aliasesCsv, 'alias,report,path'],
  ])('%s: header in a fixed order', (_name, render, header) => {
    expect(lines(render(tables()))).toEqual([header]);
  });

  it.each([
    ['fi', 'Raportti'],
    ['en', 'Report'],
    ['sv', 'Rapport'],
  ] as const)(
    'report × theme (%s): one column per code under its label, in codebook order',
    (lang, report) => {
      const csv = reportThemesCsv(
        tables({ matrix: [{ report: 'a', cells: { 'challenge.vendors': 3 } }] }),
        book,
        {},
        lang,
      );
      const label = (code: string) => {
        const t = book.themes.find((x) => x.code === code);
        return t?.labels[lang] ?? t?.labels.fi ?? code;
      };
      const header = [report, label('success.cooperation'), label('challenge.vendors')];
      expect(lines(csv)).toEqual([header.map((h) => (h.includes(',') ? `"${h}"` : h)).join(','), 'a,0,3']);
    },
  );

  it('ends lines with \\n only', () => {
    expect(codingsCsv(tables({ codings: [coding({})] }))).not.toContain('\r');
  });
});

describe('CSV renderers: numbers and delimiters', () => {
  const counts = tables({
    counts: [
      {
        code: 'success.cooperation',
        polarity: 'success',
        theme: 'cooperation',
        label: 'Yhteistyö, verkostot',
        reports: 3,
        segments: 7,
        shareOfReports: 0.6,
        shareAmongSiblings: 0.5,
        strongReports: 2,
        strongSegments: 4,
      },
    ],
  });

  it.each([
    [',', 'success.cooperation,success,cooperation,"Yhteistyö, verkostot",3,7,0.600,0.500,2,4'],
    [';', 'success.cooperation;success;cooperation;Yhteistyö, verkostot;3;7;0,600;0,500;2;4'],
    ['\t', 'success.cooperation\tsuccess\tcooperation\tYhteistyö, verkostot\t3\t7\t0.600\t0.500\t2\t4'],
  ] as const)('delimiter %j: decimals and quoting follow it', (delimiter, row) => {
    expect(lines(themeCountsCsv(counts, { delimiter }))[1]).toBe(row);
  });

  it.each([
    ['fi', undefined, { delimiter: ';', decimal: ',' }],
    ['sv', undefined, { delimiter: ';', decimal: ',' }],
    ['en', undefined, { delimiter: ',', decimal: '.' }],
    ['fi', ',', { delimiter: ',', decimal: '.' }],
    ['en', ';', { delimiter: ';', decimal: ',' }],
    ['fi', '\t', { delimiter: '\t', decimal: ',' }],
    ['en', '\t', { delimiter: '\t', decimal: '.' }],
  ] as const)('the CSV format for %s with delimiter %j: %o', (lang, delimiter, format) => {
    expect(csvFormatFor(lang, delimiter)).toEqual(format);
  });

  it('a decimal mark given explicitly wins (tab-separated for Finnish Excel)', () => {
    expect(lines(themeCountsCsv(counts, { delimiter: '\t', decimal: ',' }))[1]).toContain('\t0,600\t0,500');
  });

  it('writes integers without decimals', () => {
    expect(lines(codingsCsv(tables({ codings: [coding({ score: 3 })] })))[1]).toContain(',3,');
  });
});

describe('CSV renderers: quoting', () => {
  it.each([
    ['a cell with the delimiter', 'Hei, maailma', '"Hei, maailma"'],
    ['a cell with a double quote', 'Sanottiin "hyvä"', '"Sanottiin ""hyvä"""'],
    ['a cell with a newline', 'rivi yksi\nrivi kaksi', '"rivi yksi\nrivi kaksi"'],
    ['a plain cell', 'Yhteistyö sujui', 'Yhteistyö sujui'],
  ])('quotes %s', (_what, text, cell) => {
    const csv = quotesCsv(
      tables({
        quotes: [
          {
            code: 'c',
            rank: 1,
            report: 'a',
            alias: 'Raportti 1',
            confidence: 0.8,
            section: 'S',
            startLine: 1,
            endLine: 1,
            score: 2,
            text,
          },
        ],
      }),
      { bom: false },
    );
    expect(csv).toBe(`code,rank,alias,section,score,quote\nc,1,Raportti 1,S,2,${cell}\n`);
  });

  it('collapses white space in the codings text column to one line', () => {
    const csv = codingsCsv(tables({ codings: [coding({ text: 'Rivi yksi\r\nrivi  kaksi\n' })] }));
    expect(lines(csv)[1]?.endsWith(',Rivi yksi rivi kaksi')).toBe(true);
  });

  it('joins matches with "; " (quoted when ";" is the delimiter)', () => {
    expect(lines(codingsCsv(tables({ codings: [coding({})] })))[1]).toContain(
      ',term:yhteistyö; cue:+sujui*,',
    );
    expect(lines(codingsCsv(tables({ codings: [coding({})] }), { delimiter: ';' }))[1]).toContain(
      ';"term:yhteistyö; cue:+sujui*";',
    );
  });

  it.each(['=SUM(A1:A9)', '+358 40 123', '-1+1', '@SUM(A1)', '- luettelon kohta'])(
    'quotes a cell starting like a formula, behind an apostrophe: %j',
    (text) => {
      const csv = quotesCsv(
        tables({
          quotes: [
            {
              code: 'c',
              rank: 1,
              report: 'a',
              alias: 'R',
              section: 'S',
              startLine: 1,
              endLine: 1,
              score: 2,
              confidence: 0.8,
              text,
            },
          ],
        }),
        { bom: false },
      );
      expect(lines(csv)[1]).toBe(`c,1,R,S,2,"'${text}"`);
    },
  );

  // A text cell a spreadsheet would read as a formula ("=HYPERLINK(...)", a list item "- luettelon kohta")
  // gets OWASP's guard: an apostrophe in front, inside quotes, so Excel shows it as text. Quoting alone is no
  // guard (the reader removes the quotes before it interprets the cell).
  it('neutralises a formula-like text cell so that a spreadsheet shows it as text', () => {
    const csv = quotesCsv(
      tables({
        quotes: [
          {
            code: 'c',
            rank: 1,
            report: 'a',
            alias: 'R',
            section: 'S',
            startLine: 1,
            endLine: 1,
            score: 2,
            confidence: 0.8,
            text: '=SUM(A1:A9)',
          },
        ],
      }),
      { bom: false },
    );
    expect(lines(csv)[1]).toBe(`c,1,R,S,2,"'=SUM(A1:A9)"`);
  });
});

describe('CSV renderers: row order', () => {
  const codings = [
    coding({ report: 'b', segment: 'p1', start: 0, code: 'success.cooperation' }),
    coding({ report: 'a', segment: 'p9', start: 500, code: 'success.cooperation' }),
    coding({ report: 'a', segment: 'p2', start: 40, code: 'success.cooperation' }),
    coding({ report: 'a', segment: 'p2', start: 40, code: 'challenge.vendors' }),
    coding({ report: 'Ä', segment: 'p1', start: 0 }),
  ];

  it('orders codings by report, then position, then code', () => {
    const keys = lines(codingsCsv(tables({ codings })))
      .slice(1)
      .map((l) => `${l.split(',').slice(0, 2).join(' ')} ${l.split(',')[6]}`);
    expect(keys).toEqual([
      'a p2 challenge.vendors',
      'a p2 success.cooperation',
      'a p9 success.cooperation',
      'b p1 success.cooperation',
      'Ä p1 success.cooperation',
    ]);
  });

  it('gives the same bytes whatever order the codings come in', () => {
    const expected = codingsCsv(tables({ codings }));
    for (const order of [
      [...codings].reverse(),
      [codings[2], codings[4], codings[0], codings[3], codings[1]],
    ]) {
      expect(codingsCsv(tables({ codings: order as Coding[] }))).toBe(expected);
    }
  });

  it('keeps the order of counts and quotes as aggregate made it', () => {
    const csv = quotesCsv(
      tables({
        quotes: [
          {
            code: 'z',
            rank: 1,
            report: 'a',
            alias: 'R1',
            section: 'S',
            startLine: 1,
            endLine: 1,
            score: 2,
            confidence: 0.8,
            text: 'eka',
          },
          {
            code: 'a',
            rank: 1,
            report: 'b',
            alias: 'R2',
            section: 'S',
            startLine: 1,
            endLine: 1,
            score: 1,
            confidence: 0.8,
            text: 'toka',
          },
        ],
      }),
    );
    expect(
      lines(csv)
        .slice(1)
        .map((l) => l.split(',')[0]),
    ).toEqual(['z', 'a']);
  });
});
