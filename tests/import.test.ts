// The importer, format by format: the right posts with the author's text intact, page noise and
// replies removed (and listed), doubtful lines kept and flagged, metadata found, output valid.
import { describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { importThread } from '../src/import/import-thread.ts';
import { threadFromImport } from '../src/import/load-input.ts';
import { threadToYaml } from '../src/import/thread-yaml.ts';
import { detectFormat } from '../src/import/detect.ts';
import { toLines } from '../src/import/lines.ts';
import { findDate } from '../src/import/dates.ts';
import { stripLeadingMarker, stripTrailingMarker, leadingMarker } from '../src/import/markers.ts';
import { dateOfStatusId, statusIdOf } from '../src/import/dates.ts';
import { readPageTitle } from '../src/import/page-title.ts';
import { unescapeLine } from '../src/import/unescape.ts';
import { cleanUrl } from '../src/import/front-matter.ts';
import { loadThread } from '../src/load/load-thread.ts';
import type { ImportOptions, ImportResult } from '../src/import/types.ts';

const FIX = 'tests/fixtures/import';

async function imp(file: string, opts: ImportOptions = {}): Promise<ImportResult> {
  return importThread(readFileSync(file, 'utf8'), { file, baseDir: path.dirname(file), ...opts });
}

const texts = (r: ImportResult) => r.thread.posts.map((p) => (typeof p === 'string' ? p : p.text));
const reasons = (r: ImportResult) => r.removed.map((x) => `${x.text} → ${x.reason}`);
const removedText = (r: ImportResult) => r.removed.map((x) => x.text).join('\n');
const rules = (r: ImportResult) => r.warnings.map((w) => w.rule);

describe('the seed page (reader page with numbered post lines)', () => {
  const reference = parse(readFileSync('threads/devops-sre-platform-engineering.yaml', 'utf8')) as { posts: string[] };

  it('imports to exactly its 9 posts, text identical to the hand-made thread file', async () => {
    const r = await imp('tests/fixtures/seed-page.txt');
    expect(r.format).toBe('seed');
    expect(texts(r)).toEqual(reference.posts);
  });

  it('finds the handle, the date and the title; the name is the handle, said in a warning', async () => {
    const r = await imp('tests/fixtures/seed-page.txt');
    expect(r.thread.title).toBe('DevOps, SRE, and Platform Engineering');
    expect(texts(r)[0]!.split('\n')[0]).toBe('DevOps, SRE, and Platform Engineering (thread)'); // the post keeps "(thread)"
    expect(r.thread.author).toEqual({ name: 'iximiuz', handle: '@iximiuz' });
    expect(r.thread.date).toBe('2026-03-26');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ rule: 'import-author', severity: 'warning' });
    expect(r.warnings[0]!.message).toContain('only by the handle @iximiuz');
  });

  it('removes the page noise and lists every removed line with its line number and reason', async () => {
    const r = await imp('tests/fixtures/seed-page.txt');
    const list = reasons(r);
    for (const noise of ['Advertisement → ad', '10 views Mar 26, 2026 → view count', 'Actions → reader-site menu', 'Visual Editor Carousel Maker NEW → reader-site menu',
      'Update Thread → reader-site menu', 'What You Can Do → reader-site menu', '• Download as PDF → reader-site menu', '• Save to Notion → reader-site menu',
      '• Export as Markdown → reader-site menu', '• Visual Editor → reader-site menu', '• LinkedIn & Instagram Carousel Maker → reader-site menu',
      'Create Free Account → reader-site menu', 'Includes 7-day Premium trial → reader-site menu', '@iximiuz: DevOps, SRE, and Platform Engi... → page title bar']) {
      expect(list).toContain(noise);
    }
    expect(r.removed.find((x) => x.text === 'Actions')!.line).toBe(51);
    expect(r.removed.filter((x) => x.reason === 'post number').map((x) => x.text)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    // Every input line is either in a post, blank, or listed as removed.
    const seed = readFileSync('tests/fixtures/seed-page.txt', 'utf8').split('\n');
    const kept = texts(r).join('\n');
    for (const [i, line] of seed.entries()) {
      if (!line.trim()) continue;
      expect(kept.includes(line.trim()) || r.removed.some((x) => x.line === i + 1), `line ${i + 1}: ${line}`).toBe(true);
    }
  });

  it('builds: the import validates as a thread file', async () => {
    const r = await imp('tests/fixtures/seed-page.txt');
    const thread = await threadFromImport(r, { file: 'tests/fixtures/seed-page.txt', baseDir: 'tests/fixtures' });
    expect(thread.posts).toHaveLength(9);
    expect(thread.posts[4]!.position.line).toBe(30); // post 5 starts on line 30 of the page
  });

  it('a line it does not know among the trailing page text is kept in the last post and flagged with its line number', async () => {
    const page = readFileSync('tests/fixtures/seed-page.txt', 'utf8').replace('Update Thread\n', 'Update Thread\nPS: slides are on my site\n');
    const r = await importThread(page, { file: 'page.txt' });
    expect(texts(r)).toHaveLength(9);
    expect(texts(r)[8]).toMatch(/iximiuz\.com\/en\/posts\/devop…\nPS: slides are on my site$/);
    const flag = r.warnings.find((w) => w.rule === 'import-unsure')!;
    expect(flag).toMatchObject({ file: 'page.txt', line: 54 });
    expect(flag.message).toContain('PS: slides are on my site');
  });

  it('an unknown line before post 1 is kept at the start of post 1 and flagged', async () => {
    const page = readFileSync('tests/fixtures/seed-page.txt', 'utf8').replace('@iximiuz\n10 views', '@iximiuz\nWritten on a train\n10 views');
    const r = await importThread(page, { file: 'page.txt' });
    expect(texts(r)[0]!.startsWith('Written on a train\nDevOps, SRE')).toBe(true);
    expect(r.warnings.find((w) => w.rule === 'import-unsure')).toMatchObject({ line: 6 });
  });
});

