// Loads images named in a thread file: read (inside its folder) or fetched (http(s), only when remote images are on),
// checked (image-check.ts) before anything decodes them, converted when needed (image-convert.ts), so only checked PNG
// or JPEG bytes reach satori (as data: URIs) and resvg.
import { readFile, stat } from 'node:fs/promises';
import { resolveInside } from './paths.ts';
import { ENABLE_HINT, fetchRemoteImage, isHttpUrl, remoteImagesInScope, RemoteImageError, type RemoteImageOptions } from './remote-image.ts';
import type { ImageAsset } from '../model/index.ts';
import { IMAGE_LIMITS, ImageError, isOpaqueLossyWebp, jpegDamage, notAnImage, pngDamage, readImageHeader, readJpegOrientation } from './image-check.ts';
import { convert } from './image-convert.ts';

export { IMAGE_LIMITS, ImageError };

export interface LoadImageOptions {
  /** Remote (http/https) images: off unless given here or set by `withRemoteImages` around the call. */
  remote?: RemoteImageOptions;
}

const FIX_SIZE = `scale it down to at most ${IMAGE_LIMITS.maxEmbedSide} px on the long side (a card never shows more)`;

/**
 * Loads an image named in a thread or theme file: a path relative to that file's folder (never outside it),
 * or an http(s) URL when remote images are on.
 */
export async function loadImage(ref: string, threadDir: string, opts: LoadImageOptions = {}): Promise<ImageAsset> {
  if (isHttpUrl(ref)) return imageFromBytes(await fetchImage(ref, opts.remote ?? remoteImagesInScope()), ref);
  if (/^file:/i.test(ref)) {
    throw new ImageError(`"${ref}" is a file:// URL; write the path relative to the thread file instead (e.g. ./images/chart.png)`);
  }
  const real = await resolveInside(ref, threadDir, 'image', ImageError);
  const info = await stat(real);
  if (info.size > IMAGE_LIMITS.maxBytes) {
    throw new ImageError(`image "${ref}" is ${(info.size / 1048576).toFixed(1)} MB; the limit is ${IMAGE_LIMITS.maxBytes / 1048576} MB: ${FIX_SIZE}`);
  }
  const bytes = new Uint8Array(await readFile(real));
  return imageFromBytes(bytes, ref);
}

async function fetchImage(url: string, remote: RemoteImageOptions | undefined): Promise<Uint8Array> {
  if (!remote?.enabled) {
    throw new ImageError(`"${url}" is a URL and remote images are off; download the image next to the thread file and write its relative path, ${ENABLE_HINT}`);
  }
  try {
    return await fetchRemoteImage(url, remote);
  } catch (err) {
    if (err instanceof RemoteImageError) throw new ImageError(`"${url}" was not fetched: ${err.message}`);
    throw err;
  }
}

/**
 * Checks image bytes from their header (type, size limits) and wraps them as an ImageAsset. PNG and JPEG pass
 * through untouched unless they need rotating (JPEG EXIF orientation ≠ 1) or downscaling; everything else is
 * decoded only after the header checks passed.
 */
export async function imageFromBytes(bytes: Uint8Array, label: string): Promise<ImageAsset> {
  if (bytes.length > IMAGE_LIMITS.maxBytes) {
    throw new ImageError(`"${label}" is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${IMAGE_LIMITS.maxBytes / 1048576} MB`);
  }
  const header = readImageHeader(bytes);
  if (!header) throw new ImageError(notAnImage(bytes, label));
  checkSize(header.width, header.height, label);
  const damage = header.mime === 'image/png' ? pngDamage(bytes) : header.mime === 'image/jpeg' ? jpegDamage(bytes) : undefined;
  if (damage) throw new ImageError(`"${label}" is a damaged ${header.mime.slice(6).toUpperCase()} (${damage}); export or download it again`);
  const orientation = header.mime === 'image/jpeg' ? readJpegOrientation(bytes) : 1;
  const turned = orientation >= 5;
  const original = { mime: header.mime, width: turned ? header.height : header.width, height: turned ? header.width : header.height };
  const passThrough =
    (header.mime === 'image/png' || header.mime === 'image/jpeg') &&
    orientation === 1 &&
    Math.max(header.width, header.height) <= IMAGE_LIMITS.maxEmbedSide;
  if (passThrough) return asset(label, header.mime as ImageAsset['mime'], bytes, header.width, header.height, original);
  // Photos stay photos: JPEG and opaque lossy WebP become JPEG (a PNG of a photo is ~10× larger).
  const target = header.mime === 'image/jpeg' || isOpaqueLossyWebp(bytes) ? 'image/jpeg' : 'image/png';
  const out = await convert(bytes, target, label);
  checkSize(out.width, out.height, label);
  return asset(label, out.mime, out.bytes, out.width, out.height, original);
}

function asset(label: string, mime: ImageAsset['mime'], bytes: Uint8Array, width: number, height: number, original: ImageAsset['original']): ImageAsset {
  const dataUri = `data:${mime};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
  return { path: label, mime, width, height, bytes, dataUri, original };
}

function checkSize(width: number, height: number, label: string): void {
  if (width < 1 || height < 1) throw new ImageError(`"${label}" has an empty size ${width}×${height}; export it again`);
  if (width > IMAGE_LIMITS.maxSide || height > IMAGE_LIMITS.maxSide || width * height > IMAGE_LIMITS.maxPixels) {
    throw new ImageError(
      `"${label}" is ${width}×${height} pixels; the limit is ${IMAGE_LIMITS.maxSide} per side and ${IMAGE_LIMITS.maxPixels / 1e6} megapixels: ${FIX_SIZE}`,
    );
  }
}

