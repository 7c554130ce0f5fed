// Raster images for the vector PDF: JPEG passed through as DCT (no re-encoding), everything else
// decoded once (sharp) to 8-bit RGB plus an alpha soft mask when it has transparency, deflated.
import sharp from 'sharp';
import type { PDFDocument } from 'pdf-lib';
import type { PlacedImage } from './doc-context.ts';
import { flateStream } from './form.ts';

export async function embedRaster(pdf: PDFDocument, bytes: Buffer): Promise<PlacedImage> {
  const meta = await sharp(bytes).metadata();
  const { width, height } = meta;
  if (!width || !height) throw new Error('image without a size');
  if (meta.format === 'jpeg' && (meta.channels === 3 || meta.channels === 1) && (meta.orientation ?? 1) === 1 && meta.space !== 'cmyk') {
    const ref = pdf.context.register(
      pdf.context.stream(bytes, {
        Type: 'XObject',
        Subtype: 'Image',
        Width: width,
        Height: height,
        ColorSpace: meta.channels === 1 ? 'DeviceGray' : 'DeviceRGB',
        BitsPerComponent: 8,
        Filter: 'DCTDecode',
      }),
    );
    return { ref, width, height };
  }
  const { data, info } = await sharp(bytes).rotate().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { ...embedRgba(pdf, data, info.width, info.height), width: info.width, height: info.height };
}

/** RGBA pixels → an image XObject (with an SMask when any pixel is not opaque). */
export function embedRgba(pdf: PDFDocument, rgba: Uint8Array, width: number, height: number): Pick<PlacedImage, 'ref'> {
  const count = width * height;
  const rgb = Buffer.allocUnsafe(count * 3);
  const alpha = Buffer.allocUnsafe(count);
  let opaque = true;
  for (let i = 0, j = 0, k = 0; i < count; i++, j += 4, k += 3) {
    rgb[k] = rgba[j]!;
    rgb[k + 1] = rgba[j + 1]!;
    rgb[k + 2] = rgba[j + 2]!;
    alpha[i] = rgba[j + 3]!;
    if (alpha[i] !== 255) opaque = false;
  }
  const common = { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 8 };
  const smask = opaque ? undefined : flateStream(pdf, alpha, { ...common, ColorSpace: 'DeviceGray' });
  const ref = flateStream(pdf, rgb, { ...common, ColorSpace: 'DeviceRGB', ...(smask ? { SMask: smask } : {}) });
  return { ref };
}
