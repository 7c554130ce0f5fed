// Images a post names (![alt](src) in its text, <img> in HTML, media in JSON): a file next to the
// input becomes the post's `image:`; anything else (URLs, missing files, a second image) is taken
// out of the text and reported in a warning — never fetched.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Image, Link, Parent, RootContent } from 'mdast';
import { parseMarkdown } from './markdown-tree.ts';
import type { DraftImage, DraftPost, ImportLog } from './types.ts';

const LINK_CARD_IMAGE = /\/card_img\//;

/** Moves the post's Markdown images out of its text into `post.images` (link-card images are dropped). */
export function takeImages(post: DraftPost, log: ImportLog): void {
  if (!post.text.includes('![')) return;
  takeEmbeds(post);
  if (!post.text.includes('![')) return;
  const tree = parseMarkdown(post.text);
  const cuts: { start: number; end: number; image?: DraftImage }[] = [];
  const visit = (node: RootContent | Parent, parent?: Parent) => {
    if (node.type === 'image') {
      const img = node as Image;
      const holder = parent?.type === 'link' && parent.children.length === 1 ? (parent as Link) : undefined;
      const span = (holder ?? img).position!;
      const lineNo = post.line + span.start.line - 1;
      if (LINK_CARD_IMAGE.test(img.url)) {
        log.remove(lineNo, post.text.slice(span.start.offset, span.end.offset), 'link card');
        cuts.push({ start: span.start.offset!, end: span.end.offset! });
      } else {
        cuts.push({ start: span.start.offset!, end: span.end.offset!, image: { src: img.url, ...(img.alt && { alt: img.alt }), line: lineNo } });
      }
      return;
    }
    if ('children' in node) for (const c of node.children) visit(c as RootContent, node as Parent);
  };
  for (const c of tree.children) visit(c);
  let text = post.text;
  for (const cut of [...cuts].reverse()) text = text.slice(0, cut.start) + text.slice(cut.end);
  post.images.unshift(...cuts.flatMap((c) => (c.image ? [c.image] : [])));
  post.text = text
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Obsidian's `![[image.jpg]]` (or `![[image.jpg|alt]]`, `![[image.jpg|300]]`): an image file by name. */
const EMBED = /!\[\[([^\]|#]+?\.(?:png|jpe?g|gif|webp|avif|bmp|svg|tiff?))(?:#[^\]|]*)?(?:\|([^\]]*))?\]\]/gi;

function takeEmbeds(post: DraftPost): void {
  const found: DraftImage[] = [];
  const text = post.text.replace(EMBED, (_, name: string, alias: string | undefined, offset: number) => {
    const alt = alias && !/^\d+(x\d+)?$/.test(alias.trim()) ? alias.trim() : undefined;
    found.push({ src: encodeURI(name.trim()), ...(alt && { alt }), line: post.line + post.text.slice(0, offset).split('\n').length - 1 });
    return '';
  });
  if (!found.length) return;
  post.images.push(...found);
  post.text = text.split('\n').map((l) => l.replace(/[ \t]+$/, '')).join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * The path to write as `image:` for `src` (relative to `baseDir`, the input's folder), written
 * relative to `outDir` (the thread file's folder), or why it cannot be.
 */
export async function localImage(src: string, baseDir: string, outDir: string): Promise<{ path: string } | { why: string }> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^[a-z]:[\\/]/i.test(src)) return { why: 'is a URL (nothing is fetched); download it next to the thread file and set image:' };
  let file: string;
  try {
    file = await realpath(path.resolve(baseDir, decodeURI(src)));
    if (!(await stat(file)).isFile()) return { why: 'is not a file' };
  } catch {
    return { why: `was not found next to the input (looked for ${path.resolve(baseDir, src)})` };
  }
  const out = await realpath(outDir).catch(() => path.resolve(outDir));
  const rel = path.relative(out, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return { why: `lies outside the thread file's folder (${out}); copy it there and set image:` };
  return { path: `./${rel.split(path.sep).join('/')}` };
}
