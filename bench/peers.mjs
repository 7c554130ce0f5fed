#!/usr/bin/env node
// npm run bench:peers — threadeck next to the tools people use for the same job, timed as whole
// processes exactly as a user runs them: Marp CLI (Markdown deck → Chromium), a Playwright script
// (HTML page → Chromium screenshots / page.pdf) and the bare floor (satori → resvg → PNG, no
// pipeline). Same posts for all: the 9 posts of threads/devops-sre-platform-engineering.yaml and a
// 90-post version; threadeck without cover and outro, so every tool makes the same 9 / 90 cards.
//
//   node bench/peers.mjs [--runs N] [--quick] [--json FILE] [--timeout SECONDS] [--no-warmup]
//
// The peers are installed on demand into a cached temp folder (never into the project):
// `npm install --prefix $TMPDIR/threadeck-bench-peers @marp-team/marp-cli@… playwright-core@…`.
// The browser is Debian's Chromium (/usr/bin/chromium; installed with apt-get when run as root);
// no browser is ever downloaded. Tools run alternately (A B C D A B C D …) after one untimed
// warm-up round per job; medians, min and max of wall time, and peak RSS from /usr/bin/time
// (the largest single process: for Chromium that is one of its processes, not their sum).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeInputs, postsFor } from './peers/inputs.mjs';

const MARP_CLI = '4.5.1'; // engines: node >= 18
const PLAYWRIGHT_CORE = '1.65.1'; // engines: node >= 20 (the project's own devDependency)

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const projectRequire = createRequire(path.join(root, 'package.json'));
const { parse: parseYaml, stringify: stringifyYaml } = projectRequire('yaml');

// ---------------------------------------------------------------- options
function options(argv) {
  const o = { runs: 5, quick: false, json: undefined, timeoutS: 120, warmup: true, dir: process.env.THREADECK_BENCH_PEERS_DIR || path.join(os.tmpdir(), 'threadeck-bench-peers'), chromium: process.env.CHROME_PATH || '/usr/bin/chromium' };
  let runsGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    const name = a.split('=')[0];
    if (name === '--runs') (o.runs = Number(value())), (runsGiven = true);
    else if (name === '--quick') o.quick = true;
    else if (name === '--json') o.json = value();
    else if (name === '--timeout') o.timeoutS = Number(value());
    else if (name === '--no-warmup') o.warmup = false;
    else if (name === '--dir') o.dir = path.resolve(value());
    else if (name === '--chromium') o.chromium = value();
    else if (name === '-h' || name === '--help') usage();
    else usage(`unknown option ${a}`);
  }
  if (o.quick && !runsGiven) o.runs = 2;
  if (!Number.isInteger(o.runs) || o.runs < 1) usage('--runs expects a whole number ≥ 1');
  if (!(o.timeoutS > 0)) usage('--timeout expects seconds > 0');
  return o;
}
function usage(error) {
  const text = 'usage: node bench/peers.mjs [--runs N (5)] [--quick: 2 runs, 9-card jobs only] [--json FILE] [--timeout SECONDS (120)] [--no-warmup] [--dir PEERS_DIR] [--chromium PATH]';
  if (error) console.error(`bench/peers.mjs: ${error}\n${text}`);
  else console.log(text);
  process.exit(error ? 2 : 0);
}
const opts = options(process.argv.slice(2));
const log = (s = '') => console.log(s);
const warn = (s) => console.error(s);

