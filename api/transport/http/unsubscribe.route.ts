/**
 * GET /unsubscribe?u&k&s -> 200 a page naming the kind of mail and a button that POSTs to the
 * same address; POST /unsubscribe?u&k&s -> 200, that kind turned off for that person (RFC 8058
 * one-click: mail clients POST "List-Unsubscribe=One-Click" to the List-Unsubscribe address; the
 * body is not needed, the signed address says everything). A link this server did not sign, or a
 * person who no longer exists: 400 and nothing changes. No sign-in: the signature is the
 * authority, and it grants only turning that one kind off (api/jobs/notifications/unsubscribe.ts).
 * A GET changes nothing, so link scanners that open mail links unsubscribe nobody.
 */
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import type { Database } from '../../db/client.ts';
import { KIND_LABELS } from '../../jobs/notifications/kinds.ts';
import { turnOff, unsubscribeKey, verifyUnsubscribe } from '../../jobs/notifications/unsubscribe.ts';

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function page(res: Response, status: number, title: string, body: string): void {
  res
    .status(status)
    .set({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
        `<title>${escape(title)}</title></head><body style="font-family:sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem">` +
        `<h1 style="font-size:1.4rem">${escape(title)}</h1>${body}</body></html>`,
    );
}

const invalid = (res: Response) =>
  page(
    res,
    400,
    'Link not valid',
    '<p>This unsubscribe link is not valid. Change your notifications in Pulse, under Account.</p>',
  );

export function unsubscribeRouter(deps: { db: Database; secret: string; logger: Logger }): Router {
  const key = unsubscribeKey(deps.secret);
  const router = express.Router();
  router.get('/', (req: Request, res: Response) => {
    const request = verifyUnsubscribe(key, req.query);
    if (!request) return invalid(res);
    const label = KIND_LABELS[request.kind];
    const action = escape(req.originalUrl);
    page(
      res,
      200,
      'Unsubscribe',
      `<p>Stop e-mails about ${escape(label)}?</p><form method="post" action="${action}">` +
        `<button type="submit" name="List-Unsubscribe" value="One-Click">Unsubscribe</button></form>`,
    );
  });
  router.post('/', (req: Request, res: Response) => {
    const request = verifyUnsubscribe(key, req.query);
    if (!request) return invalid(res);
    turnOff(deps.db, request).then(
      (done) =>
        done
          ? page(
              res,
              200,
              'Unsubscribed',
              `<p>You will get no more e-mails about ${escape(KIND_LABELS[request.kind])}. Turn them back on in Pulse, under Account › Notifications.</p>`,
            )
          : invalid(res),
      (error: unknown) => {
        deps.logger.error({ err: error }, 'unsubscribe failed');
        page(res, 503, 'Try again', '<p>That did not work this time; please try again in a moment.</p>');
      },
    );
  });
  return router;
}
