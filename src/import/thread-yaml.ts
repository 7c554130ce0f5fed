// A thread file's content → YAML text: the schema line for editors first, multi-line posts as
// literal blocks (|-), nothing folded, keys in the README's order.
import path from 'node:path';
import { packageFile } from '../package-root.ts';
import { Document } from 'yaml';
import type { ThreadInput } from '../load/schema.ts';

export const SCHEMA_FILE = packageFile('schema', 'thread.schema.json');

/** The `$schema=` reference for a thread file written into `dir`: relative to it. */
export function schemaRef(dir: string): string {
  const rel = path.relative(path.resolve(dir), SCHEMA_FILE).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

export function threadToYaml(thread: ThreadInput, opts: { dir: string; comment?: string }): string {
  const ordered: Record<string, unknown> = {};
  for (const key of ['title', 'author', 'date', 'source', 'template', 'size', 'theme', 'cover', 'outro', 'posts'] as const) {
    if (thread[key] !== undefined) ordered[key] = thread[key];
  }
  const doc = new Document(ordered);
  const body = doc.toString({ blockQuote: 'literal', lineWidth: 0, indentSeq: true });
  const head = [`# yaml-language-server: $schema=${schemaRef(opts.dir)}`, ...(opts.comment ? opts.comment.split('\n').map((l) => `# ${l}`) : [])];
  return `${head.join('\n')}\n${body}`;
}
