#!/usr/bin/env node
// The `threadeck` command: a thin shim over the compiled CLI in dist/ (`npm run build` makes it;
// npm runs that on `npm ci`, `npm install` and `npm pack`).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
