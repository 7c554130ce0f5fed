// A POST /v1/render request → a loaded thread, its render options and its cache key (the ETag), in
// the server process: parsing and checking are cheap, so a repeat request (If-None-Match) or a bad
// one is answered without a child. Requests never reach the file system: image and font paths
// resolve inside an empty folder (so they are "not found"), template files are refused.
import path from 'node:path';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { ThreadeckError, type Diagnostic } from '../diagnostics.ts';
import { THEME_COLOURS, type OutputKind, type Thread, type ThemeOverrides } from '../model/index.ts';
import { parseThread } from '../load/load-thread.ts';
import { importThread } from '../import/import-thread.ts';
import { threadFromImport } from '../import/load-input.ts';
import { withRemoteImages } from '../assets/remote-image.ts';
import { parseSize } from '../model/sizes.ts';
import { TEMPLATE_NAMES, isTemplatePath } from '../template/names.ts';
import { presentation } from '../load/presentation.ts';
import { PAPERS, PER_PAGE, type Paper, type PerPage } from '../export/handout/paper.ts';
import type { RenderOptions } from '../pipeline.ts';
import { hashValue } from '../hash.ts';
import { slugify } from '../load/slug.ts';
import { HttpError, loadError } from './http-error.ts';
import { MAX_CARDS } from './options.ts';

export const RESPONSE_FORMATS = ['pdf', 'png', 'zip', 'json', 'handout', 'md'] as const;
export type ResponseFormat = (typeof RESPONSE_FORMATS)[number];

/** Body types: a thread file's, or a raw clipping the importer turns into one. */
export const THREAD_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml', 'application/json'];
export const RAW_TYPES = ['text/plain', 'text/markdown', 'text/html'];

export interface RenderJob {
  thread: Thread;
  warnings: Diagnostic[];
  format: ResponseFormat;
  /** The pipeline's formats this answer needs. */
  formats: OutputKind[];
  /** 1-based card for format=png. */
  card: number;
  layout: Omit<RenderOptions, 'formats'>;
  key: string;
  name: string;
}

export interface RequestContext {
  /** An empty folder: where a request's relative paths resolve (to nothing). */
  emptyDir: string;
  allowRemoteImages: boolean;
  fingerprint: string;
}

const FORMATS_OF: Record<ResponseFormat, OutputKind[]> = {
  pdf: ['pdf'],
  png: ['png'],
  zip: ['png', 'pdf'],
  json: ['pdf'],
  handout: ['handout'],
  md: ['md'],
};

