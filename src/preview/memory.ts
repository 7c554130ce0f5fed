// What a preview session keeps of one thread file between runs, through the disk cache
// (disk-cache.ts): the heights auto-fit measured, put back in the layout's memo before the first
// layout; the card PNGs, read instead of drawn; and the cards last shown for the file's text with
// the hash of their inputs (dependencies.ts inputsHash), shown at once when nothing changed.
import { openDiskCache, type DiskCache, type ThreadMemory } from './disk-cache.ts';
import type { CardView } from './views.ts';

/** The layout's memo of one file and its counter of measurements (layout/measure.ts, via render-cards.ts). */
interface Measures {
  heightMemo(file: string): Map<string, number>;
  measureStats: { calls: number };
}

export class PreviewMemory {
  /** measureStats.calls when the heights were put in the memo or saved: a change means new heights. */
  private measuredAt = -1;

  private constructor(
    private readonly disk: DiskCache,
    private readonly file: string,
    private readonly memory: ThreadMemory,
  ) {}

  /** The memory of `file` (absolute path), or undefined when there is no disk cache. */
  static async open(file: string, cacheDir?: string): Promise<PreviewMemory | undefined> {
    const disk = await openDiskCache(cacheDir);
    return disk && new PreviewMemory(disk, file, await disk.thread(file));
  }

  /** The cards last shown for the file, with their PNGs, if they were made from the same inputs (hashed only if there are any); else undefined. */
  async lastCards(inputs: () => Promise<string>): Promise<Array<{ view: CardView; png: Uint8Array }> | undefined> {
    const last = this.memory.last;
    if (!last || last.inputs !== (await inputs())) return undefined;
    const pngs = await Promise.all(last.cards.map((c) => this.disk.card(c.key)));
    if (pngs.some((png) => !png)) return undefined;
    return last.cards.map((view, i) => ({ view, png: pngs[i]! }));
  }

  /** Once, before the first layout: the heights of earlier runs into the layout's memo for `name` (the thread's file name). */
  primeHeights(m: Measures, name: string): void {
    if (this.measuredAt >= 0) return;
    const memo = m.heightMemo(name);
    for (const [key, height] of this.memory.heights) if (!memo.has(key)) memo.set(key, height);
    this.measuredAt = m.measureStats.calls;
  }

  card(key: string): Promise<Uint8Array | undefined> {
    return this.disk.card(key);
  }

  saveCard(key: string, png: Uint8Array): Promise<void> {
    return this.disk.saveCard(key, png);
  }

  /** After a good render of the file's own text: its heights (if any were measured) and its cards. */
  async remember(m: Measures, name: string, inputs: Promise<string>, cards: CardView[]): Promise<void> {
    const measured = m.measureStats.calls !== this.measuredAt;
    this.measuredAt = m.measureStats.calls;
    if (measured) this.memory.heights = [...m.heightMemo(name)];
    const hash = await inputs;
    const last = this.memory.last;
    if (!measured && last?.inputs === hash && last.cards.map((c) => c.key).join() === cards.map((c) => c.key).join()) return;
    this.memory.last = { inputs: hash, cards };
    await this.disk.saveThread(this.file, this.memory);
  }

  trim(): Promise<void> {
    return this.disk.trim();
  }
}