describe('Markdown clippings', () => {
  it('thread-reader clipping: 6 posts, reply, menus, link card, prompts and the "More from" feed removed, "1/" markers stripped', async () => {
    const r = await imp(`${FIX}/reader-clip.md`);
    expect(r.format).toBe('markdown');
    expect(texts(r)).toEqual([
      "We cut our median pull request from 600 lines to 120.\n\nDeploys per week went from 38 to 123. Here is what changed, and what didn't. 🧵",
      'First, we stopped treating "small" as a rule and started treating it as a habit.\n\nNo line limits, no bots shouting at you. Just one question in review: "could this be two PRs?"',
      'Feature flags made the difference. We wrote about [how we use them](https://example.com/flags).',
      'The numbers, six months in:\nPR size: 600 → 120 lines\nReview time: 2 days → 3 hours',
      "What didn't change: incidents. Smaller changes did not mean more breakage — if anything, rollbacks got boring.",
      'Try it for one sprint. Ask "could this be two PRs?" on every review and count your deploys.',
    ]);
    expect(r.thread.posts[3]).toMatchObject({ image: './images/chart.png', alt: 'Bar chart of weekly deploys' });
    expect(r.thread.author).toEqual({ name: 'Maya Okafor', handle: '@mayaships' });
    expect(r.thread.date).toBe('2026-02-11');
    expect(r.thread.source).toBe('https://x.com/mayaships/status/1889000000000000001');
    expect(r.thread.title).toBe('We cut our median pull request from 600 lines to 120.');
    const list = reasons(r);
    expect(list).toContain('This is gold. Saving it for our next retro. → reply by @samlee (--keep-replies keeps it)');
    expect(list).toContain('From example.com → link card');
    expect(list).toContain('Advertisement → ad');
    expect(list).toContain('Did Thread Reader help you today? → reader-site prompt');
    expect(list.some((x) => x.startsWith('Missing some Tweet in this thread?') && x.endsWith('reader-site prompt'))).toBe(true);
    expect(list).toContain('Code review is a conversation, not a gate. A thread on how we run reviews. → "More from" feed');
    expect(r.removed.filter((x) => x.reason === 'post number marker').map((x) => x.text)).toEqual(['1/', '2/', '3/', '4/', '5/', '6/']);
    expect(r.warnings).toEqual([]);
  });

  it('--keep-replies keeps the reply as a post quoting it, and the markers still match', async () => {
    const r = await imp(`${FIX}/reader-clip.md`, { keepReplies: true });
    expect(r.thread.posts).toHaveLength(7);
    expect(r.thread.posts[3]).toEqual({ text: 'Reply from @samlee:', quote: { author: { name: 'Sam Lee', handle: '@samlee' }, text: 'This is gold. Saving it for our next retro.' } });
    expect(texts(r)[4]).toBe('The numbers, six months in:\nPR size: 600 → 120 lines\nReview time: 2 days → 3 hours');
  });

  it('x.com clipping: a header per post, replies and page furniture removed, code kept byte for byte, entities decoded', async () => {
    const r = await imp(`${FIX}/x-clip.md`);
    expect(r.format).toBe('markdown');
    expect(texts(r)).toEqual([
      'DevOps, SRE, and Platform Engineering 🧵\n\nSharing my understanding of things after working in this domain for about two years.',
      'Dev - this is about application development, aka business logic.',
      'Ops - this is about the efficient deployment of the stuff created by Dev & kept running by SRE.\n\n```yaml\ndeploy:\n  strategy: rolling\n\n  maxUnavailable: 1\n```',
      'SRE - this is about keeping the deployed service alive. Full post: [iximiuz.com/en/posts/devop…](https://iximiuz.com/en/posts/devops-sre-and-platform-engineering/)',
    ]);
    expect(r.thread.title).toBe('DevOps, SRE, and Platform Engineering');
    expect(r.thread.author).toEqual({ name: 'Ivan Velichko', handle: '@iximiuz' });
    expect(r.thread.date).toBe('2026-03-26');
    const list = reasons(r);
    for (const x of ['Great breakdown, thanks for sharing! → reply by @janedoe (--keep-replies keeps it)', 'Replying to @iximiuz → x.com page text',
      '12 Replies · 45 Reposts · 300 Likes → engagement counts', '1,234 Views → view count', '10:02 AM · Mar 26, 2026 → x.com post time',
      'Show more replies → x.com page text', 'Terms of Service · Privacy Policy · Cookie Policy → x.com page text', '1/4 → post number marker', '4/4 → post number marker']) {
      expect(list).toContain(x);
    }
  });
});