// ---------------------------------------------------------------- setup: peers, browser, /usr/bin/time
const excerpt = (s, n = 600) => {
  const t = String(s ?? '').replace(/\x1b\[[0-9;]*m/g, '').trim();
  return t.length > n ? `…${t.slice(-n)}` : t;
};
const installedVersion = (dir, pkg) => {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
};

function setupPeers(dir) {
  mkdirSync(dir, { recursive: true });
  const want = { '@marp-team/marp-cli': MARP_CLI, 'playwright-core': PLAYWRIGHT_CORE };
  const missing = Object.entries(want).filter(([pkg, v]) => installedVersion(dir, pkg) !== v);
  if (missing.length) {
    if (!existsSync(path.join(dir, 'package.json'))) writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'threadeck-bench-peers', private: true }, null, 2));
    const specs = missing.map(([pkg, v]) => `${pkg}@${v}`);
    warn(`installing ${specs.join(' ')} into ${dir} (once; cached for later runs)…`);
    const r = spawnSync('npm', ['install', '--prefix', dir, '--save-exact', '--no-audit', '--no-fund', '--loglevel=error', ...specs], {
      encoding: 'utf8',
      // A browser download by a postinstall script would fail here anyway: say so up front.
      env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', PUPPETEER_SKIP_CHROME_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
    });
    if (r.status !== 0) warn(`npm install failed (${r.status}): ${excerpt(r.stderr || r.error?.message)}`);
  }
  const got = Object.fromEntries(Object.keys(want).map((pkg) => [pkg, installedVersion(dir, pkg)]));
  // The Playwright script runs from the temp folder, so that it resolves the playwright-core installed there.
  if (got['playwright-core']) copyFileSync(path.join(root, 'bench/peers/playwright-cards.mjs'), path.join(dir, 'playwright-cards.mjs'));
  return got;
}

function setupChromium(bin) {
  const version = () => {
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : undefined;
  };
  if (existsSync(bin)) return version();
  const how = 'apt-get update && apt-get install -y chromium';
  if (bin === '/usr/bin/chromium' && process.getuid?.() === 0) {
    warn(`no ${bin}: installing Debian's Chromium (${how})…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const up = spawnSync('apt-get', ['update'], { encoding: 'utf8', env });
    const inst = up.status === 0 ? spawnSync('apt-get', ['install', '-y', 'chromium'], { encoding: 'utf8', env }) : up;
    if (inst.status !== 0) warn(`apt-get failed: ${excerpt(inst.stderr)}`);
    if (existsSync(bin)) return version();
  }
  warn(`no Chromium at ${bin}: the Marp and Playwright columns are skipped. Install it with: sudo ${how} (or pass --chromium PATH)`);
  return undefined;
}

const hasTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;

// ---------------------------------------------------------------- one timed process
/**
 * Runs `steps` (argv lists, one after the other, as a user types them) and returns
 * { ms, rssMB?, error? }. Each process gets its own process group, killed whole on timeout.
 */
async function runSteps(steps, { env, cwd = root, timeoutS }) {
  let ms = 0;
  let rssKB;
  for (const argv of steps) {
    const rssFile = path.join(opts.dir, `rss-${process.pid}.txt`);
    const cmd = hasTime ? ['/usr/bin/time', '-f', '%M', '-o', rssFile, ...argv] : argv;
    const t0 = performance.now();
    const r = await new Promise((resolve) => {
      const child = spawn(cmd[0], cmd.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      let out = '';
      let err = '';
      const keep = (s, d) => (s + d).slice(-16384);
      child.stdout.on('data', (d) => (out = keep(out, d)));
      child.stderr.on('data', (d) => (err = keep(err, d)));
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
      }, timeoutS * 1000);
      current = child;
      child.on('error', (e) => (err += `\n${e.message}`));
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        current = undefined;
        // Anything the process left behind in its group (a browser that outlived its driver).
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
        resolve({ code, signal, out, err, timedOut });
      });
    });
    ms += performance.now() - t0;
    if (hasTime) {
      try {
        const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
        if (Number.isFinite(kb)) rssKB = Math.max(rssKB ?? 0, kb);
      } catch {}
    }
    if (r.timedOut || r.code !== 0) {
      const why = r.timedOut ? `timed out after ${timeoutS} s` : r.signal ? `killed by ${r.signal}` : `exit code ${r.code}`;
      const stderr = excerpt(r.err.replace(/^Command exited with non-zero status \d+\n?/m, '').replace(/^\d+\s*$/m, '')) || excerpt(r.out);
      return { ms, error: `\`${argv.map(shortArg).join(' ')}\`: ${why}${stderr ? `\n${stderr}` : ''}` };
    }
  }
  return { ms, rssMB: rssKB !== undefined ? rssKB / 1024 : undefined };
}
let current;
/** An argument as shown in a failure: `node` for this Node, paths inside the project relative to it. */
function shortArg(a) {
  if (a === process.execPath) return 'node';
  if (!path.isAbsolute(a)) return a;
  const rel = path.relative(root, a);
  return rel && !rel.startsWith('..') ? rel : a;
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (current) {
      try {
        process.kill(-current.pid, 'SIGKILL');
      } catch {}
    }
    process.exit(130);
  });
}

