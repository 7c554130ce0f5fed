// The project config file in the preview, as in build (load/presentation.ts): its template and size
// show when the thread file names none; the thread file's own choice wins over it, and a flag or a
// picker over both. A config file's template file reloads when saved, the config file itself too.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { loadProjectConfig } from '../src/load/project-config.ts';
import { startPreviewServer, type PreviewServer } from '../src/preview/server.ts';
import type { RenderResult } from '../src/preview/views.ts';
import { makeThread, removeThreads, sse } from './preview-helpers.ts';

afterAll(removeThreads);

const size = (s: PreviewServer) => s.session.result!.cards.map((c) => `${c.width}x${c.height}`)[0];
const keys = (s: PreviewServer) => s.session.result!.cards.map((c) => c.key);

/** Makes a change and waits for a result after it that `until` accepts (a watched file's change may bring more than one render). */
async function rerender(s: PreviewServer, change: () => void, until: (r: RenderResult) => boolean = () => true): Promise<void> {
  const ev = await sse(`${s.url}events`);
  try {
    const seq = s.session.result!.seq;
    const next = ev.next('result', (d) => d.result.seq > seq && until(d.result), 30_000);
    change();
    await next;
  } finally {
    ev.close();
  }
}

describe('threadeck preview with a project config file', () => {
  it("shows the config file's template and size; the thread file's and a picker's win", async () => {
    const t = makeThread(2);
    const configFile = path.join(t.dir, 'threadeck.config.yaml');
    writeFileSync(configFile, 'template: dark\nsize: square\n');
    const config = await loadProjectConfig(configFile);
    const servers = await Promise.all([
      startPreviewServer({ file: t.file, config }),
      startPreviewServer({ file: t.file, choices: { template: 'dark', size: 'square' } }),
      startPreviewServer({ file: t.file }),
    ]);
    const [withConfig, asFlags, plain] = servers;
    try {
      expect(withConfig.session.result!.ok).toBe(true);
      expect(size(withConfig)).toBe('1080x1080');
      expect(keys(withConfig)).toEqual(keys(asFlags)); // the dark template, at the config's size
      expect(size(plain)).toBe('1080x1350');
      expect(keys(plain)).not.toEqual(keys(withConfig));
      // The pickers act as flags: over the config file.
      await rerender(withConfig, () => withConfig.session.setChoices({ template: 'default', size: 'linkedin' }));
      expect(keys(withConfig)).toEqual(keys(plain));
      // Back to "the thread's": the config file's again; the thread file's own size wins over it.
      await rerender(withConfig, () => withConfig.session.setChoices({ template: '', size: '' }));
      expect(keys(withConfig)).toEqual(keys(asFlags));
      await rerender(withConfig, () => withConfig.session.setText(t.text.replace('title: Preview test', 'title: Preview test\nsize: story')));
      expect(size(withConfig)).toBe('1080x1920');
      // An export is drawn with the same choices.
      const zip = await fetch(`${withConfig.url}export/thread.zip`);
      expect(zip.status).toBe(200);
    } finally {
      for (const s of servers) await s.close();
    }
  });

  it("reloads the config file's template file, and the config file, when saved", async () => {
    mkdirSync('tests/.out', { recursive: true });
    const dir = mkdtempSync(path.resolve('tests/.out/preview-config-'));
    const source = readFileSync('templates/example.tsx', 'utf8');
    writeFileSync(path.join(dir, 'mine.tsx'), source);
    const configFile = path.join(dir, 'threadeck.config.yaml');
    writeFileSync(configFile, 'template: ./mine.tsx\n');
    writeFileSync(path.join(dir, 'thread.yaml'), 'title: Config template\nauthor: { name: Ann Example }\nposts:\n  - One post.\n');
    const s = await startPreviewServer({ file: path.join(dir, 'thread.yaml'), config: await loadProjectConfig(configFile) });
    try {
      const before = s.session.result!;
      expect(before.ok).toBe(true);
      const changed = (r: RenderResult) => r.cards.every((c, i) => c.key !== before.cards[i]!.key);
      await rerender(s, () => writeFileSync(path.join(dir, 'mine.tsx'), source.replace("background: '#FFFFFF'", "background: '#FFE4E6'")), changed);
      expect(s.session.result!.ok).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(['mine.tsx', 'thread.yaml', 'threadeck.config.yaml']); // the hidden copy is gone
      await rerender(s, () => writeFileSync(configFile, 'template: ./mine.tsx\nsize: square\n'), (r) => r.cards[0]!.height === 1080);
      expect(size(s)).toBe('1080x1080');
      await rerender(s, () => writeFileSync(configFile, 'size: 5x5\n'), (r) => !r.ok);
      expect(s.session.result!.errors[0]!.file).toContain('threadeck.config.yaml');
      expect(s.session.result!.stale).toBe(true);
    } finally {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds the config file upward from the working folder in the CLI; --size and --no-config win', async () => {
    const t = makeThread(2);
    writeFileSync(path.join(t.dir, 'threadeck.config.yaml'), 'size: square\n');
    const sub = path.join(t.dir, 'sub');
    mkdirSync(sub);
    const cli = path.resolve('bin/threadeck.js');
    const run = async (args: string[]) => {
      const port = 20000 + Math.floor(Math.random() * 20000);
      const child = spawn(process.execPath, [cli, 'preview', t.file, '--port', String(port), ...args], { cwd: sub, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      const deadline = Date.now() + 60_000;
      while (!out.includes('watching') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
      try {
        const state = (await (await fetch(`http://127.0.0.1:${port}/api/state`)).json()) as { result: { cards: Array<{ width: number; height: number }> } };
        return `${state.result.cards[0]!.width}x${state.result.cards[0]!.height}`;
      } finally {
        await new Promise((resolve) => {
          child.on('exit', resolve);
          child.kill('SIGTERM');
        });
      }
    };
    expect(await run([])).toBe('1080x1080');
    expect(await run(['--size', 'story'])).toBe('1080x1920');
    expect(await run(['--no-config'])).toBe('1080x1350');
  });
});