describe('numbered and plain text', () => {
  it('"1/" posts: blank lines and a numbered list inside a post stay in it; an ad line goes', async () => {
    const r = await imp(`${FIX}/numbered.txt`);
    expect(r.format).toBe('numbered');
    expect(texts(r)).toEqual([
      'Shipping small PRs: what six months taught us 🧵\n\nIt took a while, and not everything worked.',
      'First, three habits helped the most:\n\n1. feature flags\n2. a review rotation\n3. CI under ten minutes',
      'Feature flags made the difference.\nUnfinished work merges behind a flag, so nobody waits a week.',
      'Try it for one sprint and count your deploys.',
    ]);
    expect(r.thread.title).toBe('Shipping small PRs: what six months taught us');
    expect(r.thread.author.handle).toBe('@mayaships');
    expect(reasons(r)).toContain('Advertisement → ad');
  });

  it('other markers: "(1/3)", "1/3" and "1." at the start of a paragraph', async () => {
    for (const text of ['(1/3) One\n\n(2/3) Two\nstill two\n\n(3/3) Three', '1/3 One\n\n2/3 Two\nstill two\n\n3/3 Three', '1. One\n\n2. Two\nstill two\n\n3. Three']) {
      const r = await importThread(text, { file: 'x.txt', author: 'Maya Okafor @mayaships' });
      expect(r.format).toBe('numbered');
      expect(texts(r)).toEqual(['One', 'Two\nstill two', 'Three']);
    }
  });

  it('plain text: each blank-line block is a post (a fenced code block is one block); a doubtful line is kept and flagged', async () => {
    const r = await imp(`${FIX}/plain.txt`);
    expect(r.format).toBe('plain');
    expect(texts(r)).toEqual([
      'Small PRs ship faster. Here is what we learned in six months.',
      'First, we stopped treating "small" as a rule.\nJust one question in review: "could this be two PRs?"',
      'Our deploy script is still this short:\n```sh\ngit push\n\n./deploy.sh --canary\n```',
      'Download as PDF for the slides from our talk.',
      'Try it for one sprint.',
    ]);
    expect(reasons(r)).toEqual(['Advertisement → ad']);
    const unsure = r.warnings.find((w) => w.rule === 'import-unsure')!;
    expect(unsure).toMatchObject({ line: 15, file: `${FIX}/plain.txt` });
    expect(unsure.message).toContain('Download as PDF for the slides');
    expect(r.thread.author.name).toBe('Unknown author');
    expect(rules(r)).toContain('import-author');
  });

  it('--title and --author override what the input says', async () => {
    const r = await imp(`${FIX}/plain.txt`, { title: 'Small PRs', author: 'Maya Okafor @mayaships' });
    expect(r.thread.title).toBe('Small PRs');
    expect(r.thread.author).toEqual({ name: 'Maya Okafor', handle: '@mayaships' });
    expect(rules(r)).not.toContain('import-author');
  });

  it('HTML leftovers in text are unwrapped; an embedded post becomes the quote', async () => {
    const text = [
      'Great point by Ivan &amp; friends:<br>read it <a href="https://example.com/x">here</a>',
      '<blockquote class="twitter-tweet"><p lang="en">Dev, Ops, and SRE are about areas of focus.</p>&mdash; Ivan Velichko (@iximiuz) <a href="https://twitter.com/iximiuz/status/1">March 26, 2026</a></blockquote>',
      '',
      'Second post.',
    ].join('\n');
    const r = await importThread(text, { file: 'x.txt', author: 'Maya Okafor @mayaships' });
    expect(r.thread.posts[0]).toEqual({
      text: 'Great point by Ivan & friends:\nread it [here](https://example.com/x)',
      quote: { author: { name: 'Ivan Velichko', handle: '@iximiuz' }, text: 'Dev, Ops, and SRE are about areas of focus.' },
    });
    expect(texts(r)[1]).toBe('Second post.');
  });
});