// ---------------------------------------------------------------- output checks
const filesIn = (dir, ext, acc = []) => {
  if (!existsSync(dir)) return acc;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue; // threadeck's .threadeck-cache
    const p = path.join(dir, e.name);
    if (e.isDirectory()) filesIn(p, ext, acc);
    else if (e.name.endsWith(ext)) acc.push(p);
  }
  return acc;
};
const { PDFDocument } = projectRequire('pdf-lib');
/** What a run made in `dir`: { png, pdfPages }; an error when nothing of a wanted format is there. */
async function made(dir, want) {
  const pngs = filesIn(dir, '.png').length;
  let pages = 0;
  for (const f of filesIn(dir, '.pdf')) {
    try {
      pages += (await PDFDocument.load(readFileSync(f), { updateMetadata: false, ignoreEncryption: true })).getPageCount();
    } catch (e) {
      return { error: `unreadable PDF ${path.basename(f)}: ${e.message}` };
    }
  }
  if (want.png && pngs === 0) return { error: 'made no PNG' };
  if (want.pdf && pages === 0) return { error: 'made no PDF' };
  const counts = [want.png ? `${pngs} PNG` : '', want.pdf ? `${pages} PDF pages` : ''].filter(Boolean).join(', ');
  const off = (want.png && pngs !== want.cards) || (want.pdf && pages !== want.cards);
  return { note: off ? `${counts} (expected ${want.cards})` : undefined };
}

// ---------------------------------------------------------------- inputs
const peers = setupPeers(opts.dir);
const chromiumVersion = setupChromium(opts.chromium);
const source = parseYaml(readFileSync(path.join(root, 'threads/devops-sre-platform-engineering.yaml'), 'utf8'));
const sourcePosts = source.posts.map((p) => (typeof p === 'string' ? p : p.text));
const meta = { title: source.title, author: source.author, date: source.date instanceof Date ? source.date.toISOString().slice(0, 10) : source.date };
const work = path.join(opts.dir, 'run');
rmSync(work, { recursive: true, force: true });
const sizes = opts.quick ? [sourcePosts.length] : [sourcePosts.length, 10 * sourcePosts.length];
const inputs = Object.fromEntries(sizes.map((n) => [n, writeInputs(path.join(work, 'in', String(n)), { name: `cards-${n}`, meta, posts: postsFor(sourcePosts, n), projectRoot: root, stringify: stringifyYaml })]));

// ---------------------------------------------------------------- the jobs
const node = process.execPath;
const bin = path.join(root, 'bin/threadeck.js');
const marpBin = path.join(opts.dir, 'node_modules/@marp-team/marp-cli/marp-cli.js');
const pwScript = path.join(opts.dir, 'playwright-cards.mjs');
const bareScript = path.join(root, 'bench/peers/bare.mjs');
const browserEnv = { CHROME_PATH: opts.chromium, CHROME_NO_SANDBOX: '1', CHROME_DISABLE_GPU: '1' };
const TOOLS = [
  { id: 'threadeck', name: 'threadeck', ok: true },
  { id: 'marp', name: 'Marp', ok: Boolean(peers['@marp-team/marp-cli'] && chromiumVersion) },
  { id: 'playwright', name: 'Playwright', ok: Boolean(peers['playwright-core'] && chromiumVersion) },
  { id: 'bare', name: 'bare', ok: true },
];
const FORMATS = [
  ['PNG', { png: true }],
  ['PDF', { pdf: true }],
  ['PNG+PDF', { png: true, pdf: true }],
];
const fmtList = (w) => [w.png && 'png', w.pdf && 'pdf'].filter(Boolean).join(',');

