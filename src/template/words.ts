// The words templates put on a card besides the post: the date, the part label ("3/9 · cont."),
// the post count, the swipe cue's label and the last card's sign-off. Plain functions, no locale
// data, so a card reads the same on every machine.
import type { Author, Card } from '../model/index.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A thread's `date` ("2026-03-26") for a card: "Mar 26, 2026" (`mdy`, the default) or "26 Mar
 * 2026" (`dmy`). Anything that is not such a date comes back as it is; no date, undefined.
 */
export function formatDate(iso: string | undefined, order: 'mdy' | 'dmy' = 'mdy'): string | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  return order === 'dmy' ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${Number(m[3])}, ${m[1]}`;
}

/** "7" → "07": post numbers at a fixed two-digit width. */
export const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** "1 post", "9 posts" (or another noun: "9 parts"). */
export const countOf = (n: number, noun = 'post'): string => `${n} ${n === 1 ? noun : `${noun}s`}`;

/** Whether a card continues its post (part 2 or later of a post split over several cards). */
export const isContinued = (card: Pick<Card, 'part'>): boolean => card.part.index > 1;

/** Whether the post goes on on the next card (a split post's parts before the last). */
export const continuesNext = (card: Pick<Card, 'part'>): boolean => card.part.index < card.part.count;

/**
 * A post card's position: its `n/N` label, with `mark` after it on the parts of a split post past
 * the first ("3/9 · cont."; post: " · continued"). The label is `card.label` unless one is given.
 */
export function partLabel(card: Pick<Card, 'label' | 'part'>, mark = ' · cont.', label = card.label): string {
  return isContinued(card) ? `${label}${mark}` : label;
}

export interface CueWords {
  /** On the cover (default "Swipe to read"). */
  cover?: string;
  /** On a post card (default "Swipe"). */
  post?: string;
  /** On a part of a split post that goes on on the next card (default: as `post`). */
  continues?: string;
}

/**
 * What the swipe cue says on this card, or undefined where there is nothing to swipe to: the outro
 * and the last card (which gets a sign-off or an end mark instead).
 */
export function cueLabel(card: Pick<Card, 'kind' | 'isLast' | 'part'>, words: CueWords = {}): string | undefined {
  if (card.kind === 'outro' || card.isLast) return undefined;
  if (card.kind === 'cover') return words.cover ?? 'Swipe to read';
  return continuesNext(card) && words.continues ? words.continues : (words.post ?? 'Swipe');
}

/** The last card's sign-off: "Follow @handle for more" (or without `more`), else "Thanks for reading". */
export function signOff(author: Pick<Author, 'handle'>, more = ' for more'): string {
  return author.handle ? `Follow ${author.handle}${more}` : 'Thanks for reading';
}
