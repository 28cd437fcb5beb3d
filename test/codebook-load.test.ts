import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../src/codebook/load.js';
import type { Codebook } from '../src/codebook/types.js';
import type { Diagnostic } from '../src/diagnostics.js';
import { parsePattern } from '../src/language/pattern.js';

const repoRoot = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const DEFAULT_CODEBOOK = path.join(repoRoot, 'codebooks/digikannustin-2020.yaml');

/** A valid one-theme codebook; `top` goes before `themes:`, `theme` at the end of the theme's map. */
function book({ top = '', theme = '', polarity = 'true' } = {}): string {
  return [
    'id: test', // line 1
    'title:', // 2
    '  fi: Testi', // 3
    '  en: Test', // 4
    `polarity: ${polarity}`, // 5
    `${top}themes:`, // 6 (when top is empty)
    '  - code: success.a', // 7
    '    polarity: success', // 8
    '    labels:', // 9
    '      fi: A', // 10
    '      en: A', // 11
    '    description: Theme a', // 12
    theme, // 13...
  ].join('\n');
}

function problems(text: string): Diagnostic[] {
  const r = loadCodebook('cb.yaml', text);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.diagnostics;
}

function loaded(text: string): Codebook {
  const r = loadCodebook('cb.yaml', text);
  if (!r.ok)
    throw new Error(r.diagnostics.map((d) => `${d.place?.line}:${d.place?.column} ${d.reason}`).join('\n'));
  return r.value;
}

/** [ruleId, line, column] of each diagnostic. */
function where(ds: Diagnostic[]): [string, number | undefined, number | undefined][] {
  return ds.map((d) => [d.ruleId, d.place?.line, d.place?.column]);
}

describe('loadCodebook: a valid codebook', () => {
  it('loads a minimal codebook', () => {
    const cb = loaded(book());
    expect(cb).toMatchObject({
      file: 'cb.yaml',
      id: 'test',
      title: { fi: 'Testi', en: 'Test' },
      polarity: true,
    });
    expect(cb.themes).toEqual([
      {
        code: 'success.a',
        topic: 'success.a',
        labels: { fi: 'A', en: 'A' },
        description: 'Theme a',
        polarity: 'success',
        terms: {},
        termNotes: {},
        patterns: [],
        exclusions: [],
        examples: { match: [], noMatch: [] },
        line: 7,
        column: 5,
      },
    ]);
  });

  it('loads the default codebook with its 8 themes', () => {
    const cb = loaded(readFileSync(DEFAULT_CODEBOOK, 'utf8'));
    expect(cb.id).toBe('digikannustin-2020');
    expect(cb.polarity).toBe(true);
    expect(cb.themes.map((t) => t.code)).toEqual([
      'success.participation',
      'success.understanding',
      'success.efficiency',
      'success.cooperation',
      'challenge.cooperation',
      'challenge.staffing',
      'challenge.vendors',
      'challenge.mismatch',
    ]);
    expect(cb.themes.map((t) => t.polarity)).toEqual([
      'success',
      'success',
      'success',
      'success',
      'challenge',
      'challenge',
      'challenge',
      'challenge',
    ]);
    // success.cooperation and challenge.cooperation share a topic
    expect(cb.themes.filter((t) => t.topic === 'cooperation').map((t) => t.code)).toEqual([
      'success.cooperation',
      'challenge.cooperation',
    ]);
    for (const t of cb.themes) {
      expect(t.terms.fi?.length ?? 0).toBeGreaterThan(5);
      expect(t.examples.match.length).toBeGreaterThan(0);
      expect(t.labels.sv).toBeTruthy();
    }
  });
});

