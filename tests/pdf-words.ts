// Test helpers for text extracted from PDFs: the words a post should show, and an in-order check.

/** The words of a text, emoji and their joiners dropped (the PDF draws emoji as pictures, not text). */
export const words = (text: string) =>
  text
    .replace(/[0-9#*]\ufe0f?\u20e3/gu, ' ')
    .replace(/\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|[\u200d\ufe0f\u20e3]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);

/** Every expected word appears in `extracted`, in order. Hyphens are dropped on both sides: pdftotext joins a word hyphenated at a line end without its hyphen. */
export function expectWordsInOrder(extracted: string, expected: string[]): void {
  const flat = extracted.replace(/\s+/g, '').replace(/-/g, '');
  let at = 0;
  for (const raw of expected) {
    const word = raw.replace(/-/g, '');
    if (!word) continue;
    const found = flat.indexOf(word, at);
    if (found < 0) throw new Error(`"${word}" not found in the PDF's text after position ${at}`);
    at = found + word.length;
  }
}
