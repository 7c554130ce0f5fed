import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadThread, parseThread, ThreadeckError, formatDiagnostic, threadJsonSchema } from '../src/index.ts';

const fx = (name: string) => `tests/fixtures/threads/${name}`;

async function errorsOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ThreadeckError);
    return (err as ThreadeckError).diagnostics.map(formatDiagnostic);
  }
  throw new Error('expected the load to fail');
}

describe('loadThread', () => {
  it('loads a valid YAML thread with numbered posts and positions', async () => {
    const t = await loadThread(fx('good.yaml'));
    expect(t.title).toBe('Three small things');
    expect(t.author).toEqual({ name: 'Test Author', handle: '@tester' });
    expect(t.date).toBe('2026-01-02');
    expect(t.source).toBe('https://example.com/t/1');
    expect(t.slug).toBe('good');
    expect(t.posts.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(t.posts[1]!.text).toBe('The second post,\n\nwith two paragraphs.');
    expect(t.posts.map((p) => p.position.line)).toEqual([6, 7, 11]);
  });

  it('accepts JSON with the same shape', async () => {
    const t = await loadThread(fx('good.json'));
    expect(t.posts.map((p) => p.text)).toEqual(['One', 'Two']);
  });

  it('reports a YAML syntax error with file:line:column', async () => {
    const errors = await errorsOf(loadThread(fx('syntax-error.yaml')));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toBe('tests/fixtures/threads/syntax-error.yaml:6:5: this string has no closing "');
  });

  it('points an unclosed [ or { at its opener, not at the end of the file', async () => {
    const { parseYamlDocument } = await import('../src/load/yaml-document.ts');
    const at = (t: string) => parseYamlDocument(t, 'x.yaml').diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
    expect(at('title: x\nposts:\n  - [unclosed\n\n')).toEqual(['3:5 this [ has no closing ] (or the lines after it are not indented under it)']);
    expect(at('title: x\nposts:\n  - {text: one\n  - two\n')).toEqual(['3:5 this { has no closing } (or the lines after it are not indented under it)']);
    // brackets inside quotes and comments do not count
    expect(at("title: '[x' # {\nposts: [\"]\", [y\n")).toEqual(['2:14 this [ has no closing ] (or the lines after it are not indented under it)']);
  });

  it('reports every schema problem at once, each with its position and path', async () => {
    const errors = await errorsOf(loadThread(fx('schema-errors.yaml')));
    const f = 'tests/fixtures/threads/schema-errors.yaml';
    expect(errors).toEqual([
      `${f}:4:3 author.handel: unknown key "handel"`,
      `${f}:5:7 date: expected a date like 2026-03-26`,
      `${f}:8:5 posts[1]: expected a string or an object with text`,
      `${f}:9:11 posts[2].text: expected the post text as a string, got the number 7`,
      `${f}:10:5 posts[3].text: missing; expected the post text as a string`,
      `${f}:10:5 posts[3].txt: unknown key "txt"`,
      `${f}:11:5 posts[4]: the post cannot be empty`,
    ]);
  });

  it('names missing required fields', async () => {
    const errors = await errorsOf(parseThread('title: x\nposts: []\n', { file: 'm.yaml' }));
    expect(errors).toContain('m.yaml:1:1 author: missing; expected an object');
    expect(errors).toContain('m.yaml:2:8 posts: a thread needs at least one post');
  });

  it('refuses unknown YAML tags instead of ignoring them', async () => {
    const errors = await errorsOf(parseThread('title: !!js/function x\nauthor: {name: a}\nposts: [a]\n', { file: 't.yaml' }));
    expect(errors[0]).toMatch(/^t\.yaml:1:8: .*tag/i);
  });

  it('reports a missing file without a stack trace', async () => {
    const errors = await errorsOf(loadThread('tests/fixtures/threads/nope.yaml'));
    expect(errors).toEqual(['tests/fixtures/threads/nope.yaml: file not found']);
  });

  it('reports a missing or non-image avatar with the post path', async () => {
    const yaml = 'title: x\nauthor: { name: a, avatar: ./missing.png }\nposts:\n  - text: hi\n    image: ../seed-page.txt\n';
    const errors = await errorsOf(parseThread(yaml, { file: 'tests/fixtures/threads/img.yaml', baseDir: 'tests/fixtures/threads' }));
    expect(errors[0]).toMatch(/img\.yaml:2:28 author\.avatar: avatar: image "\.\/missing\.png" not found/);
    expect(errors[1]).toMatch(/img\.yaml:5:12 posts\[0\]\.image: post 1 image: .*outside the thread's folder/);
  });
});

describe('published JSON Schema', () => {
  it('schema/thread.schema.json is up to date (npm run schema)', () => {
    const committed = JSON.parse(readFileSync('schema/thread.schema.json', 'utf8'));
    expect(committed).toEqual(threadJsonSchema());
  });

  it('every example thread in threads/ loads', async () => {
    for (const f of ['devops-sre-platform-engineering.yaml', 'small-prs-ship-faster.yaml', 'postmortem-checklist.json']) {
      const t = await loadThread(`threads/${f}`);
      expect(t.posts.length).toBeGreaterThan(2);
    }
  });
});
