import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../src/render/html.js';
import { axisTicks, wrapLabel } from '../src/render/html-chart.js';
import type { Tables } from '../src/types.js';
import {
  hierarchicalCodebook,
  hierarchicalTables,
  polarityCodebook,
  sampleTables,
} from './fixtures/render/sample-tables.js';

const CHROMIUM = '/usr/bin/chromium';
const chromiumAvailable = existsSync(CHROMIUM);
if (!chromiumAvailable)
  console.warn(`render-html: ${CHROMIUM} is absent; the headless browser test is skipped`);

function bars(html: string): string[] {
  return [...html.matchAll(/<rect class="bar bar-(\w+)" data-code="([^"]+)" data-reports="(\d+)"/g)].map(
    (m) => `${m[2]}:${m[1]}:${m[3]}`,
  );
}

describe('renderHtml', () => {
  const html = renderHtml(sampleTables, polarityCodebook, 'fi');

  it('is one self-contained document: no scripts, no external URLs', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="fi">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import/i);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/url\(/i);
    const refs = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    expect(refs.every((r) => r?.startsWith('#'))).toBe(true);
  });

  it('draws one bar per theme, successes then challenges, sized by reports', () => {
    expect(html.match(/<svg class="chart"/g)).toHaveLength(1);
    expect(bars(html)).toEqual([
      'success.participation:success:2',
      'success.understanding:success:1',
      'success.efficiency:success:2',
      'success.cooperation:success:1',
      'challenge.cooperation:challenge:1',
      'challenge.staffing:challenge:1',
      'challenge.vendors:challenge:1',
      'challenge.mismatch:challenge:1',
    ]);
    const widths = [...html.matchAll(/<rect class="bar[^>]* width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths[0]).toBeCloseTo(2 * (widths[1] ?? 0), 0);
    expect(html.indexOf('data-group="success"')).toBeLessThan(html.indexOf('data-group="challenge"'));
  });

  it('uses codebook labels, Finnish by default and English with lang en', () => {
    expect(html).toContain('Ongelmat ostopalvelutuottajien kanssa');
    expect(html).toContain('mainittu 2/3 loppuraportissa');
    const en = renderHtml(sampleTables, polarityCodebook, 'en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Problems with vendors');
    expect(en).toContain('mentioned in 2/3 final reports');
    expect(en).not.toContain('Ongelmat ostopalvelutuottajien kanssa');
  });

  it('shows a heat map row per report, by alias, and the anonymised quotes', () => {
    const table = html.slice(html.indexOf('<table class="heatmap">'), html.indexOf('</table>'));
    expect(table.match(/<tr><th scope="row">Raportti [ABC]<\/th>/g)).toHaveLength(3);
    expect(table.match(/<td[^>]*>/g)?.length).toBe(3 * 8 + 8);
    expect(html).toContain('Yhteistyö [kunnan] ja naapurikuntien välillä tiivistyi &amp; verkosto');
    expect(html).not.toContain('Kokkolan');
    expect(html).not.toContain('kokkola-digi');
    // Only the innermost heading of a quote's section: the top one is the report's title.
    expect(html).toContain('Raportti A · 3. Onnistumiset · rivi 5');
    expect(html).not.toContain('digihanke');
  });

  it('escapes every text', () => {
    const hostile: Tables = {
      ...sampleTables,
      quotes: [
        {
          ...(sampleTables.quotes[0] as Tables['quotes'][number]),
          text: '<script>alert("x")</script> & "q"',
        },
      ],
    };
    const out = renderHtml(hostile, polarityCodebook, 'fi');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;q&quot;');
    expect(out).not.toContain('<script>');
  });

  it('groups a codebook without polarity by main theme, one bar per subtheme', () => {
    const out = renderHtml(hierarchicalTables, hierarchicalCodebook, 'fi');
    expect(bars(out)).toHaveLength(9);
    expect(bars(out).every((b) => b.includes(':none:'))).toBe(true);
    const groups = [...out.matchAll(/data-group="([^"]+)"/g)].map((m) => m[1]);
    expect(groups).toEqual(['osaaminen', 'palvelut', 'yhteistyo', 'resurssit']);
    expect(out).toContain('Resurssit<tspan class="group-value"> · 2/3</tspan>');
    expect(out).not.toContain('data-group="success"');
  });

  it('is deterministic', () => {
    expect(renderHtml(sampleTables, polarityCodebook, 'fi')).toBe(html);
  });
});

describe('chart helpers', () => {
  it('wraps long labels into at most two lines', () => {
    expect(wrapLabel('Lyhyt')).toEqual(['Lyhyt']);
    const lines = wrapLabel('sana '.repeat(40).trim(), 20);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(lines.every((l) => l.length <= 20)).toBe(true);
  });

  it.each([
    [0, [0]],
    [3, [0, 1, 2, 3]],
    [20, [0, 5, 10, 15, 20]],
    [29, [0, 5, 10, 15, 20, 25, 29]],
  ])('axis ticks up to %i', (max, ticks) => {
    expect(axisTicks(max)).toEqual(ticks);
  });
});

describe.skipIf(!chromiumAvailable)('renderHtml in headless Chromium', () => {
  const work = mkdtempSync(join(tmpdir(), 'render-html-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  // Kept after the run so a person can look at it.
  const shots = join(tmpdir(), 'analyse-render-html');
  mkdirSync(shots, { recursive: true });

  function chromium(args: string[]): { status: number | null; stdout: string } {
    const result = spawnSync(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${join(work, 'profile')}`,
        '--window-size=1200,1600',
        ...args,
      ],
      { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 },
    );
    return { status: result.status, stdout: result.stdout };
  }

  it('renders the chart bars and takes a screenshot', () => {
    const file = join(work, 'report.html');
    writeFileSync(file, renderHtml(sampleTables, polarityCodebook, 'fi'));
    const dom = chromium(['--dump-dom', `file://${file}`]);
    expect(dom.status).toBe(0);
    expect(dom.stdout).toContain('<svg class="chart"');
    expect(bars(dom.stdout)).toHaveLength(8);
    expect(dom.stdout).toContain('Raportit teemoittain');

    const png = join(shots, 'report-fi.png');
    rmSync(png, { force: true });
    const shot = chromium([`--screenshot=${png}`, `file://${file}`]);
    expect(shot.status).toBe(0);
    expect(statSync(png).size).toBeGreaterThan(20_000);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    console.info(`render-html: screenshot at ${png}`);
  });
});
