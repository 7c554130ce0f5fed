// The imports of src/ run one way, down the pipeline: no import circle, and no module importing
// from a layer above its own (static, dynamic and type imports alike). The layers, bottom first:
// each may import from its own layer and those below it.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LAYERS: string[][] = [
  ['src/model/', 'src/diagnostics.ts', 'src/package-root.ts', 'src/path-inside.ts', 'src/hash.ts'],
  ['src/text/'],
  ['src/theme/'],
  ['src/assets/'],
  ['src/template/'],
  ['src/load/'],
  ['src/import/'],
  ['src/layout/'],
  ['src/render/'],
  ['src/export/'],
  ['src/write/'],
  ['src/pipeline.ts', 'src/contact-sheet.ts'],
  ['src/batch/'],
  ['src/build.ts'],
  ['src/cluster/'],
  ['src/watch.ts'],
  ['src/preview/'],
  ['src/serve/'],
  ['src/cli/'],
  ['src/index.ts', 'src/template.ts'],
];

function layerOf(file: string): number {
  const i = LAYERS.findIndex((layer) => layer.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p)));
  if (i < 0) throw new Error(`${file} is in no layer: add it to LAYERS in tests/import-graph.test.ts`);
  return i;
}

function graph(): Map<string, string[]> {
  const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f)).map((f) => path.posix.join('src', f.split(path.sep).join('/')));
  const known = new Set(files);
  return new Map(files.map((f) => {
    const source = readFileSync(f, 'utf8');
    const specs = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?\bfrom\s*'(\.[^']+)'|\bimport\(\s*'(\.[^']+)'\s*\)/g)].map((m) => m[1] ?? m[2]!);
    const deps = specs.map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(f), s)));
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

/** Imports from a module to one in a higher layer, as `from → to`. */
function upward(g: Map<string, string[]>): string[] {
  return [...g].flatMap(([from, deps]) => deps.filter((to) => layerOf(to) > layerOf(from)).map((to) => `${from} → ${to}`));
}

describe('src/ import graph', () => {
  const g = graph();

  it('has no import circle', () => {
    expect(circles(g)).toEqual([]);
  });

  it('has no import running up the pipeline', () => {
    expect(upward(g)).toEqual([]);
  });

  it('finds a circle and an upward import when there is one (the checks themselves work)', () => {
    expect(circles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
    expect(upward(new Map([['src/text/a.ts', ['src/cli/main.ts', 'src/model/index.ts']]]))).toEqual(['src/text/a.ts → src/cli/main.ts']);
  });

  it('reads dynamic imports too', () => {
    expect(g.get('src/cli/main.ts')!.length).toBeGreaterThan(0);
    expect(g.get('src/cli/build-command.ts')).toContain('src/cli/build-action.ts');
  });
});
