// Bundled fonts: Inter, DejaVu Sans and JetBrains Mono WOFF files from @fontsource, read once per process. No system fonts.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface FontFace {
  name: string;
  data: Buffer;
  weight: 400 | 500 | 600 | 700 | 800;
  style: 'normal' | 'italic';
  /** satori locale ('zh-CN', 'ja-JP', 'ko-KR'): preferred inside elements with that `lang`, else array order decides. */
  lang?: string;
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
/** Code blocks: JetBrains Mono (latin + latin-ext, 400 and 700). Use MONO_FONT_STACK as the CSS fontFamily. */
export const MONO_FONT = 'JetBrains Mono';
/**
 * satori keeps ONE face per family name and weight/style, so each unicode-range subset file
 * needs its own name: the latin subset is `Inter`/`JetBrains Mono`, the others `Inter cyrillic`,
 * `JetBrains Mono latin-ext`… Unnamed families still serve as fallbacks, in array order.
 */
export const subsetFamily = (family: string, subset: string): string => (subset === 'latin' ? family : `${family} ${subset}`);
/** fontFamily for code: the mono latin-ext face before the (proportional) Inter fallbacks. */
export const MONO_FONT_STACK = `${MONO_FONT}, ${subsetFamily(MONO_FONT, 'latin-ext')}`;

/** Directory of a @fontsource package's font files. */
export function fontsourceDir(pkg: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'files');
}

let cached: Promise<FontFace[]> | undefined;

/** All bundled font faces, loaded on first use and shared afterwards. Order matters: satori falls back in array order. */
export function loadFonts(): Promise<FontFace[]> {
  cached ??= readFaces();
  return cached;
}

async function readFaces(): Promise<FontFace[]> {
  const dir = fontsourceDir('@fontsource/inter');
  const jobs: Promise<FontFace>[] = [];
  for (const subset of SUBSETS) {
    for (const face of FACES) {
      const file = path.join(dir, `inter-${subset}-${face.weight}-${face.style}.woff`);
      jobs.push(readFile(file).then((data) => ({ name: subsetFamily(BODY_FONT, subset), data, ...face })));
    }
  }
  const dejavu = fontsourceDir('@fontsource/dejavu-sans');
  for (const weight of [400, 700] as const) {
    const file = path.join(dejavu, `dejavu-sans-latin-${weight}-normal.woff`);
    jobs.push(readFile(file).then((data) => ({ name: SYMBOL_FONT, data, weight, style: 'normal' as const })));
  }
  // After Inter and DejaVu, so body text never falls back to the monospace face.
  const mono = fontsourceDir('@fontsource/jetbrains-mono');
  for (const subset of ['latin', 'latin-ext'] as const) {
    for (const weight of [400, 700] as const) {
      const file = path.join(mono, `jetbrains-mono-${subset}-${weight}-normal.woff`);
      jobs.push(readFile(file).then((data) => ({ name: subsetFamily(MONO_FONT, subset), data, weight, style: 'normal' as const })));
    }
  }
  return Promise.all(jobs);
}

type FaceSpec = Pick<FontFace, 'weight' | 'style'>;

const familyCache = new Map<string, Promise<FontFace[]>>();

/**
 * Faces of a @fontsource family for templates (read once per process): each subset gets its own
 * family name (see subsetFamily), so CSS `fontFamily: family` draws Latin from the first and
 * falls back to the others for accented letters.
 */
export function fontsourceFaces(pkg: string, family: string, faces: readonly FaceSpec[], subsets: readonly string[] = ['latin', 'latin-ext']): Promise<FontFace[]> {
  const key = `${pkg}|${family}|${JSON.stringify(faces)}|${subsets.join(',')}`;
  let p = familyCache.get(key);
  if (!p) {
    const dir = fontsourceDir(pkg);
    const prefix = pkg.replace(/^@fontsource\//, '');
    p = Promise.all(
      subsets.flatMap((subset) =>
        faces.map(async (face) => ({
          name: subsetFamily(family, subset),
          data: await readFile(path.join(dir, `${prefix}-${subset}-${face.weight}-${face.style}.woff`)),
          ...face,
        })),
      ),
    );
    familyCache.set(key, p);
  }
  return p;
}
