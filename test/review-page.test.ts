// The review page driven in headless Chromium (Debian's /usr/bin/chromium through playwright-core):
// keyboard accept / reject / pin / recode / memo, each written to review.csv at once; the paragraph in its
// section with the evidence marked; no request leaves 127.0.0.1; requests without the session's token,
// from another origin or for another host are refused. Skipped with a message where Chromium is absent.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningReview, startReviewServer } from '../src/app/review-server.js';
import { ReviewSession } from '../src/app/review-session.js';
import { loadCodebook } from '../src/codebook/load.js';
import { parseDecisions } from '../src/review/decisions.js';
import { coding } from './fixtures/coding.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`review-page: no Chromium at ${CHROMIUM}; the browser tests are skipped`);

const root = join(import.meta.dirname, '..');
const bookFile = join(root, 'codebooks', 'digikannustin-2020.yaml');
const loaded = loadCodebook(bookFile, readFileSync(bookFile, 'utf8'));
if (!loaded.ok) throw new Error('codebook');
const context = await coding();
const compiled = context.compiled;

const work = mkdtempSync(join(tmpdir(), 'review-page-'));
const reports = join(work, 'reports');
mkdirSync(reports);
for (const name of ['jarviseutu-tilavaraus.md', 'kainuu-sahkoinen-paatoksenteko.txt'])
  writeFileSync(join(reports, name), readFileSync(join(root, 'reports', name)));
const csv = join(work, 'review.csv');

let session: ReviewSession;
let running: RunningReview;
beforeAll(async () => {
  session = await ReviewSession.open({
    paths: [reports],
    compiled,
    coding: context,
    decisionsFile: csv,
    reviewer: 'Maija',
    lang: 'fi',
    delimiter: ';',
  });
  running = await startReviewServer(session, { lang: 'fi', title: 'Testi' });
}, 60_000);
afterAll(async () => {
  await running?.close();
});

function raw(path: string, headers: Record<string, string>, method = 'GET', body = ''): Promise<number> {
  const url = new URL(running.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: url.port, path, method, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the review server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(running.url).hostname).toBe('127.0.0.1');
    expect((running.server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('refuses requests without the token, for another host, or decisions from another origin', async () => {
    const url = new URL(running.url);
    const token = url.searchParams.get('token') ?? '';
    const host = url.host;
    expect(await raw('/', { host })).toBe(403);
    expect(await raw(`/?token=${token}`, { host })).toBe(200);
    expect(await raw(`/?token=${token}`, { host: `evil.example:${url.port}` })).toBe(421);
    const decision = JSON.stringify({
      report: 'x',
      paragraph: 'p',
      code: 'c',
      decision: 'accept',
      quote: '',
    });
    const post = { host, 'x-review-token': token, 'content-type': 'application/json' };
    expect(await raw('/api/decision', { ...post, origin: 'http://evil.example' }, 'POST', decision)).toBe(
      403,
    );
    expect(await raw('/api/decision', { ...post, origin: url.origin }, 'POST', decision)).toBe(400);
  });
});

describe.skipIf(!hasChromium)('the review page in headless Chromium', () => {
  it('is reviewed with the keyboard, each decision written to review.csv at once', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(running.url);
      await page.waitForSelector('body[data-ready="1"]');
      const items = session.list();
      const first = items[0];
      if (!first) throw new Error('nothing to review');

      // The paragraph in its section, its evidence marked.
      expect(await page.textContent('#where')).toContain(first.section[first.section.length - 1] ?? '');
      expect(await page.textContent('#text')).toBe(first.text);
      expect(await page.locator('#text mark').count()).toBeGreaterThan(0);

      const rows = () => {
        const r = parseDecisions(csv, readFileSync(csv, 'utf8'));
        if (!r.ok) throw new Error('review.csv unreadable');
        return r.value;
      };
      // A decision is on disk before the page says so; wait for the file to hold what is expected.
      const saved = (done: () => boolean) => expect.poll(done, { timeout: 30_000, interval: 100 }).toBe(true);
      const count = (n: number) => () => {
        try {
          return rows().length >= n;
        } catch {
          return false;
        }
      };

      await page.keyboard.press('a');
      await saved(count(1));
      expect(rows().map((d) => [d.paragraph, d.code, d.decision, d.reviewer])).toEqual([
        [first.paragraph, first.code, 'accept', 'Maija'],
      ]);
      expect(rows()[0]?.text).toBe(first.text.replace(/\s+/g, ' ').trim());

      // The page moves on in the order it opened with (the list is re-sorted only on reload).
      const second = items.slice(1).find((i) => i.status === 'proposed');
      // Two keys at once: the second waits for the first decision and the move to the next item (it
      // once applied to the item just decided, overwriting its decision).
      await page.keyboard.press('r');
      await page.keyboard.press('p');
      await saved(count(3));
      expect(rows()[1]).toMatchObject({
        paragraph: second?.paragraph,
        code: second?.code,
        decision: 'reject',
      });
      expect(rows()[2]).toMatchObject({ decision: 'accept', quote: 'pin' });
      expect([rows()[2]?.paragraph, rows()[2]?.code]).not.toEqual([second?.paragraph, second?.code]);

      // Recode: reject this code, add the first other code of the codebook.
      const recoded = session.list().find((i) => i.status === 'proposed');
      const target = compiled.book.themes.map((t) => t.code).filter((c) => c !== recoded?.code)[0];
      const index = compiled.book.themes.findIndex((t) => t.code === target) + 1;
      await page.keyboard.press('c');
      await page.keyboard.press(String(index));
      await saved(count(5));
      expect(
        rows()
          .slice(3)
          .map((d) => [d.paragraph, d.code, d.decision]),
      ).toEqual([
        [recoded?.paragraph, recoded?.code, 'reject'],
        [recoded?.paragraph, target, 'add'],
      ]);

      // A memo on the item shown now.
      await page.keyboard.press('k');
      const shown = await page.getAttribute('#item', 'data-key');
      await page.keyboard.press('m');
      await page.keyboard.type('Hyvä esimerkki; "lainattava"');
      await page.keyboard.press('Control+Enter');
      const memoOf = () => rows().find((d) => `${d.report}#${d.paragraph}#${d.code}` === shown)?.memo;
      await saved(() => memoOf() === 'Hyvä esimerkki; "lainattava"');
      await page.waitForFunction(() =>
        document.getElementById('flash')?.textContent?.startsWith('Tallennettu'),
      );

      // The progress counts the decisions; nothing but 127.0.0.1 was asked for; no temporary file left.
      expect(await page.textContent('#progress')).toMatch(/^\d+ \/ \d+/);
      expect(requests.every((u) => u.startsWith(new URL(running.url).origin))).toBe(true);
      expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(readFileSync(csv, 'utf8').startsWith('\uFEFFreport;paragraph;')).toBe(true);
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(work, 'review-page.png') });
    } finally {
      await browser.close();
    }
  }, 120_000);
});