const jobs = [];
for (const n of sizes) {
  const inp = inputs[n];
  for (const [label, w] of FORMATS) {
    const want = { ...w, cards: n };
    const id = `${n}-${label.toLowerCase().replace('+', '-')}`;
    const jobsFlag = n > sourcePosts.length && label === 'PNG' ? ['--jobs', '2'] : [];
    const marp = (dir) => [
      ...(w.png ? [[node, marpBin, '--no-config-file', '--theme', inp.theme, '--allow-local-files', inp.deck, '--images', 'png', '-o', path.join(dir, 'deck.png')]] : []),
      ...(w.pdf ? [[node, marpBin, '--no-config-file', '--theme', inp.theme, '--allow-local-files', inp.deck, '--pdf', '-o', path.join(dir, 'deck.pdf')]] : []),
    ];
    jobs.push({
      id,
      label: `${n} cards ${label}${jobsFlag.length ? ' (threadeck --jobs 2)' : ''}`,
      want,
      cmds: {
        threadeck: (dir) => [[node, bin, 'build', inp.thread, '--out', dir, '--format', fmtList(w), '--force', ...jobsFlag]],
        marp,
        playwright: (dir) => [[node, pwScript, inp.html, dir, fmtList(w), opts.chromium]],
        ...(w.pdf ? {} : { bare: (dir) => [[node, bareScript, inp.json, dir]] }),
      },
    });
    if (jobsFlag.length) {
      jobs.push({ id: `${id}-j1`, label: `${n} cards PNG (threadeck --jobs 1)`, want, cmds: { threadeck: (dir) => [[node, bin, 'build', inp.thread, '--out', dir, '--format', 'png', '--force', '--jobs', '1']] } });
    }
  }
}
jobs.push({
  id: 'version',
  label: 'start-up: `--version` (bare: `node -e 0`)',
  cmds: {
    threadeck: () => [[node, bin, '--version']],
    marp: () => [[node, marpBin, '--version']],
    playwright: () => [[node, path.join(opts.dir, 'node_modules/playwright-core/cli.js'), '--version']],
    bare: () => [[node, '-e', '0']],
  },
});
for (const n of sizes) {
  const inp = inputs[n];
  jobs.push({
    id: `${n}-up-to-date`,
    label: `${n} cards PNG+PDF, up-to-date re-run (no \`--force\`)`,
    want: { png: true, pdf: true, cards: n },
    keepOutput: true,
    // One untimed build first, so that every timed run finds its cards up to date.
    prepare: (dir) => [[node, bin, 'build', inp.thread, '--out', dir, '--format', 'png,pdf', '--force']],
    cmds: { threadeck: (dir) => [[node, bin, 'build', inp.thread, '--out', dir, '--format', 'png,pdf']] },
  });
}

