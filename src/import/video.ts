// Videos in clippings — inline `<video controls=""><source src="…"></video>` blobs and Obsidian
// `![[clip.mp4]]` embeds: cards show no video, so each is taken out of the post text, listed, and
// named in a warning.
import type { ImportLog } from './types.ts';

const VIDEO = /<video\b[^>]*>[\s\S]*?<\/video>|<video\b[^>]*\/>|<source\b[^>]*type="video\/[^"]*"[^>]*>/gi;
const VIDEO_EMBED = /!\[\[([^\]|#]+\.(?:mp4|mov|webm|m4v|mkv|avi|gifv))(?:[#|][^\]]*)?\]\]/gi;

/** True when the text holds a video blob or embed (possibly still open: `<video` without its end). */
export const hasVideo = (text: string): boolean => /<video\b|<source\b[^>]*video\/|!\[\[[^\]]+\.(mp4|mov|webm|m4v|mkv|avi|gifv)\b/i.test(text);
export const opensVideo = (text: string): boolean => /<video\b/i.test(text) && !/<\/video>/i.test(text.slice(text.search(/<video\b/i)));

/** The text without its videos; each is logged at `line`. */
export function cutVideos(text: string, line: number, log: ImportLog): string {
  const cut = (blob: string, src: string | undefined) => {
    log.remove(line, blob.replace(/\s+/g, ' '), 'video (cards show no video)');
    log.warn(line, `a video${src ? ` (${src})` : ''} was left out: the cards show no video (give the post an image: with a still of it if you want one)`, 'import-image');
    return '';
  };
  return text
    .replace(VIDEO, (blob) => cut(blob, /\bsrc="([^"]+)"/i.exec(blob)?.[1] ?? /\bposter="([^"]+)"/i.exec(blob)?.[1]))
    .replace(VIDEO_EMBED, (blob, name: string) => cut(blob, name))
    .replace(/[ \t]+$/, '');
}
