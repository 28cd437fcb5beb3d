// The review page's server: 127.0.0.1 only, one random token per session (in the URL the command prints),
// no external assets. A request must carry the token, name this host and port (no DNS rebinding) and,
// for a decision, come from the page itself (Origin); a decision is written to the decisions file before
// the answer goes back. Content-Security-Policy allows nothing from elsewhere.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderReviewPage } from '../render/review-page.js';
import type { UiLang } from '../render/ui-strings.js';
import { DECISION_KINDS, QUOTE_MARKS } from '../review/decisions.js';
import { ReviewInputError, type ReviewSession } from './review-session.js';

export interface RunningReview {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, {
    'Content-Type': `${type}; charset=utf-8`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // Not no-referrer: under it a browser sends "Origin: null" with the page's own POSTs.
    'Referrer-Policy': 'same-origin',
    ...extra,
  });
  res.end(body);
}

async function body(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ReviewInputError('request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startReviewServer(
  session: ReviewSession,
  options: { port?: number; lang: UiLang; title: string },
): Promise<RunningReview> {
  const token = randomBytes(16).toString('hex');
  let origin = '';
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', origin);
      if (req.headers.host !== new URL(origin).host) return send(res, 421, 'text/plain', 'wrong host');
      const given = url.searchParams.get('token') ?? req.headers['x-review-token'];
      if (given !== token) return send(res, 403, 'text/plain', 'open the address the review command printed');
      if (req.method === 'GET' && url.pathname === '/') {
        const nonce = randomBytes(12).toString('base64');
        return send(
          res,
          200,
          'text/html',
          renderReviewPage({ nonce, token, lang: options.lang, title: options.title }),
          {
            'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
          },
        );
      }
      if (req.method === 'GET' && url.pathname === '/api/items')
        return send(
          res,
          200,
          'application/json',
          JSON.stringify({ codes: session.codes(), items: session.list() }),
        );
      if (req.method === 'POST' && url.pathname === '/api/decision') {
        if (req.headers.origin !== origin)
          return send(res, 403, 'text/plain', 'decisions come from the review page');
        const input = JSON.parse(await body(req)) as Record<string, unknown>;
        const str = (k: string) => (typeof input[k] === 'string' ? (input[k] as string) : '');
        const decision = str('decision');
        const quote = str('quote');
        if (
          !(DECISION_KINDS as readonly string[]).includes(decision) ||
          !(QUOTE_MARKS as readonly string[]).includes(quote)
        )
          throw new ReviewInputError('decision must be accept, reject or add; quote pin, exclude or empty');
        const items = await session.decide({
          report: str('report'),
          paragraph: str('paragraph'),
          code: str('code'),
          decision: decision as 'accept',
          quote: quote as 'pin',
          memo: str('memo').slice(0, 4000),
        });
        return send(res, 200, 'application/json', JSON.stringify({ items }));
      }
      return send(res, 404, 'text/plain', 'not found');
    } catch (e) {
      const status = e instanceof ReviewInputError || e instanceof SyntaxError ? 400 : 500;
      return send(res, status, 'text/plain', (e as Error).message);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
