// The clippings corpus (tests/fixtures/clippings/): files as web clippers save them — Obsidian Web
// Clipper, MarkDownload, RSS and newsletter clippers, thread-reader pages as Markdown and as raw
// text with HTML residue, x.com pages with replies — each with its expected title, author, handle,
// date, source and the first words of every post (expected.json). Each imports to exactly those
// posts, nothing of the page inside them, every input line accounted for, and builds into cards.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { importThread } from '../src/import/import-thread.ts';
import { threadFromImport } from '../src/import/load-input.ts';
import { build } from '../src/build.ts';
import type { ImportResult } from '../src/import/types.ts';
import { runCli, tempDir } from './helpers.ts';

const DIR = 'tests/fixtures/clippings';

interface Expected {
  shape: string;
  format: string;
  title: string;
  name: string;
  handle: string | null;
  date: string | null;
  source: string | null;
  /** The first words of every post, in order. */
  posts: string[];
  /** Each warning's rule and a piece of its message, in order; no other warning. */
  warnings: { rule: string; includes: string }[];
  /** Text that must be in no post: other people's replies, page furniture. */
  absent: string[];
  /** Post number (1-based) → the image it shows. */
  images?: Record<string, string>;
}

const expected = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Record<string, Expected>;
const files = readdirSync(DIR).filter((f) => /\.(md|txt)$/.test(f)).sort();

/** Text no imported post may hold, whatever the clipping: front matter, page furniture, residue. */
const NEVER = [
  /^(title|source|url|author|published|created|tags|description|captured_at):/m,
  /^---$/m,
  /^\s*([•·*]\s*){3,}$/m,
  /thread#showTweet|data-tweet=|data-screenname=|share-email#|twitter-profile#/,
  /Thread Reader|threadreaderapp|Enter URL or ID to Unroll|Missing some Tweet|This Thread may be Removed|Keep Current with|Send Email|More from @|Donate|Premium/i,
  /\b\d[\d,.]*[KM]?\s+views\b/i,
  /\btweets • /,
  /!\[\[|<video|<source/,
  /Help \| About/,
  /\\[_.[\]]/,
];

async function imp(file: string, keepReplies = false): Promise<ImportResult> {
  return importThread(readFileSync(path.join(DIR, file), 'utf8'), { file: path.join(DIR, file), baseDir: DIR, keepReplies });
}
const texts = (r: ImportResult) => r.thread.posts.map((p) => (typeof p === 'string' ? p : p.text));
const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe('the clippings corpus', () => {
  it('has at least 12 clippings, each with its expectations', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(Object.keys(expected).sort()).toEqual(files);
  });

  for (const file of files) {
    const want = expected[file]!;
    describe(`${file} — ${want.shape}`, () => {
      it('imports to the expected posts, in order, with title, author, handle, date and source', async () => {
        const r = await imp(file);
        expect(r.format).toBe(want.format);
        expect(r.thread.title).toBe(want.title);
        expect(r.thread.author.name).toBe(want.name);
        expect(r.thread.author.handle ?? null).toBe(want.handle);
        expect(r.thread.date ?? null).toBe(want.date);
        expect(r.thread.source ?? null).toBe(want.source);
        const got = texts(r);
        expect(got).toHaveLength(want.posts.length);
        got.forEach((text, i) => expect(words(text).slice(0, words(want.posts[i]!).length).join(' '), `post ${i + 1}`).toBe(want.posts[i]));
        for (const [n, image] of Object.entries(want.images ?? {})) expect(r.thread.posts[Number(n) - 1]).toMatchObject({ image });
      });

      it('has no front matter, page furniture or other person\'s reply in any post', async () => {
        const r = await imp(file);
        for (const [i, text] of texts(r).entries()) {
          for (const re of NEVER) expect(re.test(text), `post ${i + 1} matches ${re}: ${text}`).toBe(false);
          for (const s of want.absent) expect(text.includes(s), `post ${i + 1} holds "${s}"`).toBe(false);
        }
      });

      it('warns exactly as expected', async () => {
        const r = await imp(file);
        expect(r.warnings.map((w) => ({ rule: w.rule, message: w.message }))).toEqual(want.warnings.map((w) => ({ rule: w.rule, message: expect.stringContaining(w.includes) })));
      });

      it('accounts for every line: in a post, or listed as removed with a reason', async () => {
        const r = await imp(file);
        const removed = new Set(r.removed.map((x) => x.line));
        expect(r.removed.every((x) => x.reason.length > 0)).toBe(true);
        const kept = texts(r).join('\n').replace(/\\/g, '');
        const lost: string[] = [];
        for (const [i, line] of readFileSync(path.join(DIR, file), 'utf8').split('\n').entries()) {
          if (!line.trim() || removed.has(i + 1)) continue;
          const core = line
            .replace(/\\/g, '')
            .replace(/!\[[^\]]*\]\([^)]*\)|!\[\[[^\]]*\]\]/g, '')
            .replace(/^\s*[([]?\d{1,3}(\/\d{0,3}|\.)[)\]]?\s+/, '')
            .replace(/\s+\d{1,3}\/\d{1,3}\s*$/, '')
            .trim();
          if (core && !kept.includes(core.slice(0, 40))) lost.push(`${i + 1}: ${line}`);
        }
        expect(lost).toEqual([]);
      });
    });
  }

  it('--keep-replies keeps other people\'s replies as quoting posts and the author\'s answers as posts', async () => {
    const r = await imp('obsidian-x-long-post.md', true);
    expect(r.thread.posts).toHaveLength(6);
    expect(r.thread.posts[1]).toMatchObject({ text: 'Reply from @mchen_sre:', quote: { author: { name: 'Marcus Chen', handle: '@mchen_sre' } } });
    expect(texts(r)[2]).toMatch(/^The facilitator's only job/);
    expect(r.thread.posts[3]).toMatchObject({ quote: { author: { name: 'Priti 🌻 #SRE', handle: '@priti_builds' } } });
    expect(r.warnings.some((w) => w.message.includes('answers other people'))).toBe(false);
    const comments = await imp('defuddle-x-comments.md', true);
    expect(texts(comments).slice(3)).toEqual(['Reply from @noahk_design:', "It's the hardest one! Writing it down before the test keeps me honest.", 'Reply from @ritag:']);
  });

  it('every removed line has its reason; front matter lines say so', async () => {
    const r = await imp('obsidian-reader-soft.md');
    const reasons = r.removed.map((x) => `${x.line}: ${x.reason}`);
    expect(reasons.slice(0, 4)).toEqual(['1: front matter', '2: front matter (title)', '3: front matter (source)', '4: front matter (author)']);
    expect(r.removed.find((x) => x.text === '## Enter URL or ID to Unroll')?.reason).toBe('unroll prompt');
    expect(r.removed.find((x) => x.text === '23,417 views')?.reason).toBe('view count');
    expect(r.removed.find((x) => x.text.includes('sticky-note'))?.reason).toBe('link card');
    expect(r.removed.find((x) => x.text.startsWith('[**Gateway endpoints'))?.reason).toBe('link card');
    expect(r.removed.find((x) => x.text === '• • •')?.reason).toBe('end of the thread');
    expect(r.removed.find((x) => x.text.startsWith('1/ Our on-call'))?.reason).toBe('"More from" feed');
    const flat = await imp('obsidian-reader-flat.md');
    expect(flat.removed.find((x) => x.text.startsWith('0xfe58'))?.reason).toBe('donation prompt (wallet address)');
    expect(flat.removed.find((x) => x.text.startsWith('[Help]'))?.reason).toBe('reader-site footer');
  });
});

