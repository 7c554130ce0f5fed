// Hostile thread files: each becomes a clear, positioned error (never a crash, a hang or a
// polluted Object.prototype). More hostile-input suites (images, fonts, output) belong here.
import { describe, expect, it } from 'vitest';
import { parseThread, ThreadeckError, formatDiagnostic } from '../../src/index.ts';

async function errors(yaml: string): Promise<string[]> {
  const err = await parseThread(yaml, { file: 'h.yaml' }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ThreadeckError);
  return (err as ThreadeckError).diagnostics.map(formatDiagnostic);
}

const head = 'title: t\nauthor: {name: A}\n';

describe('hostile YAML', () => {
  it('5,000-deep nesting', async () => {
    const e = await errors(`${head}posts: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(e[0]).toMatch(/^h\.yaml:\d+:\d+: the document nests too deeply \(a thread needs at most 64 levels\)$/);
  });

  it('an alias bomb (billion laughs)', async () => {
    let yaml = `${head}a: &a ["x","x","x","x","x","x","x","x","x"]\n`;
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      yaml += `${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
    }
    const e = await errors(`${yaml}posts: [hi]\n`);
    expect(e[0]).toMatch(/resource exhaustion.*aliases are limited to 100/);
  });

  it('unknown tags: !foo and !!js/function', async () => {
    expect((await errors(`${head}posts: [!foo hi]\n`))[0]).toMatch(/^h\.yaml:3:9: .*tag/i);
    expect((await errors(`title: !!js/function "function(){}"\nauthor: {name: A}\nposts: [hi]\n`))[0]).toMatch(/^h\.yaml:1:8: .*tag/i);
  });

  it('duplicate keys', async () => {
    expect(await errors(`title: t\ntitle: u\nauthor: {name: A}\nposts: [hi]\n`)).toEqual(['h.yaml:2:1: Map keys must be unique']);
  });

  it('__proto__ keys are refused and Object.prototype stays clean', async () => {
    const e = await errors(`${head}__proto__: {polluted: true}\nposts: [hi]\n`);
    expect(e).toEqual(['h.yaml:3:1 __proto__: unknown key "__proto__"']);
    const e2 = await errors(`${head}posts:\n  - text: hi\n    __proto__: {polluted: true}\n`);
    expect(e2.join('\n')).toContain('posts[0].__proto__: unknown key "__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('hostile shapes', () => {
  it('wrong types, no posts, an empty post', async () => {
    expect(await errors('title: [1]\nauthor: 7\nposts: {}\n')).toEqual([
      'h.yaml:1:8 title: expected the title as a string, got a list',
      'h.yaml:2:9 author: expected an object, got the number 7',
      'h.yaml:3:8 posts: expected a list of posts, got a mapping',
    ]);
    expect(await errors(`${head}posts: []\n`)).toEqual(['h.yaml:3:8 posts: a thread needs at least one post']);
    expect(await errors(`${head}posts: ["   "]\n`)).toEqual(['h.yaml:3:9 posts[0]: the post cannot be empty']);
  });

  it('10,000 posts: the documented limit is named', async () => {
    const yaml = `${head}posts:\n${Array.from({ length: 10_000 }, (_, i) => `  - p${i}`).join('\n')}\n`;
    expect(await errors(yaml)).toEqual(["h.yaml:4:3 posts: a thread can have at most 300 posts (LinkedIn's limit for a document post)"]);
  });

  it('a 1 MB post: the documented limit is named', async () => {
    const e = await errors(`${head}posts:\n  - "${'word '.repeat(200_000)}"\n`);
    expect(e).toEqual(['h.yaml:4:5 posts[0]: the post is longer than 25,000 characters (the longest an X post can be); split it into several posts']);
  });
});
