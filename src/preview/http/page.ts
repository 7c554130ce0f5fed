// The page and its own files: the HTML (with the cards known so far in it, so their images load
// with the page; under the CSP), the bundled script and style.
import { pageWithCards } from '../page-html.ts';
import { CSP } from './csp.ts';
import { reply } from './reply.ts';
import type { Route } from './route.ts';

export const pageRoute: Route = async (_req, res, pathname, { session, assets }) => {
  if (pathname === '/' || pathname === '/index.html') {
    const [{ html }] = await Promise.all([assets, session.ready]);
    res.setHeader('Content-Security-Policy', CSP);
    // With the cards it has (remembered from the last run, at a start), so their images load with the page.
    reply(res, 200, 'text/html; charset=utf-8', pageWithCards(html, session.progress?.cards ?? session.result?.cards ?? []), 'no-store');
  } else if (pathname === '/app.js') reply(res, 200, 'text/javascript; charset=utf-8', (await assets).js, 'no-cache');
  else if (pathname === '/app.css') reply(res, 200, 'text/css; charset=utf-8', (await assets).css, 'no-cache');
  else if (pathname === '/favicon.ico') reply(res, 204, 'image/x-icon', '');
  else return false;
  return true;
};