describe('JSON', () => {
  it('an array of strings and objects (image next to the input, quote)', async () => {
    const r = await imp(`${FIX}/posts.json`);
    expect(r.format).toBe('json');
    expect(r.thread.posts).toEqual([
      'Small PRs ship faster. A thread.',
      { text: 'We cut our median pull request from 600 lines to 120.', image: './images/chart.png', alt: 'Deploys per week' },
      { text: 'Quoting a friend on this one', quote: { author: { name: 'Ivan Velichko', handle: '@iximiuz' }, text: 'Small batches, fast feedback.' } },
      'Try it for one sprint.',
    ]);
    expect(r.postLines).toEqual([2, 3, 4, 5]);
  });

  it('an object with title, author ("Name @handle"), date, source and posts', async () => {
    const r = await imp(`${FIX}/thread.json`);
    expect(r.thread).toEqual({
      title: 'Small PRs ship faster',
      author: { name: 'Maya Okafor', handle: '@mayaships' },
      date: '2026-02-11',
      source: 'https://example.com/maya/small-prs',
      posts: ['We cut our median pull request from 600 lines to 120.', 'Feature flags made the difference.', 'Try it for one sprint.'],
    });
  });

  it('X API objects: oldest first, t.co links expanded, entities decoded, media reported, a reply by another account removed', async () => {
    const r = await imp(`${FIX}/x-api.json`);
    expect(texts(r)).toEqual([
      'DevOps, SRE, and Platform Engineering (thread)\n\nDev - this is about application development, aka business logic.',
      'Ops - deploying the stuff Dev & SRE care about. CI/CD, GitOps <and more>.',
      'Since many people found this thread helpful, I turned it into a blog post: https://iximiuz.com/en/posts/devops-sre-and-platform-engineering/',
    ]);
    expect(r.thread.author).toEqual({ name: 'Ivan Velichko', handle: '@iximiuz' });
    expect(r.thread.date).toBe('2026-03-26');
    expect(r.thread.source).toBe('https://x.com/iximiuz/status/1772000000000000001');
    expect(reasons(r)).toContain('@iximiuz Where does platform engineering fit? → reply by @janedoe (--keep-replies keeps it)');
    expect(r.warnings.find((w) => w.rule === 'import-image')!.message).toContain('https://pbs.twimg.com/media/Ab12.jpg is a URL');
  });

  it("an X archive (window.YTD.tweets.part0 = …): the script prefix, tweet wrappers, the order, the markers", async () => {
    const r = await imp(`${FIX}/tweets.js`);
    expect(r.format).toBe('json');
    expect(texts(r)).toEqual(['Small PRs ship faster 🧵', 'Feature flags made the difference.']);
    expect(r.thread.date).toBe('2026-02-11');
  });

  it('a broken .json file is a positioned error, not plain text', async () => {
    await expect(importThread('[\n  "one",\n  "two"\n  "three"\n]', { file: 'x.json' })).rejects.toMatchObject({ diagnostics: [expect.objectContaining({ file: 'x.json', line: 4 })] });
  });
});

