// Thread → Markdown: a "# Title", the byline (author, handle, date, source), then each post under a
// "### n/N" heading, separated by "---", with its image and quoted post. `threadeck import` reads
// this back into the same thread (text, images, quotes, author, date, source).
import path from 'node:path';
import type { ImageAsset, Thread } from '../model/index.ts';

export interface MarkdownOptions {
  /** Folder the Markdown file is written to: image paths are made relative to it. */
  dir?: string;
}

export function threadToMarkdown(thread: Thread, opts: MarkdownOptions = {}): string {
  const image = (asset: ImageAsset) => imagePath(asset.path, thread.file, opts.dir);
  const out: string[] = [`# ${oneLine(thread.title)}`, ''];

  const byline: string[] = [];
  if (thread.author.avatar) byline.push(`![${alt(thread.author.name)}](${image(thread.author.avatar)})`);
  byline.push(`**${oneLine(thread.author.name)}**${thread.author.handle ? ` ${thread.author.handle}` : ''}`);
  if (thread.date && thread.source) byline.push(`· [${thread.date}](${destination(thread.source)})`);
  else if (thread.date) byline.push(`· ${thread.date}`);
  else if (thread.source) byline.push(`· [Source](${destination(thread.source)})`);
  out.push(byline.join(' '), '');

  const total = thread.posts.length;
  for (const post of thread.posts) {
    out.push('---', '', `### ${post.number}/${total}`, '', post.text, '');
    if (post.image) out.push(`![${alt(post.alt ?? '')}](${image(post.image)})`, '');
    if (post.quote) {
      const q = post.quote;
      out.push(`Quoting **${oneLine(q.author.name)}**${q.author.handle ? ` ${q.author.handle}` : ''}:`, '');
      out.push(...q.text.split('\n').map((l) => (l ? `> ${l}` : '>')), '');
    }
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** An image path as written in the thread file, made relative to the Markdown file's folder. */
function imagePath(ref: string, threadFile: string, dir: string | undefined): string {
  if (!dir || threadFile === '<memory>' || /^[a-z][a-z0-9+.-]*:/i.test(ref)) return destination(ref);
  const abs = path.resolve(path.dirname(threadFile), ref);
  return destination(path.relative(path.resolve(dir), abs).split(path.sep).join('/'));
}

/** A link destination: <…> when it holds spaces or parentheses. */
function destination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

const alt = (text: string) => text.replace(/[[\]\n]/g, ' ').trim();
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
