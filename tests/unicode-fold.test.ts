// Math-alphanumeric pseudo-formatting folded into styled runs; RTL and CJK script detection.
import { describe, expect, it } from 'vitest';
import { cjkKinds, foldStyledRuns, foldText, hasCjk, rtlScript } from '../src/text/unicode-fold.ts';

const run = (text: string, style: { bold?: boolean; italic?: boolean; mono?: boolean } = {}) => ({
  text, bold: false, italic: false, mono: false, ...style,
});

describe('foldStyledRuns', () => {
  it('folds sans bold and sans italic words, keeping plain text between them', () => {
    expect(foldStyledRuns('𝗪𝗵𝗮𝘁 is 𝘸𝘩𝘢𝘵')).toEqual([run('What', { bold: true }), run(' is '), run('what', { italic: true })]);
  });

  it('joins spaces and punctuation between runs of the same style', () => {
    expect(foldStyledRuns('𝗕𝗼𝗹𝗱 𝘁𝗲𝘅𝘁')).toEqual([run('Bold text', { bold: true })]);
    expect(foldStyledRuns('𝗛𝗲𝗹𝗹𝗼, 𝘄𝗼𝗿𝗹𝗱!')).toEqual([run('Hello, world', { bold: true }), run('!')]);
    // …but not across a line break
    expect(foldStyledRuns('𝐎𝐧𝐞\n𝐓𝐰𝐨')).toEqual([run('One', { bold: true }), run('\n'), run('Two', { bold: true })]);
  });

  it('recognises bold italic (serif and sans) and monospace', () => {
    expect(foldStyledRuns('𝑩𝒐𝒍𝒅 𝙞𝙩')).toEqual([run('Bold it', { bold: true, italic: true })]);
    expect(foldStyledRuns('run 𝚗𝚙𝚖 𝚝𝚎𝚜𝚝')).toEqual([run('run '), run('npm test', { mono: true })]);
  });

  it('folds bold digits', () => {
    expect(foldStyledRuns('𝟭𝟮𝟯')).toEqual([run('123', { bold: true })]);
    expect(foldStyledRuns('𝟏𝟎 tips')).toEqual([run('10', { bold: true }), run(' tips')]);
  });

  it('folds script, fraktur and double-struck to plain letters, with their letterlike holes', () => {
    expect(foldStyledRuns('𝔉𝔯𝔞𝔨𝔱𝔲𝔯 ℭ𝔞𝔱 𝕕𝕠𝕦𝕓𝕝𝕖 ℍ𝕚')).toEqual([run('Fraktur Cat double Hi')]);
    expect(foldText('𝒮𝒸𝓇𝒾𝓅𝓉 ℬℯ𝓁𝓁')).toBe('Script Bell');
    expect(foldStyledRuns('𝑇ℎ𝑒')).toEqual([run('The', { italic: true })]); // ℎ stands in for italic h
  });

  it('leaves lone letterlike symbols, emoji, CJK and ordinary text alone', () => {
    expect(foldText('x ∈ ℝ, ℏ ≠ 0')).toBe('x ∈ ℝ, ℏ ≠ 0');
    expect(foldStyledRuns('🧵 日本語 héllo')).toEqual([run('🧵 日本語 héllo')]);
    expect(foldStyledRuns('')).toEqual([]);
  });

  it('folds bold Greek', () => {
    expect(foldStyledRuns('𝛂𝛃𝛄')).toEqual([run('αβγ', { bold: true })]);
  });
});

describe('script detection', () => {
  it('finds the first right-to-left script', () => {
    expect(rtlScript('hello שלום مرحبا')).toBe('Hebrew');
    expect(rtlScript('مرحبا שלום')).toBe('Arabic');
    expect(rtlScript('ܫܠܡܐ')).toBe('Syriac');
    expect(rtlScript('ދިވެހި')).toBe('Thaana');
    expect(rtlScript('ߒߞߏ')).toBe('NKo');
    expect(rtlScript('plain English, 日本語')).toBeUndefined();
  });

  it('tells Han, kana and Hangul apart', () => {
    expect(hasCjk('Hello')).toBe(false);
    expect(hasCjk('東京')).toBe(true);
    expect([...cjkKinds('漢字')]).toEqual(['han']);
    expect([...cjkKinds('ひらがなカタカナ')]).toEqual(['kana']);
    expect([...cjkKinds('한국어')]).toEqual(['hangul']);
    expect(cjkKinds('日本語のテキスト')).toEqual(new Set(['han', 'kana']));
    expect(cjkKinds('「」')).toEqual(new Set()); // punctuation alone is no script
  });
});

describe('titles and names in math letters', () => {
  it('the cover heading, the footer title and the author name are folded to plain letters the fonts have', async () => {
    const { parseThread } = await import('../src/load/load-thread.ts');
    const { layoutThread, deckInfo } = await import('../src/layout/paginate.ts');
    const thread = await parseThread('title: "𝐁𝐨𝐥𝐝 title"\nauthor: { name: "𝐌𝐚𝐲𝐚" }\nposts: [hi]\n', { file: 'm.yaml' });
    const deck = await layoutThread(thread);
    const cover = deck.cards[0]!.blocks[0]!;
    expect(cover.kind === 'heading' && cover.spans).toEqual([{ text: 'Bold', bold: true }, { text: ' title' }]);
    const info = deckInfo(thread, deck.cards.length);
    expect([info.title, info.author.name]).toEqual(['Bold title', 'Maya']);
    expect(deck.warnings).toEqual([]);
  });
});
