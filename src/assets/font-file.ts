// Loads a user's font file (theme `font:`), checking it is something satori can draw with:
// TTF, OTF or WOFF — not WOFF2 (satori cannot decode it), not a variable font, not random bytes —
// and then drawing a line with it (satori) and opening it the way the PDF export will (fontkit), so a
// truncated or garbled file is refused at load, naming the file, instead of failing mid-render.
import { readFile } from 'node:fs/promises';
import type { FontFace } from './fonts.ts';
import { readCmap } from './cmap.ts';
import { resolveInside } from './paths.ts';

export class FontFileError extends Error {}

const MAX_FONT_BYTES = 30 * 1024 * 1024;

export async function loadFontFile(ref: string, baseDir: string): Promise<Buffer> {
  const file = await resolveInside(ref, baseDir, 'font', FontFileError);
  const data = await readFile(file);
  if (data.length > MAX_FONT_BYTES) throw new FontFileError(`font "${ref}" is larger than ${MAX_FONT_BYTES / 1048576} MB`);
  checkFontBytes(data, ref);
  await checkFontDraws(data, ref);
  return data;
}

const DAMAGED = 'export it again or use the font\'s original TTF, OTF or WOFF file';

/**
 * Draws a line of text with the font in satori and opens it with fontkit (the PDF text layer's font
 * library): both throw on a truncated or garbled file whose table directory and character map look fine.
 */
export async function checkFontDraws(data: Buffer, label: string): Promise<void> {
  const cmap = readCmap(data) ?? new Set<number>();
  // Characters the font says it has: a sample of Latin letters when it has them, else its first few.
  const latin = [...'Hamburgefonstiv 0123'].filter((c) => c === ' ' || cmap.has(c.codePointAt(0)!));
  const sample = latin.length > 4 ? latin.join('') : [...cmap].filter((cp) => cp > 32).slice(0, 16).map((cp) => String.fromCodePoint(cp)).join('');
  // Loaded only when a thread names a font file: loading threads otherwise needs no renderer.
  const [{ default: satori }, { default: fontkit }] = await Promise.all([import('satori'), import('@pdf-lib/fontkit')]);
  try {
    await satori({ type: 'div', props: { style: { display: 'flex', fontFamily: 'probe', fontSize: 32 }, children: sample } } as Parameters<typeof satori>[0], {
      width: 640,
      height: 64,
      fonts: [{ name: 'probe', data, weight: 400, style: 'normal' }],
    });
  } catch (err) {
    throw new FontFileError(`font "${label}" is damaged: drawing text with it failed (${firstLine(err)}); ${DAMAGED}`);
  }
  try {
    const font = fontkit.create(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    font.layout(sample);
  } catch (err) {
    throw new FontFileError(`font "${label}" is damaged: it cannot be embedded in the PDF (${firstLine(err)}); ${DAMAGED}`);
  }
}

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 120);

/** Throws a FontFileError naming the file unless `data` is a static TTF, OTF or WOFF font. */
export function checkFontBytes(data: Buffer, label: string): void {
  if (data.length === 0) throw new FontFileError(`font "${label}" is empty (0 bytes); expected a TTF, OTF or WOFF font file`);
  const tag = data.subarray(0, 4).toString('latin1');
  if (tag === 'wOF2') {
    throw new FontFileError(
      `font "${label}" is WOFF2, which the renderer cannot read; use the .woff, .ttf or .otf version of the font (fontsource packages ship a .woff next to each .woff2)`,
    );
  }
  const sfnt = tag === '\0\x01\0\0' || tag === 'OTTO' || tag === 'true';
  if (!sfnt && tag !== 'wOFF') throw new FontFileError(`"${label}" is not a font file (expected TTF, OTF or WOFF)`);
  if (data.length < (tag === 'wOFF' ? 44 : 12)) throw new FontFileError(`font "${label}" is truncated (${data.length} bytes); ${DAMAGED}`);
  if (hasTable(data, 'fvar')) {
    throw new FontFileError(`font "${label}" is a variable font, which the renderer cannot draw; use the static files of the weights you need`);
  }
  let cmap: Set<number> | undefined;
  try {
    cmap = readCmap(data);
  } catch {
    cmap = undefined;
  }
  if (!cmap || cmap.size === 0) throw new FontFileError(`font "${label}" is damaged or has no character map; ${DAMAGED}`);
}

/** Whether the font's table directory lists `name` (TTF/OTF and WOFF). */
function hasTable(data: Buffer, name: string): boolean {
  const woff = data.subarray(0, 4).toString('latin1') === 'wOFF';
  const count = data.readUInt16BE(woff ? 12 : 4);
  const start = woff ? 44 : 12;
  const entry = woff ? 20 : 16;
  for (let i = 0; i < count && start + (i + 1) * entry <= data.length; i++) {
    if (data.subarray(start + i * entry, start + i * entry + 4).toString('latin1') === name) return true;
  }
  return false;
}

/** Font faces of one family from a theme's `font:` value (one file, or one per style). */
export async function loadFontFamily(
  family: string,
  files: string | { regular: string; bold?: string; italic?: string; boldItalic?: string },
  baseDir: string,
): Promise<FontFace[]> {
  const spec = typeof files === 'string' ? { regular: files } : files;
  const faces: FontFace[] = [];
  const add = async (ref: string | undefined, weight: 400 | 700, style: 'normal' | 'italic') => {
    if (ref) faces.push({ name: family, data: await loadFontFile(ref, baseDir), weight, style });
  };
  await add(spec.regular, 400, 'normal');
  await add(spec.bold, 700, 'normal');
  await add(spec.italic, 400, 'italic');
  await add(spec.boldItalic, 700, 'italic');
  return faces;
}

