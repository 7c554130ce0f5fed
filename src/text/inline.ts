// Inline text helpers for the Markdown converter: Unicode pseudo-bold folding into styled spans,
// and @mention / #hashtag detection for the accent colour.
import { foldStyledRuns } from './unicode-fold.ts';
import type { Span } from '../model/index.ts';

type Style = Omit<Span, 'text'>;

/** Splits text into spans, folding Unicode math letters (𝗯𝗼𝗹𝗱, 𝘪𝘵𝘢𝘭𝘪𝘤) into styled plain text. */
export function styleRuns(text: string, style: Style): Span[] {
  return foldStyledRuns(text).map((run) => {
    const span: Span = { ...style, text: run.text };
    if (run.bold) span.bold = true;
    if (run.italic) span.italic = true;
    if (run.mono) span.mono = true;
    return span;
  });
}

const TAG = /(^|[^\p{L}\p{N}_@#&/])([@#][\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu;

/** Marks @mentions and #hashtags (not e-mail addresses, URL fragments or "#1"). */
export function accentSpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    let last = 0;
    for (const m of span.text.matchAll(TAG)) {
      const start = m.index! + m[1]!.length;
      const tag = m[2]!;
      if (tag.startsWith('@') && tag.length > 31) continue;
      if (start > last) out.push({ ...span, text: span.text.slice(last, start) });
      out.push({ ...span, text: tag, accent: tag.startsWith('@') ? 'mention' : 'hashtag' });
      last = start + tag.length;
    }
    if (last < span.text.length) out.push({ ...span, text: span.text.slice(last) });
  }
  return out;
}
