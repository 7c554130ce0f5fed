// Hostile images: every bad image named in a thread is a positioned error saying what was expected and
// how to fix it — never a crash, a silently missing picture, a file read outside the thread's folder or
// a request to this machine or its network. Remote images are off unless asked for; when on, only
// public addresses are fetched from, every redirect is re-checked, and size and time are capped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PNG } from 'pngjs';
import { parseThread, ThreadeckError, formatDiagnostic, addressProblem, type ParseOptions } from '../../src/index.ts';
import { imageFromBytes, IMAGE_LIMITS } from '../../src/assets/images.ts';
import { pngDamage, jpegDamage } from '../../src/assets/image-check.ts';
import { tempDir, type CliResult } from '../helpers.ts';

const avatar = readFileSync('tests/fixtures/threads/images/maya-avatar.png');

/** A valid PNG of the given size, drawn with pngjs (a real file, not a patched header); `noisy` makes it incompressible. */
function pngOf(width: number, height: number, noisy = false): Buffer {
  const img = new PNG({ width, height });
  img.data.fill(200);
  if (noisy) for (let i = 0; i < img.data.length; i++) img.data[i] = (i * 2654435761) >>> 24;
  return PNG.sync.write(img);
}

/** A PNG whose IHDR claims width×height, with a correct CRC, and nothing decodable after it. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const b = Buffer.from(avatar.subarray(0, 33));
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

/** The thread's diagnostics, formatted as the CLI prints them. */
async function errors(yaml: string, opts: ParseOptions): Promise<string[]> {
  const err = await parseThread(yaml, { file: 'h.yaml', ...opts }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ThreadeckError);
  return (err as ThreadeckError).diagnostics.map(formatDiagnostic);
}

const threadWith = (image: string) => `title: t\nauthor: {name: A}\nposts:\n  - text: hi\n    image: ${JSON.stringify(image)}\n`;

