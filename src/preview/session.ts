// One previewed thread: its text (editor or disk: text-sync.ts), the page's pickers, and the cards
// of the last good render. Renders run one at a time, the newest text winning (render-queue.ts),
// through the build's renderThread (render-deck.ts): a render announces its cards ('cards' event)
// as soon as the deck is laid out and hands out each PNG as it is drawn; an edit draws only the
// cards it changed. What a thread is drawn with follows load/presentation.ts: the pickers as
// flags › the thread file › the project config file (config.ts) › the template's default; template
// files are reloaded when saved (template-reload.ts). Between runs, the compiled package remembers
// measured heights, drawn cards and the cards last shown (memory.ts), put on screen at once when
// nothing they are made from changed. A broken file keeps the last good cards (marked stale).
import path from 'node:path';
import type { LayoutOptions } from '../layout/paginate.ts';
import type { ProjectConfig } from '../load/project-config.ts';
import type { Thread } from '../model/index.ts';
import { CardCache } from './card-cache.ts';
import { choicesProblem, type PreviewChoices } from './choices.ts';
import { inputsHash, previewFiles, type PreviewExtras } from './dependencies.ts';
import type { ExportKind, ExportOutcome } from './export.ts';
import { PreviewMemory } from './memory.ts';
import { PreviewPresentation } from './presentation.ts';
import { renderDeck } from './render-deck.ts';
import { RenderQueue } from './render-queue.ts';
import { renderer, type Renderer } from './renderer.ts';
import { Remembered } from './remembered.ts';
import { missingFile, type LastGood } from './results.ts';
import { TextSync } from './text-sync.ts';
import type { CardView, DiagnosticView, RenderResult, SessionEvent } from './views.ts';

export type { CardView, DiagnosticView, PreviewChoices, RenderResult, SessionEvent };

export interface SessionOptions {
  /** Shown in diagnostics (default: the path relative to the cwd). */
  displayName?: string;
  choices?: Partial<PreviewChoices>;
  /** `--theme FILE`: read again for every render, so saving it (or its fonts, logo) shows. */
  themeFile?: string;
  /** The project config file (`--config`, or the nearest threadeck.config.*), loaded. */
  config?: ProjectConfig;
  /** The folder of the cache kept between runs (tests); by default the compiled package keeps one in the OS temp folder. */
  cacheDir?: string;
}

export class PreviewSession {
  readonly file: string;
  readonly dir: string;
  readonly displayName: string;
  /** What the thread is drawn with: pickers, --theme, the config file, reloaded template files. */
  readonly presentation: PreviewPresentation;
  choices: PreviewChoices = { template: '', size: '' };
  result: RenderResult | undefined;
  /** The cards of the render in progress, once laid out, some maybe not drawn yet (at the start: those remembered from the last run). */
  progress: { seq: number; cards: CardView[] } | undefined;
  /** Resolves once start() has read the file and announced the cards remembered from the last run, if any. */
  ready: Promise<void> = Promise.resolve();

  private readonly sync: TextSync;
  private readonly queue = new RenderQueue(() => this.renderNow());
  private readonly pngs = new CardCache();
  private readonly remembered = new Remembered();
  private readonly cacheDir: string | undefined;
  private memory: Promise<PreviewMemory | undefined> | undefined;
  private readonly listeners = new Set<(e: SessionEvent) => void>();
  private seq = 0;
  private lastGood: LastGood = { cards: [], title: null };

  constructor(file: string, opts: SessionOptions = {}) {
    this.file = path.resolve(file);
    this.dir = path.dirname(this.file);
    this.displayName = opts.displayName ?? (path.relative(process.cwd(), this.file) || this.file);
    if (opts.choices) this.choices = { ...this.choices, ...opts.choices };
    this.presentation = new PreviewPresentation(opts.themeFile, opts.config);
    this.cacheDir = opts.cacheDir;
    this.sync = new TextSync(this.file, (e) => this.emit(e), () => void this.requestRender());
  }

  /** What is rendered: the editor's text, or the disk's. */
  get text(): string {
    return this.sync.text;
  }

  /** The file's content as last read or written by us. */
  get diskText(): string | undefined {
    return this.sync.diskText;
  }

