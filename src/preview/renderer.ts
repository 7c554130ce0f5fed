// The preview's rendering code (render-cards.ts), imported once per process on first use: its
// first import (satori, resvg, the templates) is most of a cold start, so it waits until the
// server listens.
export type Renderer = typeof import('./render-cards.ts');

let loading: Promise<Renderer> | undefined;

export const renderer = (): Promise<Renderer> => (loading ??= import('./render-cards.ts'));
