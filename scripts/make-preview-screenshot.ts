// Takes docs/preview-page.png for the README: `threadeck preview` of the source thread in headless
// Chromium (/usr/bin/chromium), with a post being edited and a warning-free page.
// Usage: node bin/run-ts.js scripts/make-preview-screenshot.ts
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startPreviewServer } from '../src/preview/server.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'threadeck-shot-'));
const file = path.join(dir, 'devops-sre-platform-engineering.yaml');
copyFileSync('threads/devops-sre-platform-engineering.yaml', file);
const server = await startPreviewServer({ file, displayName: 'threads/devops-sre-platform-engineering.yaml' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
await page.goto(server.url);
await page.waitForSelector('body.ready');
await page.locator('.cm-line', { hasText: 'SRE - this is about keeping' }).click();
await page.keyboard.press('End');
await page.keyboard.type(' Edited live.');
await page.waitForFunction(() => document.body.dataset.seq === '2');
await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('#cards img')].every((i) => i.complete && i.naturalWidth > 0));
await page.screenshot({ path: 'docs/preview-page.png' });
await browser.close();
await server.close();
rmSync(dir, { recursive: true, force: true });
console.log('docs/preview-page.png');