describe('loadCodebook: stage 1, YAML syntax', () => {
  it.each([
    ['id: t\ntitle: [a, b\npolarity: true\n', 3, 1],
    ['id: t\ntitle:\n  fi: a\n   en: b\n', 3, 7],
    ['id: t\nid: u\n', 2, 1], // duplicate key
  ])('%j → codebook/yaml at %i:%i', (text, line, column) => {
    const ds = problems(text);
    expect(ds.length).toBeGreaterThan(0);
    expect(
      ds.every((d) => d.ruleId === 'codebook/yaml' && d.severity === 'error' && d.file === 'cb.yaml'),
    ).toBe(true);
    expect(where(ds)[0]).toEqual(['codebook/yaml', line, column]);
  });

  it('stops after syntax errors (no schema diagnostics for a broken file)', () => {
    const ds = problems('id: t\ncolour: [red\n');
    expect(ds.map((d) => d.ruleId)).not.toContain('codebook/unknown-key');
  });
});

describe('loadCodebook: stage 2, schema', () => {
  it.each([
    // [what, ruleId, line, column, text]
    ['unknown key in a theme', 'codebook/unknown-key', 13, 5, book({ theme: '    colour: red' })],
    ['unknown key at the top', 'codebook/unknown-key', 6, 1, book({ top: 'author: me\n' })],
    [
      'unknown language in terms',
      'codebook/unknown-key',
      14,
      7,
      book({ theme: '    terms:\n      de:\n        - Zusammenarbeit' }),
    ],
    [
      'unknown key in labels',
      'codebook/unknown-key',
      12,
      7,
      book().replace('      en: A', '      en: A\n      de: A'),
    ],
    ['polarity not a boolean', 'codebook/expected-boolean', 5, 11, book({ polarity: 'yes' })],
    [
      'bad theme polarity',
      'codebook/bad-polarity',
      8,
      15,
      book().replace('polarity: success', 'polarity: good'),
    ],
    [
      'polarity on a codebook with polarity: false',
      'codebook/polarity-off',
      8,
      15,
      book({ polarity: 'false' }),
    ],
    [
      'themes not a list',
      'codebook/expected-list',
      6,
      9,
      'id: t\ntitle:\n  fi: T\n  en: T\npolarity: true\nthemes: 3\n',
    ],
    [
      'terms not a list',
      'codebook/expected-list',
      14,
      11,
      book({ theme: '    terms:\n      fi: yhteistyö' }),
    ],
    ['a codebook that is not a map', 'codebook/expected-map', 1, 1, '- a\n- b\n'],
  ])('%s → %s at %i:%i', (_what, ruleId, line, column, text) => {
    expect(where(problems(text))).toContainEqual([ruleId, line, column]);
  });

  it('reports an unknown key with the keys it expected', () => {
    const [d] = problems(book({ theme: '    colour: red' }));
    expect(d?.reason).toMatch(/Unknown key "colour" in a theme/);
    expect(d?.reason).toMatch(/code, topic, labels, description/);
    expect(d?.place?.offset).toBe(book().length + 4);
  });

  it('reports a missing key at the map that lacks it', () => {
    const text =
      'id: t\ntitle:\n  fi: T\n  en: T\npolarity: true\nthemes:\n  - code: a\n    labels:\n      fi: A\n      en: A\n';
    const ds = problems(text);
    expect(where(ds)).toContainEqual(['codebook/missing-key', 7, 5]);
    expect(ds.find((d) => d.ruleId === 'codebook/missing-key')?.reason).toBe(
      'Missing required key "description" in a theme',
    );
  });

  it.each([
    [
      'id',
      'title:\n  fi: T\n  en: T\npolarity: true\nthemes:\n  - code: a\n    labels: {fi: A, en: A}\n    description: d\n',
    ],
    [
      'en',
      'id: t\ntitle:\n  fi: T\npolarity: true\nthemes:\n  - code: a\n    labels: {fi: A, en: A}\n    description: d\n',
    ],
    ['themes', 'id: t\ntitle:\n  fi: T\n  en: T\npolarity: true\n'],
    [
      'polarity',
      'id: t\ntitle:\n  fi: T\n  en: T\nthemes:\n  - code: a\n    labels: {fi: A, en: A}\n    description: d\n',
    ],
  ])('reports the missing key %j', (key, text) => {
    expect(
      problems(text).some((d) => d.ruleId === 'codebook/missing-key' && d.reason.includes(`"${key}"`)),
    ).toBe(true);
  });

  // A missing required string key is one problem, reported at the map that lacks it — not a second time as
  // an empty string at 1:1 (a regression guard for Checker.string() on an absent node).
  it('reports a missing key once, not again as an empty string at 1:1', () => {
    const text =
      'id: t\ntitle:\n  fi: T\n  en: T\npolarity: true\nthemes:\n  - code: a\n    labels:\n      fi: A\n      en: A\n';
    expect(where(problems(text))).toEqual([['codebook/missing-key', 7, 5]]);
  });

  it('reports every problem of a file, not only the first', () => {
    const text = book({ top: 'author: me\n', theme: '    colour: red\n    size: 3' });
    expect(where(problems(text)).filter(([rule]) => rule === 'codebook/unknown-key')).toEqual([
      ['codebook/unknown-key', 6, 1],
      ['codebook/unknown-key', 14, 5],
      ['codebook/unknown-key', 15, 5],
    ]);
  });
});

