// Code highlighting loads highlight.js grammars itself (not through lowlight's entry, which loads
// all of them): the set must stay lowlight's `common`, and the spans those grammars give.
import { common, createLowlight } from 'lowlight';
import { describe, expect, it } from 'vitest';
import { COMMON_GRAMMARS, highlightCode } from '../src/text/highlight.ts';

describe('highlightCode', () => {
  it("uses exactly lowlight's common grammars", () => {
    expect([...COMMON_GRAMMARS].sort()).toEqual(Object.keys(common).sort());
  });

  it('colours code as lowlight with its common grammars does, aliases included', () => {
    const reference = createLowlight(common);
    for (const [lang, code] of [['ts', 'const a: number = 1; // one'], ['py', 'def f(x):\n    return "x"'], ['sh', 'echo $HOME'], ['yaml', 'key: [1, 2]']] as const) {
      expect(reference.registered(lang), lang).toBe(true);
      const spans = highlightCode(code, lang);
      expect(spans.length, lang).toBe(code.split('\n').length);
      expect(new Set(spans.flat().map((s) => s.color)).size, `${lang} has colours`).toBeGreaterThan(1);
      expect(spans.map((line) => line.map((s) => s.text).join('')).join('\n')).toBe(code);
    }
    // An unknown language is plain text, one span per line.
    expect(highlightCode('x = 1', 'no-such-language')).toEqual([[expect.objectContaining({ text: 'x = 1' })]]);
  });
});
