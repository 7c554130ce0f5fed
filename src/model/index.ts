// The pipeline's data, at the bottom of the import graph: nothing here imports anything above it.
// Thread (loaded) → Deck of Cards (laid out) → rendered outputs; the template API and theme types.
export * from './asset.ts';
export * from './thread.ts';
export * from './rich.ts';
export * from './theme.ts';
export * from './template.ts';
export * from './card.ts';
export * from './deck.ts';
