// `/card/<key>.png`: a card's PNG by its key, from the session's cache; a card the render in
// progress is still drawing is answered when it is drawn. Keys name contents, so it is cached forever.
import { TEXT, reply } from './reply.ts';
import type { Route } from './route.ts';

export const cardRoute: Route = async (_req, res, pathname, { session }) => {
  const m = /^\/card\/([0-9a-f]{32})\.png$/.exec(pathname);
  if (!m) return false;
  const png = await session.cardPng(m[1]!);
  if (!png) reply(res, 404, TEXT, 'no such card (it was re-rendered)');
  else reply(res, 200, 'image/png', png, 'public, max-age=31536000, immutable');
  return true;
};