describe('HTML', () => {
  it('a saved thread-reader page: posts from .content-tweet, entities decoded, links as Markdown, emoji images as emoji, the embedded post as a quote', async () => {
    const r = await imp(`${FIX}/reader-page.html`);
    expect(r.format).toBe('html');
    expect(r.thread.posts).toEqual([
      'Small pull requests ship faster 🧵\n\nWe cut our median PR from 600 lines to 120 & deploys went from 38 to 123.',
      {
        text: "Feature flags made the difference. **No** long-lived branches, see [how we use flags](https://example.com/flags) and @iximiuz's take:",
        quote: { author: { name: 'Ivan Velichko', handle: '@iximiuz' }, text: "Small batches, fast feedback — that's the whole trick." },
      },
      { text: 'The numbers, six months in:\nPR size: 600 → 120 lines\nReview time: 2 days → 3 hours', image: './images/chart.png', alt: 'Bar chart of weekly deploys' },
      "What didn't change: incidents.",
    ]);
    expect(r.thread.author).toEqual({ name: 'Maya Okafor', handle: '@mayaships' });
    expect(r.thread.date).toBe('2026-02-11');
    expect(r.thread.source).toBe('https://threadreaderapp.com/thread/1889000000000000001.html');
    expect(r.warnings.map((w) => [w.rule, w.line])).toEqual([['import', 20], ['import-image', 24]]);
    expect(r.warnings[1]!.message).toContain('https://pbs.twimg.com/media/Xyz.jpg is a URL');
    expect(reasons(r)).toContain('example.com · Feature flags at work · How we ship unfinished work safely → link card');
  });

  it('a page that only embeds posts: each embed is a post; one by another account is a reply', async () => {
    const r = await imp(`${FIX}/embeds.html`);
    expect(texts(r)).toEqual(['We cut our median pull request from 600 lines to 120. Here is what changed. 🧵', 'Feature flags made the difference.\n\nUnfinished work merges behind a flag.']);
    expect(r.thread.author).toEqual({ name: 'Maya Okafor', handle: '@mayaships' });
    expect(r.thread.date).toBe('2026-02-11');
    expect(reasons(r)).toContain('Love this. What about hotfixes? → reply by @samlee (--keep-replies keeps it)');
  });

  it('a saved x.com page: tweetText in articles, author and time from the article, replies removed', async () => {
    const r = await imp(`${FIX}/x-page.html`);
    expect(texts(r)).toEqual(['DevOps, SRE, and Platform Engineering (thread)\n\nDev - this is about application development.', 'Ops - this is about deploying what Dev builds.']);
    expect(r.thread.author).toEqual({ name: 'Ivan Velichko', handle: '@iximiuz' });
    expect(r.thread.date).toBe('2026-03-26');
    expect(removedText(r)).toContain('Great breakdown!');
  });

  it('any other page is read as text: menus and footers removed, then the text recognisers (here "1/")', async () => {
    const r = await imp(`${FIX}/page-text.html`);
    expect(texts(r)).toEqual(['Small PRs ship faster — here is why.', 'Reviews take _minutes_, not days.\nNobody dreads a 50-line diff.', 'Read the [full write-up](https://example.com/small-prs).']);
    expect(r.thread.author.name).toBe('Maya Okafor');
    expect(reasons(r)).toEqual(expect.arrayContaining(['Home About → page menu', "© 2026 Maya's blog → page chrome"]));
    expect(r.postLines).toEqual([6, 7, 8]);
  });
});

