// `/export/<slug>.pdf`, `<slug>-handout.pdf`, `<slug>.zip`: the current text's PDF, handout or PNG
// cards (a zip), made as `threadeck build` makes them (session.export, ../export.ts); a text with
// errors gets them as JSON (422).
import { zipSync } from 'fflate';
import type { ExportKind } from '../export.ts';
import { reply, replyJson } from './reply.ts';
import type { Route } from './route.ts';

export const downloadsRoute: Route = async (_req, res, pathname, { session }) => {
  const m = /^\/export\/[^/]+?(-handout)?\.(pdf|zip)$/.exec(pathname);
  if (!m) return false;
  const kind: ExportKind = m[2] === 'zip' ? 'png' : m[1] ? 'handout' : 'pdf';
  const out = await session.export(kind);
  if (!out.ok) replyJson(res, { ok: false, errors: out.errors }, 422);
  else if (kind !== 'png') {
    const f = out.files[0]!;
    res.setHeader('Content-Disposition', `attachment; filename="${f.name}"`);
    reply(res, 200, 'application/pdf', f.bytes, 'no-store');
  } else {
    const zip = zipSync(Object.fromEntries(out.files.map((f) => [f.name, [f.bytes, { level: 0 }] as const])), { mtime: new Date('2000-01-01T00:00:00Z') });
    res.setHeader('Content-Disposition', `attachment; filename="${session.slug}-png.zip"`);
    reply(res, 200, 'application/zip', zip, 'no-store');
  }
  return true;
};
