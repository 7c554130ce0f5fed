// Laying the same thread file out again (the preview on every edit, a --watch worker on every save)
// measures only what changed: heights are remembered per file by the hash of what was measured.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { layoutThread, loadThread } from '../src/index.ts';
import { measureStats } from '../src/layout/measure.ts';
import { corpusThread } from '../bench/corpus.ts';
import { tempDir } from './helpers.ts';

const sizes = (d: Awaited<ReturnType<typeof layoutThread>>) => d.cards.map((c) => `${c.fontSize}:${c.blocks.length}`);

async function measured(file: string) {
  const before = measureStats.calls;
  const deck = await layoutThread(await loadThread(file));
  return { deck, calls: measureStats.calls - before };
}

describe('remembered heights', () => {
  it('a second layout of the same file measures nothing; an edited post is measured again; another file is not helped', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.yaml');
    writeFileSync(file, corpusThread(3, 8));
    const first = await measured(file);
    expect(first.calls).toBeGreaterThanOrEqual(8);

    const again = await measured(file);
    expect(again.calls).toBe(0);
    expect(sizes(again.deck)).toEqual(sizes(first.deck));

    writeFileSync(file, corpusThread(3, 8).replace('Small pull requests', 'Very small pull requests, kept small on purpose,'));
    const edited = await measured(file);
    expect(edited.calls).toBeGreaterThan(0);
    expect(edited.calls).toBeLessThan(first.calls);

    // The same text in another file: laid out from scratch, to the same sizes.
    const other = path.join(dir, 'b.yaml');
    writeFileSync(other, corpusThread(3, 8));
    const copy = await measured(other);
    expect(copy.calls).toBe(first.calls);
    expect(sizes(copy.deck)).toEqual(sizes(first.deck));
  });
});
