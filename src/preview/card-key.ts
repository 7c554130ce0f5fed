// What a card looks like depends on: the card itself (blocks, number, part, font size…), the deck
// around it (title, author, counts), the template, the theme, the size and the fonts. A hash of
// all of that names the card's PNG in the preview's cache: a card whose inputs did not change
// keeps its PNG (and the browser keeps its <img>), so an edit re-renders only the changed cards.
import { createHash } from 'node:crypto';
import type { Card, Deck } from '../model.ts';
import { deckInfo } from '../layout/paginate.ts';

/** Bumped when the meaning of a key changes. */
const KEY_VERSION = 1;

const bytesHashes = new WeakMap<object, string>();

function bytesHash(bytes: ArrayBufferView | ArrayBuffer): string {
  let h = bytesHashes.get(bytes);
  if (!h) {
    const view = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    h = createHash('sha256').update(view).digest('hex').slice(0, 24);
    bytesHashes.set(bytes, h);
  }
  return h;
}

/**
 * Plain data with binary values replaced by their hash (Buffers too: JSON.stringify would call
 * their toJSON first and spell out every byte), functions and data: URIs (which repeat bytes
 * hashed elsewhere) left out.
 */
function plain(v: unknown, depth = 0): unknown {
  if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) return `#${bytesHash(v as ArrayBufferView)}`;
  if (v === null || typeof v !== 'object' || depth > 64) return typeof v === 'function' ? undefined : v;
  if (Array.isArray(v)) return v.map((x) => plain(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (k !== 'dataUri' && typeof x !== 'function') out[k] = plain(x, depth + 1);
  return out;
}

const stable = (value: unknown): string => JSON.stringify(plain(value));

/** Everything shared by every card of a deck, hashed once per render. */
export function deckKey(deck: Deck, templateId: string): string {
  return createHash('sha256')
    .update(
      stable({
        v: KEY_VERSION,
        template: templateId,
        size: deck.size,
        theme: deck.theme,
        info: deckInfo(deck.thread, deck.cards.length),
        fonts: deck.assets.fonts,
        emoji: deck.assets.graphemeImages,
      }),
    )
    .digest('hex');
}

/** The key of one card: its deck's key and its own inputs. */
export function cardKey(deckHash: string, card: Card): string {
  const { post, ...rest } = card;
  return createHash('sha256')
    .update(deckHash)
    .update(stable({ ...rest, post: post && { ...post, position: undefined } }))
    .digest('hex')
    .slice(0, 32);
}
