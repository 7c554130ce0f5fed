// One previewed thread: its text (from the editor or the disk), the template/size picked in the
// page, and the cards of the last good render. Renders run one at a time, the newest text winning;
// each card's PNG is cached under a hash of its inputs, so an edit re-renders only changed cards.
// A render announces its cards ('cards' event) as soon as the deck is laid out and stores each
// PNG as it is drawn, so the page shows the first cards while the others render; the rendering
// code itself (render-cards.ts) is imported on the first render, after the server listens.
// Between runs, the compiled package remembers measured heights, drawn cards and the cards last
// shown for the file, put on screen at once when nothing they are made from changed (memory.ts).
// A broken file keeps the last good cards (marked stale) next to the positioned errors.
import { copyFile, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ThreadeckError, formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import type { Deck, Thread } from '../model/index.ts';
import type { LayoutOptions } from '../layout/paginate.ts';
import { parseSize } from '../model/sizes.ts';
import { TEMPLATE_NAMES, isTemplatePath } from '../template/names.ts';
import { writeFileAtomic } from '../write/atomic.ts';
import { CardCache } from './card-cache.ts';
import { inputsHash } from './dependencies.ts';
import { PreviewMemory } from './memory.ts';
import type { ExportKind } from './export.ts';
import type { CardView, DiagnosticView, RenderResult, SessionEvent } from './views.ts';

export type { CardView, DiagnosticView, RenderResult, SessionEvent };

type Renderer = typeof import('./render-cards.ts');
let rendererModule: Promise<Renderer> | undefined;
/** The rendering code, imported once per process (its first import is most of a cold start). */
const renderer = (): Promise<Renderer> => (rendererModule ??= import('./render-cards.ts'));

/** The page's pickers: a built-in template name and a size (preset or WxH); empty = the thread file's choice. */
export interface PreviewChoices {
  template: string;
  size: string;
}

export interface SessionOptions {
  /** Shown in diagnostics (default: the path relative to the cwd). */
  displayName?: string;
  choices?: Partial<PreviewChoices>;
  /** `--theme FILE`: read again for every render, so saving it (or its fonts, logo) shows. */
  themeFile?: string;
  /** The folder of the cache kept between runs (tests); by default the compiled package keeps one in the OS temp folder. */
  cacheDir?: string;
}

/** How long the first render waits for a page to ask for the cards remembered from the last run, and then to load them all. */
const NO_PAGE_MS = 150;
const REMEMBERED_WAIT_MS = 500;

/**
 * Lets the event loop poll for I/O between cards — the page's request for the card just drawn is
 * answered before the next one is drawn — and resvg's native buffers be freed. Two turns: an
 * immediate set from an I/O callback runs before the next poll, one set from an immediate after it.
 */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

export class PreviewSession {
  readonly file: string;
  readonly dir: string;
  readonly displayName: string;
  readonly themeFile: string | undefined;
  /** What is rendered: the editor's text, or the disk's. */
  text = '';
  /** The file's content as last read or written by us. */
  diskText: string | undefined;
  choices: PreviewChoices = { template: '', size: '' };
  result: RenderResult | undefined;

  /** Resolves once start() has read the file and announced the cards remembered from the last run, if any. */
  ready: Promise<void> = Promise.resolve();

  private readonly pngs = new CardCache();
  /** Remembered cards announced at the start and not yet served to a page, and what to call when they all are. */
  private unseen = new Set<string>();
  private allSeen: (() => void) | undefined;
  private pageLoading: (() => void) | undefined;
  private readonly cacheDir: string | undefined;
  private memory: Promise<PreviewMemory | undefined> | undefined;
  /** Disk writes under way (idle() waits for them). */
  private readonly writes = new Set<Promise<void>>();
  /** The cards of the render in progress, once laid out (at the start: those remembered from the last run). */
  private inProgress: { seq: number; cards: CardView[] } | undefined;
  private readonly listeners = new Set<(e: SessionEvent) => void>();
  private seq = 0;
  private pending = false;
  private running: Promise<void> | undefined;
  private lastGood: { cards: CardView[]; title: string | null } = { cards: [], title: null };
  /** Serialises renders and exports (satori and resvg are not run concurrently). */
  private lock: Promise<unknown> = Promise.resolve();
  /** Template files reloaded since the start: original path → the copy it was imported from. */
  private readonly templateCopies = new Map<string, string>();
  private readonly templateProblems = new Map<string, Diagnostic>();
  private templateVersion = 0;

  constructor(file: string, opts: SessionOptions = {}) {
    this.file = path.resolve(file);
    this.dir = path.dirname(this.file);
    this.displayName = opts.displayName ?? (path.relative(process.cwd(), this.file) || this.file);
    if (opts.choices) this.choices = { ...this.choices, ...opts.choices };
    this.themeFile = opts.themeFile;
    this.cacheDir = opts.cacheDir;
  }

  /**
   * Reads the file and renders it; resolves when the first render is done. With cards remembered
   * from the last run, the render (whose first step, importing the rendering code, keeps the event
   * loop busy for a while) waits until a page has loaded them: NO_PAGE_MS for a page to ask for
   * one, then at most REMEMBERED_WAIT_MS.
   */
  async start(): Promise<RenderResult> {
    this.memory = PreviewMemory.open(this.file, this.cacheDir);
    this.ready = (async () => {
      this.diskText = await readFile(this.file, 'utf8').catch(() => undefined);
      this.text = this.diskText ?? '';
      await this.showRemembered().catch(() => undefined);
    })();
    await this.ready;
    if (this.unseen.size) {
      await new Promise<void>((resolve) => {
        // No page asking for them soon: no need to wait. A page loading them: until it has them all.
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
    return this.renderNow();
  }

  /**
   * The cards a preview of this file showed last time, if the text, the files it names, the theme
   * and the choices are the same: announced at once (their PNGs read from the disk cache), before
   * the render that follows confirms them — with the same keys, so the page keeps their images.
   */
  private async showRemembered(): Promise<void> {
    const memory = await this.memory;
    const last = memory && this.diskText !== undefined ? await memory.lastCards(() => this.inputs(this.text)) : undefined;
    if (!last) return;
    for (const { view, png } of last) this.pngs.set(view.key, png);
    this.unseen = new Set(last.map((c) => c.view.key));
    this.inProgress = { seq: this.seq + 1, cards: last.map((c) => c.view) };
    this.emit({ type: 'cards', ...this.inProgress });
  }

  private inputs(text: string): Promise<string> {
    return inputsHash(this.file, text, this.themeFile, this.choices);
  }

  on(listener: (e: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: SessionEvent): void {
    for (const l of this.listeners) l(e);
  }

  /** A card's PNG; a card the render in progress is still drawing is waited for. */
  cardPng(key: string): Promise<Uint8Array | undefined> {
    if (this.unseen.delete(key)) {
      this.pageLoading?.();
      this.pageLoading = undefined;
      if (this.unseen.size === 0) this.allSeen?.();
    }
    return this.pngs.wait(key);
  }

  /** The cards of the render in progress (laid out, some maybe not drawn yet). */
  get progress(): { seq: number; cards: CardView[] } | undefined {
    return this.inProgress;
  }

  /** Text from the editor: rendered (not saved). */
  setText(text: string): void {
    if (text === this.text) return;
    this.text = text;
    this.requestRender();
  }

  /** Checks and applies the page's template/size choice; returns an error message when invalid. */
  setChoices(choices: Partial<PreviewChoices>): string | undefined {
    const next = { ...this.choices, ...choices };
    if (next.template && !TEMPLATE_NAMES.includes(next.template)) return `unknown template "${next.template}"; available: ${TEMPLATE_NAMES.join(', ')}`;
    if (next.size) {
      const size = parseSize(next.size);
      if (typeof size === 'string') return size;
    }
    this.choices = next;
    this.requestRender();
    return undefined;
  }

  /** Writes `text` to the thread file atomically; the watcher's echo of this write is ignored. */
  async save(text: string): Promise<void> {
    this.diskText = text;
    await writeFileAtomic(this.file, text);
    this.emit({ type: 'saved', text });
    this.setText(text);
  }

  /** The thread file changed on disk (watcher). */
  async fileChanged(): Promise<void> {
    const content = await readFile(this.file, 'utf8').catch(() => undefined);
    if (content === undefined || content === this.diskText) return; // gone for a moment, or our own write
    const clean = this.diskText === undefined || this.text === this.diskText;
    this.diskText = content;
    if (clean) {
      this.text = content;
      this.emit({ type: 'disk', text: content });
      this.requestRender();
    } else {
      this.emit({ type: 'conflict', text: content });
    }
  }

  /**
   * An image, theme, font or template file the thread uses changed: same text, new render. Node
   * cannot unload an imported module, so a changed template file is imported afresh from a hidden
   * copy next to it (same folder, so its relative imports still resolve), deleted once loaded.
   */
  async dependencyChanged(file?: string): Promise<void> {
    if (file && isTemplatePath(file)) await this.reloadTemplate(file);
    this.requestRender();
  }

  private async reloadTemplate(file: string): Promise<void> {
    const copy = path.join(path.dirname(file), `.${path.basename(file, path.extname(file))}.preview-${++this.templateVersion}${path.extname(file)}`);
    try {
      await copyFile(file, copy);
      await (await renderer()).loadTemplate(copy);
      this.templateCopies.set(file, copy);
      this.templateProblems.delete(file);
    } catch (err) {
      const message = err instanceof ThreadeckError ? err.diagnostics.map((d) => d.message).join('; ') : err instanceof Error ? err.message : String(err);
      this.templateProblems.set(file, { severity: 'error', rule: 'template', file: path.relative(process.cwd(), file) || file, message: `the template file did not reload: ${message}` });
    } finally {
      await rm(copy, { force: true });
    }
  }

  /** The template file the thread names, as last reloaded. */
  private withFreshTemplate(thread: Thread, opts: LayoutOptions): LayoutOptions {
    const file = opts.template ? undefined : thread.options.template;
    if (!file) return opts;
    const problem = this.templateProblems.get(file);
    if (problem) throw new ThreadeckError('TEMPLATE', [problem]);
    const copy = this.templateCopies.get(file);
    return copy ? { ...opts, template: copy } : opts;
  }

  /** Schedules a render of the current text; renders in flight finish first, the latest request wins. */
  requestRender(): Promise<void> {
    this.pending = true;
    if (!this.running) {
      this.running = (async () => {
        while (this.pending) {
          this.pending = false;
          await this.renderNow();
        }
        this.running = undefined;
      })();
    }
    return this.running;
  }

  /** Resolves when no render is pending or running. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
    await Promise.all(this.writes);
  }

  private write(job: Promise<void>): void {
    const p = job.catch(() => undefined).finally(() => this.writes.delete(p));
    this.writes.add(p);
  }

  private layoutOptions(): LayoutOptions {
    const opts: LayoutOptions = {};
    if (this.choices.template) opts.template = this.choices.template;
    if (this.choices.size) {
      const size = parseSize(this.choices.size);
      if (typeof size !== 'string') opts.size = size;
    }
    return opts;
  }

  private async parse(text: string): Promise<Thread> {
    return (await renderer()).parseThread(text, { file: this.displayName, baseDir: this.dir, slug: this.slug });
  }

  private withLock<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => undefined);
    return run;
  }

  private renderNow(): Promise<RenderResult> {
    return this.withLock(async () => {
      this.emit({ type: 'busy' });
      const result = await this.render(this.text, this.layoutOptions()).finally(() => (this.inProgress = undefined));
      this.result = result;
      this.emit({ type: 'result', result });
      return result;
    });
  }

  private async render(text: string, opts: LayoutOptions): Promise<RenderResult> {
    const seq = ++this.seq;
    const t0 = performance.now();
    const ms = { total: 0, load: 0, layout: 0, render: 0 };
    let rendered = 0;
    const fail = (diagnostics: Diagnostic[]): RenderResult => {
      ms.total = Math.round(performance.now() - t0);
      const all = diagnostics.map((d) => view(d));
      return {
        seq,
        ok: false,
        stale: true,
        cards: this.lastGood.cards,
        errors: all.filter((d) => d.severity === 'error'),
        warnings: all.filter((d) => d.severity === 'warning'),
        rendered,
        ms,
        title: this.lastGood.title,
      };
    };
    if (this.diskText === undefined && text === '') {
      return fail([{ severity: 'error', rule: 'io', file: this.displayName, message: 'file not found; save from the editor to create it' }]);
    }
    const r = await renderer();
    const memory = await this.memory;
    memory?.primeHeights(r, this.displayName);
    let deck: Deck;
    try {
      const thread = await this.parse(text);
      if (this.themeFile) opts = { ...opts, theme: await r.loadThemeFile(this.themeFile) };
      ms.load = Math.round(performance.now() - t0);
      const t1 = performance.now();
      opts = this.withFreshTemplate(thread, opts);
      deck = await r.layoutThread(thread, opts);
      ms.layout = Math.round(performance.now() - t1);
    } catch (err) {
      return fail(r.toDiagnostics(err, this.displayName));
    }
    const t2 = performance.now();
    let cards: CardView[];
    try {
      const planned = r.planCards(deck);
      cards = planned.map((p) => p.view);
      // Announced before drawing: the page lays them out and asks for their images, which are
      // answered as each is drawn, in order (the first cards are the ones on screen).
      this.pngs.expect(cards.map((c) => c.key));
      this.inProgress = { seq, cards };
      this.emit({ type: 'cards', seq, cards });
      await yieldToLoop(); // sends it: Node writes a response's data when the loop turns (socket cork)
      for (const { view: card, element } of planned) {
        if (this.pngs.get(card.key)) continue; // unchanged: kept, and marked most recently used
        const saved = await memory?.card(card.key);
        if (saved) {
          this.pngs.set(card.key, saved);
          continue;
        }
        const png = await r.drawCard(deck, element);
        this.pngs.set(card.key, png);
        if (memory) this.write(memory.saveCard(card.key, png));
        rendered++;
        await yieldToLoop();
      }
    } catch (err) {
      return fail(r.toDiagnostics(err, this.displayName));
    } finally {
      this.pngs.settle();
    }
    ms.render = Math.round(performance.now() - t2);
    this.pngs.trim(Math.max(200, cards.length * 3));
    const warnings = deck.warnings.map((d) => view(d, r.cardsOf(d, deck)));
    this.lastGood = { cards, title: deck.thread.title };
    if (memory && text === this.diskText) this.write(memory.remember(r, this.displayName, this.inputs(text), cards));
    if (memory && seq === 1) this.write(memory.trim());
    ms.total = Math.round(performance.now() - t0);
    return { seq, ok: true, stale: false, cards, errors: [], warnings, rendered, ms, title: deck.thread.title };
  }

  /** The PDF, the handout or the PNG cards of the current text, by `renderThread` as `threadeck build` makes them (export.ts). */
  async export(kind: ExportKind): Promise<{ ok: true; files: Array<{ name: string; bytes: Uint8Array }> } | { ok: false; errors: DiagnosticView[] }> {
    const text = this.text;
    const opts = this.layoutOptions();
    return this.withLock(async () => {
      const r = await renderer();
      try {
        const thread = await this.parse(text);
        const theme = this.themeFile ? { theme: await r.loadThemeFile(this.themeFile) } : {};
        const { exportThread } = await import('./export.ts');
        return { ok: true as const, files: await exportThread(thread, { ...this.withFreshTemplate(thread, opts), ...theme }, kind) };
      } catch (err) {
        return { ok: false as const, errors: r.toDiagnostics(err, this.displayName).map((d) => view(d)) };
      }
    });
  }

  /** The slug export files are named after. */
  get slug(): string {
    return path.basename(this.file).replace(/\.[^.]+$/, '');
  }
}

function view(d: Diagnostic, cards?: number[]): DiagnosticView {
  return { ...d, text: formatDiagnostic(d), ...(cards?.length ? { cards } : {}) };
}
