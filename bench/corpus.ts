// The benchmark's fixed corpus, generated (same input every run): threads of varied posts — short
// lines, paragraphs, lists, code, quotes, emoji, links, hashtags. Also used by the batch tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SENTENCES = [
  'Small pull requests get reviewed faster, merged sooner and reverted less often.',
  'On-call is a product: if the pager is noisy, fix the alerts before you hire more people.',
  'Write the rollback plan before the rollout plan, and test it on a Tuesday.',
  'A dashboard nobody opens is a cost, not an asset.',
  'Platform teams succeed when the paved road is also the shortest road.',
  'Measure lead time from the first commit, not from the merge.',
  'Every incident review should end with one change to the system, not to a person.',
  'Feature flags are debt with an interest rate; put an expiry date on each one.',
];
const EXTRAS = [
  '- **Observe** before you change\n- _Change_ one thing at a time\n- Keep a `runbook` next to the code',
  '```ts\nconst retry = (n: number) => Math.min(2 ** n * 100, 10_000);\n```',
  '> The best incident is the one your users never noticed.',
  'Read more at https://example.com/sre/on-call-handbook 🚀🔥',
  '1. Detect\n2. Mitigate\n3. Learn',
  '#devops #sre @iximiuz ✅',
];

/** Post `p` of thread `t`: one to four sentences, sometimes a list, code, a quote or emoji. */
function post(t: number, p: number, plain: boolean): string {
  const n = 1 + ((t * 7 + p * 3) % 4);
  const text = Array.from({ length: n }, (_, k) => SENTENCES[(t + p + k) % SENTENCES.length]).join(' ');
  const extra = !plain && (t + p) % 3 === 0 ? `\n\n${EXTRAS[(t * 5 + p) % EXTRAS.length]}` : '';
  return `${text}${extra}`;
}

/** Thread `t` as YAML; `plain`: sentences only (no lists, code, quotes or emoji). */
export function corpusThread(t: number, posts: number, opts: { extra?: string; plain?: boolean } = {}): string {
  const extra = opts.extra ?? '';
  const body = Array.from({ length: posts }, (_, p) => `  - |-\n${post(t, p, opts.plain ?? false).replace(/^/gm, '    ')}`).join('\n');
  return `title: "Corpus thread ${t + 1}: notes on shipping"\nauthor:\n  name: Bench Author\n  handle: "@bench"\n${extra}posts:\n${body}\n`;
}

/** Writes `threads` thread files (`t001.yaml` …) of `posts` posts each into `dir`; returns their paths. */
export function writeCorpus(dir: string, opts: { threads: number; posts: number; extra?: string; plain?: boolean }): string[] {
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: opts.threads }, (_, t) => {
    const file = path.join(dir, `t${String(t + 1).padStart(3, '0')}.yaml`);
    writeFileSync(file, corpusThread(t, opts.posts, opts));
    return file;
  });
}