const one = (v: unknown): string | undefined => (Array.isArray(v) ? one(v[0]) : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const bad = (message: string) => new HttpError(400, message, [{ severity: 'error', rule: 'usage', message }]);

/** The thread's name in diagnostics and its slug: a plain file name, never a path. */
export function checkName(value: string | undefined): string {
  if (value === undefined || value === '') return 'thread.yaml';
  if (value.length > 100 || !/^[\w][\w .-]*$/.test(value) || value.includes('..')) {
    throw bad(`name must be a plain file name (letters, digits, "-", "_", "."; no folders); got "${value.slice(0, 100)}"`);
  }
  return value;
}

/** Images sent with the request (multipart parts), by plain file name: the thread's paths resolve among them. */
export interface RequestFiles {
  files: { name: string; bytes: Uint8Array }[];
}

export async function prepareRequest(body: string, mediaType: string, query: Record<string, unknown>, ctx: RequestContext, uploads?: RequestFiles): Promise<RenderJob> {
  if (!uploads?.files.length) return prepareIn(body, mediaType, query, ctx, ctx.emptyDir);
  // A folder for this request alone, holding only its parts, removed once the thread is loaded (images are then in memory).
  const dir = await mkdtemp(path.join(ctx.emptyDir, '..', `${path.basename(ctx.emptyDir)}-req-`));
  try {
    for (const f of uploads.files) await writeFile(path.join(dir, f.name), f.bytes, { flag: 'wx' });
    return await prepareIn(body, mediaType, query, ctx, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function prepareIn(body: string, mediaType: string, query: Record<string, unknown>, ctx: RequestContext, baseDir: string): Promise<RenderJob> {
  const q = (k: string) => one(query[k]);
  const format = (q('format') ?? 'pdf').toLowerCase() as ResponseFormat;
  if (!RESPONSE_FORMATS.includes(format)) throw bad(`format must be one of ${RESPONSE_FORMATS.join(', ')}; got "${q('format')}"`);
  const card = Number(q('card') ?? 1);
  if (!Number.isInteger(card) || card < 1 || card > MAX_CARDS) throw bad(`card must be a card number from 1 to ${MAX_CARDS}; got "${q('card')}"`);
  const name = checkName(q('name'));
  const layout = layoutOptions(q);
  if (body.includes('\u0000')) throw bad('the body is binary, not text; send a thread as YAML or JSON, or a clipping as text');

  const file = name;
  const load = async () => {
    if (RAW_TYPES.includes(mediaType)) {
      const result = await importThread(body, { file, baseDir });
      return { thread: await threadFromImport(result, { file, baseDir, slug: slugOf(name) }), warnings: result.warnings };
    }
    return { thread: await parseThread(body, { file, baseDir, slug: slugOf(name) }), warnings: [] as Diagnostic[] };
  };
  let loaded: { thread: Thread; warnings: Diagnostic[] };
  try {
    loaded = await (ctx.allowRemoteImages ? withRemoteImages({ enabled: true }, load) : load());
  } catch (err) {
    if (err instanceof ThreadeckError) throw loadError(err);
    if (err instanceof RangeError) throw new HttpError(400, 'the body is nested too deeply to read', [{ severity: 'error', rule: 'yaml-syntax', file, message: 'the document is nested too deeply' }]);
    throw err;
  }
  const template = presentation(loaded.thread.options, layout).template;
  if (isTemplatePath(template)) {
    throw new HttpError(422, 'template files are not available over HTTP', [
      { severity: 'error', rule: 'template', file, message: `template "${path.basename(template)}" is a file; the render service draws only the built-in templates: ${TEMPLATE_NAMES.join(', ')}` },
    ]);
  }
  const formats = FORMATS_OF[format];
  const key = hashValue(ctx.fingerprint, [...formats].sort(), layout, loaded.thread, format, format === 'png' ? card : 0);
  return { ...loaded, format, formats, card, layout, key, name };
}

function slugOf(name: string): string {
  return slugify(name.replace(/\.[^.]+$/, '')) || 'thread';
}

/** template, size, pdf, paper, per-page, theme colours and footer: the build's flags, as query fields. */
function layoutOptions(q: (k: string) => string | undefined): Omit<RenderOptions, 'formats'> {
  const out: Omit<RenderOptions, 'formats'> = {};
  const template = q('template');
  if (template !== undefined) {
    if (!TEMPLATE_NAMES.includes(template)) throw bad(`template must be one of ${TEMPLATE_NAMES.join(', ')}; got "${template.slice(0, 100)}"`);
    out.template = template;
  }
  const sizeText = q('size');
  if (sizeText !== undefined) {
    const size = parseSize(sizeText);
    if (typeof size === 'string') throw bad(`size: ${size}`);
    out.size = size;
  }
  const pdf = (q('pdf') ?? 'vector').toLowerCase();
  if (pdf !== 'vector' && pdf !== 'raster') throw bad(`pdf must be vector or raster; got "${pdf}"`);
  out.pdf = pdf;
  const paper = (q('paper') ?? 'a4').toLowerCase();
  if (!(paper in PAPERS)) throw bad(`paper must be ${Object.keys(PAPERS).join(' or ')}; got "${paper}"`);
  const perPage = Number(q('per-page') ?? 3);
  if (!(PER_PAGE as readonly number[]).includes(perPage)) throw bad(`per-page must be one of ${PER_PAGE.join(', ')}`);
  out.handout = { paper: paper as Paper, perPage: perPage as PerPage };
  // Theme colours and footer, as the --theme file's fields: over the thread's and the template's.
  const theme: ThemeOverrides = { colours: {} };
  for (const key of THEME_COLOURS) {
    const v = q(key);
    if (v === undefined) continue;
    if (!/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(v)) throw bad(`${key} must be a hex colour like #1F2937; got "${v.slice(0, 20)}"`);
    theme.colours[key] = v;
  }
  const footer = q('footer');
  if (footer !== undefined) {
    if (footer.length > 200) throw bad('footer must be at most 200 characters');
    theme.footer = footer;
  }
  if (Object.keys(theme.colours).length || theme.footer !== undefined) out.theme = theme;
  return out;
}
