// The preview's memory between runs, in the OS temp folder like the compiled templates
// (threadeck-preview-<uid>/<tool>/): per thread file, the heights auto-fit measured
// (layout/measure.ts) and the cards last shown with a hash of what they were made from; and the
// PNG of every card drawn, by card key (hash.ts cardKey: its element tree, size and fonts).
// The folder is named by the tool (its package.json and lockfile, and the compiled files' sizes
// and times, so a rebuild of a checkout starts afresh). A preview started again on a file it has
// shown puts the cards it showed on screen at once, if nothing they are made from changed, while
// it lays the thread out without measuring and finds its cards drawn. Only the compiled package
// keeps one (from source, code edits would not be told apart). Best effort throughout: an
// unwritable folder or a damaged file only means measuring and drawing again.
import { lstat, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { sha256, toolFingerprint } from '../hash.ts';
import { COMPILED, packageFile } from '../package-root.ts';
import type { CardView } from './views.ts';

/** Past this, the least recently used card PNGs are removed (at a preview's start). */
const MAX_BYTES = 256 * 1024 * 1024;
/** Other tool versions' folders (rebuilds of a checkout make new ones): removed when unused this long, or past the few most recent. */
const OLD_MS = 7 * 24 * 3600 * 1000;
const KEEP_TOOLS = 4;

/** What is remembered of one thread file. */
export interface ThreadMemory {
  /** Heights auto-fit measured: [measure key, height] pairs. */
  heights: Array<[string, number]>;
  /** The cards of its last good render of the file's text, and the hash of their inputs (dependencies.ts inputsHash). */
  last?: { inputs: string; cards: CardView[] };
}

export interface DiskCache {
  /** What is remembered of a thread file (absolute path); empty if nothing. */
  thread(file: string): Promise<ThreadMemory>;
  saveThread(file: string, memory: ThreadMemory): Promise<void>;
  card(key: string): Promise<Uint8Array | undefined>;
  saveCard(key: string, png: Uint8Array): Promise<void>;
  /** Keeps the folder within its size; removes old tool versions' folders. */
  trim(): Promise<void>;
}

/** The cache of the running tool, or undefined (run from source, or no usable folder). `dir` (tests): its folder. */
export async function openDiskCache(dir?: string): Promise<DiskCache | undefined> {
  try {
    const root = path.join(tmpdir(), `threadeck-preview-${userInfo().uid}`);
    if (!dir) {
      if (!COMPILED) return undefined;
      await makeDir(root);
      if (!(await ownFolder(root))) return undefined;
      dir = path.join(root, (await toolIdentity()).slice(0, 24));
    }
    for (const d of [dir, path.join(dir, 'cards'), path.join(dir, 'threads')]) await makeDir(d);
    return diskCache(dir, path.dirname(dir) === root ? root : undefined);
  } catch {
    return undefined;
  }
}

/** One folder level (not `recursive`: Node's recursive mkdir can spin forever on odd paths such as under /proc). */
async function makeDir(dir: string): Promise<void> {
  await mkdir(dir, { mode: 0o700 }).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
}

/** A shared temp folder is only used if it is ours alone: a real folder, this user's, closed to others. */
async function ownFolder(dir: string): Promise<boolean> {
  const s = await lstat(dir);
  if (!s.isDirectory()) return false;
  return process.getuid === undefined || (s.uid === process.getuid() && (s.mode & 0o077) === 0);
}

async function toolIdentity(): Promise<string> {
  const dist = packageFile('dist');
  const files = [...(await readdir(dist)).map((f) => path.join(dist, f)), ...(await readdir(path.join(dist, 'chunks'))).map((f) => path.join(dist, 'chunks', f))];
  const stats = await Promise.all(
    files
      .filter((f) => f.endsWith('.js'))
      .sort()
      .map(async (f) => {
        const s = await stat(f);
        return `${path.basename(f)}:${s.size}:${s.mtimeMs}`;
      }),
  );
  return sha256(`${await toolFingerprint()}\n${stats.join('\n')}`);
}

function diskCache(dir: string, root: string | undefined): DiskCache {
  const cardFile = (key: string) => path.join(dir, 'cards', `${key}.png`);
  const threadFile = (file: string) => path.join(dir, 'threads', `${sha256(file).slice(0, 32)}.json`);
  /** Temp file and rename: a reader never sees half a file. No fsync: a cache may lose its last writes. */
  const put = async (file: string, data: Uint8Array | string) => {
    const tmp = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await writeFile(tmp, data, { mode: 0o600 });
      await rename(tmp, file);
    } catch {
      await rm(tmp, { force: true }).catch(() => undefined);
    }
  };
  return {
    async thread(file) {
      try {
        const m = JSON.parse(await readFile(threadFile(file), 'utf8')) as Partial<ThreadMemory>;
        const heights = Array.isArray(m.heights) ? m.heights.filter((e): e is [string, number] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number') : [];
        const last = m.last && typeof m.last.inputs === 'string' && Array.isArray(m.last.cards) && m.last.cards.every(isCardView) ? m.last : undefined;
        return { heights, ...(last && { last }) };
      } catch {
        return { heights: [] };
      }
    },
    saveThread: (file, memory) => put(threadFile(file), JSON.stringify(memory)),
    async card(key) {
      const png = await readFile(cardFile(key)).catch(() => undefined);
      // A whole PNG: its signature first, its IEND chunk last.
      if (!png || png.length < 20 || png.readUInt32BE(0) !== 0x89504e47 || png.toString('latin1', png.length - 8, png.length - 4) !== 'IEND') return undefined;
      const now = new Date();
      void utimes(cardFile(key), now, now).catch(() => undefined); // recently used: kept by trim()
      return png;
    },
    saveCard: (key, png) => put(cardFile(key), png),
    async trim() {
      const cards = path.join(dir, 'cards');
      const files = await Promise.all((await readdir(cards)).map(async (f) => ({ f, s: await stat(path.join(cards, f)).catch(() => undefined) })));
      let total = files.reduce((n, { s }) => n + (s?.size ?? 0), 0);
      for (const { f, s } of files.filter((x) => x.s).sort((a, b) => a.s!.mtimeMs - b.s!.mtimeMs)) {
        if (total <= MAX_BYTES) break;
        await rm(path.join(cards, f), { force: true });
        total -= s!.size;
      }
      if (!root) return;
      await utimes(dir, new Date(), new Date());
      const others = await Promise.all((await readdir(root)).map(async (f) => ({ p: path.join(root, f), t: (await stat(path.join(root, f)).catch(() => undefined))?.mtimeMs ?? 0 })));
      const byAge = others.filter((o) => o.p !== dir).sort((a, b) => b.t - a.t);
      for (const [i, o] of byAge.entries()) if (i >= KEEP_TOOLS - 1 || Date.now() - o.t > OLD_MS) await rm(o.p, { recursive: true, force: true });
    },
  };
}

function isCardView(c: unknown): c is CardView {
  const v = c as Partial<CardView> | null;
  return !!v && typeof v.index === 'number' && typeof v.key === 'string' && /^[0-9a-f]{32}$/.test(v.key) && typeof v.label === 'string' && typeof v.width === 'number' && typeof v.height === 'number' && (v.line === undefined || typeof v.line === 'number');
}
