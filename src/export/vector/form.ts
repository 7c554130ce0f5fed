// Streams the vector PDF writes: content deflated with node's zlib (pdf-lib's pako is ~3× slower),
// and canvases stored as form XObjects — transparency groups, so alpha and soft masks set outside
// apply to the group as a whole (SVG's group opacity and masks) and reset inside it.
import { deflateSync } from 'node:zlib';
import type { PDFDocument, PDFRef } from 'pdf-lib';
import type { Canvas } from './canvas.ts';
import type { Box } from './shapes.ts';

export function flateStream(pdf: PDFDocument, data: string | Uint8Array, dict: Record<string, unknown>): PDFRef {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  return pdf.context.register(pdf.context.stream(deflateSync(bytes, { level: 6 }), { ...dict, Filter: 'FlateDecode' } as never));
}

export function formXObject(pdf: PDFDocument, canvas: Canvas, box: Box): PDFRef {
  return flateStream(pdf, canvas.content(), {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [box.x, box.y, box.x + box.w, box.y + box.h],
    Group: { Type: 'Group', S: 'Transparency', CS: 'DeviceRGB' },
    Resources: canvas.resources(pdf),
  });
}
