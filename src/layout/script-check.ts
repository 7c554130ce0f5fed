// Checks a thread's text against what the renderer can draw: right-to-left scripts are refused
// (satori has no bidi, and reversed text must never be output silently), and characters no
// bundled font covers are reported per post instead of showing as tofu boxes.
import type { Diagnostic } from '../diagnostics.ts';
import type { Post, Thread } from '../model/index.ts';
import { foldText, rtlScript } from '../text/unicode-fold.ts';
import type { FontFace } from '../assets/fonts.ts';
import { formatCodePoints, uncoveredCodePoints } from '../assets/font-coverage.ts';

function postTexts(post: Post): string[] {
  return [post.text, ...(post.quote ? [post.quote.text, post.quote.author.name] : []), ...(post.alt ? [post.alt] : [])];
}

/** Errors for posts in a right-to-left script. */
export function rtlErrors(thread: Thread): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (text: string, where: string, at: Partial<Diagnostic>) => {
    const script = rtlScript(text);
    if (!script) return;
    out.push({
      severity: 'error',
      rule: 'rtl',
      file: thread.file,
      ...at,
      message: `${where} contains ${script} text, which is written right to left; threadeck cannot lay out right-to-left scripts yet and refuses rather than draw it reversed`,
    });
  };
  check(thread.title, 'the title', { line: 1, column: 1, path: 'title' });
  check(thread.author.name, 'the author name', { line: 1, column: 1, path: 'author.name' });
  for (const post of thread.posts) {
    check(postTexts(post).join('\n'), `post ${post.number}`, { ...post.position, path: `posts[${post.number - 1}]` });
  }
  return out;
}

/** Warnings for characters no bundled font covers (they would show as boxes), per post. */
export function coverageWarnings(thread: Thread, fonts: readonly FontFace[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (text: string, where: string, at: Partial<Diagnostic>) => {
    // Pseudo-bold math letters are folded to plain letters before drawing, so check the folded text.
    const missing = uncoveredCodePoints(foldText(text), fonts);
    if (!missing.length) return;
    out.push({
      severity: 'warning',
      rule: 'missing-glyph',
      file: thread.file,
      ...at,
      message: `${where} has characters no bundled font can draw (they show as empty boxes): ${formatCodePoints(missing)}`,
    });
  };
  check([thread.title, thread.author.name].join('\n'), 'the title or author name', { line: 1, column: 1 });
  for (const post of thread.posts) {
    check(postTexts(post).join('\n'), `post ${post.number}`, { ...post.position, path: `posts[${post.number - 1}]` });
  }
  return out;
}
