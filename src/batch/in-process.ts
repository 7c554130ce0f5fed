// A small thread rendered in the main thread, with no pool: for one carousel, starting render
// workers (each importing the renderer and parsing its fonts) costs more than the cards do. Only
// built-in templates qualify: a template file is user code, which renders on a worker, under the
// deadline that can stop it.
import { MessageChannel } from 'node:worker_threads';
import type { Thread } from '../model/index.ts';
import type { RenderOptions } from '../pipeline.ts';
import { isTemplatePath } from '../template/names.ts';
import type { RenderResult, RenderTask } from './render-task.ts';
import { presentation } from '../load/presentation.ts';

/** Up to this many cards (estimated), one thread renders faster here than on workers (see README, Performance). */
export const SMALL_THREAD_CARDS = 24;
/** Characters of a post beyond which it is counted as one more card (a long post is split). */
const CHARS_PER_CARD = 900;

/** Whether `thread` is small enough, and its template built in, to render in this thread. */
export function useMainThread(thread: Thread, layout: Omit<RenderOptions, 'formats'>): boolean {
  if (isTemplatePath(presentation(thread.options, layout, layout.config).template)) return false;
  let cards = (thread.options.cover ? 1 : 0) + (thread.options.outro ? 1 : 0);
  for (const post of thread.posts) cards += Math.max(1, Math.ceil(post.text.length / CHARS_PER_CARD));
  return cards <= SMALL_THREAD_CARDS;
}

/** Runs render-task.ts here, reporting cards as a worker would (`onCard` with the thread's card count). */
export async function renderHere(task: Omit<RenderTask, 'port'>, onCard?: (cards: number) => void): Promise<RenderResult> {
  const { renderTask } = await import('./render-task.ts');
  const { port1, port2 } = new MessageChannel();
  let ended!: () => void;
  const end = new Promise<void>((resolve) => (ended = resolve));
  port1.on('message', (message) => {
    if (typeof message === 'number') onCard?.(message);
    else if (message === 'end') ended();
  });
  try {
    const result = await renderTask({ ...task, port: port2 });
    await end;
    return result;
  } finally {
    port1.close();
  }
}
