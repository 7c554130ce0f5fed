// The render service's HTTP app (Fastify): routes, body parsing and limits, auth, errors as JSON.
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { ServeOptions } from './options.ts';
import { MAX_CARDS } from './options.ts';
import { HttpError, errorBody } from './http-error.ts';
import { Gate, QueueFullError } from './limits.ts';
import { ChildCrashError, ChildDeadlineError, type ChildPool } from './child-pool.ts';
import { RAW_TYPES, THREAD_TYPES, prepareRequest, type RequestContext } from './render-request.ts';
import { answerOf } from './respond.ts';
import { readMultipart } from './multipart.ts';
import { bearerCheck } from './auth.ts';
import { openApiDocument } from './openapi.ts';
import { serveMetrics } from './metrics.ts';

export interface AppState {
  /** Set on SIGTERM: new requests get 503, /readyz too. */
  draining: boolean;
  /** Render requests admitted and not yet answered. */
  inflight: number;
}

const OPEN_ROUTES = new Set(['/healthz', '/readyz', '/openapi.json']);

export function serveApp(opts: ServeOptions, pool: ChildPool, ctx: RequestContext, state: AppState): FastifyInstance {
  const app = Fastify({
    logger: opts.log ? { level: 'info' } : false,
    bodyLimit: opts.maxBody,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    // A request (a slow upload included) may not hold its connection much past its deadline.
    requestTimeout: opts.timeoutMs + 10_000,
    // Deep JSON or prototype keys are never parsed by Fastify: bodies stay strings until loadThread.
    return503OnClosing: true,
  });
  const gate = new Gate(opts.jobs, opts.queue);
  const metrics = serveMetrics({ queueDepth: () => gate.depth, running: () => gate.running, restarts: () => pool.restarts });
  const authorized = opts.token ? bearerCheck(opts.token) : undefined;

  app.removeAllContentTypeParsers();
  app.addContentTypeParser([...THREAD_TYPES, ...RAW_TYPES], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  // multipart/form-data: a "thread" part and image parts (multipart.ts reads them, with the limits).
  void app.register(multipart);

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    const route = req.url.split('?')[0]!;
    if (state.draining && route !== '/healthz') throw new HttpError(503, 'the server is shutting down', [], { connection: 'close' });
    if (authorized && !OPEN_ROUTES.has(route) && !authorized(req.headers.authorization)) {
      throw new HttpError(401, 'a valid bearer token is required (Authorization: Bearer <token>)', [], { 'www-authenticate': 'Bearer' });
    }
  });
  app.addHook('onResponse', async (req, reply) => {
    metrics.requests.inc({ route: req.routeOptions.url ?? 'unknown', status: String(reply.statusCode) });
  });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (err instanceof HttpError) {
      void reply.headers(err.headers).code(err.status).type('application/json; charset=utf-8').send(errorBody(err.status, err.message, err.diagnostics));
      return;
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    const message =
      err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? `the body is larger than ${opts.maxBody} bytes (--max-body)`
      : err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? `unsupported Content-Type; send ${THREAD_TYPES.join(', ')} (a thread) or ${RAW_TYPES.join(', ')} (a clipping to import)`
      : status === 500 ? 'internal error' : err.message;
    if (status === 500) req.log.error({ err }, 'request failed');
    void reply.code(status).type('application/json; charset=utf-8').send(errorBody(status, message));
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).type('application/json; charset=utf-8').send(errorBody(404, `no route ${req.method} ${req.url.split('?')[0]}`));
  });

  app.get('/healthz', async () => ({ ok: true }));
  app.get('/readyz', async (_req, reply) => (state.draining ? reply.code(503).send(errorBody(503, 'shutting down')) : { ok: true, running: gate.running, queued: gate.depth }));
  app.get('/openapi.json', async () => openApiDocument());
  app.get('/metrics', async (_req, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));

  app.post('/v1/render', async (req: FastifyRequest, reply: FastifyReply) => {
    const t0 = performance.now();
    const query = req.query as Record<string, unknown>;
    let job;
    if (req.isMultipart()) {
      const form = await readMultipart(req, opts.maxBody);
      job = await prepareRequest(form.text, form.mediaType, { name: form.name, ...query }, ctx, { files: form.files });
    } else {
      const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (typeof req.body !== 'string') throw new HttpError(400, 'a request body is required');
      job = await prepareRequest(req.body, mediaType, query, ctx);
    }
    const etag = `"${job.key}"`;
    reply.header('etag', etag);
    const match = req.headers['if-none-match'];
    if (match && match.split(',').some((m) => m.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();

    const deadline = AbortSignal.timeout(opts.timeoutMs);
    let release: () => void;
    state.inflight++;
    try {
      release = await gate.enter(deadline);
    } catch (err) {
      state.inflight--;
      if (err instanceof QueueFullError) throw new HttpError(429, 'too many requests: the render queue is full; retry later', [], { 'retry-after': '1' });
      throw new HttpError(504, `the request waited longer than ${Math.round(opts.timeoutMs / 1000)} s (--timeout) for a renderer`);
    }
    const started = performance.now();
    let result;
    try {
      // One PNG: the whole deck laid out, only that card drawn (a slice no other card falls in).
      const slice = job.format === 'png' ? { slice: { index: job.card - 1, count: 1_000_000 } } : {};
      const task = { thread: job.thread, outDir: ctx.emptyDir, formats: job.formats, layout: job.layout, ...slice };
      result = await pool.run(task, Math.max(1, opts.timeoutMs - (performance.now() - t0)));
    } catch (err) {
      if (err instanceof ChildDeadlineError) throw new HttpError(504, err.message, [{ severity: 'error', rule: 'timeout', file: job.name, message: err.message }]);
      if (err instanceof ChildCrashError) throw new HttpError(500, err.message, [{ severity: 'error', rule: 'internal', file: job.name, message: err.message }]);
      throw err;
    } finally {
      release();
      state.inflight--;
    }
    metrics.renderSeconds.observe({ format: job.format }, (performance.now() - started) / 1000);
    if (result.errors.length) {
      const internal = result.errors.some((d) => d.rule === 'internal');
      throw new HttpError(internal ? 500 : 422, internal ? 'the render failed' : 'the thread cannot be rendered', result.errors);
    }
    if (result.cards > MAX_CARDS) throw new HttpError(422, `the thread makes ${result.cards} cards; a request may make at most ${MAX_CARDS}`);
    const warnings = [...job.warnings, ...result.warnings];
    const answer = answerOf(job, result);
    reply.header('x-threadeck-cards', String(result.cards)).header('x-threadeck-warnings', String(warnings.length));
    return reply.type(answer.type).send(answer.body);
  });
  return app;
}
