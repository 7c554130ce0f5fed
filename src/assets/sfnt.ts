// WOFF → plain TrueType/OpenType bytes, with node's native zlib. fontkit reads WOFF by inflating
// tables in JavaScript, again for every glyph it loads (≈ 70% of the vector PDF's time); the same
// font as sfnt is read directly. Converted once per font buffer.
import { inflateSync } from 'node:zlib';

const converted = new WeakMap<Uint8Array, Uint8Array>();

export function toSfnt(data: Uint8Array): Uint8Array {
  let out = converted.get(data);
  if (!out) {
    out = isWoff(data) ? woffToSfnt(data) : data;
    converted.set(data, out);
  }
  return out;
}

function isWoff(data: Uint8Array): boolean {
  return data.length > 44 && data[0] === 0x77 && data[1] === 0x4f && data[2] === 0x46 && data[3] === 0x46;
}

function woffToSfnt(woff: Uint8Array): Uint8Array {
  const src = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  const flavor = src.readUInt32BE(4);
  const numTables = src.readUInt16BE(12);
  const tables: Array<{ tag: number; checksum: number; data: Buffer }> = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const offset = src.readUInt32BE(at + 4);
    const compLength = src.readUInt32BE(at + 8);
    const origLength = src.readUInt32BE(at + 12);
    const raw = src.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : raw;
    if (data.length !== origLength) throw new Error('WOFF table has the wrong length');
    tables.push({ tag: src.readUInt32BE(at), checksum: src.readUInt32BE(at + 16), data });
  }
  const headerSize = 12 + numTables * 16;
  const total = tables.reduce((n, t) => n + ((t.data.length + 3) & ~3), headerSize);
  const out = Buffer.alloc(total);
  let pow = 1;
  let log = 0;
  while (pow * 2 <= numTables) {
    pow *= 2;
    log++;
  }
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(pow * 16, 6);
  out.writeUInt16BE(log, 8);
  out.writeUInt16BE(numTables * 16 - pow * 16, 10);
  let offset = headerSize;
  tables.forEach((t, i) => {
    const rec = 12 + i * 16;
    out.writeUInt32BE(t.tag, rec);
    out.writeUInt32BE(t.checksum, rec + 4);
    out.writeUInt32BE(offset, rec + 8);
    out.writeUInt32BE(t.data.length, rec + 12);
    t.data.copy(out, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}
