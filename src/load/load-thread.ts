// Loader: thread file (YAML or JSON) → validated Thread with positions and checked image bytes.
// Every problem in a file is collected and thrown at once as one ThreadeckError.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ThreadeckError, type Diagnostic } from '../diagnostics.ts';
import type { ImageAsset, Post, SourcePosition, Thread } from '../model/index.ts';
import { ImageError, loadImage } from '../assets/images.ts';
import { withRemoteImages, type RemoteImageOptions } from '../assets/remote-image.ts';
import { ThreadSchema, type ThreadInput } from './schema.ts';
import { issuesToDiagnostics } from './schema-issues.ts';
import { parseYamlDocument, type ParsedDocument } from './yaml-document.ts';
import { slugify } from './slug.ts';
import { postLimitProblem } from './post-limits.ts';
import { threadOptions } from './thread-options.ts';

export interface ParseOptions {
  /** Shown in diagnostics; also names the output folder unless `slug` is given. */
  file?: string;
  /** Folder that image paths are relative to (default: the file's folder, else the cwd). */
  baseDir?: string;
  slug?: string;
  /** http(s) images (avatar, post images, theme logo): off unless `{ enabled: true }` (see remote-image.ts). */
  remoteImages?: RemoteImageOptions;
}

/** Reads and validates a thread file. Throws ThreadeckError with every problem found. */
export async function loadThread(file: string, opts: Omit<ParseOptions, 'file'> = {}): Promise<Thread> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a thread file' : `cannot read (${code ?? String(err)})`;
    throw new ThreadeckError('IO', [{ severity: 'error', rule: 'io', file, message: why }]);
  }
  return parseThread(text, { baseDir: path.dirname(file), ...opts, file });
}

/** Parses thread text (YAML or JSON) into a Thread. */
export async function parseThread(text: string, opts: ParseOptions = {}): Promise<Thread> {
  const file = opts.file ?? '<memory>';
  const doc = parseYamlDocument(text.replace(/^\uFEFF/, ''), file);
  if (doc.diagnostics.length) throw new ThreadeckError('INVALID_THREAD', doc.diagnostics);

  if (doc.value === null || doc.value === undefined) {
    throw new ThreadeckError('INVALID_THREAD', [
      { severity: 'error', rule: 'schema', file, line: 1, column: 1, message: 'the file is empty; expected a thread with title, author and posts' },
    ]);
  }
  return validate(doc, file, opts);
}

/**
 * Validates thread data that did not come from a thread file (the importer's output) exactly as a
 * file's. `locate` says where a path's value came from in the user's input (default: line 1).
 */
export async function threadFromInput(
  value: unknown,
  opts: ParseOptions & { locate?: (path: readonly PropertyKey[]) => SourcePosition } = {},
): Promise<Thread> {
  const locate = opts.locate ?? (() => ({ line: 1, column: 1 }));
  return validate({ value, diagnostics: [], locate: (p) => locate(p) }, opts.file ?? '<memory>', opts);
}

async function validate(doc: ParsedDocument, file: string, opts: ParseOptions): Promise<Thread> {
  const result = ThreadSchema.safeParse(doc.value, { reportInput: true });
  if (!result.success) throw new ThreadeckError('INVALID_THREAD', issuesToDiagnostics(result.error.issues, doc, file));

  const diagnostics: Diagnostic[] = [];
  const load = () => toThread(result.data, doc, file, opts, diagnostics);
  const thread = await (opts.remoteImages ? withRemoteImages(opts.remoteImages, load) : load());
  if (diagnostics.length) throw new ThreadeckError('INVALID_THREAD', diagnostics);
  return thread;
}

async function toThread(
  input: ThreadInput,
  doc: ParsedDocument,
  file: string,
  opts: ParseOptions,
  diagnostics: Diagnostic[],
): Promise<Thread> {
  const baseDir = opts.baseDir ?? process.cwd();
  const image = async (ref: string, at: PropertyKey[], what: string): Promise<ImageAsset | undefined> => {
    try {
      return await loadImage(ref, baseDir);
    } catch (err) {
      if (!(err instanceof ImageError)) throw err;
      diagnostics.push({ severity: 'error', rule: 'image', file, ...doc.locate(at), path: at.join('.').replace(/\.(\d+)/g, '[$1]'), message: `${what}: ${err.message}` });
      return undefined;
    }
  };

  const handle = input.author.handle ? at(input.author.handle) : undefined;
  const avatar = input.author.avatar ? await image(input.author.avatar, ['author', 'avatar'], 'avatar') : undefined;

  const posts: Post[] = [];
  for (const [i, raw] of input.posts.entries()) {
    const obj = typeof raw === 'string' ? { text: raw } : raw;
    const post: Post = { number: i + 1, text: cleanText(obj.text), position: doc.locate(['posts', i]) };
    if (obj.image) {
      const img = await image(obj.image, ['posts', i, 'image'], `post ${i + 1} image`);
      if (img) post.image = img;
    }
    if (obj.alt !== undefined) post.alt = obj.alt;
    if ('quote' in obj && obj.quote) {
      const q = obj.quote;
      post.quote = { author: { name: q.author.name.trim(), ...(q.author.handle && { handle: at(q.author.handle) }) }, text: cleanText(q.text) };
    }
    const tooComplex = postLimitProblem(post.text) ?? (post.quote && postLimitProblem(post.quote.text, 'the quoted post'));
    if (tooComplex) diagnostics.push({ severity: 'error', rule: 'limit', file, ...post.position, path: `posts[${i}]`, message: tooComplex });
    posts.push(post);
  }

  const thread: Thread = {
    file,
    slug: opts.slug ?? slugify(file === '<memory>' ? input.title : path.basename(file).replace(/\.[^.]+$/, '')),
    title: input.title.trim(),
    author: { name: input.author.name.trim(), ...(handle && { handle }), ...(avatar && { avatar }) },
    posts,
    options: await threadOptions(input, handle, baseDir, doc, file, diagnostics),
  };
  if (input.date) thread.date = input.date;
  if (input.source) thread.source = input.source;
  return thread;
}

const at = (handle: string) => (handle.startsWith('@') ? handle : `@${handle}`);

/** Normalises line endings and trims trailing blank space; keeps paragraphs and line breaks. */
function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
