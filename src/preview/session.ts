// One previewed thread: its text (from the editor or the disk), the template/size picked in the
// page, and the cards of the last good render. Renders run one at a time, the newest text winning;
// each card's PNG is cached under a hash of its inputs, so an edit re-renders only changed cards.
// A broken file keeps the last good cards (marked stale) next to the positioned errors.
import { copyFile, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ThreadeckError, formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import type { Deck, Thread } from '../model.ts';
import { parseThread } from '../load/load-thread.ts';
import { layoutThread, type LayoutOptions } from '../layout/paginate.ts';
import { parseSize } from '../layout/sizes.ts';
import { cardElement, elementSvg } from '../render/render-svg.ts';
import { cardKey } from '../render/card-key.ts';
import { expandComponents } from '../render/expand.ts';
import { loadTemplate, templateNames } from '../render/templates.ts';
import { isTemplatePath } from '../load/thread-options.ts';
import { loadThemeFile } from '../theme/load-theme.ts';
import { rasterize } from '../export/png.ts';
import { renderThread } from '../pipeline.ts';
import { planOutputs } from '../write/output-paths.ts';
import { writeFileAtomic } from '../write/atomic.ts';
import { toDiagnostics } from '../build.ts';

/** The page's pickers: a built-in template name and a size (preset or WxH); empty = the thread file's choice. */
export interface PreviewChoices {
  template: string;
  size: string;
}

export interface DiagnosticView extends Diagnostic {
  /** `file:line:col path: message`, as the CLI prints it. */
  text: string;
  /** Indexes of the cards it is about (post warnings), if any. */
  cards?: number[];
}

export interface CardView {
  index: number;
  /** Hash of the card's inputs; its PNG is served at /card/<key>.png. */
  key: string;
  kind: 'cover' | 'post' | 'outro';
  /** `n/N` on post cards, "cover" / "end" otherwise; `· cont.` on later parts of a split post. */
  label: string;
  width: number;
  height: number;
  /** Line of the card's post in the text (post cards). */
  line?: number;
}

export interface RenderResult {
  /** Increases with every render; the page ignores older ones. */
  seq: number;
  ok: boolean;
  /** True when the cards are from an earlier render (this one failed). */
  stale: boolean;
  cards: CardView[];
  errors: DiagnosticView[];
  warnings: DiagnosticView[];
  /** Cards rendered anew this time (the others came from the cache). */
  rendered: number;
  ms: { total: number; load: number; layout: number; render: number };
  title: string | null;
}

export type SessionEvent =
  | { type: 'result'; result: RenderResult }
  /** The file changed on disk and the page had no unsaved edits: here is the new text. */
  | { type: 'disk'; text: string }
  /** The file changed on disk while the page has unsaved edits. */
  | { type: 'conflict'; text: string }
  | { type: 'saved'; text: string }
  /** A render started. */
  | { type: 'busy' };

export interface SessionOptions {
  /** Shown in diagnostics (default: the path relative to the cwd). */
  displayName?: string;
  choices?: Partial<PreviewChoices>;
  /** `--theme FILE`: read again for every render, so saving it (or its fonts, logo) shows. */
  themeFile?: string;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

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

  private readonly pngs = new Map<string, Uint8Array>();
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
  }

  /** Reads the file and renders it; resolves when the first render is done. */
  async start(): Promise<RenderResult> {
    this.diskText = await readFile(this.file, 'utf8').catch(() => undefined);
    this.text = this.diskText ?? '';
    return this.renderNow();
  }

  on(listener: (e: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: SessionEvent): void {
    for (const l of this.listeners) l(e);
  }

  png(key: string): Uint8Array | undefined {
    return this.pngs.get(key);
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
    if (next.template && !templateNames().includes(next.template)) return `unknown template "${next.template}"; available: ${templateNames().join(', ')}`;
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
      await loadTemplate(copy);
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

  private parse(text: string): Promise<Thread> {
    return parseThread(text, { file: this.displayName, baseDir: this.dir, slug: path.basename(this.file).replace(/\.[^.]+$/, '') });
  }

  private withLock<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => undefined);
    return run;
  }

  private renderNow(): Promise<RenderResult> {
    return this.withLock(async () => {
      this.emit({ type: 'busy' });
      const result = await this.render(this.text, this.layoutOptions());
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
    let deck: Deck;
    try {
      const thread = await this.parse(text);
      if (this.themeFile) opts = { ...opts, theme: await loadThemeFile(this.themeFile) };
      ms.load = Math.round(performance.now() - t0);
      const t1 = performance.now();
      opts = this.withFreshTemplate(thread, opts);
      deck = await layoutThread(thread, opts);
      ms.layout = Math.round(performance.now() - t1);
    } catch (err) {
      return fail(toDiagnostics(err, this.displayName));
    }
    const t2 = performance.now();
    const cards: CardView[] = [];
    try {
      for (const card of deck.cards) {
        // Named by what it draws (render/card-key.ts): an unchanged card keeps its PNG, and the browser its <img>.
        const element = expandComponents(cardElement(deck, card));
        const key = cardKey(element, deck.size, deck.assets.fonts).slice(0, 32);
        if (!this.pngs.has(key)) {
          const svg = await elementSvg(deck, element);
          this.pngs.set(key, rasterize(svg, { png: true }).png!);
          rendered++;
          await yieldToLoop();
        } else {
          // Most recently used last, for the cache trim below.
          const png = this.pngs.get(key)!;
          this.pngs.delete(key);
          this.pngs.set(key, png);
        }
        const label =
          card.kind === 'cover' ? 'cover' : card.kind === 'outro' ? 'end' : card.part.index > 1 ? `${card.label} · cont.` : card.label;
        cards.push({ index: card.index, key, kind: card.kind, label, width: deck.size.width, height: deck.size.height, ...(card.post && { line: card.post.position.line }) });
      }
    } catch (err) {
      return fail(toDiagnostics(err, this.displayName));
    }
    ms.render = Math.round(performance.now() - t2);
    this.trimCache(cards.length);
    const warnings = deck.warnings.map((d) => view(d, cardsOf(d, deck)));
    this.lastGood = { cards, title: deck.thread.title };
    ms.total = Math.round(performance.now() - t0);
    return { seq, ok: true, stale: false, cards, errors: [], warnings, rendered, ms, title: deck.thread.title };
  }

  private trimCache(current: number): void {
    const max = Math.max(200, current * 3);
    for (const key of this.pngs.keys()) {
      if (this.pngs.size <= max) break;
      this.pngs.delete(key);
    }
  }

  /** The PDF, the handout or the PNG cards of the current text, by `renderThread` as `threadeck build` makes them. */
  async export(kind: 'pdf' | 'handout' | 'png'): Promise<{ ok: true; files: Array<{ name: string; bytes: Uint8Array }> } | { ok: false; errors: DiagnosticView[] }> {
    const text = this.text;
    const opts = this.layoutOptions();
    return this.withLock(async () => {
      try {
        const thread = await this.parse(text);
        const theme = this.themeFile ? { theme: await loadThemeFile(this.themeFile) } : {};
        const out = await renderThread(thread, { ...this.withFreshTemplate(thread, opts), ...theme, formats: [kind] });
        const plan = planOutputs('', thread.slug, out.deck.cards.length);
        if (kind === 'pdf') return { ok: true as const, files: [{ name: path.basename(plan.pdf), bytes: out.pdf! }] };
        if (kind === 'handout') return { ok: true as const, files: [{ name: path.basename(plan.handout), bytes: out.handout!.bytes }] };
        return { ok: true as const, files: out.pngs.map((bytes, i) => ({ name: path.basename(plan.cards.png[i]!), bytes })) };
      } catch (err) {
        return { ok: false as const, errors: toDiagnostics(err, this.displayName).map((d) => view(d)) };
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

/** The cards a layout warning is about: `posts[3]` → that post's cards; `cover` / `outro`. */
function cardsOf(d: Diagnostic, deck: Deck): number[] | undefined {
  const m = /^posts\[(\d+)\]/.exec(d.path ?? '');
  if (m) return deck.cards.filter((c) => c.post && c.post.number === Number(m[1]) + 1).map((c) => c.index);
  if (d.path === 'cover' || d.path === 'outro') return deck.cards.filter((c) => c.kind === d.path).map((c) => c.index);
  return undefined;
}
