// Test helpers: PNG decoding, golden-image comparison, spawning the CLI.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';

export function decodePng(bytes: Uint8Array): PNG {
  return PNG.sync.read(Buffer.from(bytes));
}

export interface ImageDiff {
  differentPixels: number;
  ratio: number;
}

/** Pixels differing beyond pixelmatch's perceptual threshold (0.1), as a count and a ratio. */
export function diffPngs(a: Uint8Array, b: Uint8Array): ImageDiff {
  const pa = decodePng(a);
  const pb = decodePng(b);
  if (pa.width !== pb.width || pa.height !== pb.height) {
    throw new Error(`size differs: ${pa.width}×${pa.height} vs ${pb.width}×${pb.height}`);
  }
  const differentPixels = pixelmatch(pa.data, pb.data, undefined, pa.width, pa.height, { threshold: 0.1 });
  return { differentPixels, ratio: differentPixels / (pa.width * pa.height) };
}

/**
 * Compares a PNG with tests/golden/<name>.png. Only with UPDATE_GOLDENS=1 (or UPDATE_GOLDEN=1) is
 * the golden file (re)written instead; a missing golden otherwise fails the test. A failing
 * comparison writes the actual image to tests/.out/<name>.actual.png for inspection.
 */
export function matchGolden(name: string, png: Uint8Array): ImageDiff {
  const file = path.join('tests/golden', `${name}.png`);
  const update = Boolean(process.env.UPDATE_GOLDENS || process.env.UPDATE_GOLDEN);
  if (!update && !existsSync(file)) {
    mkdirSync('tests/.out', { recursive: true });
    writeFileSync(path.join('tests/.out', `${name}.actual.png`), png);
    throw new Error(`no golden image ${file}: look at tests/.out/${name}.actual.png, then run the test again with UPDATE_GOLDENS=1 to keep it`);
  }
  if (update) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, png);
    return { differentPixels: 0, ratio: 0 };
  }
  const diff = diffPngs(readFileSync(file), png);
  if (diff.ratio > GOLDEN_TOLERANCE) {
    mkdirSync('tests/.out', { recursive: true });
    writeFileSync(path.join('tests/.out', `${name}.actual.png`), png);
  }
  return diff;
}

/** At most 0.5% of a card's pixels may differ perceptibly from its golden image. */
export const GOLDEN_TOLERANCE = 0.005;

export function tempDir(prefix = 'threadeck-'): string {
  mkdirSync('tests/.out', { recursive: true });
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs bin/threadeck.js as a separate process, as a user would. */
export function runCli(args: string[], opts: { cwd?: string } = {}): CliResult {
  const bin = path.resolve('bin/threadeck.js');
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: opts.cwd ?? process.cwd(), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Mean absolute difference per channel (RGB, 0–255) between two same-sized PNGs. */
export function meanAbsDiff(a: Uint8Array, b: Uint8Array): number {
  const pa = decodePng(a);
  const pb = decodePng(b);
  if (pa.width !== pb.width || pa.height !== pb.height) throw new Error('size differs');
  let sum = 0;
  for (let i = 0; i < pa.data.length; i += 4) {
    sum += Math.abs(pa.data[i]! - pb.data[i]!) + Math.abs(pa.data[i + 1]! - pb.data[i + 1]!) + Math.abs(pa.data[i + 2]! - pb.data[i + 2]!);
  }
  return sum / ((pa.data.length / 4) * 3);
}
