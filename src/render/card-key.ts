// A card's identity for reuse: the hash of everything its picture depends on — the element tree
// the template draws (text, colours, images, the card's size), the fonts satori is given, and a
// salt from the caller (the tool's version). Two cards with the same key render to the same bytes,
// so a build can reuse last time's PNG/SVG of an unchanged card instead of rendering it again.
import { createHash } from 'node:crypto';
import type { JSXNode } from 'satori/jsx';
import type { CardSize } from '../model.ts';
import type { FontFace } from '../assets/fonts.ts';
import { hashInto, sha256 } from '../batch/cache-key.ts';

/** Font bytes are hashed once per buffer, not once per card. */
const fontHashes = new WeakMap<Buffer, string>();

function fontHash(face: FontFace): string {
  let h = fontHashes.get(face.data);
  if (!h) fontHashes.set(face.data, (h = sha256(face.data)));
  return h;
}

export function cardKey(element: JSXNode, size: CardSize, fonts: readonly FontFace[], salt = ''): string {
  const h = createHash('sha256');
  hashInto(h, { salt, size: { width: size.width, height: size.height } });
  for (const f of fonts) hashInto(h, [f.name, f.weight, f.style, f.lang, fontHash(f)]);
  hashInto(h, element);
  return h.digest('hex');
}