describe('detection, forcing, output', () => {
  it('detects each fixture format', () => {
    const expected: Record<string, string> = {
      'reader-clip.md': 'markdown', 'x-clip.md': 'markdown', 'numbered.txt': 'numbered', 'plain.txt': 'plain', 'posts.json': 'json', 'thread.json': 'json',
      'x-api.json': 'json', 'tweets.js': 'json', 'reader-page.html': 'html', 'embeds.html': 'html', 'x-page.html': 'html', 'page-text.html': 'html',
    };
    for (const [name, format] of Object.entries(expected)) {
      const text = readFileSync(`${FIX}/${name}`, 'utf8');
      expect(detectFormat(text, toLines(text), path.extname(name).slice(1)), name).toBe(format);
    }
    const seed = readFileSync('tests/fixtures/seed-page.txt', 'utf8');
    expect(detectFormat(seed, toLines(seed))).toBe('seed');
  });

  it('--from forces a format: numbered posts read as plain text become blank-line blocks', async () => {
    const r = await imp(`${FIX}/numbered.txt`, { from: 'plain' });
    expect(r.format).toBe('plain');
    expect(texts(r)).toHaveLength(6);
  });

  it('nothing to import is an error naming the file', async () => {
    await expect(importThread('   \n', { file: 'empty.txt' })).rejects.toThrow(/empty\.txt:1:1: the input is empty/);
    await expect(importThread('Advertisement\n\nActions\n', { file: 'noise.txt' })).rejects.toThrow(/no posts found, reading it as plain text \(2 lines were page text/);
  });

  it('every fixture imports into YAML that loads as a thread file, with the schema line', async () => {
    for (const name of ['reader-clip.md', 'x-clip.md', 'numbered.txt', 'plain.txt', 'posts.json', 'thread.json', 'x-api.json', 'tweets.js', 'reader-page.html', 'embeds.html', 'x-page.html', 'page-text.html']) {
      const r = await imp(`${FIX}/${name}`, { outDir: FIX });
      const yaml = threadToYaml(r.thread, { dir: FIX });
      expect(yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../schema/thread.schema.json');
      const file = path.join(FIX, `.tmp-${name}.yaml`);
      writeFileSync(file, yaml);
      try {
        const thread = await loadThread(file);
        expect(thread.posts.map((p) => p.text), name).toEqual(texts(r));
      } finally {
        rmSync(file, { force: true });
      }
    }
  });
});

describe('units', () => {
  it('dates as pages write them', () => {
    expect(findDate('10 views Mar 26, 2026')).toBe('2026-03-26');
    expect(findDate('26 March 2026')).toBe('2026-03-26');
    expect(findDate('2026-03-26T10:00:00.000Z')).toBe('2026-03-26');
    expect(findDate('Thu Mar 26 23:30:00 -0200 2026')).toBe('2026-03-27');
    expect(findDate('Feb 30, 2026')).toBeUndefined();
  });

  it('markers: only the post\'s own number is stripped, fractions stay', () => {
    expect(stripLeadingMarker('1/ Hello', 1)).toBe('Hello');
    expect(stripLeadingMarker('(2/9) Hello', 2)).toBe('Hello');
    expect(stripLeadingMarker('1/2 cup of flour', 3)).toBe('1/2 cup of flour');
    expect(stripTrailingMarker('Hello 🧵 1/9', 1, 9)).toBe('Hello 🧵');
    expect(stripTrailingMarker('Mix about 1/2', 1, 9)).toBe('Mix about 1/2');
  });
});

describe('front matter and clippings (issue 17)', () => {
  it('front matter is metadata: parsed, mapped, removed with its reasons, never a post', async () => {
    const text = ['---', 'title: "Name (@maya) on X"', 'url: https://x.com/maya/status/1889000000000000001?s=20&t=abc', 'author: "[[Maya Okafor]]"', 'published: 2026-02-11', 'tags: [clippings]', '---', 'First post.', '', 'Second post.'].join('\n');
    const r = await importThread(text, { file: 'clip.md' });
    expect(r.thread).toMatchObject({ title: 'First post.', author: { name: 'Maya Okafor', handle: '@maya' }, date: '2026-02-11', source: 'https://x.com/maya/status/1889000000000000001' });
    expect(texts(r)).toEqual(['First post.', 'Second post.']);
    expect(r.removed.slice(0, 7).map((x) => x.reason)).toEqual(['front matter', 'front matter (title)', 'front matter (url)', 'front matter (author)', 'front matter (published)', 'front matter (tags)', 'front matter']);
  });

  it('"---" posts at the top are not front matter; broken YAML is still read key by key', async () => {
    const posts = await importThread('---\n\nFirst post, not metadata.\n\n---\n\nSecond post.', { file: 'x.md', author: 'Maya @maya' });
    expect(texts(posts)).toEqual(['First post, not metadata.', 'Second post.']);
    const broken = await importThread('---\ntitle: Notes: on "small PRs"\nsource: https://example.com/t\n\tbad: [\n---\nOne post.', { file: 'x.md', author: 'Maya @maya' });
    expect(broken.thread).toMatchObject({ source: 'https://example.com/t' });
    expect(texts(broken)).toEqual(['One post.']);
  });

  it('page titles: boilerplate gives the author, a real title loses its read time', () => {
    expect(readPageTitle('Thread by @bcherny on Thread Reader App')).toEqual({ author: { handle: 'bcherny' }, kind: 'thread-reader' });
    expect(readPageTitle('Andranik Sahakyan (@antonplex) on X')).toMatchObject({ author: { name: 'Andranik Sahakyan', handle: 'antonplex' } });
    expect(readPageTitle('Maya 🚀 #BuildInPublic on X: "We cut our PRs…" / X')).toMatchObject({ author: { name: 'Maya 🚀 #BuildInPublic' }, hint: 'We cut our PRs' });
    expect(readPageTitle('Post by @iximiuz')?.title).toBeUndefined();
    expect(readPageTitle('Sakana Fugu (3 minute read)')?.title).toBe('Sakana Fugu');
  });

  it('clipper escapes go where the text reads the same; markers may be escaped', () => {
    expect(unescapeLine('use mlx\\_vlm and snake\\_case')).toBe('use mlx_vlm and snake_case');
    expect(unescapeLine('1\\. Timeline first')).toBe('1. Timeline first');
    expect(unescapeLine('\\*not emphasis\\*')).toBe('\\*not emphasis*'); // still no emphasis
    expect(unescapeLine('`a\\_b` stays')).toBe('`a\\_b` stays');
    expect(leadingMarker('1\\. First')).toMatchObject({ n: 1, style: 'dot' });
    expect(leadingMarker('\\[2/5\\] Two')).toMatchObject({ n: 2, total: 5 });
  });

  it('status ids carry their date; URLs lose tracking parameters', () => {
    expect(dateOfStatusId('2007179832300581177')).toBe('2026-01-02');
    expect(dateOfStatusId('12345')).toBeUndefined();
    expect(statusIdOf('https://threadreaderapp.com/thread/2007179832300581177.html?utm_source=x')).toBe('2007179832300581177');
    expect(cleanUrl('https://threadreaderapp.com/thread/1.html?utm_source=tldr&utm_medium=email')).toBe('https://threadreaderapp.com/thread/1.html');
    expect(cleanUrl('https://example.com/a?id=3&utm_source=x#top')).toBe('https://example.com/a?id=3#top');
  });

  it('a clipper\'s paragraph breaks ("text␠␠" + "␠␠") keep a post together; empty lines then part posts', async () => {
    const text = 'Intro, first paragraph.  \n  \nIntro, second paragraph.\n\n1/ One.\n\n2/ Two, first.  \n  \nTwo, second.\n\nThanks for reading!';
    const r = await importThread(text, { file: 'x.md', author: 'Maya @maya' });
    expect(texts(r)).toEqual(['Intro, first paragraph.\n\nIntro, second paragraph.', 'One.', 'Two, first.\n\nTwo, second.', 'Thanks for reading!']);
  });

  it('numbered text: an unnumbered intro and, when every post is one paragraph, a closing post are posts', async () => {
    const r = await importThread('Small PRs, a thread 🧵\n\n1/ One.\n\n2/ Two.\n\n3/ Three.\n\nFollow me for more.', { file: 'x.txt', author: 'Maya @maya' });
    expect(r.format).toBe('numbered');
    expect(texts(r)).toEqual(['Small PRs, a thread 🧵', 'One.', 'Two.', 'Three.', 'Follow me for more.']);
    const merged = await importThread('1/ One.\n\nstill one.\n\n2/ Two.\n\nstill two.', { file: 'x.txt', author: 'Maya @maya' });
    expect(texts(merged)).toEqual(['One.\n\nstill one.', 'Two.\n\nstill two.']);
  });

  it('x.com order: the author\'s answer to a reply is left out (warned) unless its number continues the thread', async () => {
    const h = (name: string, handle: string, id: number) => `**${name}** @${handle} [2026-03-26](https://x.com/${handle}/status/17720000000000000${id})`;
    const text = [h('Ivan', 'iximiuz', 10), '', 'One 1/3', '---', h('Jane', 'janedoe', 20), '', 'Nice!', '---', h('Ivan', 'iximiuz', 21), '', 'Thanks Jane!', '---', h('Ivan', 'iximiuz', 11), '', 'Two 2/3', '---', h('Ivan', 'iximiuz', 12), '', '3/ Three'].join('\n').replace(/\n---\n/g, '\n\n---\n\n');
    const r = await importThread(text, { file: 'x.md' });
    expect(texts(r)).toEqual(['One', 'Two', 'Three']);
    expect(r.warnings.find((w) => w.rule === 'import-unsure')?.message).toContain('answers other people');
    expect(r.removed.find((x) => x.text === 'Thanks Jane!')?.reason).toContain("the author's answer to a reply");
    const kept = await importThread(text, { file: 'x.md', keepReplies: true });
    expect(texts(kept)).toEqual(['One', 'Reply from @janedoe:', 'Thanks Jane!', 'Two', 'Three']);
  });

  it("a clipper's quoted post (a block quote opening with its author line) becomes the post's quote", async () => {
    const text = '**Ivan Velichko** @iximiuz [2026-03-26](https://x.com/iximiuz/status/1772000000000000001)\n\nWorth reading:\n\n> **Jane Doe** @jane\\_doe [2026-03-20](https://x.com/jane_doe/status/1770000000000000001)\n>\n> Ship paved roads, not gates: snake\\_case.\n\n---\n\n**Ivan Velichko** @iximiuz [2026-03-26](https://x.com/iximiuz/status/1772000000000000002)\n\nSecond.';
    const r = await importThread(text, { file: 'x.md' });
    expect(r.thread.posts).toEqual([{ text: 'Worth reading:', quote: { author: { name: 'Jane Doe', handle: '@jane_doe' }, text: 'Ship paved roads, not gates: snake_case.' } }, 'Second.']);
  });

  it('Obsidian embeds are images, videos are left out with a warning', async () => {
    const dir = path.resolve(FIX);
    const r = await importThread('One ![[chart.png|Weekly deploys]]\n\nTwo <video controls=""><source src="https://video.twimg.com/v.mp4" type="video/mp4"></video>', { file: 'x.txt', baseDir: path.join(dir, 'images'), author: 'Maya @maya' });
    expect(r.thread.posts).toEqual([{ text: 'One', image: './chart.png', alt: 'Weekly deploys' }, 'Two']);
    expect(r.warnings.find((w) => w.message.includes('video'))?.message).toContain('https://video.twimg.com/v.mp4');
    expect(r.removed.find((x) => x.reason.startsWith('video'))?.text).toContain('<video');
  });
});