/** Runs the CLI without blocking this process (a test server must keep answering). */
function runCliAsync(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve('bin/threadeck.js'), ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
let outside: string;
beforeAll(() => {
  dir = tempDir('threadeck-hostile-img-');
  outside = tempDir('threadeck-outside-');
  writeFileSync(path.join(outside, 'secret.png'), avatar);
  mkdirSync(path.join(dir, 'images'));
  writeFileSync(path.join(dir, 'images', 'ok.png'), avatar);
  writeFileSync(path.join(dir, 'text.png'), 'this is not an image, just words\n');
  writeFileSync(path.join(dir, 'empty.png'), '');
  writeFileSync(path.join(dir, 'cut.png'), avatar.subarray(0, Math.floor(avatar.length / 2)));
  const flipped = Buffer.from(avatar);
  flipped[100] = flipped[100]! ^ 0xff; // one byte flipped inside the image data: the chunk's CRC no longer matches
  writeFileSync(path.join(dir, 'flipped.png'), flipped);
  writeFileSync(path.join(dir, 'huge.png'), pngHeaderOnly(100_000, 100_000));
  writeFileSync(path.join(dir, 'wide.png'), pngHeaderOnly(65_537, 1));
  symlinkSync(path.join(outside, 'secret.png'), path.join(dir, 'link.png'));
  symlinkSync('/etc/passwd', path.join(dir, 'passwd.png'));
  symlinkSync(outside, path.join(dir, 'out-dir'));
  execFileSync('mkfifo', [path.join(dir, 'fifo.png')]);
});

describe('local image files', () => {
  it.each([
    ['missing.png', /image "missing\.png" not found \(looked for .*missing\.png\); check the name: paths are relative to the file that names them/],
    ['text.png', /"text\.png" is not a PNG, JPEG, WebP or GIF image \(it starts with "this is not "\); save it in one of those formats/],
    ['empty.png', /"empty\.png" is empty \(0 bytes\); expected a PNG, JPEG, WebP or GIF image/],
    ['cut.png', /"cut\.png" is a damaged PNG \(.*truncated\); export or download it again/],
    ['flipped.png', /"flipped\.png" is a damaged PNG \(the checksum of its IDAT chunk is wrong\); export or download it again/],
    ['huge.png', /"huge\.png" is 100000×100000 pixels; the limit is 16384 per side and 40 megapixels: scale it down to at most 2160 px/],
    ['wide.png', /"wide\.png" is 65537×1 pixels; the limit is 16384 per side/],
    ['images', /image "images" is a folder, not a file; name the image file itself/],
    ['fifo.png', /image "fifo\.png" is not a regular file \(a pipe, socket or device\)/], // reading it would block forever
  ])('%s → a positioned error saying what is expected and how to fix it', async (ref, message) => {
    const e = await errors(threadWith(ref), { baseDir: dir });
    expect(e).toHaveLength(1);
    expect(e[0]).toMatch(/^h\.yaml:5:12 posts\[0\]\.image: post 1 image: /);
    expect(e[0]).toMatch(message);
  });

  it.each([
    ['../threadeck-outside/secret.png', /lies outside the thread's folder; copy the file into the thread's folder/],
    ['./link.png', /"\.\/link\.png" lies outside the thread's folder \(through a symbolic link\)/],
    ['passwd.png', /"passwd\.png" lies outside the thread's folder \(through a symbolic link\)/],
    ['out-dir/secret.png', /"out-dir\/secret\.png" lies outside the thread's folder \(through a symbolic link\)/],
    ['/etc/passwd', /"\/etc\/passwd" is an absolute path; write it relative to the file that names it/],
    ['file:///etc/passwd', /"file:\/\/\/etc\/passwd" is a file:\/\/ URL; write the path relative to the thread file instead/],
    ['FILE:/etc/passwd', /is a file:\/\/ URL/],
    ['data:image/png;base64,iVBORw0KGgo=', /is a URL; image files must sit next to the thread/],
    ['https://example.com/a.png', /"https:\/\/example\.com\/a\.png" is a URL and remote images are off; download the image next to the thread file and write its relative path, or allow fetching with --allow-remote-images \(library: remoteImages: \{ enabled: true \}\)/],
    ['http://127.0.0.1/a.png', /remote images are off/],
  ])('%s is refused without reading it', async (ref, message) => {
    const ref2 = ref.replace('threadeck-outside', path.basename(outside));
    const e = await errors(threadWith(ref2), { baseDir: dir });
    expect(e).toHaveLength(1);
    expect(e[0]).toMatch(/^h\.yaml:5:12 posts\[0\]\.image: post 1 image: /);
    expect(e[0]).toMatch(message);
  });

  it('the 100,000 × 100,000 header is refused from the header alone (the file has no image data to decode)', async () => {
    const bytes = pngHeaderOnly(100_000, 100_000);
    expect(bytes.length).toBe(33);
    await expect(imageFromBytes(bytes, 'huge.png')).rejects.toThrow(/100000×100000 pixels/);
  });

  it('a real 16,385-pixel-wide PNG is refused; the largest allowed side is downscaled to fit a card', async () => {
    await expect(imageFromBytes(pngOf(16_385, 1), 'wide.png')).rejects.toThrow(/16385×1 pixels; the limit is 16384 per side/);
    const asset = await imageFromBytes(pngOf(16_384, 2), 'wide.png');
    // satori reads a PNG's size as 16-bit numbers: what reaches it is always far below 65,536.
    expect(asset).toMatchObject({ mime: 'image/png', width: IMAGE_LIMITS.maxEmbedSide, original: { width: 16_384, height: 2 } });
    expect(asset.width).toBeLessThan(65_536);
  });

  it('the structure checks accept every PNG and JPEG fixture in the repository', () => {
    for (const file of ['tests/fixtures/threads/images/maya-avatar.png', 'tests/fixtures/images/big-3000x2000.jpg', 'tests/fixtures/images/orientation-6-64x48.jpg']) {
      const bytes = readFileSync(file);
      expect(file.endsWith('.png') ? pngDamage(bytes) : jpegDamage(bytes), file).toBeUndefined();
    }
    const jpeg = readFileSync('tests/fixtures/images/big-3000x2000.jpg');
    expect(jpegDamage(jpeg.subarray(0, jpeg.length - 100))).toMatch(/no end-of-image marker/);
    expect(jpegDamage(jpeg.subarray(0, 200))).toMatch(/truncated/);
  });

  it('the CLI: a bad thread fails alone, with positions and no stack trace; the good thread is built', async () => {
    writeFileSync(path.join(dir, 'bad.yaml'), threadWith('./text.png'));
    writeFileSync(path.join(dir, 'good.yaml'), threadWith('./images/ok.png'));
    const out = path.join(dir, 'out');
    const r = await runCliAsync(['build', path.join(dir, 'bad.yaml'), path.join(dir, 'good.yaml'), '--out', out, '--format', 'png']);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/bad\.yaml:5:12 posts\[0\]\.image: post 1 image: "\.\/text\.png" is not a PNG/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(out, 'bad'))).toBe(false);
    expect(existsSync(path.join(out, 'good', 'good-02.png'))).toBe(true);
  });
});

describe('the address classifier', () => {
  it.each([
    // IPv4 that must never be fetched from
    ['127.0.0.1', /loopback/],
    ['127.255.255.254', /loopback/],
    ['0.0.0.0', /unspecified/],
    ['0.1.2.3', /unspecified/],
    ['10.0.0.1', /private/],
    ['172.16.5.4', /private/],
    ['172.31.255.255', /private/],
    ['192.168.1.1', /private/],
    ['169.254.169.254', /link-local/], // cloud metadata
    ['100.64.0.1', /carrier-grade NAT/],
    ['100.127.255.255', /carrier-grade NAT/],
    ['224.0.0.1', /multicast/],
    ['239.255.255.250', /multicast/],
    ['255.255.255.255', /broadcast/],
    ['192.0.2.1', /reserved or documentation/],
    ['198.18.0.1', /reserved or documentation/],
    ['240.0.0.1', /reserved/],
    // IPv6
    ['::1', /loopback/],
    ['[::1]', /loopback/],
    ['::', /unspecified/],
    ['fe80::1', /link-local/],
    ['fe80::1%eth0', /link-local/],
    ['fc00::1', /unique local/],
    ['fd12:3456::1', /unique local/],
    ['ff02::1', /multicast/],
    ['2001:db8::1', /reserved or documentation/],
    ['fec0::1', /site-local/],
    ['::ffff:127.0.0.1', /IPv4-mapped address holding 127\.0\.0\.1, a loopback/],
    ['::ffff:7f00:1', /IPv4-mapped address holding 127\.0\.0\.1/],
    ['::ffff:10.1.2.3', /IPv4-mapped address holding 10\.1\.2\.3, a private/],
    ['::ffff:169.254.169.254', /holding 169\.254\.169\.254, a link-local/],
    ['64:ff9b::127.0.0.1', /NAT64 address holding 127\.0\.0\.1/],
    ['64:ff9b::a00:1', /NAT64 address holding 10\.0\.0\.1/],
    ['64:ff9b:1::1', /local-use NAT64/],
    ['2002:7f00:1::', /6to4 address holding 127\.0\.0\.1/],
    ['2002:c0a8:101::1', /6to4 address holding 192\.168\.1\.1/],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', undefined], // Teredo: server 65.54.227.120, client 192.0.2.45 → refused below
    ['2001:0:4136:e378:8000:63bf:f5ff:fffe', /Teredo address holding 10\.0\.0\.1/],
    ['2001:0:7f00:1::', /Teredo address holding 127\.0\.0\.1/],
    ['::7f00:1', /unassigned IPv6/], // the deprecated IPv4-compatible form
    ['not-an-ip', /not an IP address/],
  ])('%s is refused', (address, why) => {
    if (why === undefined) {
      // Client 192.0.2.45 (documentation range) inside the Teredo address.
      expect(addressProblem(address)).toMatch(/Teredo address holding 192\.0\.2\.45, a reserved/);
      return;
    }
    expect(addressProblem(address)).toMatch(why);
  });

  it.each(['93.184.216.34', '8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:2800:220:1:248:1893:25c8:1946', '2a00:1450:4001::1', '::ffff:8.8.8.8', '64:ff9b::808:808'])(
    '%s is public',
    (address) => expect(addressProblem(address)).toBeUndefined(),
  );
});

describe('remote images, when turned on', () => {
  let server: http.Server;
  let port: number;
  const hits: string[] = [];
  const big = pngOf(600, 600, true);

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(`${req.headers.host}${req.url}`);
      const url = req.url ?? '/';
      if (url === '/a.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(avatar);
      if (url === '/big.png') return void res.writeHead(200, { 'content-type': 'image/png', 'content-length': big.length }).end(big);
      if (url === '/big-chunked.png') {
        res.writeHead(200, { 'content-type': 'image/png' }); // no Content-Length: the cap counts bytes as they come
        res.write(big.subarray(0, 1000));
        return void setTimeout(() => res.end(big.subarray(1000)), 10);
      }
      if (url === '/page.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end('<!doctype html><title>Login</title>');
      if (url === '/missing.png') return void res.writeHead(404).end('not found');
      if (url === '/slow.png') return; // never answers
      if (url.startsWith('/redirect?to=')) return void res.writeHead(302, { location: decodeURIComponent(url.slice(13)) }).end();
      if (url === '/loop') return void res.writeHead(301, { location: '/loop' }).end();
      res.writeHead(500).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  /** Tests stand in for DNS: "cdn.example" is the local test server, allowed by the allow-list. */
  const lab = (extra: Record<string, unknown> = {}): ParseOptions => ({
    baseDir: dir,
    remoteImages: {
      enabled: true,
      resolve: async (host) => ({ 'cdn.example': ['127.0.0.1'], 'intranet.example': ['10.0.0.7'], 'mixed.example': ['93.184.216.34', '192.168.0.1'] })[host] ?? [],
      allowAddresses: ['127.0.0.1/32'],
      ...extra,
    },
  });

  it('the CLI flag turns them on, and a server on 127.0.0.1 is still refused — before any request is made', async () => {
    const thread = path.join(dir, 'local-url.yaml');
    writeFileSync(thread, threadWith(`http://127.0.0.1:${port}/a.png`));
    const before = hits.length;
    const off = await runCliAsync(['build', thread, '--out', path.join(dir, 'out-url'), '--format', 'png']);
    expect(off.code).toBe(1);
    expect(off.stdout + off.stderr).toMatch(/local-url\.yaml:5:12 posts\[0\]\.image: .*remote images are off.*--allow-remote-images/);
    const on = await runCliAsync(['build', thread, '--allow-remote-images', '--out', path.join(dir, 'out-url'), '--format', 'png']);
    expect(on.code).toBe(1);
    expect(on.stdout + on.stderr).toMatch(
      new RegExp(`local-url\\.yaml:5:12 posts\\[0\\]\\.image: post 1 image: "http://127\\.0\\.0\\.1:${port}/a\\.png" was not fetched: 127\\.0\\.0\\.1 is a loopback address \\(this machine\\); only public addresses are fetched from`),
    );
    expect(hits.length).toBe(before);
    expect(existsSync(path.join(dir, 'out-url', 'local-url'))).toBe(false);
  });

  it.each([
    [`http://localhost:{port}/a.png`, /"localhost" resolves to (127\.0\.0\.1|::1), a loopback address/],
    [`http://[::ffff:127.0.0.1]:{port}/a.png`, /::ffff:7f00:1 is an IPv4-mapped address holding 127\.0\.0\.1, a loopback address/],
    [`http://2130706433:{port}/a.png`, /127\.0\.0\.1 is a loopback/], // the URL parser turns a decimal host into 127.0.0.1
    [`http://0x7f.1:{port}/a.png`, /127\.0\.0\.1 is a loopback/],
    [`http://[::]:{port}/a.png`, /:: is the unspecified address/],
    [`http://0.0.0.0:{port}/a.png`, /0\.0\.0\.0 is the unspecified address/],
  ])('%s is refused with only the real resolver (nothing allowed)', async (url, why) => {
    const before = hits.length;
    const e = await errors(threadWith(url.replace('{port}', String(port))), { baseDir: dir, remoteImages: { enabled: true } });
    expect(e[0]).toMatch(why);
    expect(hits.length).toBe(before);
  });

  it('fetches from an allowed address, connecting to the checked address with the host name kept', async () => {
    const thread = await parseThread(threadWith(`http://cdn.example:${port}/a.png`), { file: 'h.yaml', ...lab() });
    expect(thread.posts[0]!.image).toMatchObject({ mime: 'image/png', width: 256, height: 256 });
    expect(Buffer.compare(Buffer.from(thread.posts[0]!.image!.bytes), avatar)).toBe(0);
    expect(hits.at(-1)).toBe(`cdn.example:${port}/a.png`);
  });

  it('a big image is downscaled like a local one', async () => {
    const thread = await parseThread(threadWith(`http://cdn.example:${port}/big.png`), { file: 'h.yaml', ...lab() });
    expect(thread.posts[0]!.image).toMatchObject({ width: 600, height: 600 });
  });

  it.each([
    ['a name resolving to a private address', 'http://intranet.example:{port}/a.png', /"intranet\.example" resolves to 10\.0\.0\.7, a private network address; only public addresses are fetched from/],
    ['a name with one private address among public ones', 'http://mixed.example:{port}/a.png', /"mixed\.example" resolves to 192\.168\.0\.1, a private network address/],
    ['a name that does not resolve', 'http://nowhere.example:{port}/a.png', /"nowhere\.example" has no address/],
    ['a redirect to a private address', 'http://cdn.example:{port}/redirect?to=http%3A%2F%2Fintranet.example%2Fa.png', /"intranet\.example" resolves to 10\.0\.0\.7/],
    ['a redirect to another loopback address', 'http://cdn.example:{port}/redirect?to=http%3A%2F%2F127.0.0.2%3A{port}%2Fa.png', /127\.0\.0\.2 is a loopback address/],
    ['a redirect to an IPv4-mapped loopback', 'http://cdn.example:{port}/redirect?to=http%3A%2F%2F%5B%3A%3Affff%3A127.0.0.2%5D%2Fa.png', /IPv4-mapped address holding 127\.0\.0\.2/],
    ['a redirect to file://', 'http://cdn.example:{port}/redirect?to=file%3A%2F%2F%2Fetc%2Fpasswd', /"file:\/\/\/etc\/passwd" \(redirected from .*\) is not an http or https URL; only those are fetched/],
    ['a redirect loop', 'http://cdn.example:{port}/loop', /more than 5 redirects/],
    ['a 404', 'http://cdn.example:{port}/missing.png', /the server answered HTTP 404 Not Found/],
    ['an HTML page named .png', 'http://cdn.example:{port}/page.png', /is not a PNG, JPEG, WebP or GIF image \(it starts with "<!doctype ht"\)/],
    ['an ftp URL', 'ftp://cdn.example/a.png', /is a URL; image files must sit next to the thread/],
    ['a URL with a password', 'http://user:pw@cdn.example:{port}/a.png', /URLs with a user name or password are not fetched/],
  ])('%s is refused', async (_, url, why) => {
    const e = await errors(threadWith(url.replaceAll('{port}', String(port))), lab());
    expect(e).toHaveLength(1);
    expect(e[0]).toMatch(/^h\.yaml:5:12 posts\[0\]\.image: post 1 image: ".*" (was not fetched: |is )/);
    expect(e[0]).toMatch(why);
  });

  it('the byte cap holds with and without a Content-Length', async () => {
    const opts = lab({ maxBytes: 5000 });
    expect((await errors(threadWith(`http://cdn.example:${port}/big.png`), opts))[0]).toMatch(/the server announces \d+ bytes; the limit is 5000 bytes/);
    expect((await errors(threadWith(`http://cdn.example:${port}/big-chunked.png`), opts))[0]).toMatch(/larger than the limit of 5000 bytes/);
  });

  // vitest's 5 s test timeout is the bound: a fetch that ignored its deadline would fail the test.
  it('a server that never answers is given up on at the deadline', async () => {
    const e = await errors(threadWith(`http://cdn.example:${port}/slow.png`), lab({ timeoutMs: 300 }));
    expect(e[0]).toMatch(/was not fetched: no complete answer within 0\.3 s/);
  });
});
