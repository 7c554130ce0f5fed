// The OpenAPI 3.1 description of the render service, served at /openapi.json.
import { PACKAGE } from '../package-root.ts';
import { RAW_TYPES, RESPONSE_FORMATS, THREAD_TYPES } from './render-request.ts';

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const query = (name: string, description: string, schema: object) => ({ name, in: 'query', required: false, description, schema });

export function openApiDocument(): object {
  const text = { schema: { type: 'string' } };
  return {
    openapi: '3.1.0',
    info: { title: 'threadeck render service', version: PACKAGE.version, description: 'Threads (YAML/JSON, or a raw clipping) → carousel PDF, PNG cards or a zip.' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Only when the server was started with --token-file' } },
      schemas: {
        Diagnostic: {
          type: 'object',
          required: ['severity', 'rule', 'message'],
          properties: { severity: { enum: ['error', 'warning'] }, rule: { type: 'string' }, message: { type: 'string' }, file: { type: 'string' }, line: { type: 'integer' }, column: { type: 'integer' }, path: { type: 'string' } },
        },
        Error: {
          type: 'object',
          required: ['error', 'status', 'diagnostics', 'messages'],
          properties: { error: { type: 'string' }, status: { type: 'integer' }, diagnostics: { type: 'array', items: { $ref: '#/components/schemas/Diagnostic' } }, messages: { type: 'array', items: { type: 'string' } } },
        },
        Report: {
          type: 'object',
          properties: { key: { type: 'string' }, slug: { type: 'string' }, title: { type: 'string' }, cards: { type: 'integer' }, width: { type: 'integer' }, height: { type: 'integer' }, pdfBytes: { type: 'integer' }, warnings: { type: 'array', items: { $ref: '#/components/schemas/Diagnostic' } } },
        },
      },
    },
    security: [{}, { bearer: [] }],
    paths: {
      '/v1/render': {
        post: {
          summary: 'Render a thread',
          parameters: [
            query('format', 'What to answer with (default pdf)', { enum: [...RESPONSE_FORMATS] }),
            query('card', 'The card for format=png, from 1 (default 1)', { type: 'integer', minimum: 1 }),
            query('name', 'The thread file name shown in diagnostics; names the slug (default thread.yaml)', { type: 'string', pattern: '^[\\w][\\w .-]*$' }),
            query('template', 'A built-in template', { type: 'string' }),
            query('size', 'linkedin, square, story, … or WxH', { type: 'string' }),
            query('pdf', 'vector or raster pages', { enum: ['vector', 'raster'] }),
            query('paper', 'Handout paper', { enum: ['a4', 'letter'] }),
            query('per-page', 'Handout cards per page', { type: 'integer' }),
            ...['background', 'surface', 'text', 'muted', 'accent', 'onAccent'].map((c) => query(c, `Theme colour (as in a --theme file): ${c}`, { type: 'string', pattern: '^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$' })),
            query('footer', 'Footer text (as in a --theme file)', { type: 'string', maxLength: 200 }),
            { name: 'If-None-Match', in: 'header', required: false, description: 'A previous ETag: 304 without rendering when unchanged', schema: { type: 'string' } },
          ],
          requestBody: { required: true, content: Object.fromEntries([...THREAD_TYPES, ...RAW_TYPES].map((t) => [t, text])) },
          responses: {
            200: {
              description: 'The rendered output; ETag is the cache key; X-Threadeck-Cards and X-Threadeck-Warnings tell the card and warning counts',
              headers: { ETag: { schema: { type: 'string' } } },
              content: {
                'application/pdf': { schema: { type: 'string', format: 'binary' } },
                'image/png': { schema: { type: 'string', format: 'binary' } },
                'application/zip': { schema: { type: 'string', format: 'binary' } },
                'text/markdown': { schema: { type: 'string' } },
                'application/json': { schema: { $ref: '#/components/schemas/Report' } },
              },
            },
            304: { description: 'Unchanged since the ETag in If-None-Match' },
            400: error('Not YAML/JSON, binary, or a bad query field'),
            401: error('Missing or wrong bearer token'),
            413: error('Body larger than --max-body'),
            415: error('Unsupported Content-Type'),
            422: error('Valid YAML/JSON but not a valid thread (or a card number past the last card)'),
            429: { ...error('Queue full; retry after Retry-After seconds'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
            500: error('The renderer crashed; the request was not rendered'),
            503: error('Shutting down'),
            504: error('Past the request deadline (--timeout)'),
          },
        },
      },
      '/healthz': { get: { summary: 'Liveness', security: [{}], responses: { 200: { description: 'Up' } } } },
      '/readyz': { get: { summary: 'Readiness: 503 while shutting down', security: [{}], responses: { 200: { description: 'Ready' }, 503: error('Shutting down') } } },
      '/metrics': { get: { summary: 'Prometheus metrics', responses: { 200: { description: 'text/plain; version=0.0.4' } } } },
      '/openapi.json': { get: { summary: 'This document', security: [{}], responses: { 200: { description: 'OpenAPI 3.1' } } } },
    },
  };
}
