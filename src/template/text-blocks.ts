// Small helpers shared by templates: initials of a name, image fitting.

/** "Ivan Velichko" → "IV"; "@iximiuz" → "I". */
export function initials(name: string): string {
  const words = name.replace(/^@/, '').split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words.slice(0, 1);
  return letters.map((w) => Array.from(w)[0]!.toUpperCase()).join('') || '?';
}

/** Scales an image to fit inside maxWidth × maxHeight, keeping its aspect ratio. */
export function fitImage(img: { width: number; height: number }, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const scale = Math.min(maxWidth / img.width, maxHeight / img.height);
  return { width: Math.round(img.width * scale), height: Math.round(img.height * scale) };
}
