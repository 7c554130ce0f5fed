// Writes one rendered thread into `<out>/<slug>/`: every changed file staged (temp file, synced),
// then all renamed into place — a failed write leaves the previous outputs untouched.
// A file whose bytes equal the last build's (same hash, on disk as recorded) is left alone, so an edit to
// one post rewrites only that post's card. Cards left over from a longer earlier version are
// removed, and so are temp files of a build that was killed.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileReport } from './reports.ts';
import type { OutputKind } from '../model/index.ts';
import { isCardFile, planOutputs } from '../write/output-paths.ts';
import { removeStale, stageFile, type StagedFile } from '../write/atomic.ts';
import { removeManifest, writeManifest, type CachedFile, type Manifest } from './cache-manifest.ts';
import { sha256 } from '../hash.ts';
import type { RenderResult } from './render-task.ts';

/** What is written: one thread's outputs, and what its manifest records. */
export interface ThreadOutputs {
  input: string;
  slug: string;
  title: string;
  key: string;
  render: RenderResult;
  /** Every warning of the thread (load and render), kept in the manifest for cached builds. */
  warnings: Manifest['warnings'];
  /** For the quick up-to-date check (sources.ts). */
  sources?: Manifest['sources'];
  settings?: string;
}

export interface WriteResult {
  files: FileReport[];
  /** Files actually (re)written; the others were already there, byte for byte. */
  written: number;
}

export async function writeOutputs(result: ThreadOutputs, outDir: string, formats: readonly OutputKind[], previous?: Manifest): Promise<WriteResult> {
  const { slug, render } = result;
  const { outputs } = render;
  if (!outputs) throw new Error('nothing to write');
  const plan = planOutputs(outDir, slug, render.cards);
  const before = new Map((previous?.files ?? []).map((f) => [f.path, f]));
  const files: CachedFile[] = [];
  let written = 0;
  await removeManifest(outDir, slug);

  // Every changed file is staged (written in full under a temp name) before any is renamed into
  // place: a write that fails (a full disk) leaves the thread's previous outputs all as they were.
  const staged: StagedFile[] = [];
  const put = async (file: string, data: Uint8Array | string, info: Omit<CachedFile, 'path' | 'bytes' | 'sha256'>) => {
    const hash = sha256(data);
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    // Compared with the file itself, not only the manifest: a file edited behind the cache's back is rewritten.
    const same = before.get(file)?.sha256 === hash && (await sameFile(file, bytes, hash));
    if (!same) staged.push(await stageFile(file, data));
    files.push({ path: file, bytes, sha256: hash, ...info });
  };

  const size = render.size ? { width: render.size.width, height: render.size.height } : {};
  try {
    for (const kind of ['svg', 'png'] as const) {
      if (!formats.includes(kind)) continue;
      for (const [i, file] of plan.cards[kind].entries()) await put(file, outputs[kind][i]!, { kind, ...size, ...(render.keys?.[i] && { card: render.keys[i] }) });
    }
    if (outputs.pdf) await put(plan.pdf, outputs.pdf, { kind: 'pdf', ...size, pages: render.cards });
    if (outputs.handout) await put(plan.handout, outputs.handout.bytes, { kind: 'handout', pages: outputs.handout.pages });
    if (outputs.md !== undefined) await put(plan.md, outputs.md, { kind: 'md' });
    if (outputs.html !== undefined) await put(plan.html, outputs.html, { kind: 'html', ...size, pages: render.cards });
    if (outputs.pptx) await put(plan.pptx, outputs.pptx.bytes, { kind: 'pptx', ...size, pages: outputs.pptx.slides });
  } catch (err) {
    await Promise.all(staged.map((f) => f.abort()));
    throw err;
  }
  try {
    for (const f of staged) await f.commit();
  } catch (err) {
    // A rename refused (a folder in the way): the other temp files go too.
    await Promise.all(staged.map((f) => f.abort()));
    throw err;
  }
  written = staged.length;
  for (const kind of ['svg', 'png'] as const) {
    if (!formats.includes(kind)) continue;
    const keep = new Set(plan.cards[kind].map((f) => path.basename(f)));
    await removeStale(plan.dir, (name) => isCardFile(name, slug, kind) && !keep.has(name));
  }
  await removeStale(plan.dir, isDeadTempFile);

  await writeManifest(outDir, slug, { key: result.key, input: result.input, title: result.title, cards: render.cards, files, warnings: result.warnings, ...(result.sources && { sources: result.sources, settings: result.settings }) });
  return { files: files.map(({ sha256: _, card: _c, ...f }) => f), written };
}

async function sameFile(file: string, bytes: number, hash: string): Promise<boolean> {
  if (!(await stat(file).then((s) => s.size === bytes, () => false))) return false;
  return sha256(await readFile(file)) === hash;
}

/** `.x.png.tmp-<pid>-<random>` left by a process that no longer runs (killed mid-write). */
function isDeadTempFile(name: string): boolean {
  const m = /^\..+\.tmp-(\d+)-[0-9a-f]+$/.exec(name);
  if (!m) return false;
  const pid = Number(m[1]);
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