  /** Reads the file and renders it; resolves when the first render is done (after a page loaded the cards remembered from the last run: remembered.ts). */
  async start(): Promise<RenderResult> {
    this.memory = PreviewMemory.open(this.file, this.cacheDir);
    this.ready = (async () => {
      await this.sync.read();
      if (this.diskText === undefined) return;
      const cards = await this.remembered.show(await this.memory, () => this.inputs(this.text), this.pngs).catch(() => undefined);
      if (cards) this.announce(this.seq + 1, cards);
    })();
    await this.ready;
    await this.remembered.done();
    return this.renderNow();
  }

  private announce(seq: number, cards: CardView[]): void {
    this.progress = { seq, cards };
    this.emit({ type: 'cards', seq, cards });
  }

  private inputs(text: string): Promise<string> {
    return inputsHash(this.file, text, this.extras, this.choices);
  }

  /** The files to watch: the thread file, the files it names, --theme FILE's and the config file's (dependencies.ts). */
  watchedFiles(): Promise<string[]> {
    return previewFiles(this.file, this.text, this.extras);
  }

  private get extras(): PreviewExtras {
    return { themeFile: this.presentation.themeFile, configFile: this.presentation.config.file };
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
    this.remembered.served(key);
    return this.pngs.wait(key);
  }

  /** Text from the editor: rendered (not saved). */
  setText(text: string): void {
    this.sync.set(text);
  }

  /** Checks and applies the page's template/size choice; returns an error message when invalid. */
  setChoices(choices: Partial<PreviewChoices>): string | undefined {
    const next = { ...this.choices, ...choices };
    const problem = choicesProblem(next);
    if (problem) return problem;
    this.choices = next;
    void this.requestRender();
    return undefined;
  }

  /** Writes `text` to the thread file atomically; the watcher's echo of this write is ignored. */
  save(text: string): Promise<void> {
    return this.sync.save(text);
  }

  /** The thread file changed on disk (watcher). */
  fileChanged(): Promise<void> {
    return this.sync.fileChanged();
  }

  /** An image, theme, font, config or template file the thread uses changed: same text, new render. */
  async dependencyChanged(file?: string): Promise<void> {
    await this.presentation.changed(file, renderer);
    void this.requestRender();
  }

  /** Schedules a render of the current text; renders in flight finish first, the latest request wins. */
  requestRender(): Promise<void> {
    return this.queue.request();
  }

  /** Resolves when no render is pending or running. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** The thread and what it is drawn with. */
  private async prepare(r: Renderer, text: string, choices: PreviewChoices): Promise<{ thread: Thread; opts: LayoutOptions }> {
    const thread = await r.parseThread(text, { file: this.displayName, baseDir: this.dir, slug: this.slug });
    return { thread, opts: await this.presentation.options(r, thread, choices) };
  }

  private renderNow(): Promise<RenderResult> {
    return this.queue.withLock(async () => {
      this.emit({ type: 'busy' });
      const result = await this.render(this.text, this.choices).finally(() => (this.progress = undefined));
      this.result = result;
      this.emit({ type: 'result', result });
      return result;
    });
  }

  private async render(text: string, choices: PreviewChoices): Promise<RenderResult> {
    const seq = ++this.seq;
    if (this.diskText === undefined && text === '') return missingFile(seq, this.displayName, this.lastGood);
    const [r, memory] = await Promise.all([renderer(), this.memory]);
    const { result, deck } = await renderDeck(r, {
      seq,
      displayName: this.displayName,
      prepare: () => this.prepare(r, text, choices),
      pngs: this.pngs,
      memory,
      lastGood: this.lastGood,
      announce: (cards) => this.announce(seq, cards),
      track: (write) => this.queue.track(write),
    });
    if (!deck) return result;
    this.lastGood = { cards: result.cards, title: result.title };
    if (memory && text === this.diskText) this.queue.track(memory.remember(r, this.displayName, this.inputs(text), result.cards));
    if (memory && seq === 1) this.queue.track(memory.trim());
    return result;
  }

  /** The PDF, the handout or the PNG cards of the current text, as `threadeck build` makes them (export.ts, imported on the first export). */
  export(kind: ExportKind): Promise<ExportOutcome> {
    const { text, choices } = this;
    return this.queue.withLock(async () => (await import('./export.ts')).exportPrepared(kind, this.displayName, (r) => this.prepare(r, text, choices)));
  }

  /** The slug export files are named after. */
  get slug(): string {
    return path.basename(this.file).replace(/\.[^.]+$/, '');
  }
}