describe('the corpus round trip: import, then build', () => {
  it('each clipping imports into a valid thread file and renders into cards (library build)', async () => {
    for (const file of files) {
      const r = await imp(file);
      const thread = await threadFromImport(r, { file: path.join(DIR, file), baseDir: DIR });
      expect(thread.posts.length, file).toBe(expected[file]!.posts.length);
    }
    const out = tempDir('threadeck-corpus-');
    const report = await build(files.map((f) => path.join(DIR, f)), { outDir: out, formats: ['png'], jobs: 2 });
    for (const t of report.threads) {
      const file = path.basename(t.input);
      expect(t.errors, file).toEqual([]);
      expect(t.cards, file).toBeGreaterThanOrEqual(expected[file]!.posts.length);
      expect(readdirSync(path.join(out, t.slug!)).filter((f) => f.endsWith('.png')), file).toHaveLength(t.cards);
    }
    expect(report.threads).toHaveLength(files.length);
  }, 240_000);

  it('the CLI: import -o writes the thread file, --verbose lists front matter and furniture, build renders it', () => {
    if (!existsSync('dist/cli.js')) throw new Error('run `node scripts/build.mjs` first: the CLI runs from dist/');
    const dir = tempDir();
    const out = path.join(dir, 'kestrel.yaml');
    const r = runCli(['import', path.join(DIR, 'rss-reader-residue.md'), '-o', out, '--verbose']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${DIR}/rss-reader-residue.md:2: removed (front matter (source)): source: "https://threadreaderapp.com/thread/`);
    expect(r.stderr).toContain('removed (HTML residue (a post starts)): thread#showTweet" data-screenname="KestrelLabs"');
    expect(r.stderr).toContain('removed (donation prompt (wallet address)): 0xfe58350B80634f60Fa6Dc149a72b4DFbc17D341E');
    expect(r.stdout).toMatch(/→ .*kestrel\.yaml: 6 posts, read as reader page/);
    const data = parse(readFileSync(out, 'utf8'));
    expect(data).toMatchObject({ title: 'Kestrel Relay', author: { name: 'Kestrel Labs', handle: '@KestrelLabs' }, date: '2026-05-12' });
    const b = runCli(['build', out, '--out', path.join(dir, 'out'), '--format', 'png', '--json']);
    expect(b.code, b.stderr).toBe(0);
    expect(JSON.parse(b.stdout).threads[0]).toMatchObject({ errors: [], cards: 8 });
  }, 120_000);
});
