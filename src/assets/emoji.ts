// Colour emoji for satori, offline: Twemoji SVGs from the installed @twemoji/svg package, as data URIs.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Font } from 'satori';

const require = createRequire(import.meta.url);
const ZWJ = 0x200d;
const VS16 = 0xfe0f; // emoji presentation selector
const VS15 = 0xfe0e; // text presentation selector: never part of a Twemoji file name

let dir: string | undefined;
let files: Set<string> | undefined;
/** File name without any fe0f → real file name, for sequences typed with missing or extra FE0Fs. */
let byStripped: Map<string, string> | undefined;
const cache = new Map<string, string | undefined>();

function index(): { dir: string; files: Set<string>; byStripped: Map<string, string> } {
  if (!dir || !files || !byStripped) {
    dir = path.dirname(require.resolve('@twemoji/svg/package.json'));
    const names = readdirSync(dir).filter((f) => f.endsWith('.svg')).map((f) => f.slice(0, -4));
    files = new Set(names);
    byStripped = new Map();
    for (const name of names) {
      const key = stripFe0f(name);
      // Prefer the shortest name when several differ only by FE0F (none do in Twemoji 15, but be stable).
      const seen = byStripped.get(key);
      if (seen === undefined || name.length < seen.length) byStripped.set(key, name);
    }
  }
  return { dir, files, byStripped };
}

function stripFe0f(name: string): string {
  return name.split('-').filter((c) => c !== 'fe0f').join('-');
}

/** Twemoji's file name for a grapheme: lowercase hex code points joined by '-', FE0F dropped unless there is a ZWJ. */
export function twemojiName(segment: string): string {
  const cps = [...segment].map((c) => c.codePointAt(0)!).filter((cp) => cp !== VS15);
  const kept = cps.includes(ZWJ) ? cps : cps.filter((cp) => cp !== VS16);
  return kept.map((cp) => cp.toString(16)).join('-');
}

/** The Twemoji file name (without .svg) that draws this grapheme, or undefined when there is none. */
export function twemojiFile(segment: string): string | undefined {
  const { files, byStripped } = index();
  const primary = twemojiName(segment);
  if (!primary) return undefined;
  const all = [...segment].map((c) => c.codePointAt(0)!).filter((cp) => cp !== VS15).map((cp) => cp.toString(16));
  const withFe0f = all.join('-');
  for (const name of [primary, stripFe0f(primary), withFe0f]) if (files.has(name)) return name;
  return byStripped.get(stripFe0f(primary));
}

/** `data:image/svg+xml;base64,…` of the Twemoji SVG for one emoji grapheme, or undefined. Cached. */
export function emojiDataUri(segment: string): string | undefined {
  if (cache.has(segment)) return cache.get(segment);
  const name = twemojiFile(segment);
  const uri = name === undefined
    ? undefined
    : `data:image/svg+xml;base64,${readFileSync(path.join(index().dir, `${name}.svg`)).toString('base64')}`;
  cache.set(segment, uri);
  return uri;
}

/** Async form of emojiDataUri, for callers that want a Promise. */
export async function loadEmoji(segment: string): Promise<string | undefined> {
  return emojiDataUri(segment);
}

export type AssetLoader = (languageCode: string, segment: string) => Promise<string | Font[]>;

/**
 * satori's `loadAdditionalAsset`: emoji graphemes → Twemoji data URIs; anything else → no font ([]),
 * reported through onMissing(segment, languageCode). satori batches every uncovered grapheme of one
 * language code into a single segment string, so `segment` may hold several characters there.
 * A missing emoji also returns [] (satori then just draws the font's glyph, no crash) and is reported
 * with code 'emoji'. (An empty string would also be safe; [] leaves satori's grapheme map untouched.)
 */
export function satoriAssetLoader(onMissing?: (segment: string, code: string) => void): AssetLoader {
  return async (languageCode, segment) => {
    if (languageCode === 'emoji') {
      const uri = emojiDataUri(segment);
      if (uri !== undefined) return uri;
    }
    onMissing?.(segment, languageCode);
    return [];
  };
}

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const PRESENTATION = /\p{Emoji_Presentation}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u20E3|\uFE0F|\u200D/u;

/**
 * Whether a grapheme is drawn as an emoji: a flag, a keycap, or a pictograph that is emoji by default
 * or asks for emoji presentation (FE0F, skin tone, ZWJ). Text-default symbols without FE0F (plain ©,
 * ™, ❤, ✔) and anything with FE0E stay text, as in Unicode's UTS #51.
 */
export function isEmojiGrapheme(grapheme: string): boolean {
  if (grapheme.includes('\uFE0E')) return false;
  if (/\p{Regional_Indicator}/u.test(grapheme) || grapheme.includes('\u20E3')) return true;
  return PICTOGRAPHIC.test(grapheme) && PRESENTATION.test(grapheme);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Splits text into runs of emoji graphemes (one run per emoji) and plain text (merged). */
export function splitEmoji(text: string): Array<{ text: string; emoji: boolean }> {
  const out: Array<{ text: string; emoji: boolean }> = [];
  for (const { segment } of graphemes.segment(text)) {
    if (isEmojiGrapheme(segment)) out.push({ text: segment, emoji: true });
    else {
      const last = out[out.length - 1];
      if (last && !last.emoji) last.text += segment;
      else out.push({ text: segment, emoji: false });
    }
  }
  return out;
}

/** graphemeImages for satori: every emoji grapheme in text that has a Twemoji file → its data URI. */
export function emojiGraphemeImages(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of splitEmoji(text)) {
    if (!part.emoji) continue;
    const uri = emojiDataUri(part.text);
    if (uri !== undefined) out[part.text] = uri;
  }
  return out;
}
