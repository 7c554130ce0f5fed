// Converting an image that cannot pass through as it is (WebP, GIF, EXIF-rotated or oversized
// photos) with sharp, loaded on first use: first frame, upright, downscaled, PNG or JPEG.
import type { ImageAsset } from '../model/index.ts';
import { IMAGE_LIMITS, ImageError } from './image-check.ts';

/** JPEGs re-encoded by sharp (rotated or downscaled) use this quality. */
const JPEG_QUALITY = 88;

/** sharp (native) is loaded on first use only: threads with plain PNG/JPEG images never load it. */
let sharpLoading: Promise<typeof import('sharp')> | undefined;

/** Decodes (first frame only), turns upright, downscales to maxEmbedSide and encodes as PNG or JPEG. */
export async function convert(bytes: Uint8Array, mime: ImageAsset['mime'], label: string) {
  let sharp: typeof import('sharp');
  try {
    sharp = await (sharpLoading ??= import('sharp').then((m) => m.default));
  } catch (err) {
    sharpLoading = undefined;
    throw new ImageError(`"${label}" needs converting, but the image library (sharp) failed to load: ${errorText(err)}`);
  }
  const max = IMAGE_LIMITS.maxEmbedSide;
  try {
    // limitInputPixels repeats the header check inside the decoder; failOn 'error' refuses truncated or corrupt data.
    const img = sharp(bytes, { limitInputPixels: IMAGE_LIMITS.maxPixels, failOn: 'error', animated: false })
      .autoOrient()
      .resize({ width: max, height: max, fit: 'inside', withoutEnlargement: true });
    const encoded = mime === 'image/jpeg' ? img.jpeg({ quality: JPEG_QUALITY }) : img.png();
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { mime, bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
  } catch (err) {
    throw new ImageError(`"${label}" could not be decoded: ${errorText(err)}; export or download it again as PNG or JPEG`);
  }
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0]!.trim();