// ---------------------------------------------------------------- run
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const threadeckVersion = spawnSync(node, [bin, '--version'], { cwd: root, encoding: 'utf8' }).stdout?.trim() || '?';
const machine = `${os.cpus()[0]?.model?.trim() ?? 'cpu'}, ${os.availableParallelism()} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
const versions = { node: process.version, threadeck: threadeckVersion, marpCli: peers['@marp-team/marp-cli'] ?? null, playwrightCore: peers['playwright-core'] ?? null, chromium: chromiumVersion ?? null };
warn(`threadeck bench:peers — ${machine} · node ${process.version} · load ${os.loadavg()[0].toFixed(1)} · ${opts.runs} run(s) per command${opts.warmup ? ' after 1 warm-up' : ''}`);
warn(`threadeck ${versions.threadeck} · @marp-team/marp-cli ${versions.marpCli ?? '—'} · playwright-core ${versions.playwrightCore ?? '—'} · ${versions.chromium ?? 'no Chromium'}${hasTime ? '' : ' · no /usr/bin/time: peak RSS skipped'}`);

const loadAtStart = os.loadavg()[0];
const results = [];
const failures = [];
const notes = new Set();
for (const job of jobs) {
  const tools = TOOLS.filter((t) => t.ok && job.cmds[t.id]);
  const res = Object.fromEntries(tools.map((t) => [t.id, { ms: [], rssMB: [], failed: 0 }]));
  const outDir = (t) => path.join(work, 'out', job.id, t.id);
  for (const t of tools) {
    if (!job.prepare) continue;
    const r = await runSteps(job.prepare(outDir(t)), { env: browserEnv, timeoutS: opts.timeoutS });
    if (r.error) failures.push(`${job.label} · ${t.name} (preparing build): ${r.error}`);
  }
  const rounds = (opts.warmup ? 1 : 0) + opts.runs;
  for (let round = 0; round < rounds; round++) {
    const timed = !opts.warmup || round > 0;
    for (const t of tools) {
      const r0 = res[t.id];
      if (r0.failed > 0 && r0.ms.length === 0 && r0.failed >= 2) continue; // failing every time: stop retrying
      const dir = outDir(t);
      if (!job.keepOutput) rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      let r = await runSteps(job.cmds[t.id](dir), { env: browserEnv, timeoutS: opts.timeoutS });
      if (!r.error && job.want) {
        const m = await made(dir, job.want);
        if (m.error) r = { ...r, error: m.error };
        else if (m.note) notes.add(`${job.label} · ${t.name}: ${m.note}`);
      }
      const tag = timed ? `run ${round + (opts.warmup ? 0 : 1)}/${opts.runs}` : 'warm-up';
      if (r.error) {
        r0.failed++;
        failures.push(`${job.label} · ${t.name} (${tag}): ${r.error}`);
        warn(`  ✗ ${job.label} · ${t.name} (${tag}) failed: ${r.error.split('\n')[0]}`);
        continue;
      }
      if (!timed) continue;
      r0.ms.push(r.ms);
      if (r.rssMB !== undefined) r0.rssMB.push(r.rssMB);
    }
  }
  const row = { job: job.label, id: job.id, cards: job.want?.cards ?? null, loadAverage: os.loadavg()[0], tools: {} };
  for (const t of tools) {
    const { ms, rssMB, failed } = res[t.id];
    row.tools[t.id] = ms.length
      ? { medianMs: median(ms), minMs: Math.min(...ms), maxMs: Math.max(...ms), runsMs: ms.map((x) => Math.round(x)), peakRssMB: rssMB.length ? median(rssMB) : null, failed }
      : { failed, error: true };
  }
  const tm = row.tools.threadeck?.medianMs;
  row.ratios = Object.fromEntries(
    TOOLS.filter((t) => t.id !== 'threadeck' && row.tools[t.id]?.medianMs && tm).map((t) => [t.id, tm / row.tools[t.id].medianMs]),
  );
  results.push(row);
  const brief = tools.map((t) => `${t.name} ${row.tools[t.id].medianMs ? `${(row.tools[t.id].medianMs / 1000).toFixed(2)} s` : 'failed'}`).join(' · ');
  warn(`  ${job.label}: ${brief}`);
}

// ---------------------------------------------------------------- report
const sec = (ms) => (ms < 10_000 ? (ms / 1000).toFixed(2) : (ms / 1000).toFixed(1));
const cell = (r) => {
  if (!r) return '—';
  if (!r.medianMs) return `failed ×${r.failed}`;
  const range = r.minMs === r.maxMs ? '' : ` (${sec(r.minMs)}–${sec(r.maxMs)})`;
  return `${sec(r.medianMs)} s${range}${r.failed ? `, ${r.failed} failed` : ''}`;
};
const ratio = (x) => (x === undefined ? '—' : `${x < 0.095 ? x.toFixed(3) : x.toFixed(2)}×`);
const peerIds = ['marp', 'playwright', 'bare'];
const lines = [];
lines.push(`## threadeck next to its peers — whole processes, wall time, median of ${opts.runs} (min–max)`);
lines.push('');
lines.push(`${machine} · load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end · node ${process.version} · threadeck ${versions.threadeck} · @marp-team/marp-cli ${versions.marpCli ?? '—'} · playwright-core ${versions.playwrightCore ?? '—'} · ${versions.chromium ?? 'no Chromium'}`);
lines.push('');
lines.push('| job | threadeck | Marp | Playwright | bare | threadeck ÷ Marp | threadeck ÷ Playwright | threadeck ÷ bare | load |');
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) lines.push(`| ${r.job} | ${cell(r.tools.threadeck)} | ${cell(r.tools.marp)} | ${cell(r.tools.playwright)} | ${cell(r.tools.bare)} | ${peerIds.map((p) => ratio(r.ratios[p])).join(' | ')} | ${r.loadAverage.toFixed(1)} |`);
if (hasTime) {
  lines.push('');
  lines.push('Peak RSS, MB (median; the largest single process — for Marp and Playwright one Chromium process or the driver, not their sum):');
  lines.push('');
  lines.push('| job | threadeck | Marp | Playwright | bare |');
  lines.push('|---|---:|---:|---:|---:|');
  const mb = (t) => (t?.peakRssMB ? Math.round(t.peakRssMB) : '—');
  for (const r of results) lines.push(`| ${r.job} | ${mb(r.tools.threadeck)} | ${mb(r.tools.marp)} | ${mb(r.tools.playwright)} | ${mb(r.tools.bare)} |`);
}
lines.push('');
lines.push('- threadeck: `node bin/threadeck.js build <thread> --out DIR --format … --force` (cover and outro off; Markdown, auto-fit, its own fonts and templates). Marp: `marp --theme card.css --allow-local-files deck.md --images png` / `--pdf` (PNG+PDF: both commands, one after the other). Playwright: one script, one page, an element screenshot per card and/or `page.pdf`. bare: satori → resvg → PNG in one process, no pipeline (no PDF).');
lines.push(`- A ratio below 1× means threadeck took less time. "—": not applicable (the peers have no cache, so an up-to-date re-run costs them a full build; bare makes no PDF). load: the 1-minute load average when the job ended (this machine has ${os.availableParallelism()} cores; above that, other processes were competing and the times are inflated and noisy).`);
lines.push('- PDF pages: threadeck writes 1080×1350 pt pages; Chromium (Marp, Playwright) writes 1080×1350 CSS px = 810×1012.5 pt — the same shape. Peer cards are one fixed 44 px font size; threadeck fits each post\'s size.');
if (notes.size) {
  lines.push('');
  lines.push('Card counts that differ from the input:');
  for (const n of notes) lines.push(`- ${n}`);
}
if (failures.length) {
  lines.push('');
  lines.push(`Failures (${failures.length}):`);
  for (const f of failures) lines.push(`- ${f.replace(/\n/g, '\n  ')}`);
}
log(lines.join('\n'));

if (opts.json) {
  const report = { date: new Date().toISOString(), machine, loadAverage: { start: loadAtStart, end: os.loadavg()[0] }, runs: opts.runs, warmup: opts.warmup, quick: opts.quick, versions, rows: results, notes: [...notes], failures };
  writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
  warn(`wrote ${opts.json}`);
}
