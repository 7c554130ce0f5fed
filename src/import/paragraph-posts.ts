// Posts in text that has no post headers and no separators: a thread-reader page clipped as
// Markdown, "1/"-numbered text. A post-number marker starts a post. So does every block after an
// empty line when blocks are posts: when the clipper wrote paragraph breaks inside a post as
// spaces-only lines (so an empty line is a post boundary), when the page is a thread reader's with no
// such breaks, or when every numbered post is one block. The unnumbered first (intro) and last
// (closing) posts are posts of their own. Image-only and page-text blocks stay with the post before.
import { fencedLines, hasSoftBreaks, isBlank, isHardBlank } from './lines.ts';
import { findMarks, leadingMarker, type NumberedMarks } from './markers.ts';
import { noiseReason } from './noise.ts';
import type { ImportLog, Line, PageKind } from './types.ts';

export interface SplitOptions {
  kind?: PageKind;
  /** The markers, when the caller found them already. */
  marks?: NumberedMarks;
  /** With no markers and no clipper paragraph breaks, is each block a post? (Default: on a thread-reader page.) */
  blocksArePosts?: boolean;
}

interface Block {
  from: number;
  to: number;
  marked: boolean;
  /** Only images, link cards or page text: it belongs to the post before it. */
  attached: boolean;
  /** Ends with an image: on a thread-reader page, a post's images come last. */
  endsWithImage: boolean;
}

const IMAGE = /!\[[^\]]*\]\([^)]*\)|!\[\[[^\]]+\]\]/g;
const ENDS_WITH_IMAGE = /(!\[[^\]]*\]\([^)]*\)|!\[\[[^\]]+\]\])\s*$/;

/** The lines of each post, in order; each marker that starts a post is taken out (and logged). */
export function splitPosts(lines: readonly Line[], log: ImportLog, opts: SplitOptions = {}): Line[][] {
  const marks = opts.marks ?? findMarks(lines);
  const markAt = new Set(marks.lines);
  const blocks = toBlocks(lines, markAt);
  if (blocks.length === 0) return [];

  const content = (b: Block) => !b.attached;
  let perBlock: boolean;
  if (hasSoftBreaks(lines)) perBlock = true;
  else if (marks.lines.length === 0) perBlock = opts.blocksArePosts ?? opts.kind === 'thread-reader';
  else {
    // Every numbered post (but the last, which may run into a closing post) one block: blocks are posts.
    const starts = blocks.map((b, i) => (b.marked ? i : -1)).filter((i) => i >= 0);
    const spans = starts.slice(0, -1).map((s, k) => blocks.slice(s, starts[k + 1]).filter(content).length);
    perBlock = spans.length > 0 && spans.every((c) => c === 1) && (spans.length >= 2 || opts.kind === 'thread-reader');
  }

  const groups: Block[][] = [];
  let afterImage = false;
  for (const b of blocks) {
    const current = groups[groups.length - 1];
    const start = !current || b.marked || (!b.attached && (perBlock || (opts.kind === 'thread-reader' && afterImage)));
    if (start) groups.push([b]);
    else current.push(b);
    if (!b.attached) afterImage = b.endsWithImage;
  }

  return groups.map((group) => {
    const first = group[0]!;
    const out = lines.slice(first.from, group[group.length - 1]!.to + 1).map((l) => ({ ...l }));
    if (first.marked) {
      const line = out[0]!;
      const m = leadingMarker(line.text)!;
      log.remove(line.n, line.text.slice(0, m.length), 'post number marker');
      line.text = line.text.slice(m.length);
    }
    return out;
  });
}

function toBlocks(lines: readonly Line[], markAt: ReadonlySet<number>): Block[] {
  const fenced = fencedLines(lines);
  const blocks: Block[] = [];
  let from = -1;
  const close = (to: number) => {
    if (from < 0) return;
    let end = to;
    while (end > from && isBlank(lines[end])) end--;
    const text = lines.slice(from, end + 1).filter((l) => !isBlank(l));
    const attached = text.every((l) => !l.text.replace(IMAGE, '').trim() || Boolean(noiseReason(l.text)) && !noiseReason(l.text)!.feed);
    blocks.push({ from, to: end, marked: markAt.has(from), attached, endsWithImage: ENDS_WITH_IMAGE.test(lines[end]!.text) });
    from = -1;
  };
  for (const [i, l] of lines.entries()) {
    if (!fenced[i] && isHardBlank(l)) {
      close(i - 1);
      continue;
    }
    if (markAt.has(i)) close(i - 1);
    if (from < 0) {
      if (isBlank(l)) continue;
      from = i;
    }
  }
  close(lines.length - 1);
  return blocks;
}