describe('loadCodebook: stage 3, meaning', () => {
  const second = (code: string) =>
    `  - code: ${code}\n    polarity: success\n    labels:\n      fi: B\n      en: B\n    description: b`;

  it('reports a duplicate code at the second theme', () => {
    const ds = problems(book({ theme: second('success.a') }));
    expect(where(ds)).toEqual([['codebook/duplicate-code', 13, 5]]);
    expect(ds[0]?.reason).toBe('Code "success.a" is defined twice');
  });

  it.each(['Success.A', 'success..a', '1success', 'success a'])('reports the malformed code %j', (code) => {
    expect(where(problems(book({ theme: second(code) })))).toEqual([['codebook/bad-code', 13, 5]]);
  });

  it.each([
    ['patterns', '"yhteistyö(("'],
    ['patterns', '"/[a-/"'],
    ['exclusions', '"/(?<x/"'],
    ['patterns', '"/sujui(?= hyvin)/"'], // lookahead: not on the linear-time engine
    ['patterns', '"/(a)\\\\1/"'], // a backreference
  ])('reports a %s regular expression %s that does not compile, at its theme', (key, pattern) => {
    const ds = problems(book({ theme: `    ${key}:\n      - ${pattern}` }));
    expect(where(ds)).toEqual([['codebook/bad-pattern', 7, 5]]);
    expect(ds[0]?.reason).toMatch(/does not compile/);
  });

  it('runs a pattern that backtracks catastrophically elsewhere in linear time (RE2)', async () => {
    const { compileRegex } = await import('../src/codebook/regex.js');
    const r = compileRegex('/(a+)+$/');
    expect(r.ok).toBe(true);
    // With a backtracking engine this input takes longer than the age of the universe.
    expect(r.ok && r.value.test(`${'a'.repeat(50_000)}b`)).toBe(false);
  });

  it('accepts word exclusions that are not regular expressions', () => {
    const cb = loaded(book({ theme: '    exclusions:\n      - yhteistyösopimus\n      - "(("' }));
    expect(cb.themes[0]?.exclusions).toEqual(['yhteistyösopimus', '((']);
  });

  it.each([
    ['yhteis*työ', 15, 11], // "*" only at the end of a word
    ['kunta^0', 15, 11], // weight must be > 0
    ['kunta^11', 15, 11], // and at most 10
    ['^2', 15, 11],
    ['kunta!', 15, 11],
  ])('reports the bad term %j at %i:%i', (term, line, column) => {
    const ds = problems(book({ theme: `    terms:\n      fi:\n        - "${term}"` }));
    expect(where(ds)).toEqual([['codebook/bad-term', line, column]]);
  });
});

