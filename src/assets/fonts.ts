// Bundled fonts: Inter WOFF files from @fontsource/inter, read once per process. No system fonts.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface FontFace {
  name: string;
  data: Buffer;
  weight: 400 | 500 | 600 | 700 | 800;
  style: 'normal' | 'italic';
}

const require = createRequire(import.meta.url);
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'] as const;
const FACES: ReadonlyArray<Pick<FontFace, 'weight' | 'style'>> = [
  { weight: 400, style: 'normal' },
  { weight: 500, style: 'normal' },
  { weight: 600, style: 'normal' },
  { weight: 700, style: 'normal' },
  { weight: 800, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 600, style: 'italic' },
];

export const BODY_FONT = 'Inter';
/** Fallback for symbols Inter lacks (arrows, math, dingbats, box drawing): DejaVu Sans. */
export const SYMBOL_FONT = 'DejaVu Sans';

let cached: Promise<FontFace[]> | undefined;

/** All bundled font faces, loaded on first use and shared afterwards. */
export function loadFonts(): Promise<FontFace[]> {
  cached ??= readFaces();
  return cached;
}

async function readFaces(): Promise<FontFace[]> {
  const dir = path.join(path.dirname(require.resolve('@fontsource/inter/package.json')), 'files');
  const jobs: Promise<FontFace>[] = [];
  for (const subset of SUBSETS) {
    for (const face of FACES) {
      const file = path.join(dir, `inter-${subset}-${face.weight}-${face.style}.woff`);
      jobs.push(readFile(file).then((data) => ({ name: BODY_FONT, data, ...face })));
    }
  }
  const dejavu = path.join(path.dirname(require.resolve('@fontsource/dejavu-sans/package.json')), 'files');
  for (const weight of [400, 700] as const) {
    const file = path.join(dejavu, `dejavu-sans-latin-${weight}-normal.woff`);
    jobs.push(readFile(file).then((data) => ({ name: SYMBOL_FONT, data, weight, style: 'normal' as const })));
  }
  return Promise.all(jobs);
}
