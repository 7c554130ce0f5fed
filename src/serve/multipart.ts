// multipart/form-data requests (@fastify/multipart): a `thread` part (the thread file or a clipping)
// and image parts the thread names by file name. The images are written into a fresh folder for the
// request alone, which the thread's paths resolve in (and which is removed after loading); a part's
// name is a plain file name (no folders, no "..") and the whole body counts against --max-body.
import type { FastifyRequest } from 'fastify';
import { HttpError } from './http-error.ts';
import { RAW_TYPES, THREAD_TYPES, checkName } from './render-request.ts';

export interface UploadedFile {
  name: string;
  bytes: Buffer;
}

export interface MultipartBody {
  text: string;
  mediaType: string;
  /** The thread part's file name, if it had one (the default for `name`). */
  name?: string;
  files: UploadedFile[];
}

/** At most this many image parts a request. */
export const MAX_FILES = 20;

const BY_EXTENSION: Record<string, string> = { yaml: 'application/yaml', yml: 'application/yaml', json: 'application/json', txt: 'text/plain', md: 'text/markdown', markdown: 'text/markdown', html: 'text/html', htm: 'text/html' };

export async function readMultipart(req: FastifyRequest, maxBody: number): Promise<MultipartBody> {
  let total = 0;
  let thread: { text: string; mediaType: string; name?: string } | undefined;
  const files: UploadedFile[] = [];
  const tooLarge = () => new HttpError(413, `the body is larger than ${maxBody} bytes (--max-body)`);
  try {
    for await (const part of req.parts({ preservePath: true, limits: { fileSize: maxBody, files: MAX_FILES + 1, fields: 10, parts: MAX_FILES + 11, fieldSize: maxBody } })) {
      if (part.type === 'field') {
        if (part.fieldname !== 'thread') throw new HttpError(400, `unknown form field "${part.fieldname.slice(0, 50)}"; send the thread as the "thread" part and images as file parts`);
        const text = String(part.value);
        total += Buffer.byteLength(text);
        thread = { text, mediaType: 'application/yaml' };
      } else {
        const bytes = await part.toBuffer();
        if (part.file.truncated) throw tooLarge();
        total += bytes.byteLength;
        if (part.fieldname === 'thread') {
          const ext = (part.filename ?? '').split('.').pop()!.toLowerCase();
          const type = [...THREAD_TYPES, ...RAW_TYPES].includes(part.mimetype) ? part.mimetype : (BY_EXTENSION[ext] ?? 'application/yaml');
          thread = { text: bytes.toString('utf8'), mediaType: type, ...(part.filename && { name: part.filename }) };
        } else {
          if (files.length >= MAX_FILES) throw new HttpError(400, `at most ${MAX_FILES} image parts a request`);
          const name = checkName(part.filename || part.fieldname);
          if (files.some((f) => f.name === name)) throw new HttpError(400, `two parts are named "${name}"`);
          files.push({ name, bytes });
        }
      }
      if (total > maxBody) throw tooLarge();
    }
  } catch (err) {
    if (err instanceof HttpError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (/LIMIT|TOO_LARGE|FILE_TOO/.test(code) || /limit/i.test((err as Error).message)) throw tooLarge();
    throw new HttpError(400, `the multipart body cannot be read: ${(err as Error).message}`);
  }
  if (!thread) throw new HttpError(400, 'a multipart request needs a "thread" part (the thread file or a clipping)');
  return { ...thread, files };
}
