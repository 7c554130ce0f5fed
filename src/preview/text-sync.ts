// The previewed text and the thread file on disk, kept in step: the editor's text is rendered
// without being saved; a save writes the file atomically and its echo from the watcher is ignored;
// a change on disk replaces the text when the page has no unsaved edits, and is reported as a
// conflict when it has.
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../write/atomic.ts';
import type { SessionEvent } from './views.ts';

export class TextSync {
  /** What is rendered: the editor's text, or the disk's. */
  text = '';
  /** The file's content as last read or written by us (undefined: no such file). */
  diskText: string | undefined;

  constructor(
    private readonly file: string,
    private readonly emit: (e: SessionEvent) => void,
    /** The text to render changed. */
    private readonly changed: () => void,
  ) {}

  /** Reads the file (at the start). */
  async read(): Promise<void> {
    this.diskText = await readFile(this.file, 'utf8').catch(() => undefined);
    this.text = this.diskText ?? '';
  }

  /** Text from the editor: rendered (not saved). */
  set(text: string): void {
    if (text === this.text) return;
    this.text = text;
    this.changed();
  }

  /** Writes `text` to the thread file atomically; the watcher's echo of this write is ignored. */
  async save(text: string): Promise<void> {
    this.diskText = text;
    await writeFileAtomic(this.file, text);
    this.emit({ type: 'saved', text });
    this.set(text);
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
      this.changed();
    } else {
      this.emit({ type: 'conflict', text: content });
    }
  }
}
