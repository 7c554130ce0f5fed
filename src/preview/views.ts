// What a preview session tells the page: a render's result and its cards, the diagnostics as
// the page shows them, and the events sent over server-sent events. Types only (the page's script
// imports them too, erased from its bundle).
import type { Diagnostic } from '../diagnostics.ts';

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
  /** A render laid the deck out: these are its cards; each one's PNG is served as soon as it is drawn. */
  | { type: 'cards'; seq: number; cards: CardView[] }
  /** The file changed on disk and the page had no unsaved edits: here is the new text. */
  | { type: 'disk'; text: string }
  /** The file changed on disk while the page has unsaved edits. */
  | { type: 'conflict'; text: string }
  | { type: 'saved'; text: string }
  /** A render started. */
  | { type: 'busy' };
