// The preview's card PNGs, by card key (hash.ts cardKey), most recently used last. A card the
// render in progress has yet to draw is *pending*: a request for it waits until its PNG is there
// (or the render gave up on it), so the page can ask for every card's image as soon as the
// cards are laid out and get each one the moment it is drawn.
export class CardCache {
  private readonly pngs = new Map<string, Uint8Array>();
  private readonly waiting = new Map<string, Array<(png: Uint8Array | undefined) => void>>();
  private readonly pendingKeys = new Set<string>();

  has(key: string): boolean {
    return this.pngs.has(key);
  }

  /** The PNG if it is there (no waiting); marks it most recently used. */
  get(key: string): Uint8Array | undefined {
    const png = this.pngs.get(key);
    if (png) {
      this.pngs.delete(key);
      this.pngs.set(key, png);
    }
    return png;
  }

  /** The PNG, waiting for it while it is pending; undefined for a card that is neither there nor coming. */
  async wait(key: string): Promise<Uint8Array | undefined> {
    const png = this.pngs.get(key);
    if (png || !this.pendingKeys.has(key)) return png;
    return new Promise((resolve) => this.waiting.set(key, [...(this.waiting.get(key) ?? []), resolve]));
  }

  /** The render in progress will draw these cards. */
  expect(keys: Iterable<string>): void {
    for (const key of keys) if (!this.pngs.has(key)) this.pendingKeys.add(key);
  }

  set(key: string, png: Uint8Array): void {
    this.pngs.delete(key);
    this.pngs.set(key, png);
    this.release(key, png);
  }

  /** The render is over: whatever is still pending is not coming (its requests get a 404). */
  settle(): void {
    for (const key of [...this.pendingKeys]) this.release(key, undefined);
  }

  /** Keeps the `max` most recently used PNGs. */
  trim(max: number): void {
    for (const key of this.pngs.keys()) {
      if (this.pngs.size <= max) break;
      this.pngs.delete(key);
    }
  }

  private release(key: string, png: Uint8Array | undefined): void {
    this.pendingKeys.delete(key);
    const waiters = this.waiting.get(key);
    this.waiting.delete(key);
    for (const w of waiters ?? []) w(png);
  }
}
