// The cards a preview of the file showed last time (memory.ts), if the text, the files it names,
// the theme, the config and the choices are the same: put on screen at once at a start (their PNGs
// read from the disk cache), before the render that follows confirms them with the same keys, so
// the page keeps their images. That first render waits for a page to load them — importing the
// rendering code keeps the event loop busy for a while: NO_PAGE_MS for a page to ask for one, then
// at most REMEMBERED_WAIT_MS for it to have them all.
import type { CardCache } from './card-cache.ts';
import type { PreviewMemory } from './memory.ts';
import type { CardView } from './views.ts';

const NO_PAGE_MS = 150;
const REMEMBERED_WAIT_MS = 500;

export class Remembered {
  /** Remembered cards announced and not yet served to a page. */
  private unseen = new Set<string>();
  private allSeen: (() => void) | undefined;
  private pageLoading: (() => void) | undefined;

  /** The cards remembered for these inputs, their PNGs put in `pngs`; undefined when there are none. */
  async show(memory: PreviewMemory | undefined, inputs: () => Promise<string>, pngs: CardCache): Promise<CardView[] | undefined> {
    const last = await memory?.lastCards(inputs);
    if (!last) return undefined;
    for (const { view, png } of last) pngs.set(view.key, png);
    this.unseen = new Set(last.map((c) => c.view.key));
    return last.map((c) => c.view);
  }

  /** A page asked for this card's image. */
  served(key: string): void {
    if (!this.unseen.delete(key)) return;
    this.pageLoading?.();
    this.pageLoading = undefined;
    if (this.unseen.size === 0) this.allSeen?.();
  }

  /** Resolves once a page has them all, or none asked soon enough, or it took too long (at once with none announced). */
  async done(): Promise<void> {
    if (!this.unseen.size) return;
    await new Promise<void>((resolve) => {
      let timer = setTimeout(resolve, NO_PAGE_MS).unref();
      this.pageLoading = () => {
        clearTimeout(timer);
        timer = setTimeout(resolve, REMEMBERED_WAIT_MS).unref();
      };
      this.allSeen = resolve;
    });
    this.unseen.clear();
    this.allSeen = this.pageLoading = undefined;
  }
}
