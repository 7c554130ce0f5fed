// No new import circles in src/ (static imports, type imports included): a module's dependencies
// run one way. One circle is left from before — the model's types import the template API, the
// theme and the text model (issue 15 moves those types to the bottom); it may shrink, never grow.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const KNOWN = ['src/model.ts', 'src/render/template.ts', 'src/theme/theme.ts', 'src/text/rich.ts', 'src/text/inline.ts', 'src/text/highlight.ts', 'src/text/markdown.ts', 'src/layout/post-blocks.ts', 'src/layout/thread-text.ts', 'src/render/satori-assets.ts'];

function graph(): Map<string, string[]> {
  const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f)).map((f) => path.posix.join('src', f.split(path.sep).join('/')));
  const known = new Set(files);
  return new Map(files.map((f) => {
    const source = readFileSync(f, 'utf8');
    const deps = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?\bfrom\s*'(\.[^']+)'/g)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(f), m[1]!)));
    return [f, deps.filter((d) => known.has(d))];
  }));
}

/** Strongly connected components of more than one module (Tarjan). */
function circles(g: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!index.has(w)) visit(w), low.set(v, Math.min(low.get(v)!, low.get(w)!));
      else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do (w = stack.pop()!), on.delete(w), c.push(w);
      while (w !== v);
      if (c.length > 1) out.push(c.sort());
    }
  };
  for (const v of g.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('src/ import graph', () => {
  it('has no import circle but the known one, and that one does not grow', () => {
    const found = circles(graph());
    const others = found.filter((c) => !c.every((f) => KNOWN.includes(f)));
    expect(others).toEqual([]);
  });

  it('finds a circle when there is one (the check itself works)', () => {
    expect(circles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
  });
});
