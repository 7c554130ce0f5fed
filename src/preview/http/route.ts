// What the preview server's routes share: each route answers the requests it knows (returning
// true) and leaves the others to the next one; the server runs the guards first (guards.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClientAssets } from '../client-bundle.ts';
import type { PreviewSession } from '../session.ts';

export interface RouteContext {
  session: PreviewSession;
  /** The page's script, style and HTML (client-bundle.ts). */
  assets: Promise<ClientAssets>;
}

export type Route = (req: IncomingMessage, res: ServerResponse, pathname: string, ctx: RouteContext) => boolean | Promise<boolean>;