describe('parsePattern: the one pattern language of terms and rules', () => {
  it.each([
    ['yhteistyö', [{ kind: 'lemma', text: 'yhteistyö' }], 1],
    ['tehost*', [{ kind: 'prefix', text: 'tehost' }], 1],
    ['hyvin=', [{ kind: 'form', text: 'hyvin' }], 1],
    ['*matta^1.5', [{ kind: 'suffix', text: 'matta' }], 1.5],
    [
      'ei sitoutunut^2',
      [
        { kind: 'lemma', text: 'ei' },
        { kind: 'lemma', text: 'sitoutunut' },
      ],
      2,
    ],
    [
      'olisi ~1 tarvittu',
      [
        { kind: 'lemma', text: 'olisi' },
        { kind: 'gap', min: 0, max: 1 },
        { kind: 'lemma', text: 'tarvittu' },
      ],
      1,
    ],
    ['# euroa', [{ kind: 'number' }, { kind: 'lemma', text: 'euroa' }], 1],
    ['  Kunta  ', [{ kind: 'lemma', text: 'kunta' }], 1],
  ] as const)('%j', (raw, specs, weight) => {
    const p = parsePattern(raw);
    expect(p.ok && p.pattern.specs).toEqual(specs);
    expect(p.ok && p.pattern.weight).toBe(weight);
  });

  it.each([
    ['yhteis*työ', 'not a word'],
    ['kunta^0', 'outside (0, 10]'],
    ['', 'empty pattern'],
    ['~2 kunta', 'only between two words'],
    ['kunta ~2 ~1 hanke', 'two gaps in a row'],
    ['a ~9 b', 'm ≤ n ≤ 6'],
    ['*ab', 'three or more letters'],
  ])('rejects %j: %s', (raw, reason) => {
    const p = parsePattern(raw);
    expect(p.ok).toBe(false);
    expect(p.ok ? '' : p.reason).toContain(reason);
  });
});

describe('loadCodebook: hierarchical themes', () => {
  const text = [
    'id: h', // 1
    'title: {fi: H, en: H}', // 2
    'polarity: false', // 3
    'themes:', // 4
    '  - code: osaaminen', // 5
    '    labels: {fi: Osaaminen, en: Skills}', // 6
    '    description: d', // 7
    '    themes:', // 8
    '      - code: osaaminen.henkilo', // 9
    '        labels: {fi: Henkilö, en: Person}', // 10
    '        description: d2', // 11
    '        themes:', // 12
    '          - code: osaaminen.henkilo.digi', // 13
    '            labels: {fi: Digi, en: Digital}', // 14
    '            description: d3', // 15
    '  - code: tieto', // 16
    '    topic: tiedonhallinta', // 17
    '    labels: {fi: Tieto, en: Data}', // 18
    '    description: d', // 19
    '    themes:', // 20
    '      - code: tieto.laatu', // 21
    '        labels: {fi: Laatu, en: Quality}', // 22
    '        description: d', // 23
  ].join('\n');

  it('gives subthemes their parent and the inherited topic, parents first in file order', () => {
    const cb = loaded(text);
    expect(cb.themes.map((t) => [t.code, t.parent, t.topic, t.polarity, t.line, t.column])).toEqual([
      ['osaaminen', undefined, 'osaaminen', 'none', 5, 5],
      ['osaaminen.henkilo', 'osaaminen', 'osaaminen', 'none', 9, 9],
      ['osaaminen.henkilo.digi', 'osaaminen.henkilo', 'osaaminen', 'none', 13, 13],
      ['tieto', undefined, 'tiedonhallinta', 'none', 16, 5],
      ['tieto.laatu', 'tieto', 'tiedonhallinta', 'none', 21, 9],
    ]);
    expect('parent' in (cb.themes[0] as object)).toBe(false);
  });

  it('lets subthemes inherit polarity from their parent', () => {
    const polar = text
      .replace('polarity: false', 'polarity: true')
      .replace(
        '    description: d\n    themes:\n      - code: osaaminen.henkilo',
        '    description: d\n    polarity: success\n    themes:\n      - code: osaaminen.henkilo',
      );
    const cb = loaded(polar);
    expect(cb.themes.slice(0, 3).map((t) => t.polarity)).toEqual(['success', 'success', 'success']);
    expect(cb.themes[3]?.polarity).toBe('none');
  });

  it('finds a duplicate code across levels', () => {
    const dup = text.replace('code: tieto.laatu', 'code: osaaminen.henkilo');
    expect(where(problems(dup))).toEqual([['codebook/duplicate-code', 21, 9]]);
  });
});
