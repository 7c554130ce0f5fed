// Bundled fonts: Inter, DejaVu Sans and JetBrains Mono from @fontsource, as a catalogue of subset
// files (BUNDLED_GROUPS) read only when a text needs them (font-coverage.ts picks them). Each face
// is read once per process and handed to satori as plain TrueType (sfnt), inflated here with
// node's zlib: satori parses WOFF by inflating every table in JavaScript, twice. No system fonts.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { toSfnt } from './sfnt.ts';

import type { FontFace } from '../model/index.ts';
export type { FontFace };

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

/** One bundled face: its family name (per subset, see subsetFamily), weight, style and WOFF file. */
export interface BundledFace extends Pick<FontFace, 'name' | 'weight' | 'style'> {
  file: string;
}

/** The faces of one family name (one subset file per weight/style): satori picks among them by weight and style. */
export interface FaceGroup {
  name: string;
  faces: readonly BundledFace[];
}

let groups: FaceGroup[] | undefined;

/**
 * Every bundled family name with its faces, in satori's fallback order: Inter's 7 subsets (7
 * weights/styles each), DejaVu Sans (400, 700), then JetBrains Mono latin and latin-ext (400, 700)
 * — after Inter and DejaVu, so body text never falls back to the monospace face. 55 faces in all.
 */
export function bundledGroups(): readonly FaceGroup[] {
  if (groups) return groups;
  const inter = fontsourceDir('@fontsource/inter');
  const dejavu = fontsourceDir('@fontsource/dejavu-sans');
  const mono = fontsourceDir('@fontsource/jetbrains-mono');
  const group = (name: string, faces: Array<Omit<BundledFace, 'name'>>): FaceGroup => ({ name, faces: faces.map((f) => ({ name, ...f })) });
  groups = [
    ...SUBSETS.map((subset) => group(subsetFamily(BODY_FONT, subset), FACES.map((f) => ({ ...f, file: path.join(inter, `inter-${subset}-${f.weight}-${f.style}.woff`) })))),
    group(SYMBOL_FONT, ([400, 700] as const).map((weight) => ({ weight, style: 'normal', file: path.join(dejavu, `dejavu-sans-latin-${weight}-normal.woff`) }))),
    ...(['latin', 'latin-ext'] as const).map((subset) =>
      group(subsetFamily(MONO_FONT, subset), ([400, 700] as const).map((weight) => ({ weight, style: 'normal', file: path.join(mono, `jetbrains-mono-${subset}-${weight}-normal.woff`) }))),
    ),
  ];
  return groups;
}

const woffs = new Map<string, Promise<Buffer>>();

/** A bundled face's WOFF bytes as shipped (for reading its cmap), read once per process. */
export function bundledWoff(face: BundledFace): Promise<Buffer> {
  let p = woffs.get(face.file);
  if (!p) {
    p = readFile(face.file);
    p.catch(() => woffs.delete(face.file));
    woffs.set(face.file, p);
  }
  return p;
}

const faces = new Map<string, Promise<FontFace>>();

/** A bundled face for satori and the PDF: sfnt bytes (converted once per process), the same object every time. */
export function bundledFace(face: BundledFace): Promise<FontFace> {
  let p = faces.get(face.file);
  if (!p) {
    p = bundledWoff(face).then((woff) => {
      const sfnt = toSfnt(woff);
      return { name: face.name, data: Buffer.from(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength), weight: face.weight, style: face.style };
    });
    p.catch(() => faces.delete(face.file));
    faces.set(face.file, p);
  }
  return p;
}

/** The faces of some groups, in the order given, each face the shared bundledFace object. */
export function groupFaces(list: readonly FaceGroup[]): Promise<FontFace[]> {
  return Promise.all(list.flatMap((g) => g.faces.map(bundledFace)));
}

let cached: Promise<FontFace[]> | undefined;

/**
 * All 55 bundled faces, loaded on first use and shared afterwards. Order matters: satori falls back
 * in array order. Cards get only the faces their text needs (font-coverage.ts fontsForText).
 */
export function loadFonts(): Promise<FontFace[]> {
  cached ??= groupFaces(bundledGroups());
  return cached;
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
        faces.map(async (face) => {
          // As sfnt, like the bundled faces: satori parses it several times faster than WOFF.
          const sfnt = toSfnt(await readFile(path.join(dir, `${prefix}-${subset}-${face.weight}-${face.style}.woff`)));
          return { name: subsetFamily(family, subset), data: Buffer.from(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength), ...face };
        }),
      ),
    );
    familyCache.set(key, p);
  }
  return p;
}
