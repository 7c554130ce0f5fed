// A font's character map: the code points it has real glyphs for, read from WOFF or sfnt cmap
// tables (formats 4 and 12) once per data buffer; other fonts through @pdf-lib/fontkit.
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import type { Font } from '@pdf-lib/fontkit';

const cmaps = new WeakMap<Buffer, Set<number>>();
let fontkit: { create(data: Uint8Array): Font } | undefined;

/**
 * The code points a font file maps to a real glyph, read once per data buffer. WOFF and TrueType/
 * OpenType cmaps (formats 4 and 12) are read here: 55 base fonts in ≈7 ms, where fontkit takes ≈100 ms
 * to load plus ≈60 ms to parse them, and throws on noto-sans-sc-101-*.woff. Other fonts (WOFF2…) go
 * through @pdf-lib/fontkit; a font neither can read covers nothing (its characters get reported).
 */
export function fontCodePoints(data: Buffer): Set<number> {
  let set = cmaps.get(data);
  if (!set) {
    set = readCmap(data);
    if (!set) {
      try {
        fontkit ??= createRequire(import.meta.url)('@pdf-lib/fontkit') as { create(data: Uint8Array): Font };
        const font = fontkit.create(data);
        set = new Set(font.characterSet.filter((cp) => font.hasGlyphForCodePoint(cp)));
      } catch {
        set = new Set();
      }
    }
    cmaps.set(data, set);
  }
  return set;
}

/** A table of a WOFF (1.0) or sfnt font, inflated; undefined if the font has none. */
export function fontTable(data: Buffer, tag: string): Buffer | undefined {
  const woff = data.toString('latin1', 0, 4) === 'wOFF';
  for (let i = 0, at = woff ? 44 : 12; i < data.readUInt16BE(woff ? 12 : 4); i++, at += woff ? 20 : 16) {
    if (data.toString('latin1', at, at + 4) !== tag) continue;
    // WOFF entry: tag, offset, compLength, origLength, checksum; sfnt: tag, checksum, offset, length.
    const offset = data.readUInt32BE(at + (woff ? 4 : 8));
    const table = data.subarray(offset, offset + data.readUInt32BE(at + (woff ? 8 : 12)));
    return woff && table.length < data.readUInt32BE(at + 12) ? inflateSync(table) : table;
  }
  return undefined;
}

/**
 * The Unicode cmap of a WOFF (1.0) or sfnt font (formats 12 and 4): each code point with a non-zero
 * glyph, with its glyph id; undefined if it is not readable here.
 */
export function cmapGlyphs(data: Buffer): Map<number, number> | undefined {
  try {
    const sig = data.toString('latin1', 0, 4);
    if (sig !== 'wOFF' && sig !== '\0\x01\0\0' && sig !== 'OTTO' && sig !== 'true') return undefined;
    const cmap = fontTable(data, 'cmap');
    if (!cmap) return undefined;
    let best: number | undefined; // a Unicode subtable: format 12 (full) over format 4 (BMP)
    for (let i = 0; i < cmap.readUInt16BE(2); i++) {
      const platform = cmap.readUInt16BE(4 + i * 8);
      const encoding = cmap.readUInt16BE(6 + i * 8);
      const at = cmap.readUInt32BE(8 + i * 8);
      if (platform !== 0 && !(platform === 3 && (encoding === 1 || encoding === 10))) continue;
      const format = cmap.readUInt16BE(at);
      if ((format === 12 && (best === undefined || cmap.readUInt16BE(best) !== 12)) || (format === 4 && best === undefined)) best = at;
    }
    if (best === undefined) return undefined;
    const glyphs = new Map<number, number>();
    if (cmap.readUInt16BE(best) === 12) {
      // Groups past Unicode's last code point, or covering more than Unicode has in all, are a hostile
      // or broken table (0..0xFFFFFFFF once took 17 s and 660 MB here): refused as no usable map.
      let budget = 0x110000;
      for (let g = 0, at = best + 16; g < cmap.readUInt32BE(best + 12); g++, at += 12) {
        const start = cmap.readUInt32BE(at);
        const end = cmap.readUInt32BE(at + 4);
        const glyph = cmap.readUInt32BE(at + 8);
        if (end > 0x10ffff || end < start || (budget -= end - start + 1) < 0) return undefined;
        for (let cp = start; cp <= end; cp++) if (glyph + cp - start !== 0) glyphs.set(cp, glyph + cp - start);
      }
      return glyphs;
    }
    const segments = cmap.readUInt16BE(best + 6) / 2;
    const ends = best + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const ranges = deltas + segments * 2;
    for (let s = 0; s < segments; s++) {
      const start = cmap.readUInt16BE(starts + s * 2);
      const end = cmap.readUInt16BE(ends + s * 2);
      const delta = cmap.readInt16BE(deltas + s * 2);
      const rangeAt = ranges + s * 2;
      const range = cmap.readUInt16BE(rangeAt);
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        const glyph = range === 0 ? cp : cmap.readUInt16BE(rangeAt + range + (cp - start) * 2);
        const id = (glyph + delta) & 0xffff;
        if ((range === 0 || glyph !== 0) && id !== 0) glyphs.set(cp, id);
      }
    }
    return glyphs;
  } catch {
    return undefined; // truncated or malformed: let fontkit try
  }
}

/** cmap of a WOFF (1.0) or sfnt font: Unicode code points with a non-zero glyph; undefined if not readable here. */
export function readCmap(data: Buffer): Set<number> | undefined {
  const glyphs = cmapGlyphs(data);
  return glyphs && new Set(glyphs.keys());
}
