// The page's API: `GET /api/state` (the file, its text, the pickers' choices and options, the last
// result and the render in progress) and the writes, as JSON POSTs: `/api/text` (the editor's
// text, rendered), `/api/save` (written to the file), `/api/choices` (template/size pickers).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SIZE_PRESETS } from '../../model/sizes.ts';
import { TEMPLATE_NAMES } from '../../template/names.ts';
import type { PreviewChoices, PreviewSession } from '../session.ts';
import { TEXT, readJson, reply, replyJson } from './reply.ts';
import type { Route } from './route.ts';

export const apiRoute: Route = async (req, res, pathname, { session }) => {
  if (req.method === 'POST') {
    await post(req, res, pathname, session);
    return true;
  }
  if (pathname !== '/api/state') return false;
  await session.ready; // the file's text is read
  replyJson(res, state(session));
  return true;
};

function state(session: PreviewSession) {
  return {
    file: session.displayName,
    slug: session.slug,
    text: session.text,
    diskText: session.diskText ?? null,
    choices: session.choices,
    templates: [...TEMPLATE_NAMES],
    sizes: Object.entries(SIZE_PRESETS).map(([name, s]) => ({ name, width: s.width, height: s.height })),
    result: session.result ?? null,
    progress: session.progress ?? null,
  };
}

async function post(req: IncomingMessage, res: ServerResponse, pathname: string, session: PreviewSession): Promise<void> {
  const body = (await readJson(req)) as Record<string, unknown> | null | undefined;
  if (typeof body !== 'object' || body === null) return reply(res, 400, TEXT, 'bad JSON body');
  if (pathname === '/api/text') {
    if (typeof body.text !== 'string') return reply(res, 400, TEXT, 'expected { text }');
    session.setText(body.text);
    return replyJson(res, { ok: true }, 202);
  }
  if (pathname === '/api/save') {
    if (typeof body.text !== 'string') return reply(res, 400, TEXT, 'expected { text }');
    try {
      await session.save(body.text);
    } catch (err) {
      return replyJson(res, { ok: false, message: `cannot save: ${err instanceof Error ? err.message : String(err)}` }, 500);
    }
    return replyJson(res, { ok: true });
  }
  if (pathname === '/api/choices') {
    const choices: Partial<PreviewChoices> = {};
    if (typeof body.template === 'string') choices.template = body.template;
    if (typeof body.size === 'string') choices.size = body.size;
    const problem = session.setChoices(choices);
    if (problem) return replyJson(res, { ok: false, message: problem }, 400);
    return replyJson(res, { ok: true, choices: session.choices });
  }
  return reply(res, 404, TEXT, 'not found');
}
